"""Reading order files (docs/interfaces.md §6) into order drafts, with the rows each came from.

Pure: no database. Problems that concern one order (a bad quantity, a missing address field)
become that order's rejection reason; problems with the file itself raise BadInput.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from app.domain import fields
from app.domain.fields import INT32_MAX, FieldProblem, money_cents, parse_json, shown
from app.domain.orders import ADDRESS_FIELDS, Address, Order, OrderLine
from app.domain.priority import parse_priority
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
# customer_id is optional (a CSV column, a JSON field), as is a line's unit_price (issue 18).
ORDER_FIELDS = ("order_date", "priority", "carrier", "service", "ship_by", "customer_id")
# Longest text per field: the column sizes in db/schema.py (address fields are kept in a JSON
# column; these are what a label can print). Documented in docs/setup.md.
TEXT_LIMITS = {"channel": 40, "order_id": 80, "carrier": 60, "service": 60, "sku": 60}
TEXT_LIMITS |= {"customer_id": 80}
TEXT_LIMITS |= {"name": 200, "company": 200, "street1": 200, "street2": 200, "city": 100}
TEXT_LIMITS |= {"region": 100, "postal_code": 20, "country": 60, "phone": 40, "email": 254}


@dataclass
class OrderDraft:
    """One order as read from a file: its rows, and the problems found in them."""

    channel: str
    order_id: str
    rows: list[str]  # where it came from: "row 5" (CSV) or "orders[4]" (JSON)
    header: dict
    ship_to: dict
    lines: list[tuple[object, object, str]] = field(default_factory=list)  # sku, qty, where
    prices: list[object] = field(default_factory=list)  # each line's unit_price as found
    problems: list[str] = field(default_factory=list)
    # JSON: the values as found (channel and order_id above are their text, for grouping),
    # and the whole entry, to tell a repeat with other content from an exact repeat.
    raw_channel: object = None
    raw_order_id: object = None
    fingerprint: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.channel, self.order_id)

    @property
    def identified(self) -> bool:
        return bool(self.order_id)

    @property
    def label(self) -> str:
        """channel/order_id as shown in a report: shortened, control characters made visible."""
        if not self.order_id:
            return f"{self.channel or '?'}/(no order id)"
        text = f"{self.channel}/{self.order_id}"
        plain = len(text) <= 100 and text.isprintable()
        return text if plain else shown(text, 100)

    def where(self) -> str:
        return ", ".join(self.rows)


def read_order_file(path: Path, default_channel: str | None = None) -> list[OrderDraft]:
    text = read_text_file(path)
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        return _read_json(path, text, default_channel)
    return _read_csv(path, text, default_channel)


def read_text_file(path: Path) -> str:
    """The file as text: UTF-8 with or without a byte order mark, else BadInput."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        ) from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def csv_records(
    path: Path, text: str, check_columns: Callable[[list[str]], None]
) -> Iterator[tuple[int, dict]]:
    """(line number, row) for each row; the header is line 1, given to `check_columns` first.

    Fields are not size-limited here (a 1 MB field is a row problem the checks report); a file
    the csv module cannot split at all is refused whole, since its rows cannot be told apart.
    """
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        check_columns(list(reader.fieldnames or []))
        for record in reader:
            values = {k: v.strip() if isinstance(v, str) else "" for k, v in record.items()}
            yield reader.line_num, values
    except csv.Error as exc:
        raise BadInput(f"{path}: row {reader.line_num}: cannot be read as CSV ({exc})") from None


def _read_csv(path: Path, text: str, default_channel: str | None) -> list[OrderDraft]:
    drafts: dict[tuple[str, str], OrderDraft] = {}
    check = partial(_check_columns, path, default_channel=default_channel)
    for line_no, values in csv_records(path, text, check):
        where = f"row {line_no}"
        channel = values.get("channel") or default_channel or ""
        key = (channel, values["order_id"])
        draft = drafts.get(key)
        order_level = {f: values.get(f, "") for f in (*ORDER_FIELDS, *ADDRESS_FIELDS)}
        if draft is None:
            draft = drafts[key] = OrderDraft(
                channel=channel,
                order_id=values["order_id"],
                rows=[],
                header={f: values.get(f, "") for f in ORDER_FIELDS},
                ship_to={f: values[f] for f in ADDRESS_FIELDS},
            )
        else:
            draft.problems += _disagreements(draft, order_level, where)
        draft.rows.append(where)
        draft.lines.append((values["sku"], values["quantity"], where))
        draft.prices.append(values.get("unit_price", ""))
    return list(drafts.values())


def _check_columns(path: Path, columns: list[str], default_channel: str | None) -> None:
    missing = [c for c in CSV_COLUMNS if c not in columns and c != "channel"]  # + optional ones
    if "channel" not in columns and not default_channel:
        missing.insert(0, "channel")
    if missing:
        raise BadInput(f"{path}: row 1: missing column(s) {', '.join(missing)}")


def _disagreements(draft: OrderDraft, order_level: dict, where: str) -> list[str]:
    """Rows of one order must agree on the order and its address; the first row is not 'right'."""
    first = {**draft.header, **draft.ship_to}
    return [
        f"{where}: {name} {shown(value)} differs from {draft.rows[0]} ({shown(first[name])})"
        for name, value in order_level.items()
        if value != first[name]
    ]


