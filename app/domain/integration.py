"""Integration messages: which changes of state other systems hear about, and in what words.

The one mapping from the audit `Event`s the use cases already write (`order.<status>` from
`Order.move_to`) to outbox messages (docs/interfaces.md §12, docs/integrations.md). The event
log's adapter (db/events_repo.py) calls `message_kind` for every event it stores, in the same
transaction, so no use case can change an order's status without its message. Pure: no I/O.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain.events import Event
from app.messages import english

# Order events (kind → message kind) that always become a message of that kind.
_PLAIN = {
    "order.on_hold": "order.held",
    "order.allocated": "order.allocated",
    "order.exception": "order.exception",
    "order.packed": "order.packed",
    "order.shipped": "order.shipped",
    "order.cancelled": "order.cancelled",
    "order.at_risk": "order.at_risk",  # predicted to miss its ship-by (app/domain/at_risk.py)
    # a returned parcel closed (docs/returns.md): items, conditions, units back to stock
    "return.received": "return.received",
}
SHIPPED = "order.shipped"
AT_RISK = "order.at_risk"
RETURN_RECEIVED = "return.received"
RELEASED = "order.released"
# Stock a count adjusted (docs/stock.md "Counting"): at once within the tolerance, or a lead's
# approval of a confirmed variance. Not about an order: `order` is null in the message (an
# endpoint's `channels` do not apply to it).
STOCK_ADJUSTED = "stock.adjusted"
_STOCK_EVENTS = ("count.applied", "count.approved")
# Every message kind an event can make: what an endpoint's `kinds` may name.
MESSAGE_KINDS = (RELEASED, *dict.fromkeys(_PLAIN.values()), STOCK_ADJUSTED)


def message_kind(event: Event) -> str | None:
    """The message an event makes, or None. Leaving a hold is `order.released` whether the
    order goes back to be allocated (received) or back to the dock (packed)."""
    if event.kind in _STOCK_EVENTS:
        return STOCK_ADJUSTED if _adjusted(event.payload) else None
    if event.order_ref is None:
        return None
    if event.payload.get("from") == "on_hold" and event.kind in ("order.received", "order.packed"):
        return RELEASED
    return _PLAIN.get(event.kind)


def _adjusted(payload: dict) -> bool:
    """A count changed stock: adjusted (or approved) with a variance on some line."""
    if payload.get("status", "adjusted") != "adjusted":
        return False
    return any(line.get("variance") for line in payload.get("lines", []))


def stock_data(event: Event) -> dict[str, Any]:
    """`data` of stock.adjusted: the location and each line's expected, counted and variance."""
    payload = event.payload
    keys = ("sku", "lot", "expected", "counted", "variance")
    return {
        "location": payload.get("location", ""),
        "count_task_id": payload.get("count_task_id"),
        "lines": [{k: line.get(k) for k in keys} for line in payload.get("lines", [])],
    }


def status_data(event: Event) -> dict[str, Any]:
    """`data` of every kind but order.shipped: the status it left and entered, why (English,
    as `orders --json` shows it), and the lead's note when there is one; for order.at_risk,
    the prediction (ship_by, predicted_ship, predicted_packed, carrier); for return.received,
    the parcel's items (app/services/returns_appliers.received_data)."""
    payload = event.payload
    if event.kind in (AT_RISK, RETURN_RECEIVED):
        return dict(payload)
    data = {
        "status": payload.get("to", ""),
        "previous_status": payload.get("from", ""),
        "reason": english(payload.get("reason") or ""),
    }
    if payload.get("note"):
        data["note"] = payload["note"]
    return data


@dataclass(frozen=True)
class OrderKey:
    channel: str
    order_id: str


def message_document(
    event: Event, kind: str, site: str, order: OrderKey | None, data: dict[str, Any]
) -> dict[str, Any]:
    """The message as sent. Its id is the event's UUID: the audit trail (`shipshape timeline`)
    and the receiver's log name the same change."""
    return {
        "id": event.uuid,
        "kind": kind,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(),
        "site": site,
        "order": None if order is None else {"channel": order.channel, "order_id": order.order_id},
        "data": data,
    }


def encode_body(document: dict[str, Any]) -> str:
    """The exact text sent every time (stored once, so a retry signs the same bytes)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def signature(secret: str, body: bytes) -> str:
    """`Shipshape-Signature`: HMAC-SHA256 of the exact body bytes with the endpoint's secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def retry_delay(tries: int, base_s: float, ceiling_s: float, rng: random.Random) -> float:
    """Exponential back-off after the `tries`-th failed try, with jitter (between half and all
    of it) so that receivers coming back are not hit by every dispatcher at the same moment."""
    full = min(ceiling_s, base_s * 2 ** min(max(tries - 1, 0), 40))
    return full * (0.5 + rng.random() / 2)


def drop_file_name(occurred_at: datetime, message_id: str) -> str:
    """`<occurred_at compact>-<id>.json`: names sort by time, and the id keeps them unique."""
    return f"{occurred_at.astimezone(UTC):%Y%m%dT%H%M%S%fZ}-{message_id}.json"
