"""A parcel left before it was closed (C:CANCEL, a station restarted) and scanned again resumes
its return (docs/returns.md, "A parcel left open"): the same return id, the items taken before,
one return closed at central with each item once — at central, through a station store offline
and online, and by `shipshape returns receive`."""

from __future__ import annotations

import json
import uuid
from datetime import date

from sqlalchemy import func, select

from app.domain.events import Actor
from app.domain.fact_payloads import ReturnClosed
from app.scanning.interpret import interpret
from app.services.facts import apply_facts
from app.services.returns_central import CentralReturnsBackend
from app.steps import returning
from db.schema import events, order_lines, return_lines, returns
from db.station.returning import (
    ReturnsPuller,
    StationReturnsBackend,
    context_document,
    context_from_document,
)
from db.station.store import StationStore
from db.station.sync import SyncEngine
from tests.integration.returns.shipped import shipped_orders
from tests.integration.returns.test_returns_cli import add_clerk, receive

CLERK = Actor("Sam Peeters", "RET-01")


def rows(central, query):
    with central.engine.connect() as conn:
        return conn.execute(query).all()


def scan_parcel(backend, code: str):
    """The clerk scans the parcel: a brand-new return id is offered, as the screen does."""
    state = returning.start(CLERK, date.today())
    verdict = returning.on_parcel(state, code, backend.parcel(code), str(uuid.uuid4()))
    assert verdict.ok, verdict
    return verdict


def take_damaged(backend, state, gtin: str):
    """One unit scanned, then C:DAMAGED (to quarantine: no location to scan)."""
    scan = interpret(gtin)
    asked = returning.on_scan(state, scan)
    held = returning.on_product(state, scan, backend.product(asked.look_up.code), 1)
    assert held.reason == "item_in_hand", held
    verdict = returning.on_command(held.state, "DAMAGED")
    backend.record(list(verdict.facts))
    return verdict.state


def close(backend, state):
    verdict = returning.on_command(state, "CLOSE")
    assert verdict.reason == "closed", verdict
    backend.record(list(verdict.facts))
    return verdict


def one_order(central):
    order = shipped_orders(central, lot_controlled=False)[0]
    return order, next(iter(order.lines))


def assert_one_return_closed(central, order, sku, units: int) -> None:
    (head,) = rows(central, select(returns))
    assert head.status == "closed"
    lines = rows(central, select(return_lines))
    assert [(x.return_ref, x.quantity) for x in lines] == [(head.id, 1)] * units  # each once
    (received,) = rows(central, select(events).where(events.c.kind == "return.received"))
    assert received.payload["return_id"] == head.return_id
    assert sum(x["quantity"] for x in received.payload["items"]) == units
    returned = rows(
        central,
        select(func.sum(order_lines.c.returned)).where(order_lines.c.order_id == order.ref),
    )[0][0]
    assert returned == units


def test_a_parcel_left_and_scanned_again_resumes_its_return_at_central(shipped_central):
    central = shipped_central
    order, sku = one_order(central)
    backend = CentralReturnsBackend(central.uow, "RET-01")
    first = scan_parcel(backend, order.tracking)
    state = take_damaged(backend, first.state, order.gtins[sku])
    left = returning.on_command(state, "CANCEL")
    assert left.reason == "parcel_left"
    again = scan_parcel(backend, order.key)  # typed off the slip this time: the same order
    assert again.reason == "parcel_resumed" and again.params["items"] == 1
    assert again.state.return_id == first.state.return_id
    assert [(x.sku, x.quantity, x.condition) for x in again.state.taken] == [(sku, 1, "damaged")]
    line = again.state.context.line(sku)
    assert line.returned == 0  # the resumed parcel's own unit is not "returned before"
    close(backend, again.state)
    assert_one_return_closed(central, order, sku, 1)
    after = scan_parcel(backend, order.tracking)  # closed: a new return, as before
    assert after.reason == "parcel_open" and after.state.return_id != first.state.return_id
    assert after.state.context.line(sku).returned == 1


def test_a_second_close_of_one_return_changes_nothing(shipped_central):
    central = shipped_central
    order, sku = one_order(central)
    backend = CentralReturnsBackend(central.uow, "RET-01")
    state = take_damaged(backend, scan_parcel(backend, order.tracking).state, order.gtins[sku])
    close(backend, state)
    again = ReturnClosed(
        return_id=state.return_id, channel=order.channel, order_id=order.order_id
    ).fact(Actor("Other Clerk", "RET-02"))
    apply_facts(central.uow(), [again])  # another station closing it late
    assert_one_return_closed(central, order, sku, 1)


