"""C:UNDO at the returns station (docs/returns.md, "Taking an item back"): the last item taken on
the open parcel comes back out of the return, and central reverses its effect exactly once — off
the shelf, out of quarantine, off the order line's returned units — or, when the units are no
longer free where they were put, changes nothing and tells the lead."""

from __future__ import annotations

from sqlalchemy import func, select, update

from app.domain.events import Actor
from app.domain.fact_payloads import ReturnItemUndone
from app.scanning.interpret import interpret
from app.services.facts import apply_facts
from app.services.returns_central import CentralReturnsBackend
from app.steps import returning
from db.schema import (
    events,
    exceptions,
    locations,
    order_lines,
    orders,
    products,
    quarantine,
    return_lines,
    stock,
    stock_movements,
)
from tests.integration.returns.shipped import shipped_orders
from tests.integration.returns.test_resume import (
    close,
    rows,
    scan_parcel,
    station,
    take_damaged,
)


def take_resell(backend, state, gtin: str):
    """One unit scanned, C:RESELL, then the suggested location scanned: back on the shelf."""
    scan = interpret(gtin)
    asked = returning.on_scan(state, scan)
    held = returning.on_product(state, scan, backend.product(asked.look_up.code), 1)
    verdict = returning.on_command(held.state, "RESELL")
    if verdict.look_up is not None:  # no pick location known: the put-away rule's suggestion
        held, order = verdict.state.in_hand, verdict.state.context
        found = backend.suggest(order.channel, order.order_id, held.sku, held.lot, held.quantity)
        verdict = returning.on_suggestion(verdict.state, found)
    where = verdict.state.suggestion
    verdict = returning.on_location(verdict.state, where, backend.location_exists(where))
    assert verdict.reason in ("resold", "resold_elsewhere"), verdict
    backend.record(list(verdict.facts))
    return verdict


def undo(backend, state):
    """C:UNDO as the screen gives it: a unit on a shelf is checked there first."""
    verdict = returning.on_command(state, "UNDO")
    if verdict.look_up is not None:
        last = state.taken[-1]
        verdict = returning.on_stock_left(state, backend.free_at(last.location, last.sku, last.lot))
    if verdict.ok:
        backend.record(list(verdict.facts))
    return verdict


def on_hand(central, location: str, sku: str) -> int:
    query = (
        select(func.coalesce(func.sum(stock.c.on_hand), 0))
        .join(locations, locations.c.id == stock.c.location_id)
        .join(products, products.c.id == stock.c.product_id)
        .where(locations.c.code == location, products.c.sku == sku)
    )
    return rows(central, query)[0][0]


def returned(central, order) -> int:
    query = select(func.sum(order_lines.c.returned)).where(order_lines.c.order_id == order.ref)
    return rows(central, query)[0][0]


def status(central, order) -> str:
    return rows(central, select(orders.c.status).where(orders.c.id == order.ref))[0][0]


def two_unit_order(central):
    order = next(
        o for o in shipped_orders(central, lot_controlled=False) if sum(o.lines.values()) >= 2
    )
    return order, next(iter(order.lines))


def test_a_resold_unit_undone_leaves_stock_returned_and_status_as_before(shipped_central):
    central = shipped_central
    order, sku = two_unit_order(central)
    backend = CentralReturnsBackend(central.uow, "RET-01")
    state = scan_parcel(backend, order.tracking).state
    taken = take_resell(backend, state, order.gtins[sku])
    where = taken.params["location"]
    before = on_hand(central, where, sku) - 1
    assert returned(central, order) == 1
    verdict = undo(backend, taken.state)
    assert verdict.reason == "item_undone" and verdict.state.taken == ()
    assert on_hand(central, where, sku) == before and returned(central, order) == 0
    assert rows(central, select(return_lines)) == []
    kinds = rows(central, select(stock_movements.c.kind, stock_movements.c.delta))
    assert ("return_undone", -1) in [tuple(k) for k in kinds]
    assert status(central, order) == "shipped"
    apply_facts(central.uow(), list(verdict.facts))  # pushed twice: applied once
    again = ReturnItemUndone.of(verdict.facts[0]).fact(Actor("Other", "RET-02"))
    apply_facts(central.uow(), [again])  # a second undo of the same item: nothing left to undo
    assert on_hand(central, where, sku) == before and returned(central, order) == 0
    # The parcel goes on: the unit taken again as damaged; the order is partially returned.
    state = take_damaged(backend, verdict.state, order.gtins[sku])
    close(backend, state)
    assert status(central, order) == "partially_returned" and returned(central, order) == 1
    (received,) = rows(central, select(events).where(events.c.kind == "return.received"))
    assert [(x["condition"], x["quantity"]) for x in received.payload["items"]] == [("damaged", 1)]


