"""Claims and reassignment with station stores on the real PostgreSQL (station role).

Pickers use `StationPickingBackend` with real picking facts and the real appliers; each test ends
with the exact count check on facts, tasks and stock.
"""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import func, select, text, update
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.events import Actor, Event
from app.services import users as user_service
from db.engine import make_engine
from db.schema import events, exceptions, pick_lists, pick_tasks, stock, users
from db.station.backend import StationPickingBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from db.uow import SqlUnitOfWork
from tests.integration.sync.proxy import CuttableProxy
from tests.integration.sync.support import (
    applier_running,
    eventually,
    seed_pick_lists,
    station_role_url,
)


class Station:
    """A headless station: its store, its sync thread, the picker backend the screen would use."""

    def __init__(self, name: str, url: str, tmp_path) -> None:
        self.store = StationStore(tmp_path / f"{name}.sqlite", name)
        self.engine = make_engine(url)
        self.sync = SyncEngine(self.store, self.engine, poll_s=0.1, backoff=(0.01, 0.1)).start()
        uow = lambda: SqlUnitOfWork(self.engine)  # noqa: E731
        door = lambda: self.sync.door  # noqa: E731 - claims go through the station's door
        self.backend = StationPickingBackend(self.store, self.sync.wake, uow, name, door)
        self.name = name

    def pick(self, view, task, user) -> Event:
        payload = {"pick_list_id": view.id, "task_id": task.id, "quantity": task.quantity}
        fact = Event("pick.confirmed", payload, Actor(user.name, self.name), task.order_ref)
        self.backend.record([fact])
        return fact

    def finish(self, view, user) -> Event:
        fact = Event("picklist.finished", {"pick_list_id": view.id}, Actor(user.name, self.name))
        self.backend.record([fact])
        return fact

    def stop(self) -> None:
        self.sync.stop()


def picker(central, name: str):
    with central.uow() as uow:
        return next(u for u in uow.users.all() if u.name == name)


def central_facts(central) -> Counter:
    with central.engine.connect() as conn:
        kinds = ("pick.confirmed", "picklist.finished")
        return Counter(
            conn.execute(select(events.c.uuid).where(events.c.kind.in_(kinds))).scalars()
        )


def on_hand(central) -> int:
    with central.engine.connect() as conn:
        return conn.execute(select(func.sum(stock.c.on_hand))).scalar_one()


def test_list_reassigned_while_a_station_is_offline(pg_url, tmp_path):
    central = open_central(pg_url)
    seed_pick_lists(central, tmp_path / "site")
    stock_before = on_hand(central)
    url_a = make_url(station_role_url(pg_url, "station-A"))
    proxy = CuttableProxy((url_a.host, url_a.port or 5432))
    a = Station("station-A", url_a.set(port=proxy.port).render_as_string(False), tmp_path)
    b = Station("station-B", station_role_url(pg_url, "station-B"), tmp_path)
    pia, jan = picker(central, "Pia"), picker(central, "Jan")
    with applier_running(pg_url):  # central's `shipshape apply-facts`
        try:
            view = a.backend.my_pick_list(pia)
            first, second = view.tasks[0], view.tasks[1]
            proxy.refuse = True  # station A loses the network
            proxy.cut()
            picked_offline = a.pick(view, first, pia)
            assert a.backend.still_mine(view.id, pia)  # offline, A still shows the list
            with central.engine.begin() as conn:  # the lead gives the list to Jan
                jan_id = select(users.c.id).where(users.c.name == "Jan").scalar_subquery()
                conn.execute(
                    update(pick_lists).where(pick_lists.c.id == view.id).values(assignee_id=jan_id)
                )
            at_b = b.backend.my_pick_list(jan)
            assert at_b.id == view.id and at_b.tasks[0].picked == 0  # A's pick has not arrived
            picked_at_b = b.pick(at_b, second, jan)
            assert wait_until_drained(b.sync, 10)
            proxy.refuse = False  # A is back
            assert wait_until_drained(a.sync, 20)
            a.sync._must_pull = b.sync._must_pull = True
            a.sync.wake(), b.sync.wake()
            assert eventually(lambda: not a.backend.still_mine(view.id, pia))
            assert a.backend.my_pick_list(pia).id != view.id  # Pia gets other work
            # B learns of A's late pick by its next pull (a NOTIFY away): the rest stays with Jan.
            assert eventually(lambda: b.backend.my_pick_list(jan).tasks[0].picked == first.quantity)
        finally:
            a.stop(), b.stop(), proxy.close()
    stored = central_facts(central)
    assert stored == Counter({picked_offline.uuid: 1, picked_at_b.uuid: 1})
    with central.engine.connect() as conn:
        tasks = dict(
            conn.execute(
                select(pick_tasks.c.id, pick_tasks.c.picked).where(
                    pick_tasks.c.pick_list_id == view.id
                )
            ).all()
        )
        rows = conn.execute(
            select(exceptions).where(exceptions.c.kind == "reassigned_offline")
        ).all()
    assert tasks[first.id] == first.quantity and tasks[second.id] == second.quantity
    [exception] = rows
    assert exception.details["pick_list_id"] == view.id
    assert (exception.details["picked_by"], exception.details["now_with"]) == ("Pia", "Jan")
    assert on_hand(central) == stock_before - first.quantity - second.quantity


def test_eight_stations_racing_for_released_lists_never_share_one(pg_url, tmp_path):
    central = open_central(pg_url)
    seed_pick_lists(central, tmp_path / "site", orders=32, per_list=2)
    names = [f"Picker {n}" for n in range(8)]
    for n, name in enumerate(names):
        user_service.save_user(
            central.uow(), name, "picker", f"30{n:02d}", None, by=central.setup_identity()
        )
    stock_before = on_hand(central)
    stations = [
        Station(f"station-{n}", station_role_url(pg_url, f"station-{n}"), tmp_path)
        for n in range(8)
    ]
    with applier_running(pg_url):  # central's `shipshape apply-facts`
        start = threading.Barrier(8)
        claimed: list[tuple[str, int]] = []
        facts: list[str] = []
        units: list[int] = []

        def work(station: Station, name: str) -> None:
            user = picker(central, name)
            start.wait()
            while (view := station.backend.my_pick_list(user)) is not None:
                claimed.append((name, view.id))
                for task in view.tasks:
                    facts.append(station.pick(view, task, user).uuid)
                    units.append(task.quantity)
                facts.append(station.finish(view, user).uuid)

        threads = [
            threading.Thread(target=work, args=pair) for pair in zip(stations, names, strict=True)
        ]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(120)
            for station in stations:
                assert wait_until_drained(station.sync, 20)
        finally:
            for station in stations:
                station.stop()
    lists = [list_id for _name, list_id in claimed]
    assert len(lists) == len(set(lists)) == 16, "a pick list was claimed twice (or not at all)"
    assert central_facts(central) == Counter(facts)
    with central.engine.connect() as conn:
        open_lists = conn.execute(text("SELECT count(*) FROM pick_lists WHERE status <> 'done'"))
        assert open_lists.scalar_one() == 0
    assert sum(units) == 64 and on_hand(central) == stock_before - 64
