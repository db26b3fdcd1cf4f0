"""Generated import files, and what importing them must do (for SQLite and PostgreSQL alike).

An order or row is generated good or bad, and the generator knows which: a bad one has one or
more values taken from a pool of hostile values (Unicode digits, numbers beyond 32/64 bits,
1 MB texts, control characters, dates out of the window, unknown priority words). The check
then asserts exactly what docs/interfaces.md §6/§7 and docs/setup.md promise.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from datetime import date

from hypothesis import strategies as st
from sqlalchemy import text

from app.services.order_files import CSV_COLUMNS
from db.engine import make_engine

SKUS = ("MILK", "BOLT", "GLUE")  # tests/integration/site_files.py
PYTHON_TEXT = ("Traceback", "invalid literal", "Error:", "error:", "Exceeds the limit", 'File "')
SERIAL = itertools.count(1)  # unique order ids and SKUs across examples

printable = st.characters(blacklist_categories=("Cc", "Cs"))
good_text = st.text(printable, min_size=1, max_size=30).filter(lambda s: s.strip())
control = st.characters(whitelist_categories=("Cc",))


@st.composite
def with_control(draw) -> str:
    """Text with a control character inside (not only at an end, where strip() would drop it)."""
    return "a" + draw(good_text).strip() + draw(control) + "x"


BAD_QUANTITY = st.one_of(
    st.sampled_from(["²", "١", "0", "-1", "1.5", "1e3", "", "x", "2147483648"]),
    st.integers(min_value=2**31, max_value=2**80).map(str),
)
GOOD_DATE = st.dates(min_value=date(1970, 1, 2), max_value=date(2099, 12, 30))
BAD_DATE = st.sampled_from(
    ["9999-12-31T23:59:59-12:00", "0001-01-01", "2100-01-01", "tomorrow", "2026-02-30"]
)
PRIORITY_WORDS = ["low", "NORMAL", "High", "urgent", "Express", "低", "普通", "高", "加急"]
GOOD_PRIORITY = st.one_of(st.sampled_from(["", *PRIORITY_WORDS]), st.integers(-9, 9).map(str))
BAD_PRIORITY = st.one_of(
    st.sampled_from(["asap", "1.0", "²", "true"]),
    st.integers(10, 2**70).map(str),
    st.integers(-(2**70), -10).map(str),
)
BAD_TEXT = {
    "name": st.one_of(st.just(""), st.just("n" * 201), st.just("n" * 5000), with_control()),
    "city": st.one_of(st.just("c" * 101), with_control()),
    "carrier": st.one_of(st.just("c" * 61), with_control()),
    "order_id": st.one_of(st.just("O" * 81), st.just("O" * 300), with_control()),
    "sku": st.one_of(st.just("NOPE"), st.just("S" * 61), with_control()),
}


@dataclass
class GenOrder:
    order_id: str
    values: dict  # order-level CSV columns
    lines: list[tuple[str, str]]  # sku, quantity
    bad: bool
    rows: list[str] = field(default_factory=list)  # "row 5", "orders[2]": filled in when written


@st.composite
def orders(draw) -> GenOrder:
    order_id = f"G{next(SERIAL)}-{draw(st.from_regex(r'[A-Z0-9]{0,6}', fullmatch=True))}"
    values = {
        "priority": draw(GOOD_PRIORITY),
        "ship_by": draw(st.one_of(st.just(""), GOOD_DATE.map(str))),
        "order_date": draw(st.one_of(st.just(""), GOOD_DATE.map(lambda d: f"{d}T10:00:00Z"))),
        "carrier": draw(st.sampled_from(["", "DHL", "SF Express"])),
        "name": draw(good_text),
        "street1": "Hauptstr. 1",
        "city": draw(good_text),
        "postal_code": "50667",
        "country": "DE",
    }
    lines = [
        (draw(st.sampled_from(SKUS)), str(draw(st.integers(1, 2**31 - 1))))
        for _ in range(draw(st.integers(1, 3)))
    ]
    bad = draw(st.booleans())
    if bad:
        spoil = draw(st.sampled_from(["quantity", "priority", "date", *BAD_TEXT]))
        n = draw(st.integers(0, len(lines) - 1))
        if spoil == "quantity":
            lines[n] = (lines[n][0], draw(BAD_QUANTITY))
        elif spoil == "sku":
            lines[n] = (draw(BAD_TEXT["sku"]), lines[n][1])
        elif spoil == "priority":
            values["priority"] = draw(BAD_PRIORITY)
        elif spoil == "date":
            values[draw(st.sampled_from(["ship_by", "order_date"]))] = draw(BAD_DATE)
        elif spoil == "order_id":
            order_id = draw(BAD_TEXT["order_id"])
        else:
            values[spoil] = draw(BAD_TEXT[spoil])
    return GenOrder(order_id, values, lines, bad)


def write_order_csv(path, generated: list[GenOrder]) -> None:
    """One row per line, lines of all orders interleaved; records each order's line numbers."""
    records = [(n, o, sku, qty) for o in generated for n, (sku, qty) in enumerate(o.lines)]
    records = [r[1:] for r in sorted(records, key=lambda r: r[0])]  # orders interleaved
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for order, sku, quantity in records:
        row = dict.fromkeys(CSV_COLUMNS, "") | order.values
        row |= {"channel": "web", "order_id": order.order_id, "sku": sku, "quantity": quantity}
        writer.writerow([row[c] for c in CSV_COLUMNS])
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    csv.field_size_limit(max(csv.field_size_limit(), len(buffer.getvalue())))
    reader = csv.reader(io.StringIO(buffer.getvalue(), newline=""))
    next(reader)
    for order, *_ in records:
        next(reader)
        order.rows.append(f"row {reader.line_num}")  # where the record ends, as the importer says