def test_a_quarantined_unit_undone_leaves_quarantine(shipped_central):
    central = shipped_central
    order, sku = two_unit_order(central)
    backend = CentralReturnsBackend(central.uow, "RET-01")
    state = take_damaged(backend, scan_parcel(backend, order.tracking).state, order.gtins[sku])
    assert len(rows(central, select(quarantine))) == 1
    verdict = undo(backend, state)
    assert verdict.reason == "item_undone_quarantine"
    assert rows(central, select(quarantine)) == [] and returned(central, order) == 0
    again = scan_parcel(backend, order.tracking)  # the parcel resumed: nothing taken
    assert again.state.taken == () and again.state.context.line(sku).returned == 0


def test_undo_refused_when_the_unit_was_moved_or_reserved(shipped_central):
    central = shipped_central
    order, sku = two_unit_order(central)
    backend = CentralReturnsBackend(central.uow, "RET-01")
    taken = take_resell(backend, scan_parcel(backend, order.tracking).state, order.gtins[sku])
    where = taken.params["location"]
    _reserve_all(central, where, sku)  # picked for another order since
    verdict = undo(backend, taken.state)
    assert not verdict.ok and verdict.reason == "stock_moved" and verdict.params["free"] == 0
    assert len(rows(central, select(return_lines))) == 1 and returned(central, order) == 1


def test_an_offline_undo_of_moved_stock_changes_nothing_and_tells_the_lead(shipped_central):
    central = shipped_central
    order, sku = two_unit_order(central)
    backend = CentralReturnsBackend(central.uow, "RET-01")
    taken = take_resell(backend, scan_parcel(backend, order.tracking).state, order.gtins[sku])
    where = taken.params["location"]
    _reserve_all(central, where, sku)
    held = on_hand(central, where, sku)
    asked = returning.on_command(taken.state, "UNDO")
    verdict = returning.on_stock_left(asked.state, None)  # the station could not ask central
    backend.record(list(verdict.facts))
    assert on_hand(central, where, sku) == held  # never below what is there
    assert len(rows(central, select(return_lines))) == 1 and returned(central, order) == 1
    (flagged,) = rows(central, select(exceptions).where(exceptions.c.kind == "return_undo_refused"))
    assert flagged.details["sku"] == sku and flagged.details["location"] == where


def test_an_offline_station_undo_reaches_central_exactly_once(shipped_central, tmp_path):
    central = shipped_central
    order, sku = two_unit_order(central)
    online = [True]
    store, backend, engine = station(tmp_path, central, online)
    engine.sync_once()  # the copy of shipped orders
    online[0] = False
    state = scan_parcel(backend, order.tracking).state
    state = take_damaged(backend, state, order.gtins[sku])
    state = take_damaged(backend, state, order.gtins[sku])
    verdict = undo(backend, state)
    assert verdict.reason == "item_undone_quarantine" and len(verdict.state.taken) == 1
    again = scan_parcel(backend, order.sscc)  # left and scanned again, still offline
    assert again.reason == "parcel_resumed" and len(again.state.taken) == 1
    assert again.state.context.line(sku).returned == 0
    online[0] = True
    engine.sync_once()
    engine.sync_once()  # pushed again: nothing more
    assert len(rows(central, select(return_lines))) == 1
    assert len(rows(central, select(quarantine))) == 1 and returned(central, order) == 1
    undone = rows(central, select(events).where(events.c.kind == "return.item_undone"))
    assert len(undone) == 1  # the fact is kept, once
    resumed = scan_parcel(backend, order.tracking)  # online: central's view, the same
    assert len(resumed.state.taken) == 1
    close(backend, resumed.state)
    engine.sync_once()
    assert status(central, order) == "partially_returned" and returned(central, order) == 1


def _reserve_all(central, location: str, sku: str) -> None:
    with central.engine.begin() as conn:
        location_id = conn.execute(
            select(locations.c.id).where(locations.c.code == location)
        ).scalar_one()
        product_id = conn.execute(select(products.c.id).where(products.c.sku == sku)).scalar_one()
        conn.execute(
            update(stock)
            .where(stock.c.location_id == location_id, stock.c.product_id == product_id)
            .values(reserved=stock.c.on_hand)
        )
