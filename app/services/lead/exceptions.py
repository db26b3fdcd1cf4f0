"""The lead's exceptions queue and the resolutions that change real state.

The queue (blocking problems first, see queue_order.py) joins three sources: open rows of the `exceptions` table (short picks, packing
mismatches, overrides, printer failures), orders past their ship-by that are still on the floor
(computed, not stored), and orders the review put on hold (app/services/holds.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain import stock_choice
from app.domain.events import Actor, Event, utcnow
from app.domain.orders import OrderStatus, status_after_picking
from app.domain.picking import HOLDS_LOCATION
from app.domain.users import User
from app.errors import BadInput
from app.messages import TEMPLATES, Message, message, summary, verbatim
from app.services import allocation, count_lead, counting, facts, holds, users
from app.services.lead import at_risk
from app.services.lead.queue_order import by_urgency
from app.services.order_off_wave import take_off_planned_waves
from app.services.ports import UnitOfWork
from app.services.users import require_lead

LINE_FIXES = ("reallocate", "backorder", "mark_damaged", "cancel_line")
# What the lead may do with each kind of queue item (the UI offers exactly these).
RESOLUTIONS: dict[str, tuple[str, ...]] = {
    "short_pick": LINE_FIXES,
    "pack_mismatch": ("backorder", "cancel_line", "acknowledge"),
    "pack_override": ("acknowledge",),
    "weight_mismatch": ("acknowledge",),
    "pack_status": ("acknowledge",),
    "printer_failure": ("acknowledge",),
    "late": ("prioritise", "cancel_order"),
    "at_risk": ("prioritise", "cancel_order"),
    "hold": ("release_hold", "cancel_order"),
    "fact_failed": ("retry", "acknowledge"),  # a station's fact central could not apply
    "pin_locked": ("unlock_pin", "acknowledge"),  # too many wrong PINs for a badge
    # allocation could not cover the order: try again now (after a count), or cancel it
    "waiting_for_stock": ("retry_allocation", "cancel_order"),
    # the dock: a parcel the carrier did not take, or one to pull off a cage
    "left_behind": ("next_collection", "acknowledge"),
    "load_on_hold": ("pull_parcel", "acknowledge"),
    "load_cancelled": ("pull_parcel", "acknowledge"),
    # a second count confirmed a variance beyond the tolerance (docs/stock.md "Counting"):
    # approve it, count again, or keep stock as it is
    "count_variance": (count_lead.APPROVE, count_lead.RECOUNT, count_lead.KEEP),
}
DEFAULT_RESOLUTIONS = ("acknowledge",)
URGENT_PRIORITY = 9
WAITING = "waiting_for_stock"


# Kinds whose details read as one sentence: kind -> (message id, the details it needs).
KIND_SUMMARIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "weight_mismatch": ("exception.weight_mismatch", ("carton", "weight_kg", "expected_kg")),
    "printer_failure": ("exception.printer_failure", ("printer", "carton", "message")),
    "pack_override": ("exception.pack_override", ("lead", "packer", "reason")),
    "pack_status": ("exception.pack_status", ("error",)),
    "tote_conflict": ("exception.tote_conflict", ("tote", "pick_list_id")),
    "reassigned_offline": (
        "exception.reassigned_offline",
        ("picked_by", "facts", "pick_list_id", "now_with"),
    ),
    "pin_locked": ("exception.pin_locked", ("name", "badge", "station")),
    "left_behind": ("exception.left_behind", ("carton", "carrier", "manifest_id")),
    "load_on_hold": ("exception.load_on_hold", ("unit", "carton")),
    "load_cancelled": ("exception.load_cancelled", ("unit", "carton")),
    "load_twice": ("exception.load_twice", ("carton", "first", "unit")),
    "load_wrong_unit": ("exception.load_wrong_unit", ("carton", "unit", "carrier")),
    "pick_task_gone": (
        "exception.pick_task_gone",
        ("quantity", "sku", "location", "tote", "picked_by", "pick_list_id"),
    ),
    "serial_duplicate": ("exception.serial_duplicate", ("serial_list", "sscc", "station")),
    "awaiting_label": ("exception.awaiting_label", ("carton", "sscc", "carrier", "station")),
    "numbers_low": ("numbers.low", ("series", "left", "last")),
    "receipt_unknown": ("exception.receipt_unknown", ("clerk", "station", "receipt_id")),
    "return_unknown": ("exception.return_unknown", ("clerk", "station", "channel", "order_id")),
    # a late move took units that were no longer free there: count the location
    "stock_mismatch": (
        "exception.stock_mismatch",
        ("location", "moved_by", "quantity", "sku", "to", "available"),
    ),
    "count_unknown_location": ("exception.count_unknown_location", ("location", "counted_by")),
}
# A lead's override of a carton's weight reads differently from one of open lines.
WEIGHT_OVERRIDE = (
    "exception.pack_override_weight",
    ("lead", "packer", "carton", "weight_kg", "expected_kg", "reason"),
)


@dataclass(frozen=True)
class QueueItem:
    """`key` names the item for `resolve`: `exception:12`, `late:SO-1`, `hold:web/SO-1`."""

    key: str
    kind: str
    order: str  # CHANNEL/ORDER_ID, or "" when the item names no order
    summary: Message  # what happened, for the UI to translate (str() is English)
    since: datetime | None
    choices: tuple[str, ...]
    suggested: str | None = None  # the station's suggestion (e.g. reallocate when stock exists)
    # for the UI's own words: waiting_for_stock -> {"lines": [{"sku", "short", "quantity"}]}
    params: dict = field(default_factory=dict, compare=False)


def exception_queue(
    uow: UnitOfWork, lead: User, warehouse_id: int | None = None
) -> list[QueueItem]:
    """What the lead must look at; with `warehouse_id`, not another warehouse's orders or
    pick tasks (an item that names no warehouse is shown under each: db/warehouse_filters.py)."""
    require_lead(lead)
    now = utcnow()
    with uow:
        stored = uow.lead.open_exceptions(warehouse_id)
        late = uow.lead.orders_in(
            ("released", "picking"), ship_by_before=now, warehouse_id=warehouse_id
        )
        late = [o for o in late if o["priority"] < URGENT_PRIORITY]  # urgent: already decided
        held = uow.lead.orders_in(("on_hold",), warehouse_id=warehouse_id)
        risky = at_risk.predicted(uow, now)
        if warehouse_id is not None:
            other = uow.lead.orders_of_other_warehouses(warehouse_id, [p.order.ref for p in risky])
            risky = [p for p in risky if p.order.ref not in other]
    items = [_at_risk_item(p) for p in risky]
    items += [_stored_item(e) for e in stored]
    items += [
        QueueItem(
            f"late:{_ref(o)}",
            "late",
            _ref(o),
            message("exception.ship_by", ship_by=f"{o['ship_by']:%Y-%m-%d %H:%M}"),
            o["ship_by"],
            RESOLUTIONS["late"],
        )
        for o in late
    ]
    items += [
        QueueItem(
            f"hold:{_ref(o)}", "hold", _ref(o), summary(o["reason"]), None, RESOLUTIONS["hold"]
        )
        for o in held
    ]
    return by_urgency(items)


def _at_risk_item(prediction) -> QueueItem:
    order = prediction.order
    ref = f"{order.channel}/{order.order_id}"
    local = prediction.ships_at.astimezone()
    text = message(
        "exception.at_risk",
        ship_by=f"{order.ship_by.astimezone():%Y-%m-%d %H:%M}",
        predicted=f"{local:%Y-%m-%d %H:%M}",
    )
    return QueueItem(f"at_risk:{ref}", "at_risk", ref, text, order.ship_by, RESOLUTIONS["at_risk"])


def _ref(row: dict) -> str:
    return f"{row['channel']}/{row['order_id']}" if row.get("channel") else ""


def _stored_item(e: dict) -> QueueItem:
    details = e["details"] or {}
    choices = allowed_resolutions(e["kind"], details)
    suggested = details.get("suggestion")
    return QueueItem(
        f"exception:{e['id']}",
        e["kind"],
        _ref(e),
        summarise(e["kind"], details),
        e["created_at"],
        choices,
        suggested if suggested in choices else None,
        {"lines": details["lines"]} if e["kind"] == WAITING else {},
    )


def allowed_resolutions(kind: str, details: dict) -> tuple[str, ...]:
    """What the lead may do with an item. Units a picker found missing (location empty, not
    found) cannot be written off as damaged: they were not there; the location is held until
    it is counted, and the count corrects on hand."""
    choices = RESOLUTIONS.get(kind, DEFAULT_RESOLUTIONS)
    if kind == "short_pick" and details.get("reason") in HOLDS_LOCATION:
        choices = tuple(c for c in choices if c != "mark_damaged")
    return choices


def summarise(kind: str, details: dict) -> Message:
    """One line a lead can read: the stored summary, the short pick in words, else the simple
    fields. Derived from the details when read, so it comes in the reader's language."""
    if details.get("summary_message"):
        return Message.from_dict(details["summary_message"])
    if details.get("summary"):
        return verbatim(str(details["summary"]))
    if kind == counting.VARIANCE:
        return _variance_summary(details)
    if kind == WAITING:
        lacks = [
            message("exception.lacks_line", sku=x["sku"], short=x["short"], quantity=x["quantity"])
            for x in details["lines"]
        ]
        return message("exception.waiting_for_stock", lines=lacks)
    if kind == "short_pick" and "shortfall" in details:
        said = _short_pick_summary(details)
        if details.get("reported_by"):
            return message("exception.reported_by", summary=said, user=details["reported_by"])
        return said
    wording = KIND_SUMMARIES.get(kind)
    if kind == "pack_override" and details.get("scope") == "weight":
        wording = WEIGHT_OVERRIDE
    if wording and all(details.get(key) not in (None, "") for key in wording[1]):
        return message(wording[0], **{key: details[key] for key in wording[1]})
    simple = {k: v for k, v in details.items() if not isinstance(v, dict | list) and v != ""}
    return verbatim(", ".join(f"{k}: {v}" for k, v in simple.items()))


def _variance_summary(details: dict) -> Message:
    lines = [
        message(
            "exception.count_variance_line",
            sku=x["sku"] + (f" {x['lot']}" if x.get("lot") else ""),
            expected=x["expected"],
            first=x["first"],
            second=x["second"],
        )
        for x in details.get("lines", [])
        if x["second"] != x["expected"]
    ]
    return message("exception.count_variance", location=details.get("location", "?"), lines=lines)


def _short_pick_summary(details: dict) -> Message:
    what = {
        "sku": details.get("sku", "?"),
        "location": details.get("location", "?"),
        "shortfall": details["shortfall"],
    }
    if details.get("reason"):
        return message("exception.short_pick_reason", **what, reason=_reason(details["reason"]))
    return message("exception.short_pick", **what)


def _reason(code: str) -> Message:
    known = f"short_reason.{code}"
    return message(known) if known in TEMPLATES else verbatim(code)


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
