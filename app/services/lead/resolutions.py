"""Applying a lead's resolution to one item of the exceptions queue (exceptions.py lists the
items and the resolutions each kind allows): release or cancel a held order, prioritise or cancel
a late one, allocate or cancel one waiting for stock, and settle a stored exception (reallocate,
backorder, write off or cancel a short line, retry a set-aside fact, pull a parcel, settle a
count variance, unlock a PIN), then move on the order it stopped.

Runs on the station's database worker thread (or a CLI command), never on the UI thread.
"""

from __future__ import annotations

from app.domain import stock_choice
from app.domain.events import Actor, Event, utcnow
from app.domain.orders import OrderStatus, status_after_picking
from app.domain.users import User
from app.errors import BadInput
from app.messages import Message, message, summary
from app.services import allocation, count_lead, counting, facts, holds, users
from app.services.lead.exceptions import (
    DEFAULT_RESOLUTIONS,
    LINE_FIXES,
    RESOLUTIONS,
    URGENT_PRIORITY,
    WAITING,
    allowed_resolutions,
)
from app.services.order_off_wave import take_off_planned_waves
from app.services.ports import UnitOfWork
from app.services.users import require_lead


def resolve(uow: UnitOfWork, lead: User, key: str, resolution: str, note: str, station: str):
    """Apply one resolution to one queue item; returns a short description of what changed."""
    require_lead(lead)
    source, _, ident = key.partition(":")
    if source == "hold":
        return _resolve_hold(uow, lead, ident, resolution, note, station)
    if source in ("late", "at_risk"):  # both are settled by prioritising or cancelling
        return _resolve_late(uow, lead, ident, resolution, note, station)
    if source != "exception" or not ident.isdigit():
        raise BadInput(message("exception.unknown_key", key=key))
    return _resolve_stored(uow, lead, int(ident), resolution, note, station)


def _resolve_hold(uow, lead, ref, resolution, note, station) -> Message:
    if resolution == "release_hold":
        holds.release_hold(uow, lead, ref, note, station)
        return message("outcome.hold_released", order=ref)
    if resolution == "cancel_order":
        holds.cancel_order(uow, lead, ref, note, station)
        return message("outcome.order_cancelled", order=ref)
    raise _refused("hold", resolution)


def _resolve_late(uow, lead, ref, resolution, note, station) -> Message:
    if resolution not in RESOLUTIONS["late"]:
        raise _refused("late", resolution)
    channel, order_id = holds.split_ref(ref)
    actor = Actor(lead.name, station)
    with uow:
        order = uow.orders.lock(channel, order_id)  # a wave's save or release waits for this
        if order is None:
            raise BadInput(message("order.not_found", ref=ref))
        if resolution == "cancel_order":
            return _cancel_released(uow, order, note, actor)
        uow.lead.set_priority(order.id, max(order.priority, URGENT_PRIORITY))
        uow.events.add_all(
            [
                Event(
                    "order.prioritised",
                    {"priority": URGENT_PRIORITY, "note": note},
                    Actor(lead.name, station),
                    order.id,
                )
            ]
        )
        uow.commit()
    return message("outcome.prioritised", order=ref, priority=URGENT_PRIORITY)


def _cancel_released(uow, order, note: str, actor: Actor) -> Message:
    """Off the carts (open tasks only; picking orders cannot be cancelled), stock given back.
    Allocated (so at most on a planned wave): taken off it as *Cancel order* does, its carts
    routed again (app/services/order_off_wave.py)."""
    if order.status is OrderStatus.ALLOCATED:
        uow.events.add_all(take_off_planned_waves(uow, order, actor))
    order.move_to(OrderStatus.CANCELLED, note)
    uow.lead.drop_open_tasks(order.id)
    uow.orders.release_allocations(order)
    uow.orders.save_status(order)
    uow.events.add_all([Event(k, p | {"note": note}, actor, order.id) for k, p in order.events])
    uow.commit()
    return message("outcome.order_cancelled", order=f"{order.channel}/{order.order_id}")


