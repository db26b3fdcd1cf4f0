"""The daily CSV of shipment confirmations (docs/integrations.md, "The daily CSV"): which rows an
`order.shipped` message makes, which day's file they go to, and how a delivery changes that
file's rows. Pure: no I/O; integrations/daily_csv.py reads, locks and writes the file.

One row per line of each carton; the order's and the carton's columns repeat on every row, so a
row stands alone. Values are written as the message holds them (an ERP matches order ids and
SKUs exactly); `lots` and `serials` are joined with `;`.
"""

from __future__ import annotations

import math
from datetime import date, datetime, tzinfo
from typing import Any

from app.domain.integration import SHIPPED

COLUMNS = (
    "message_id",
    "occurred_at",
    "site",
    "channel",
    "order_id",
    "carrier",
    "service",
    "carton",
    "sscc",
    "tracking_number",
    "weight_kg",
    "sku",
    "quantity",
    "lots",
    "serials",
)
Row = list[str]


class NotADayFile(ValueError):
    """The day's file does not start with our header: someone else's file, or a damaged one.
    Left as it is (the delivery fails and is retried, then parked with this reason)."""


def file_name(day: date) -> str:
    """`shipments-YYYY-MM-DD.csv`: an ERP globs `shipments-*.csv`, and the names sort by day."""
    return f"shipments-{day:%Y-%m-%d}.csv"


def message_day(message: dict[str, Any], zone: tzinfo | None = None) -> date:
    """The day a message belongs to: its `occurred_at` in `zone`, by default the local time of
    the machine (the site's time, as the carriers' cut-offs are: app/domain/dispatch.py)."""
    moment = datetime.fromisoformat(str(message["occurred_at"]))
    return moment.astimezone(zone).date()


def shipment_rows(message: dict[str, Any]) -> list[Row]:
    """The rows of one message: none for any kind but `order.shipped`. A carton without lines
    (or a shipment without cartons) still gives one row, so every confirmation is in the file."""
    if message.get("kind") != SHIPPED:
        return []
    data = message.get("data") or {}
    order = message.get("order") or {}
    head = [message.get("id"), message.get("occurred_at"), message.get("site")]
    head += [order.get("channel"), order.get("order_id"), data.get("carrier"), data.get("service")]
    rows = []
    for carton in data.get("shipments") or [{}]:
        box = [carton.get(key) for key in ("carton", "sscc", "tracking_number", "weight_kg")]
        for line in carton.get("lines") or [{}]:
            rows.append(
                [_cell(v) for v in head + box + [line.get("sku"), line.get("quantity")]]
                + [_joined(line.get("lots")), _joined(line.get("serials"))]
            )
    return rows


def merged(current: list[Row], message_id: str, new: list[Row]) -> list[Row] | None:
    """The day file's rows (header first) after delivering `new` for `message_id` to a file
    that holds `current` (as read; [] when there is none yet). A message delivered before has
    its rows taken out first, so a delivery repeated after a crash never doubles them; None
    when the file already holds exactly these rows (nothing to write)."""
    if current and tuple(current[0]) != COLUMNS:
        raise NotADayFile(",".join(current[0])[:200])
    rows = [row for row in current[1:] if row]
    mine = [row for row in rows if row[0] == message_id]
    if current and mine == new:
        return None
    return [list(COLUMNS), *(row for row in rows if row[0] != message_id), *new]


def _cell(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value).lower()
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    return str(value)


def _joined(values: Any) -> str:
    return ";".join(_cell(v) for v in values or [])
