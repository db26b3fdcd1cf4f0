"""The lead's exceptions queue: what it lists and in what words.

The queue (blocking problems first, see queue_order.py) joins three sources: open rows of the
`exceptions` table (short picks, packing mismatches, overrides, printer failures), orders past
their ship-by that are still on the floor (computed, not stored), and orders the review put on
hold (app/services/holds.py). Each item offers the resolutions its kind allows (`RESOLUTIONS`);
applying one is resolutions.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.events import utcnow
from app.domain.picking import HOLDS_LOCATION
from app.domain.users import User
from app.messages import TEMPLATES, Message, message, summary, verbatim
from app.services import count_lead, counting
from app.services.lead import at_risk
from app.services.lead.queue_order import by_urgency
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