def _resolve_stored(uow, lead, exception_id, resolution, note, station) -> Message:
    actor = Actor(lead.name, station)
    with uow:
        waiting = uow.lead.exception(exception_id)
    if waiting["kind"] == WAITING and waiting["status"] == "open":
        return _resolve_waiting(uow, lead, waiting, resolution, note, station)
    with uow:
        found = uow.lead.exception(exception_id)
        allowed = allowed_resolutions(found["kind"], found["details"] or {})
        if resolution not in allowed:
            raise _refused(found["kind"], resolution, allowed)
        holds.refuse_short_if_complete(uow, found["order_ref"], resolution)
        outcome, released = message("outcome.acknowledged"), []
        if resolution in LINE_FIXES:
            outcome = _fix_line(uow, found, resolution)
        if resolution == "retry":
            outcome = _apply_set_aside(uow, found)
        if resolution == "next_collection":
            outcome = message("outcome.next_collection")
        if resolution == "pull_parcel":
            outcome = _pull_parcel(uow, found["details"] or {})
        if found["kind"] == counting.VARIANCE:
            outcome, released = count_lead.settle_variance(
                uow, lead, found["details"], resolution, station
            )
        if resolution == "unlock_pin":
            outcome = users.unlock_pin_within(uow, lead, found["details"]["badge"], station)
        uow.lead.mark_resolved(exception_id, resolution, note, lead.name, utcnow())
        payload = {
            "exception": exception_id,
            "kind": found["kind"],
            "resolution": resolution,
            "note": note,
            "outcome": outcome.english(),  # the audit log reads in English
        }
        events = [Event("exception.resolved", payload, actor, found["order_ref"])]
        events += _resume_order(uow, found["order_ref"], actor)
        uow.events.add_all(events)
        uow.commit()
    count_lead.retry_released(uow, released, actor)
    return outcome


def _resolve_waiting(uow, lead, found: dict, resolution: str, note: str, station: str) -> Message:
    """An order waiting for stock: allocate it now (nothing changes while stock still lacks),
    or cancel it. The row closes when the order is allocated or cancelled."""
    if resolution not in RESOLUTIONS[WAITING]:
        raise _refused(WAITING, resolution)
    actor = Actor(lead.name, station)
    retry = resolution == "retry_allocation"
    if retry and not allocation.retry_waiting(uow, actor, only={found["order_ref"]}).allocated:
        with uow:
            (order,) = uow.orders.by_refs([found["order_ref"]])
        raise BadInput(
            message("outcome.still_waiting", order=_ref_of(order), reason=summary(order.reason))
        )
    with uow:
        (order,) = uow.orders.by_refs([found["order_ref"]])
        if resolution == "cancel_order":
            order.move_to(OrderStatus.CANCELLED, note)
            uow.orders.save_status(order)
            uow.orders.stop_waiting([order.id], resolution, lead.name, utcnow())
        payload = {
            "exception": found["id"],
            "kind": WAITING,
            "resolution": resolution,
            "note": note,
        }
        events = [Event(k, p | {"note": note}, actor, order.id) for k, p in order.events]
        uow.events.add_all([Event("exception.resolved", payload, actor, order.id), *events])
        uow.commit()
    if resolution == "cancel_order":
        return message("outcome.order_cancelled", order=_ref_of(order))
    return message("outcome.order_allocated", order=_ref_of(order))


def _ref_of(order) -> str:
    return f"{order.channel}/{order.order_id}"


