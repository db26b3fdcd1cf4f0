"""Packing offline from the station store: a real SQLite central database seeded with
the demo site, a real station store and the real sync engine. "Offline" is a central database
whose file cannot be opened (its folder does not exist): every query to it fails, as it would
with the network gone."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from app.domain.events import Actor
from app.domain.gs1 import has_valid_check_digit
from app.domain.users import Role, User
from app.errors import BadInput, NotAllowed, NotFound, Offline, PinLocked
from app.scanning.interpret import interpret
from app.services import users
from app.services.lead import resolutions
from app.services.packing_central import CentralPackingBackend
from db.schema import (
    counters,
    events,
    exceptions,
    order_lines,
    orders,
    packages,
    pick_tasks,
    settings,
    shipments,
    totes,
)
from db.station.packing import TOPIC, PackingPuller, StationPackingBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.integration.packing.test_central_packing import PACKER, pack_everything
from tests.packing_driver import Packer

STATION = "pack-7"
BLOCK = 3  # small number blocks, so a few cartons are enough to need a top-up


def sync_round(store: StationStore, central) -> None:
    """One round of the station's sync thread (push, then pull), run here in the test."""
    engine = SyncEngine(
        store, central.engine, pullers=[PackingPuller(store, BLOCK, BLOCK)], listen=False
    )
    engine.sync_once()
    assert engine.status.online and not engine.status.error


def offline_backend(store, dead_central, reachable=False) -> StationPackingBackend:
    return StationPackingBackend(store, lambda: None, dead_central, STATION, lambda: reachable)


def scan_units(backend, session, line, units: int) -> None:
    """`units` more units of a picked line, each with its serial where the product needs one."""
    first = session.packed[line.line_id] + 1  # units packed before, also in earlier sessions
    for text in line.unit_scans(units, first):
        verdict = session.scan_item(interpret(text))
        assert verdict.ok and verdict.reason == "packed", verdict
        backend.record(list(verdict.facts))


def close(backend, session, view, final: bool):
    box = view.package_types[0]
    numbers = backend.allocate_numbers(view)
    closed = session.close_carton(box, session.expected_kg(box), "typed", numbers, final)
    backend.record([closed.fact])
    return closed


def test_a_whole_order_is_packed_offline_and_reaches_central_exactly_once(
    central, dead_central, tmp_path
):
    ref = released_orders(central, 2)[0]
    order = pick_into_tote(central, ref, "0301", quantity=2)
    path = tmp_path / "station.sqlite"
    store = StationStore(path, STATION)
    sync_round(store, central)  # online once: the order, users, settings and numbers arrive
    assert store.numbers_left("sscc") == BLOCK

    # The network is gone. Carton 1 holds the first line; one unit of the second goes in.
    backend = offline_backend(store, dead_central)
    view = backend.open_for_packing(interpret("T:0301"), PACKER)
    assert view.order_ref == ref and view.cartons_closed == 0 and not view.blocked
    session = Packer(view, Actor(PACKER.name, STATION))
    backend.record([session.started()])
    first, second = order.lines[0], order.lines[1]
    scan_units(backend, session, first, first.quantity)
    one = close(backend, session, view, final=False)
    scan_units(backend, session, second, 1)

    # The station restarts, still offline: the packer sees where they were.
    store.close()
    store = StationStore(path, STATION)
    backend = offline_backend(store, dead_central)
    view = backend.open_for_packing(interpret("T:0301"), PACKER)
    packed = {line.line_id: line.packed for line in view.lines}
    assert view.cartons_closed == 1 and view.tracking_number == one.numbers.tracking_number
    assert packed[first.line_id] == first.quantity and packed[second.line_id] == 1
    session = Packer(view, Actor(PACKER.name, STATION))
    assert session.carton == 2
    for picked, line in zip(order.lines, view.lines, strict=True):
        scan_units(backend, session, picked, session.remaining(line))
    two = close(backend, session, view, final=True)
    assert two.final and (two.index, two.count) == (2, 2)
    assert two.numbers.tracking_number == one.numbers.tracking_number
    assert two.numbers.sscc != one.numbers.sscc
    assert all(has_valid_check_digit(c.numbers.sscc) for c in (one, two))
    with pytest.raises(NotFound, match="offline"):  # packed here: the tote holds nothing now
        backend.open_for_packing(interpret("T:0301"), PACKER)
    with central.engine.connect() as conn:  # central has heard nothing yet
        assert conn.execute(select(func.count()).select_from(packages)).scalar() == 0

    # The network is back: one round pushes everything; a replay changes nothing.
    sync_round(store, central)
    assert store.waiting() == 0
    before = central_state(central, ref)
    _forget_sent(path)  # as if the station crashed before noting central's commit
    sync_round(store, central)
    assert central_state(central, ref) == before
    facts, lines, status, boxes, tote = before
    assert max(facts.values()) == 1
    acknowledged = set(store.acknowledged())
    assert {uuid for uuid, kind in facts if kind != "order.packed"} == acknowledged
    assert [kind for uuid, kind in facts if uuid not in acknowledged] == ["order.packed"]
    assert all(packed == quantity for packed, quantity in lines)
    assert status == "packed" and tote == (None, "free")
    assert boxes == sorted(
        [
            (1, one.numbers.sscc, one.numbers.tracking_number),
            (2, two.numbers.sscc, two.numbers.tracking_number),
        ]
    )
    assert ref not in store.cached(TOPIC)  # packed: gone from the station's cache


