"""Counting on the real PostgreSQL (docs/stock.md "Counting races picks"): a count and a pick at
the same location in concurrent transactions, each waiting for the other's row locks, in both
orders; and a counting station, logged in with the least-privileged station role, whose counts
made offline are replayed after it reconnects while pickers went on picking. Stock ends exactly
at what is on the shelf."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.counting import Tolerance
from app.domain.events import Actor, Event
from app.domain.stock_ledger import Movement, MovementKind
from app.scanning.interpret import interpret
from app.services import count_lead, demo, facts
from app.services.picking_central import CentralPickingBackend
from app.steps import counting
from db.engine import make_engine
from db.station.counting import LOCATIONS_META, CountPuller, StationCountBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from db.uow import SqlUnitOfWork
from tests.integration.counting.story import LEAD, count_fact, tasks_at
from tests.integration.picking.test_central_picking import PIA
from tests.integration.sync.proxy import CuttableProxy
from tests.integration.sync.support import eventually, station_role_url

NOW = datetime.now(UTC)


def _site(pg_url):
    central = open_central(pg_url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
    count_lead.set_tolerance(central.uow(), LEAD, Tolerance(100_000, 100.0), "desk")
    return central


def _pia_task(central):
    """Pia's first task, its shelf topped up with 5 free units long before (no count here
    leaves the shelf over-reserved)."""
    view = CentralPickingBackend(central.uow, "PICK-01").my_pick_list(PIA)
    task = view.tasks[0]
    with central.uow() as uow:
        actor = Actor("Sanne de Vries", "recv-1")
        put = Movement(MovementKind.PUT_AWAY, task.location, task.sku, task.lot, 5, actor, _at(-60))
        uow.stock.change(put)
        uow.commit()
    return view, task


def _at(minutes: float) -> datetime:
    return NOW - timedelta(hours=1) + timedelta(minutes=minutes)


def _pick(view, task, when) -> Event:
    payload = {"pick_list_id": view.id, "task_id": task.id, "quantity": 1, "lot": task.lot}
    return Event("pick.confirmed", payload, Actor(PIA.name, "PICK-01"), task.order_ref, when)


def _location_lines(central, location, sku, lot, counted):
    with central.uow() as uow:
        rows = [s for s in uow.stock.all() if s.location == location]
    return [(s.sku, s.lot, counted if (s.sku, s.lot) == (sku, lot) else s.on_hand) for s in rows]


def _on_hand(central, task) -> int:
    with central.uow() as uow:
        return uow.stock.get(task.location, task.sku, task.lot).on_hand


def _holding(central, first: Event, then: Event) -> None:
    """`first` applied in a transaction that holds its stock row locks while `then` is applied
    in another (it must wait for them), then committed."""
    uow = central.uow()
    with uow:
        facts.apply_fresh(uow, [first])
        uow.picking.flush()  # a pick takes its row locks at commit: take them now
        waiter = threading.Thread(target=facts.apply_facts, args=(central.uow(), [then]))
        waiter.start()
        time.sleep(0.5)
        assert waiter.is_alive(), "the second transaction did not wait for the row locks"
        uow.commit()
    waiter.join(30)
    assert not waiter.is_alive()


@pytest.mark.parametrize("count_minute", [2, 0], ids=["count-after-pick", "count-before-pick"])
@pytest.mark.parametrize(
    "count_holds", [True, False], ids=["count-locks-first", "pick-locks-first"]
)
def test_a_count_racing_a_pick_at_the_same_location(pg_url, count_minute, count_holds):
    central = _site(pg_url)
    try:
        view, task = _pia_task(central)
        n = _on_hand(central, task)
        seen = n - 1 if count_minute > 1 else n  # the pick took its unit at minute 1
        lines = _location_lines(central, task.location, task.sku, task.lot, seen)
        count = count_fact(task.location, lines, _at(count_minute))
        pick = _pick(view, task, _at(1))
        _holding(central, *((count, pick) if count_holds else (pick, count)))
        assert _on_hand(central, task) == n - 1
        assert tasks_at(central, task.location)[-1].status == "done"
    finally:
        central.close()


def test_many_picks_and_a_count_at_once_end_exactly_right(pg_url):
    central = _site(pg_url)
    try:
        view, task = _pia_task(central)
        n = _on_hand(central, task)
        picks = [_pick(view, task, _at(minute)) for minute in (1, 3, 5, 7)]
        # The count at minute 4 saw the shelf after the picks of minutes 1 and 3.
        count = count_fact(
            task.location,
            _location_lines(central, task.location, task.sku, task.lot, n - 2),
            _at(4),
        )
        start = threading.Barrier(len(picks) + 1)

        def apply(fact):
            start.wait()
            facts.apply_facts(central.uow(), [fact])

        threads = [threading.Thread(target=apply, args=(f,)) for f in [*picks, count]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert _on_hand(central, task) == n - len(picks)  # each pick took a unit off the shelf
    finally:
        central.close()


class CountingStation:
    def __init__(self, name: str, station_url, tmp_path) -> None:
        self.proxy = CuttableProxy((station_url.host, station_url.port or 5432))
        self.engine = make_engine(station_url.set(port=self.proxy.port).render_as_string(False))
        self.store = StationStore(tmp_path / f"{name}.sqlite", name)
        self.sync = SyncEngine(
            self.store,
            self.engine,
            poll_s=0.1,
            backoff=(0.01, 0.1),
            pullers=[CountPuller(self.store)],
        )
        self.backend = StationCountBackend(
            self.store,
            self.sync.wake,
            lambda: SqlUnitOfWork(self.engine),
            name,
            central_reachable=lambda: not self.sync.status.error,
        )
        self.sync.start()
        self.actor = Actor("Sanne de Vries", name)

    def count(self, location: str, scans: list[str], when: datetime) -> str:
        """The clerk's steps at a location, as the count page runs them; the fact keeps the
        time the clerk closed the count."""
        state = counting.start(self.actor)
        verdict = counting.on_location(state, self.backend.location(location))
        assert verdict.ok, verdict.reason
        state = verdict.state
        for raw in scans:
            scan = interpret(raw)
            look = counting.on_scan(state, scan).look_up
            verdict = counting.on_product(state, scan, self.backend.product_of(look.code))
            assert verdict.ok, verdict.reason
            state = verdict.state
        state = counting.on_command(state, "CLOSE").state
        done = counting.on_command(state, "CONFIRM")
        (fact,) = done.facts
        self.backend.record([replace(fact, occurred_at=when)])
        return done.reason

    def stop(self) -> None:
        self.sync.stop()
        self.engine.dispose()
        self.proxy.close()


def test_an_offline_stations_counts_are_replayed_after_reconnect(pg_url, tmp_path, applier):
    central = _site(pg_url)
    view, task = _pia_task(central)
    n = _on_hand(central, task)
    with central.uow() as uow:
        here = [s for s in uow.stock.all() if s.location == task.location]
        gtins = {s.sku: uow.catalog.product(s.sku).gtins[0] for s in here}
    station = CountingStation("count-1", make_url(station_role_url(pg_url, "count-1")), tmp_path)
    try:
        assert station.backend.open_tasks() == []  # the clerk's first look: keep the copy
        assert eventually(lambda: station.store.get_meta(LOCATIONS_META) is not None, 20)
        assert eventually(lambda: len(station.store.cached("product")) > 0, 20)
        station.proxy.refuse = True
        station.proxy.cut()
        assert eventually(lambda: bool(station.sync.status.error), 20)
        scans = []  # the shelf after the pick of minute 1: one scan per unit
        for item in here:
            units = n - 1 if item.sku == task.sku and item.lot == task.lot else item.on_hand
            lot = f"(10){item.lot}" if item.lot else ""
            scans += [f"(01){gtins[item.sku]}{lot}"] * units
        assert station.count(task.location, scans, _at(2)) == "count_recorded"
        assert station.store.waiting() == 1
        # Meanwhile the picker (online) picks one at minute 1 and one at minute 3.
        facts.apply_facts(central.uow(), [_pick(view, task, _at(1)), _pick(view, task, _at(3))])
        assert _on_hand(central, task) == n - 2
        station.proxy.refuse = False
        assert wait_until_drained(station.sync, 60)
        assert eventually(lambda: bool(tasks_at(central, task.location)), 30)
        assert eventually(lambda: tasks_at(central, task.location)[-1].status == "done", 30)
        assert _on_hand(central, task) == n - 2  # counted n - 1, less the pick of minute 3
    finally:
        station.stop()
        central.close()


def test_a_lead_desk_login_schedules_counts_and_approves_a_variance(pg_url):
    """The desk's own grants (db/roles.sql) suffice: a range scheduled, the tolerance set, and a
    confirmed variance below what is reserved approved (stock, ledger, released reservations)."""
    from app.services.lead.exceptions import exception_queue
    from app.services.lead.resolutions import resolve
    from tests.integration.sync.support import role_url

    central = open_central(pg_url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
    view = CentralPickingBackend(central.uow, "PICK-01").my_pick_list(PIA)
    task = view.tasks[0]
    engine = make_engine(role_url(pg_url, "shipshape_test_lead_count", "shipshape_lead"))
    desk = lambda: SqlUnitOfWork(engine)  # noqa: E731
    try:
        count_lead.set_tolerance(desk(), LEAD, Tolerance(2, 5.0), "lead-desk")
        done = count_lead.schedule_range(desk(), LEAD, task.location, task.location, "lead-desk")
        assert done.locations == [task.location] and len(done.added) == 1
        lines = _location_lines(central, task.location, task.sku, task.lot, 0)
        facts.apply_facts(central.uow(), [count_fact(task.location, lines, _at(1))])
        facts.apply_facts(central.uow(), [count_fact(task.location, lines, _at(2))])
        (item,) = [q for q in exception_queue(desk(), LEAD) if q.kind == "count_variance"]
        resolve(desk(), LEAD, item.key, "approve_count", "", "lead-desk")
        with central.uow() as uow:
            after = uow.stock.get(task.location, task.sku, task.lot)
        assert (after.on_hand, after.reserved, after.held) == (0, 0, 0)
        assert tasks_at(central, task.location)[-1].status == "done"
    finally:
        engine.dispose()
        central.close()