def _fix_line(uow, found: dict, resolution: str) -> Message:
    """Decide what happens to the units a short pick did not find.

    The short-pick fact already gave the reservation back (the picker station's applier), so
    these only add: a reservation elsewhere with a new task, a stock write-off, a smaller
    order line. Backorder and mark_damaged also let the packer ship the order partially.
    """
    if found["pick_task_id"] is None:
        raise BadInput(message("exception.no_task", id=found["id"]))
    task = uow.lead.task(found["pick_task_id"])
    details = found["details"] or {}
    quantity = int(details.get("shortfall") or details.get("quantity") or task["short"])
    if quantity <= 0:
        raise BadInput(message("exception.nothing_outstanding", task=task["id"]))
    repo, what = uow.lead, {"quantity": quantity, "sku": task["sku"]}
    if resolution == "reallocate":
        codes = [
            repo.reallocate(task, t.stock_id, t.quantity)
            for t in _reallocation(uow, task, quantity)
        ]
        return message("outcome.reallocated", **what, location=", ".join(dict.fromkeys(codes)))
    if resolution == "mark_damaged":
        repo.write_off(task["stock_id"], quantity)
        return message("outcome.written_off", **what, location=task["location"])
    if resolution == "cancel_line":
        repo.cancel_units(task["order_line_id"], quantity)
        return message("outcome.line_cancelled", **what)
    return message("outcome.backordered", **what)


def _reallocation(uow, task: dict, quantity: int) -> list[stock_choice.Take]:
    """Where the shortfall comes from instead: allocation's own rule (app/domain/stock_choice:
    FEFO, expired lots and held stock never), over the product's other stock rows, locked as
    allocation locks them, in the task's own warehouse (an order ships from one). Nothing, or
    all of it."""
    home = uow.stock.warehouse_of_stock(task["stock_id"])
    items = uow.stock.lock_for_allocation({task["sku"]}, home)
    items = [i for i in items if i.id != task["stock_id"]]
    takes, missing = stock_choice.take(stock_choice.ranked(items, utcnow().date()), quantity)
    if missing:
        raise BadInput(message("exception.no_other_location", quantity=quantity, sku=task["sku"]))
    return takes


def _pull_parcel(uow, details: dict) -> Message:
    """The lead had the parcel taken off its cage: it leaves the unit (not once it shipped)."""
    found = uow.dispatch.package_of(None, details.get("sscc"))
    if found is not None:
        uow.dispatch.remove_load(found[0])
    return message("outcome.parcel_pulled", unit=details.get("unit") or "?")


def _apply_set_aside(uow, found: dict) -> Message:
    """Apply a fact that was stored but set aside because central could not apply it then."""
    fact = uow.events.by_uuid((found["details"] or {}).get("uuid", ""))
    if fact is None:
        raise BadInput(message("exception.no_fact", id=found["id"]))
    try:
        facts.reapply(uow, fact)
    except Exception as exc:  # still failing: nothing changed, the item stays open
        error = f"{type(exc).__name__}: {exc}"
        raise BadInput(message("exception.still_failing", fact=fact.kind, error=error)) from exc
    return message("outcome.fact_applied", fact=fact.kind)


def _resume_order(uow, order_ref: int | None, actor: Actor) -> list[Event]:
    """An order a short pick stopped moves on once the lead has decided every short of it:
    back to picking while a (reallocated) task is open or its cart is still out, picked when
    its cart already went to packing. Orders not on a cart are left to their own queue item."""
    if order_ref is None:
        return []
    (order,) = uow.orders.by_refs([order_ref]) or (None,)
    if order is None or order.status is not OrderStatus.EXCEPTION:
        return []
    target = status_after_picking(uow.picking.pick_progress([order_ref])[order_ref])
    if target is None or target is OrderStatus.EXCEPTION:
        return []
    order.move_to(target, "exception resolved")
    uow.orders.save_status(order)
    return [Event(k, p, actor, order.id) for k, p in order.events]


def _refused(kind: str, resolution: str, choices: tuple[str, ...] | None = None) -> BadInput:
    allowed = ", ".join(choices or RESOLUTIONS.get(kind, DEFAULT_RESOLUTIONS))
    return BadInput(message("exception.refused", kind=kind, resolution=resolution, allowed=allowed))
