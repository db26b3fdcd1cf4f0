"""Reading receipt files (docs/interfaces.md §13, `import-receipts`) into receipt drafts, with
the rows each came from. Pure: no database. The CSV and JSON plumbing is the order files' own
(app/services/order_files.py); problems with one receipt become its rejection reasons,
problems with the file itself raise BadInput.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from app.domain import fields
from app.domain.fields import FieldProblem, parse_json, shown
from app.domain.gs1 import has_valid_check_digit
from app.domain.receiving import Receipt, ReceiptLine
from app.errors import BadInput
from app.services.order_files import csv_records, parse_quantity, read_text_file

CSV_COLUMNS = ("receipt_id", "supplier", "sku", "quantity", "lot", "expiry")  # + optional sscc
TEXT_LIMITS = {"receipt_id": 80, "supplier": 200, "sku": 60, "lot": 40, "sscc": 18}


@dataclass
class ReceiptDraft:
    """One receipt as read from a file: its rows, and the problems found in them."""

    receipt_id: str
    rows: list[str]  # "row 5" (CSV) or "receipts[4]" (JSON)
    header: dict  # supplier, sscc as found
    lines: list[dict] = field(default_factory=list)  # sku, quantity, lot, expiry, where
    problems: list[str] = field(default_factory=list)
    fingerprint: str | None = None  # JSON: the whole entry, to tell an exact repeat

    @property
    def key(self) -> str:
        return self.receipt_id

    @property
    def identified(self) -> bool:
        return bool(self.receipt_id)

    @property
    def label(self) -> str:
        plain = self.receipt_id and len(self.receipt_id) <= 100 and self.receipt_id.isprintable()
        return self.receipt_id if plain else shown(self.receipt_id or "(no receipt id)", 100)

    def where(self) -> str:
        return ", ".join(self.rows)


def read_receipt_file(path: Path) -> list[ReceiptDraft]:
    text = read_text_file(path)
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        return _read_json(path, text)
    return _read_csv(path, text)


def _read_csv(path: Path, text: str) -> list[ReceiptDraft]:
    drafts: dict[str, ReceiptDraft] = {}
    for line_no, values in csv_records(path, text, partial(_check_columns, path)):
        where = f"row {line_no}"
        header = {"supplier": values["supplier"], "sscc": values.get("sscc", "")}
        draft = drafts.get(values["receipt_id"])
        if draft is None:
            draft = drafts[values["receipt_id"]] = ReceiptDraft(values["receipt_id"], [], header)
        else:
            draft.problems += [
                f"{where}: {name} {shown(value)} differs from {draft.rows[0]} "
                f"({shown(draft.header[name])})"
                for name, value in header.items()
                if value != draft.header[name]
            ]
        draft.rows.append(where)
        draft.lines.append(
            {k: values[k] for k in ("sku", "quantity", "lot", "expiry")} | {"where": where}
        )
    return list(drafts.values())


def _check_columns(path: Path, columns: list[str]) -> None:
    missing = [c for c in CSV_COLUMNS if c not in columns]
    if missing:
        raise BadInput(f"{path}: row 1: missing column(s) {', '.join(missing)}")


def _read_json(path: Path, text: str) -> list[ReceiptDraft]:
    try:
        document = parse_json(text)
    except FieldProblem as exc:
        raise BadInput(f"{path}: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("receipts"), list):
        raise BadInput(f'{path}: expected an object with a "receipts" list')
    return [_json_draft(entry, f"receipts[{i}]") for i, entry in enumerate(document["receipts"])]


def _json_draft(entry: object, where: str) -> ReceiptDraft:
    if not isinstance(entry, dict):
        draft = ReceiptDraft("", [where], {})
        draft.problems.append(f"{where}: expected an object with receipt_id, supplier and lines")
        return draft
    raw_id = entry.get("receipt_id")
    draft = ReceiptDraft(
        receipt_id=raw_id.strip() if isinstance(raw_id, str) else _loose(raw_id),
        rows=[where],
        header={"supplier": entry.get("supplier"), "sscc": entry.get("sscc")},
        fingerprint=json.dumps(entry, sort_keys=True, ensure_ascii=False),
    )
    lines = entry.get("lines")
    if not isinstance(lines, list) or not lines:
        draft.problems.append(f"{where}: no lines")
        lines = []
    for n, line in enumerate(lines):
        line = line if isinstance(line, dict) else {}
        found = {k: line.get(k) for k in ("sku", "quantity", "lot", "expiry")}
        draft.lines.append(found | {"where": f"{where}.lines[{n}]"})
    return draft


def _loose(value: object) -> str:
    return "" if value is None else json.dumps(value) if not isinstance(value, str) else value


def build_receipt(draft: ReceiptDraft, known_skus: set[str]) -> Receipt:
    """A draft as a Receipt, or BadInput with every reason it cannot be imported."""
    problems = list(draft.problems)
    where = draft.where()
    receipt_id = _text(draft.receipt_id, "receipt_id", where, problems, required=True)
    supplier = _text(draft.header.get("supplier"), "supplier", where, problems, required=True)
    sscc = _sscc(draft.header.get("sscc"), where, problems)
    lines: list[ReceiptLine] = []
    seen: dict[tuple[str, str], str] = {}
    for raw in draft.lines:
        line = _line(raw, known_skus, problems)
        if line is None:
            continue
        earlier = seen.setdefault((line.sku, line.lot), raw["where"])
        if earlier != raw["where"]:
            problems.append(f"{raw['where']}: {line.sku} lot {line.lot!r} repeats {earlier}")
        lines.append(line)
    if problems:
        raise BadInput("; ".join(problems))
    return Receipt(receipt_id or "", supplier or "", tuple(lines), sscc or None)


def _line(raw: dict, known_skus: set[str], problems: list[str]) -> ReceiptLine | None:
    where = raw["where"]
    sku = _text(raw.get("sku"), "sku", where, problems, required=True)
    quantity = parse_quantity(raw.get("quantity"))
    if quantity is None:
        problems.append(
            f"{where}: quantity {shown(raw.get('quantity'))} is not a positive whole number"
        )
    if sku and sku not in known_skus:
        problems.append(f"{where}: unknown SKU {sku!r}")
    lot = _text(raw.get("lot"), "lot", where, problems) or ""
    try:
        expiry = fields.calendar_date(
            _text(raw.get("expiry"), "expiry", where, problems, 10) or "", "expiry"
        )
    except FieldProblem as exc:
        problems.append(f"{where}: {exc}")
        expiry = None
    if not (sku and quantity) or sku not in known_skus:
        return None
    return ReceiptLine(sku, lot, expiry, expected=quantity)


def _sscc(value: object, where: str, problems: list[str]) -> str | None:
    text = _text(value, "sscc", where, problems, limit=22)
    if text and text.startswith("(00)"):
        text = text[4:]
    if text and not (len(text) == 18 and text.isdigit() and has_valid_check_digit(text)):
        problems.append(f"{where}: sscc {shown(text)} is not an SSCC (18 digits, check digit)")
        return None
    return text or None


def _text(value, name: str, where: str, problems: list[str], limit: int = 0, required=False):
    try:
        return fields.text(value, name, limit or TEXT_LIMITS[name], required=required)
    except FieldProblem as exc:
        problems.append(f"{where}: {exc}")
        return None