def _read_json(path: Path, text: str, default_channel: str | None) -> list[OrderDraft]:
    try:
        document = parse_json(text)
    except FieldProblem as exc:
        raise BadInput(f"{path}: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("orders"), list):
        raise BadInput(f'{path}: expected an object with an "orders" list')
    return [
        _json_draft(entry, f"orders[{index}]", default_channel)
        for index, entry in enumerate(document["orders"])
    ]


def _json_draft(entry: object, where: str, default_channel: str | None) -> OrderDraft:
    """Raw values are kept as found; `build_order` checks them. Only the key is read loosely."""
    if not isinstance(entry, dict):
        draft = OrderDraft("", "", [where], {}, {})
        draft.problems.append(f"{where}: expected an object with order_id, ship_to and lines")
        return draft
    ship_to = entry.get("ship_to")
    if not isinstance(ship_to, dict):
        ship_to = {}
    draft = OrderDraft(
        channel=_loose(entry.get("channel")) or default_channel or "",
        order_id=_loose(entry.get("order_id")),
        rows=[where],
        header={f: entry.get(f) for f in ORDER_FIELDS},
        ship_to={f: ship_to.get(f) for f in ADDRESS_FIELDS},
        raw_channel=entry.get("channel") or default_channel,
        raw_order_id=entry.get("order_id"),
        fingerprint=json.dumps([default_channel, entry], sort_keys=True, ensure_ascii=False),
    )
    lines = entry.get("lines")
    if not isinstance(lines, list) or not lines:
        draft.problems.append(f"{where}: no lines")
        lines = []
    for n, line in enumerate(lines):
        line = line if isinstance(line, dict) else {}
        draft.lines.append((line.get("sku"), line.get("quantity"), f"{where}.lines[{n}]"))
        draft.prices.append(line.get("unit_price"))
    return draft


def _loose(value: object) -> str:
    """The key part of an order as text for grouping; its real check is in `build_order`."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return json.dumps(value)
    return "" if value is None else shown(value)


def parse_quantity(value: object) -> int | None:
    """A positive integer, or None. Accepts 3 and "3"; refuses 0, -1, 1.5, "1.0", "²", True."""
    try:
        return _quantity(value)
    except FieldProblem:
        return None


def _quantity(value: object) -> int:
    return fields.whole_number(value, "quantity", 1, INT32_MAX, code="not_positive_integer")


def build_order(draft: OrderDraft, known_skus: set[str]) -> Order:
    """Turn a draft into an Order, or raise BadInput with every reason it cannot be imported."""
    problems = list(draft.problems)
    where = draft.where()
    channel = _checked(_raw(draft.raw_channel, draft.channel), "channel", where, problems, True)
    order_id = _raw(draft.raw_order_id, draft.order_id)
    order_id = _checked(order_id, "order_id", where, problems, True)
    ship_to = {f: _checked(draft.ship_to.get(f), f, where, problems) for f in ADDRESS_FIELDS}
    address = Address(**{f: value or "" for f, value in ship_to.items()})
    for name in address.missing_fields():
        if ship_to[name] is not None:  # None: refused above for another reason
            problems.append(f"{where}: address field {name} is empty")
    lines = [line for line in _lines(draft, known_skus, problems) if line]
    header = _parse_header(draft, problems)
    _price_lines(draft, lines, problems)
    if problems:
        raise BadInput("; ".join(problems))
    return Order(channel=channel, order_id=order_id, ship_to=address, lines=lines, **header)


def _price_lines(draft: OrderDraft, lines: list[OrderLine], problems: list[str]) -> None:
    """Each line's unit_price (optional, at most 2 decimals): every line priced, or none, so
    the order's value is never a part of what it is worth (the credit check reads it)."""
    prices = []
    for (_, _, where), raw in zip(draft.lines, draft.prices, strict=True):
        try:
            prices.append(money_cents(raw, "unit_price"))
        except FieldProblem as exc:
            problems.append(f"{where}: {exc}")
            prices.append(None)
    if len({price is None for price in prices}) > 1 and not problems:
        problems.append(f"{draft.where()}: {FieldProblem('partly_priced', field='unit_price')}")
    if not problems:
        for line, price in zip(lines, prices, strict=True):
            line.unit_price_cents = price


def _raw(raw: object, text: str) -> object:
    return text if raw is None else raw


def _checked(value: object, name: str, where: str, problems: list[str], required=False):
    """The checked text, or None with the problem noted."""
    try:
        return fields.text(value, name, TEXT_LIMITS[name], required=required)
    except FieldProblem as exc:
        problems.append(f"{where}: {exc}")
        return None


def _lines(draft: OrderDraft, known_skus: set[str], problems: list[str]):
    for raw_sku, raw_quantity, where in draft.lines:
        sku = _checked(raw_sku, "sku", where, problems, required=True)
        try:
            quantity = _quantity(raw_quantity)
        except FieldProblem as exc:
            problems.append(f"{where}: {exc}")
            quantity = None
        if sku and sku not in known_skus:
            problems.append(f"{where}: unknown SKU {sku!r}")
        yield OrderLine(sku=sku, quantity=quantity) if quantity and sku else None


def _parse_header(draft: OrderDraft, problems: list[str]) -> dict:
    where = draft.where()
    header = {f: _checked(draft.header.get(f), f, where, problems) for f in ("carrier", "service")}
    header["customer_id"] = _checked(
        draft.header.get("customer_id"), "customer_id", where, problems
    )
    header["customer_id"] = header["customer_id"] or None
    try:
        header["priority"] = parse_priority(draft.header.get("priority"))
    except FieldProblem as exc:
        problems.append(f"{where}: {exc}")
    for name in ("order_date", "ship_by"):
        try:
            value = fields.text(draft.header.get(name), name, 40)
            header[name] = fields.timestamp(value, name)
        except FieldProblem as exc:
            problems.append(f"{where}: {exc}")
    return header
