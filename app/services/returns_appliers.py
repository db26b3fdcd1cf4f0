"""Central's appliers of the returns clerk's facts (listed by kind in
app/services/fact_appliers.py; docs/returns.md).

They run inside the fact engine's transaction, which applies each fact once (by its UUID). A
fact is never refused for arriving late: the parcel physically came back. An item fact opens the
parcel's return on first sight (two stations' facts of one parcel find the same row), records
its line, counts the order's own units returned, and puts each unit where the station said:
back on a shelf through the ledger (then the orders waiting for that product are allocated), or
into quarantine, which is not stock. Closing the parcel moves the order to partially_returned /
returned and writes `return.received`, the message the shop or ERP refunds from. An undone item
(C:UNDO, `return.item_undone`) is taken back out of its open return once: off the shelf, out of
quarantine, off the order line's returned units; when that is no longer possible (the units were
picked or moved, a lead decided the quarantine, the return closed) nothing changes and the lead
settles it.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.events import Actor, Event
from app.domain.fact_payloads import ReturnClosed, ReturnItemReceived, ReturnItemUndone
from app.domain.orders import ALLOWED_TRANSITIONS, OrderStatus
from app.domain.receiving import parse_expiry
from app.domain.returns import (
    MISSING,
    MORE_THAN_SHIPPED,
    QUARANTINE_AREA,
    TO_QUARANTINE,
    TO_STOCK,
    counts_as_returned,
    destination,
    quarantine_reason,
    status_after,
)
from app.domain.stock_ledger import Movement, MovementKind
from app.messages import message
from app.services import allocation
from app.services.ports import UnitOfWork

FLAGGED = "return_flagged"  # the lead's queue: an item the order did not ship as it is
UNKNOWN = "return_unknown"  # a fact about an order central does not have
UNDO_REFUSED = "return_undo_refused"  # an undo central could not carry out: the lead settles it


def apply_return_item(uow: UnitOfWork, fact: Event) -> None:
    item = ReturnItemReceived.of(fact)
    opened = _open_return(uow, item, fact)
    if opened is None:
        return
    order_ref, ref = opened
    line_id, item = _count_returned(uow, order_ref, item)
    where = _destination(item, fact)
    values = {
        "sku": item.sku,
        "lot": item.lot,
        "expiry": parse_expiry(item.expiry),
        "serial": item.serial,
        "quantity": item.quantity,
        "condition": item.condition,
        "destination": where,
        "location": QUARANTINE_AREA if where == TO_QUARANTINE else item.location,
        "flag": item.flag,
        "fact_id": fact.uuid,
        "received_at": fact.occurred_at,
        "received_by": fact.actor.user,
    }
    line_ref = uow.returns.add_line(ref, line_id, values)
    if where == TO_STOCK:
        _back_to_stock(uow, item, fact)
    elif where == TO_QUARANTINE:
        _to_quarantine(uow, line_ref, item, fact)
    if item.flag:
        uow.packing.add_exception(FLAGGED, order_ref, _flag_details(item, fact))


def _count_returned(
    uow: UnitOfWork, order_ref: int, item: ReturnItemReceived
) -> tuple[int | None, ReturnItemReceived]:
    """The order line the units count on. Units that would make the line's returned exceed what
    was shipped (two stations returning one order at once, each seeing it shipped) are not
    counted: they stay where the station put them and are flagged for the lead."""
    if not counts_as_returned(item.condition) or item.flag:
        return None, item
    line_id, counted = uow.returns.count_returned(order_ref, item.sku, item.quantity)
    if counted:
        return line_id, item
    return None, replace(item, flag=MORE_THAN_SHIPPED)


def _destination(item: ReturnItemReceived, fact: Event) -> str:
    """Where the station put the units: the quarantine area, a shelf, or nowhere (missing).
    An expired lot never goes to stock, whatever the station said."""
    if item.condition == MISSING:
        return destination(MISSING, None, fact.occurred_at.date())
    if item.location == QUARANTINE_AREA or not item.location:
        return TO_QUARANTINE
    return destination(item.condition, parse_expiry(item.expiry), fact.occurred_at.date())


def _back_to_stock(uow: UnitOfWork, item: ReturnItemReceived, fact: Event) -> None:
    movement = Movement(
        MovementKind.RETURN,
        item.location,
        item.sku,
        item.lot,
        item.quantity,
        fact.actor,
        fact.occurred_at,
        fact.uuid,
    )
    uow.stock.change(movement, parse_expiry(item.expiry))
    allocation.allocate_waiting_within(uow, {item.sku}, Actor(fact.actor.user, fact.actor.station))


def _to_quarantine(uow: UnitOfWork, line_ref: int, item: ReturnItemReceived, fact: Event) -> None:
    values = {
        "lot": item.lot,
        "expiry": parse_expiry(item.expiry),
        "serial": item.serial,
        "quantity": item.quantity,
        "reason": quarantine_reason(item.condition),
        "entered_at": fact.occurred_at,
    }
    uow.returns.add_quarantine(line_ref, item.sku, values)


def _flag_details(item: ReturnItemReceived, fact: Event) -> dict:
    return {
        "channel": item.channel,
        "order_id": item.order_id,
        "sku": item.sku,
        "serial": item.serial,
        "quantity": item.quantity,
        "flag": item.flag,
        "clerk": fact.actor.user,
        "station": fact.actor.station,
        "summary_message": message(
            "exception.return_flagged",
            order=f"{item.channel}/{item.order_id}",
            sku=item.sku,
            serial=item.serial or "-",
            flag=message(f"returns.flag.{item.flag}"),
        ).to_dict(),
    }


def apply_return_undone(uow: UnitOfWork, fact: Event) -> None:
    """Take the item back out of its return, once: its line goes (the item fact stays), so a
    second undo of it finds nothing. The order's status is set when the parcel closes, so an
    undo before the close leaves it as it was."""
    undone = ReturnItemUndone.of(fact)
    found = uow.returns.lock_return(undone.return_id)
    line = uow.returns.line_of_fact(found[0], undone.undoes) if found else None
    if found is None or line is None:
        return  # never taken in here (an unknown order: in the lead's queue) or undone already
    if found[1] == "closed":
        return _undo_refused(uow, undone, fact, message("returns.undo_why.closed"))
    if line["destination"] == TO_STOCK:
        free = _free(uow, line)
        if free < line["quantity"]:
            why = message("returns.undo_why.stock_moved", free=free)
            return _undo_refused(uow, undone, fact, why)
        _off_the_shelf(uow, line, fact)
    elif line["destination"] == TO_QUARANTINE and not uow.returns.drop_quarantine(line["id"]):
        return _undo_refused(uow, undone, fact, message("returns.undo_why.decided"))
    if line["order_line_id"] is not None:
        uow.returns.uncount_returned(line["order_line_id"], line["quantity"])
    uow.returns.drop_line(line["id"])


def _free(uow: UnitOfWork, line: dict) -> int:
    held = uow.moves.lock_stock(line["location"], line["sku"], line["lot"])
    return held.available if held is not None else 0


def _off_the_shelf(uow: UnitOfWork, line: dict, fact: Event) -> None:
    movement = Movement(
        MovementKind.RETURN_UNDONE,
        line["location"],
        line["sku"],
        line["lot"],
        -line["quantity"],
        fact.actor,
        fact.occurred_at,
        fact.uuid,
    )
    uow.stock.change(movement)


def _undo_refused(uow: UnitOfWork, undone: ReturnItemUndone, fact: Event, why) -> None:
    order_ref = uow.returns.order_ref(undone.channel, undone.order_id)
    details = {
        "channel": undone.channel,
        "order_id": undone.order_id,
        "sku": undone.sku,
        "quantity": undone.quantity,
        "location": undone.location,
        "clerk": fact.actor.user,
        "station": fact.actor.station,
        "summary_message": message(
            "exception.return_undo_refused",
            clerk=fact.actor.user,
            station=fact.actor.station,
            quantity=undone.quantity,
            sku=undone.sku,
            order=f"{undone.channel}/{undone.order_id}",
            location=undone.location or "-",
            why=why,
        ).to_dict(),
    }
    uow.packing.add_exception(UNDO_REFUSED, order_ref, details)


def apply_return_closed(uow: UnitOfWork, fact: Event) -> None:
    closed = ReturnClosed.of(fact)
    opened = _open_return(uow, closed, fact)
    if opened is None:
        return
    order_ref, ref = opened
    found = uow.returns.lock_return(closed.return_id)
    if found is not None and found[1] == "closed":
        return  # closed at two stations: the first close stands
    uow.returns.close_return(ref, fact.occurred_at, fact.actor.user)
    if closed.rma:
        uow.returns.mark_rma_received(closed.rma)
    status = _move_order(uow, order_ref, fact)
    data = received_data(closed, uow.returns.return_lines_of(ref), status)
    uow.events.add_all([Event("return.received", data, fact.actor, order_ref, fact.occurred_at)])


def _move_order(uow: UnitOfWork, order_ref: int, fact: Event) -> str:
    """The order's status once this parcel's units are in: returned when every shipped unit
    came back, else partially returned; an order in another state is left as it is."""
    (order,) = uow.orders.by_refs([order_ref])
    context = uow.returns.order_context(order_ref)
    wanted = status_after(context.lines) if context is not None else None
    if wanted is None or wanted == order.status.value:
        return order.status.value
    target = OrderStatus(wanted)
    if target not in ALLOWED_TRANSITIONS[order.status]:
        return order.status.value
    order.move_to(target)
    uow.orders.save_statuses([order])
    uow.events.add_all(
        [Event(k, p, fact.actor, order_ref, fact.occurred_at) for k, p in order.events]
    )
    return target.value


def received_data(closed: ReturnClosed, lines: list[dict], status: str) -> dict:
    """`return.received` data: each product and condition's units, how many went back to
    stock, their lots and serials (docs/returns.md, "The return.received message")."""
    items: dict[tuple, dict] = {}
    for line in lines:
        key = (line["sku"], line["condition"])
        entry = items.setdefault(
            key,
            {
                "sku": line["sku"],
                "quantity": 0,
                "condition": line["condition"],
                "restocked": 0,
                "lots": [],
                "serials": [],
            },
        )
        entry["quantity"] += line["quantity"]
        if line["destination"] == TO_STOCK:
            entry["restocked"] += line["quantity"]
        if line["lot"] and line["lot"] not in entry["lots"]:
            entry["lots"].append(line["lot"])
        if line["serial"]:
            entry["serials"].append(line["serial"])
    listed = list(items.values())
    return {
        "rma": closed.rma,
        "parcel": closed.parcel,
        "return_id": closed.return_id,
        "items": listed,
        "restocked": sum(x["restocked"] for x in listed),
        "status": status,
    }


def _open_return(
    uow: UnitOfWork, about: ReturnItemReceived | ReturnClosed, fact: Event
) -> tuple[int, int] | None:
    """(the order, its return's row), the row made by the parcel's first fact; None (and an
    item in the lead's queue) when central does not know the order."""
    order_ref = uow.returns.order_ref(about.channel, about.order_id)
    if order_ref is None:
        _unknown(uow, about.channel, about.order_id, fact)
        return None
    ref = uow.returns.open_return(
        about.return_id, order_ref, about.rma, about.parcel, fact.actor.station, fact.occurred_at
    )
    return order_ref, ref


def _unknown(uow: UnitOfWork, channel: str, order_id: str, fact: Event) -> None:
    details = {
        "channel": channel,
        "order_id": order_id,
        "fact": fact.kind,
        "station": fact.actor.station,
        "clerk": fact.actor.user,
    }
    uow.packing.add_exception(UNKNOWN, None, details)