def station(tmp_path, central, online):
    store = StationStore(tmp_path / "ret-01.sqlite", "RET-01")
    backend = StationReturnsBackend(store, lambda: None, central.uow, "RET-01", lambda: online[0])
    backend._activate()
    engine = SyncEngine(store, central.engine, pullers=[ReturnsPuller(store)], listen=False)
    return store, backend, engine


def test_a_station_resumes_its_parcel_offline_after_a_restart_and_online(shipped_central, tmp_path):
    central = shipped_central
    order = next(
        o for o in shipped_orders(central, lot_controlled=False) if sum(o.lines.values()) >= 2
    )
    sku = next(iter(order.lines))
    online = [True]
    store, backend, engine = station(tmp_path, central, online)
    engine.sync_once()  # the copy of shipped orders
    online[0] = False
    first = scan_parcel(backend, order.tracking)
    take_damaged(backend, first.state, order.gtins[sku])
    again = scan_parcel(backend, order.tracking)  # left, scanned again: offline, from the store
    assert again.reason == "parcel_resumed" and again.state.return_id == first.state.return_id
    store, backend, engine = station(tmp_path, central, online)  # the station restarts
    again = scan_parcel(backend, order.sscc)
    assert again.reason == "parcel_resumed" and again.state.return_id == first.state.return_id
    online[0] = True
    engine.sync_once()  # the item reaches central; the copy is pulled again with it
    online[0] = False
    again = scan_parcel(backend, order.tracking)  # offline, from the fresh copy
    assert again.reason == "parcel_resumed" and len(again.state.taken) == 1
    online[0] = True
    again = scan_parcel(backend, order.tracking)  # central's own open return
    assert again.reason == "parcel_resumed" and again.state.return_id == first.state.return_id
    other = next((s for s in order.lines if s != sku), sku)
    state = take_damaged(backend, again.state, order.gtins[other])
    close(backend, state)
    engine.sync_once()
    engine.sync_once()  # nothing doubles
    (head,) = rows(central, select(returns))
    assert (head.return_id, head.status) == (first.state.return_id, "closed")
    assert rows(central, select(func.count()).select_from(return_lines))[0][0] == 2
    assert scan_parcel(backend, order.tracking).reason == "parcel_open"


def test_a_station_closing_offline_does_not_resume_its_closed_return(shipped_central, tmp_path):
    central = shipped_central
    order, sku = one_order(central)
    online = [True]
    store, backend, engine = station(tmp_path, central, online)
    state = take_damaged(backend, scan_parcel(backend, order.tracking).state, order.gtins[sku])
    engine.sync_once()  # the item reaches central: open there
    online[0] = False
    close(backend, scan_parcel(backend, order.tracking).state)  # closed here, not pushed yet
    online[0] = True
    after = scan_parcel(backend, order.tracking)  # central still has it open; the store knows
    assert after.reason == "parcel_open" and after.state.return_id != state.return_id
    assert after.state.context.line(sku).returned == 1


def test_the_station_copy_keeps_an_open_return(shipped_central):
    central = shipped_central
    order, sku = one_order(central)
    backend = CentralReturnsBackend(central.uow, "RET-01")
    take_damaged(backend, scan_parcel(backend, order.tracking).state, order.gtins[sku])
    context = backend.parcel(order.tracking)
    document = json.loads(json.dumps(context_document(context)))
    assert context_from_document(document) == context
    assert context.open_return is not None and len(context.open_return.items) == 1


def test_the_command_line_finishes_a_parcel_left_open(shipped_central, run_cli):
    central = shipped_central
    add_clerk(central, run_cli)
    order = next(o for o in shipped_orders(central, lot_controlled=False) if len(o.lines) >= 2)
    first, second = list(order.lines)[:2]
    backend = CentralReturnsBackend(central.uow, "RET-01")
    opened = scan_parcel(backend, order.tracking)
    take_damaged(backend, opened.state, order.gtins[first])
    status, out, err = receive(run_cli, central, order.key, f"{order.gtins[second]}:damaged")
    assert status == 0, err
    items = {(x["sku"], x["condition"]) for x in json.loads(out)["items"]}
    assert items == {(first, "damaged"), (second, "damaged")}
    (head,) = rows(central, select(returns))
    assert (head.return_id, head.status) == (opened.state.return_id, "closed")
    assert rows(central, select(func.count()).select_from(return_lines))[0][0] == 2
