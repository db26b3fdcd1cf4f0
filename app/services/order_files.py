"""Reading order files (INTERFACES.md §6) into order drafts, with the rows each came from.

Pure: no database. Problems that concern one order (a bad quantity, a missing address field)
become that order's rejection reason; problems with the file itself raise BadInput.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.domain.orders import ADDRESS_FIELDS, Address, Order, OrderLine
from app.errors import BadInput

CSV_COLUMNS = (
    "channel",
    "order_id",
    "order_date",
    "priority",
    "carrier",
    "service",
    "ship_by",
    *ADDRESS_FIELDS,
    "sku",
    "quantity",
)
ORDER_FIELDS = ("order_date", "priority", "carrier", "service", "ship_by")


@dataclass
class OrderDraft:
    """One order as read from a file: its rows, and the problems found in them."""

    channel: str
    order_id: str
    rows: list[str]  # where it came from: "row 5" (CSV) or "orders[4]" (JSON)
    header: dict
    ship_to: dict
    lines: list[tuple[str, object, str]] = field(default_factory=list)  # sku, qty, where
    problems: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.channel, self.order_id)

    def where(self) -> str:
        return ", ".join(self.rows)


def read_order_file(path: Path, default_channel: str | None = None) -> list[OrderDraft]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: cannot read the file ({exc})") from exc
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        return _read_json(path, text, default_channel)
    return _read_csv(path, text, default_channel)


def _read_csv(path: Path, text: str, default_channel: str | None) -> list[OrderDraft]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = reader.fieldnames or []
    missing = [c for c in CSV_COLUMNS if c not in columns and c != "channel"]
    if "channel" not in columns and not default_channel:
        missing.insert(0, "channel")
    if missing:
        raise BadInput(f"{path}: row 1: missing column(s) {', '.join(missing)}")
    drafts: dict[tuple[str, str], OrderDraft] = {}
    for record in reader:
        where = f"row {reader.line_num}"
        values = {k: (v or "").strip() for k, v in record.items() if k is not None}
        channel = values.get("channel") or default_channel or ""
        key = (channel, values["order_id"])
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = OrderDraft(
                channel=channel,
                order_id=values["order_id"],
                rows=[],
                header={f: values[f] for f in ORDER_FIELDS},
                ship_to={f: values[f] for f in ADDRESS_FIELDS},
            )
        draft.rows.append(where)
        draft.lines.append((values["sku"], values["quantity"], where))
    return list(drafts.values())


def _read_json(path: Path, text: str, default_channel: str | None) -> list[OrderDraft]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(document, dict) or not isinstance(document.get("orders"), list):
        raise BadInput(f'{path}: expected an object with an "orders" list')
    drafts = []
    for index, entry in enumerate(document["orders"]):
        where = f"orders[{index}]"
        if not isinstance(entry, dict):
            raise BadInput(f"{path}: {where}: expected an object")
        ship_to = entry.get("ship_to") if isinstance(entry.get("ship_to"), dict) else {}
        draft = OrderDraft(
            channel=_text(entry.get("channel")) or default_channel or "",
            order_id=_text(entry.get("order_id")),
            rows=[where],
            header={f: _text(entry.get(f)) for f in ORDER_FIELDS},
            ship_to={f: _text(ship_to.get(f)) for f in ADDRESS_FIELDS},
        )
        lines = entry.get("lines")
        if not isinstance(lines, list) or not lines:
            draft.problems.append(f"{where}: no lines")
            lines = []
        for n, line in enumerate(lines):
            line = line if isinstance(line, dict) else {}
            draft.lines.append(
                (_text(line.get("sku")), line.get("quantity"), f"{where}.lines[{n}]")
            )
        drafts.append(draft)
    return drafts


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def parse_quantity(value: object) -> int | None:
    """A positive integer, or None. Accepts 3 and "3"; refuses 0, -1, 1.5, "1.0", True."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
        return number if number > 0 else None
    return None


def parse_timestamp(value: str) -> datetime | None:
    """ISO 8601 date or date-time; empty means not given. Raises ValueError when malformed."""
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def build_order(draft: OrderDraft, known_skus: set[str]) -> Order:
    """Turn a draft into an Order, or raise BadInput with every reason it cannot be imported."""
    problems = list(draft.problems)
    if not draft.channel:
        problems.append(f"{draft.where()}: channel is empty")
    if not draft.order_id:
        problems.append(f"{draft.where()}: order_id is empty")
    address = Address(**draft.ship_to)
    for name in address.missing_fields():
        problems.append(f"{draft.where()}: address field {name} is empty")
    lines = []
    for sku, raw_quantity, where in draft.lines:
        quantity = parse_quantity(raw_quantity)
        if quantity is None:
            problems.append(f"{where}: quantity {raw_quantity!r} is not a positive integer")
        if not sku:
            problems.append(f"{where}: sku is empty")
        elif sku not in known_skus:
            problems.append(f"{where}: unknown SKU {sku!r}")
        if quantity is not None and sku:
            lines.append(OrderLine(sku=sku, quantity=quantity))
    header = _parse_header(draft, problems)
    if problems:
        raise BadInput("; ".join(problems))
    return Order(
        channel=draft.channel, order_id=draft.order_id, ship_to=address, lines=lines, **header
    )


def _parse_header(draft: OrderDraft, problems: list[str]) -> dict:
    header: dict = {"carrier": draft.header["carrier"], "service": draft.header["service"]}
    priority = draft.header["priority"] or "0"
    try:
        header["priority"] = int(priority)
    except ValueError:
        problems.append(f"{draft.where()}: priority {priority!r} is not an integer")
    for name in ("order_date", "ship_by"):
        try:
            header[name] = parse_timestamp(draft.header[name])
        except ValueError:
            problems.append(f"{draft.where()}: {name} {draft.header[name]!r} is not an ISO date")
    return header