def write_order_json(path, generated: list[GenOrder]) -> None:
    """The same orders as a JSON document; a quantity of digits goes as a JSON integer."""
    entries = []
    for n, order in enumerate(generated):
        values = dict(order.values)
        ship_to = {k: values.pop(k) for k in ("name", "street1", "city", "postal_code", "country")}
        lines = [{"sku": sku, "quantity": _json_quantity(q)} for sku, q in order.lines]
        entries.append(
            {"channel": "web", "order_id": order.order_id, **values, "ship_to": ship_to}
            | {"lines": lines}
        )
        order.rows.append(f"orders[{n}]")
    path.write_text(json.dumps({"orders": entries}, ensure_ascii=False), encoding="utf-8")


def _json_quantity(quantity: str) -> object:
    return int(quantity) if quantity.isascii() and quantity.isdigit() else quantity


def check_order_import(run_cli, url: str, path, generated: list[GenOrder]) -> None:
    status, out, err = run_cli("import-orders", path, "--json", "--database", url)
    assert_no_python(out + err)
    report = json.loads(out)
    bad = [o for o in generated if o.bad]
    assert status == (2 if bad else 0), (status, err[:500])
    assert report["imported"] == len(generated) - len(bad), report
    for order in bad:
        named = re.compile("|".join(rf"{re.escape(where)}(?![0-9])" for where in order.rows))
        assert any(named.search(line) for line in report["rejected"]), (order, report)
    stored = stored_orders(url, [o.order_id for o in generated if not o.bad])
    for order in generated:
        if order.bad:
            continue  # its id may be hostile; the count above says it is not in
        expected = sorted((sku, int(qty)) for sku, qty in order.lines)
        assert stored[order.order_id] == expected, order  # all lines, nothing partial
    status, out, err = run_cli("import-orders", path, "--json", "--database", url)
    assert_no_python(out + err)
    again = json.loads(out)
    assert again["imported"] == 0 and len(again["duplicates"]) == len(generated) - len(bad)


def stored_orders(url: str, order_ids: list[str]) -> dict[str, list[tuple[str, int]]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT o.order_id, p.sku, l.quantity FROM orders o "
                    "JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id"
                )
            ).all()
    finally:
        engine.dispose()
    found: dict[str, list] = {}
    for order_id, sku, quantity in rows:
        if order_id in order_ids:
            found.setdefault(order_id, []).append((sku, quantity))
    return {k: sorted(v) for k, v in found.items()}


def assert_no_python(output: str) -> None:
    for words in PYTHON_TEXT:
        assert words not in output, output[:2000]
