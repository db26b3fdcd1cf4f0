"""Reading RMA files (`shipshape import-returns FILE`, docs/returns.md "Announced returns") into
drafts with the rows each came from. Pure: no database. CSV header
`rma,channel,order_id,sku,quantity,reason`, one row per product (rows with one `rma` form one
RMA); or JSON `{"returns": [{"rma", "channel", "order_id", "reason", "lines": [{"sku",
"quantity", "reason"}]}]}`. Problems with one RMA become its rejection reasons; a file that
cannot be read at all raises BadInput.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from app.errors import BadInput
from app.services.order_files import csv_records, parse_quantity, read_text_file

CSV_COLUMNS = ("rma", "channel", "order_id", "sku", "quantity", "reason")
LIMITS = {"rma": 80, "channel": 40, "order_id": 80, "sku": 60}


@dataclass
class RmaRows:
    """One RMA as read from a file: its rows, lines, and the problems found in them."""

    rma: str
    channel: str
    order_id: str
    reason: str
    rows: list[str] = field(default_factory=list)
    lines: list[tuple[str, int, str]] = field(default_factory=list)  # sku, quantity, reason
    problems: list[str] = field(default_factory=list)
    fingerprint: str = ""

    @property
    def key(self) -> str:
        return self.rma

    @property
    def identified(self) -> bool:
        return bool(self.rma)

    @property
    def label(self) -> str:
        return self.rma or "(no rma)"

    def where(self) -> str:
        return ", ".join(self.rows)


def read_rma_file(path: Path) -> list[RmaRows]:
    text = read_text_file(path)
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        return _read_json(path, text)
    return _read_csv(path, text)


def _check_columns(path: Path, names: list[str]) -> None:
    missing = [c for c in CSV_COLUMNS if c not in names and c != "reason"]
    if missing:
        raise BadInput(
            f"{path}: the header lacks {', '.join(missing)} (needs {','.join(CSV_COLUMNS)})"
        )


def _read_csv(path: Path, text: str) -> list[RmaRows]:
    drafts: dict[str, RmaRows] = {}
    for line_no, values in csv_records(path, text, partial(_check_columns, path)):
        where = f"row {line_no}"
        rma = values.get("rma", "")
        head = (values.get("channel", ""), values.get("order_id", ""))
        draft = drafts.setdefault(rma, RmaRows(rma, *head, reason=values.get("reason", "")))
        draft.rows.append(where)
        if (draft.channel, draft.order_id) != head:
            draft.problems.append(f"{where}: names another order than {draft.rows[0]}")
        _add_line(
            draft, values.get("sku", ""), values.get("quantity"), values.get("reason", ""), where
        )
        draft.fingerprint += json.dumps(values, sort_keys=True)
    return list(drafts.values())


def _read_json(path: Path, text: str) -> list[RmaRows]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from None
    entries = document.get("returns") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise BadInput(f'{path}: expected {{"returns": [...]}}')
    drafts = []
    for n, entry in enumerate(entries):
        where = f"returns[{n}]"
        entry = entry if isinstance(entry, dict) else {}
        text_of = lambda key, e=entry: str(e.get(key) or "").strip()  # noqa: E731
        draft = RmaRows(text_of("rma"), text_of("channel"), text_of("order_id"), text_of("reason"))
        draft.rows.append(where)
        draft.fingerprint = json.dumps(entry, sort_keys=True, default=str)
        lines = entry.get("lines")
        if not isinstance(lines, list) or not lines:
            draft.problems.append(f"{where}: no lines")
            lines = []
        for m, line in enumerate(lines):
            line = line if isinstance(line, dict) else {}
            reason = str(line.get("reason") or "").strip()
            _add_line(
                draft,
                str(line.get("sku") or "").strip(),
                line.get("quantity"),
                reason,
                f"{where}.lines[{m}]",
            )
        drafts.append(draft)
    return drafts


def _add_line(draft: RmaRows, sku: str, quantity: object, reason: str, where: str) -> None:
    count = parse_quantity(quantity)
    if not sku:
        draft.problems.append(f"{where}: no sku")
    elif count is None:
        draft.problems.append(f"{where}: quantity {quantity!r} is not a positive whole number")
    else:
        draft.lines.append((sku, count, reason[:200]))