def central_state(central, ref: int):
    with central.engine.connect() as conn:
        facts = Counter(  # the station's facts, and what central recorded because of them
            conn.execute(
                select(events.c.uuid, events.c.kind).where(events.c.station == STATION)
            ).all()
        )
        lines = conn.execute(
            select(order_lines.c.packed, order_lines.c.quantity).where(
                order_lines.c.order_id == ref
            )
        ).all()
        status = conn.execute(select(orders.c.status).where(orders.c.id == ref)).scalar()
        boxes = conn.execute(
            select(packages.c.index, packages.c.sscc, shipments.c.tracking_number)
            .join(shipments, shipments.c.id == packages.c.shipment_id)
            .where(shipments.c.order_id == ref)
            .order_by(packages.c.index)
        ).all()
        tote = conn.execute(select(totes.c.order_id, totes.c.status).where(totes.c.code == "0301"))
        return facts, lines, status, [tuple(b) for b in boxes], tuple(tote.one())


def _forget_sent(path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE outbox SET sent_at = NULL")


def test_numbers_are_unique_durable_across_a_restart_and_topped_up(central, dead_central, tmp_path):
    path = tmp_path / "station.sqlite"
    store = StationStore(path, STATION)
    sync_round(store, central)
    picked = [
        pick_into_tote(central, ref, f"04{n:02d}", quantity=2)
        for n, ref in enumerate(released_orders(central, 1)[:2])
    ]
    sync_round(store, central)  # the totes changed: both orders are cached now
    backend = offline_backend(store, dead_central)

    def one_unit_carton(order):
        view = backend.open_for_packing(interpret(f"T:{order.tote}"), PACKER)
        session = Packer(view, Actor(PACKER.name, STATION))
        scan_units(backend, session, order.lines[0], 1)
        return close(backend, session, view, final=False).numbers

    first = one_unit_carton(picked[0])
    store.close()
    store = StationStore(path, STATION)  # restart: the taken numbers stay taken
    backend = offline_backend(store, dead_central)
    second, third = one_unit_carton(picked[1]), one_unit_carton(picked[1])
    ssccs = [n.sscc for n in (first, second, third)]
    assert len(set(ssccs)) == 3
    assert first.tracking_number != second.tracking_number  # two orders, two shipments
    assert second.tracking_number == third.tracking_number  # one order, one tracking number
    view = backend.open_for_packing(interpret(f"T:{picked[0].tote}"), PACKER)
    with pytest.raises(Offline, match="no SSCC .* numbers left"):
        backend.allocate_numbers(view)  # the block of 3 is used up and central is away
    sync_round(store, central)  # back online: fewer than half left, so a new block comes
    assert store.numbers_left("sscc") == BLOCK
    with central.engine.connect() as conn:
        reserved = conn.execute(select(counters.c.value).where(counters.c.name == "sscc")).scalar()
        stored = conn.execute(select(packages.c.sscc).order_by(packages.c.sscc)).scalars().all()
    assert reserved == 2 * BLOCK  # the station's blocks: 1-3, then 4-6
    assert stored == sorted(ssccs)
    fourth = backend.allocate_numbers(view)
    assert fourth.sscc not in ssccs and int(fourth.sscc[-10:-1]) == BLOCK + 1
    assert fourth.tracking_number == first.tracking_number  # the order's first carton's


def test_a_lead_overrides_offline_with_badge_and_pin(central, dead_central, tmp_path):
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    backend = offline_backend(store, dead_central)
    lead = backend.authenticate_lead("B:1011", "694907")
    assert lead.role is Role.LEAD
    with pytest.raises(NotAllowed):
        backend.authenticate_lead("1011", "0000")
    with pytest.raises(NotAllowed):  # a packer is no lead, whatever the PIN
        backend.authenticate_lead("1007", "694907")
    maria = users.authenticate_lead(central.uow(), "1011", "694907")  # only a lead makes a lead
    users.save_user(central.uow(), "Noor Bakker", "lead", "1099", "246810", by=maria)  # after pull
    with pytest.raises(NotAllowed):  # offline, the station cannot know her yet
        backend.authenticate_lead("1099", "246810")
    online = StationPackingBackend(store, lambda: None, central.uow, STATION)
    assert online.authenticate_lead("1099", "246810").name == "Noor Bakker"


def test_wrong_override_pins_offline_lock_the_badge_like_a_sign_in(central, dead_central, tmp_path):
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    backend = offline_backend(store, dead_central)
    for _ in range(5):
        with pytest.raises(NotAllowed):
            backend.authenticate_lead("1011", "0000")
    with pytest.raises(PinLocked):  # the right PIN, but the sixth try
        backend.authenticate_lead("1011", "694907")
    kinds = Counter(fact.kind for _id, fact in store.pending(20))
    assert kinds == {"user.pin_refused": 6, "user.pin_locked": 1}


def test_an_unknown_tote_offline_says_what_happened_and_what_to_do(central, dead_central, tmp_path):
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    for reachable in (False, True):  # the sync thread knows, or the attempt itself fails
        backend = offline_backend(store, dead_central, reachable)
        with pytest.raises(NotFound) as refused:
            backend.open_for_packing(interpret("T:9999"), PACKER)
        message = str(refused.value)
        assert "T:9999" in message and "cannot be reached" in message
        assert "Pack another tote" in message and "Online" in message


def test_pick_list_and_order_id_scans_resolve_offline_and_settings_stay(
    central, dead_central, tmp_path
):
    ref = released_orders(central, 1)[0]
    order = pick_into_tote(central, ref, "0501")
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    backend = offline_backend(store, dead_central)
    assert backend.open_for_packing(interpret(order.order_id), PACKER).order_ref == ref
    (list_id,) = store.cached(TOPIC)[ref]["pick_lists"]  # the demo's released wave
    assert backend.open_for_packing(interpret(f"PL:{list_id}"), PACKER).order_ref == ref
    with pytest.raises(NotFound, match="PL:99999"):
        backend.open_for_packing(interpret("PL:99999"), PACKER)
    assert backend.settings().site().gs1_company_prefix == "8712345"
    assert backend.settings().ship_from()["city"] == "Rotterdam"


def test_an_order_picked_after_the_last_pull_comes_from_central_while_online(central, tmp_path):
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    ref = released_orders(central, 1)[0]
    pick_into_tote(central, ref, "0601")  # no pull since: the station has not cached it
    backend = StationPackingBackend(store, lambda: None, central.uow, STATION)
    view = backend.open_for_packing(interpret("T:0601"), PACKER)
    assert view.order_ref == ref
    assert ref in store.cached(TOPIC)  # kept: the packer may go on if the network drops now


def test_an_order_packed_on_another_station_leaves_the_cache(central, dead_central, tmp_path):
    ref = released_orders(central, 1)[0]
    order = pick_into_tote(central, ref, "0701")
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    assert ref in store.cached(TOPIC)
    pack_everything(CentralPackingBackend(central.uow, "pack-1"), order)  # another packer
    sync_round(store, central)  # its tote was freed: a "tote" change
    assert ref not in store.cached(TOPIC)
    with pytest.raises(NotFound):
        offline_backend(store, dead_central).open_for_packing(interpret("T:0701"), PACKER)


def test_a_flagged_order_a_lead_released_opens_from_central_while_online(
    central, dead_central, tmp_path
):
    ref = released_orders(central, 2)[0]
    pick_into_tote(central, ref, "0901", short={0: 1})  # short-picked: a lead must look first
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    assert (
        offline_backend(store, dead_central).open_for_packing(interpret("T:0901"), PACKER).blocked
    )
    with central.engine.begin() as conn:  # the lead: ship what was picked
        conn.execute(
            exceptions.insert().values(
                kind="short_pick",
                order_ref=ref,
                status="resolved",
                resolution="ship_partial",
                details={},
                note="",
                created_at=datetime.now(UTC),
            )
        )
    online = StationPackingBackend(store, lambda: None, central.uow, STATION)
    view = online.open_for_packing(interpret("T:0901"), PACKER)
    assert view.partial_allowed and not view.blocked
    again = offline_backend(store, dead_central).open_for_packing(interpret("T:0901"), PACKER)
    assert again.partial_allowed and store.cached(TOPIC)[ref]["pick_lists"]  # kept for offline


def test_every_carrier_of_the_site_gets_a_block_of_its_own_series(central, tmp_path):
    """The demo's four carriers (resources/demo/site.json), each from its own counter."""
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    for series in ("sscc", "tracking:SF", "tracking:JD", "tracking:CD", "tracking:1ZSHP"):
        assert store.numbers_left(series) == BLOCK, series


def test_a_station_whose_site_has_no_settings_packs_nothing_and_says_so(central, tmp_path):
    with central.engine.begin() as conn:
        conn.execute(settings.delete().where(settings.c.key == "site"))
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    assert store.numbers_left("sscc") == 0  # no ranges: nothing reserved
    ref = released_orders(central, 1)[0]
    pick_into_tote(central, ref, "0903")
    backend = StationPackingBackend(store, lambda: None, central.uow, STATION)
    with pytest.raises(BadInput, match="no settings yet"):
        backend.open_for_packing(interpret("T:0903"), PACKER)


def test_a_lead_resolving_a_flagged_order_reaches_the_station_copy(central, dead_central, tmp_path):
    ref = released_orders(central, 2)[0]
    pick_into_tote(central, ref, "0902", short={0: 1})
    with central.engine.begin() as conn:  # the short pick the picker reported
        task_id = conn.execute(
            select(pick_tasks.c.id)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .where(order_lines.c.order_id == ref)
        ).scalar()
        exception_id = conn.execute(
            exceptions.insert().values(
                kind="short_pick",
                status="open",
                order_ref=ref,
                pick_task_id=task_id,
                details={"shortfall": 1},
                note="",
                created_at=datetime.now(UTC),
            )
        ).inserted_primary_key[0]
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync = SyncEngine(store, central.engine, pullers=[PackingPuller(store, BLOCK, BLOCK)])
    sync.sync_once()  # a station that stays online: its next rounds read only what changed
    packer = offline_backend(store, dead_central)
    assert packer.open_for_packing(interpret("T:0902"), PACKER).blocked
    lead = User("Lena", Role.LEAD, "9001")
    resolutions.resolve(central.uow(), lead, f"exception:{exception_id}", "backorder", "", "L1")
    sync._must_pull = True  # what the NOTIFY (or the 5 s poll) does
    sync.sync_once()  # the order's status moved: the station reads it again
    view = offline_backend(store, dead_central).open_for_packing(interpret("T:0902"), PACKER)
    assert view.partial_allowed and not view.blocked


def test_packing_at_another_station_reaches_this_stations_copy(central, dead_central, tmp_path):
    ref = released_orders(central, 2)[0]
    order = pick_into_tote(central, ref, "0903", quantity=2)
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync = SyncEngine(store, central.engine, pullers=[PackingPuller(store, BLOCK, BLOCK)])
    sync.sync_once()  # this station stays online and holds the order, untouched
    other = CentralPackingBackend(central.uow, "pack-9")  # another station packs carton 1
    view = other.open_for_packing(interpret("T:0903"), PACKER)
    session = Packer(view, Actor(PACKER.name, "pack-9"))
    scan_units(other, session, order.lines[0], order.lines[0].quantity)
    carton = close(other, session, view, final=False)
    sync._must_pull = True  # what the NOTIFY (or the 5 s poll) does
    sync.sync_once()
    copy = offline_backend(store, dead_central).open_for_packing(interpret("T:0903"), PACKER)
    packed = {line.line_id: line.packed for line in copy.lines}
    assert packed[order.lines[0].line_id] == order.lines[0].quantity
    assert copy.cartons_closed == 1
    assert copy.tracking_number == carton.numbers.tracking_number  # carton 2 reuses it


def test_an_order_for_a_carrier_the_site_does_not_have_is_not_packed(central, tmp_path):
    ref = released_orders(central, 1)[0]
    with central.engine.begin() as conn:
        conn.execute(orders.update().where(orders.c.id == ref).values(carrier="Pony Express"))
    pick_into_tote(central, ref, "0904")
    store = StationStore(tmp_path / "station.sqlite", STATION)
    sync_round(store, central)
    backends = (
        CentralPackingBackend(central.uow, STATION),
        StationPackingBackend(store, lambda: None, central.uow, STATION),
    )
    for backend in backends:
        with pytest.raises(BadInput, match="'Pony Express' is not in this site's settings"):
            backend.open_for_packing(interpret("T:0904"), PACKER)
