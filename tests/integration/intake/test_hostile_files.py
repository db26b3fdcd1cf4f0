"""A fixed corpus of hostile import files, through the real CLI on a real SQLite database.

Each file holds one bad row (or order) between good ones. Every importer must reject the bad one
with a line naming the file, row and field, import the good ones, and exit 2: never exit 1, never
a Python exception text.
"""

from __future__ import annotations

import json

import pytest

from app.services.order_files import CSV_COLUMNS
from tests.integration.site_files import import_site, order_row, write_orders

HEADER = ",".join(CSV_COLUMNS)
MB = "x" * 1_000_000


@pytest.fixture
def site(tmp_path, sqlite_url, run_cli):
    return import_site(run_cli, sqlite_url, tmp_path / "site")


def order_ids(run_cli, url) -> set[str]:
    status, out, _ = run_cli("orders", "--json", "--database", url)
    assert status == 0
    return {json.loads(line)["order_id"] for line in out.splitlines()}


def assert_rejected(status, out, err, path, *words):
    """Exit 2, one stderr line naming the file, the words in the report, no Python text."""
    assert status == 2, err
    assert len(err.strip().splitlines()) == 1 and str(path) in err
    for word in words:
        assert word in out, (word, out[:2000])
    for python in ("Traceback", "invalid literal", "Error:", "error:", "Exceeds the limit"):
        assert python not in out + err


BAD_ORDER_ROWS = {
    "unicode digit quantity": ({"quantity": "²"}, "row 3: quantity '²' is not a positive"),
    "quantity beyond 64 bits": (
        {"quantity": "99999999999999999999999"},
        "row 3: quantity '99999999999999999999999' is not a positive integer",
    ),
    "quantity beyond 32 bits": ({"quantity": "2147483648"}, "row 3: quantity '2147483648'"),
    "1 MB name": ({"name": MB}, "row 3: name is 1000000 characters long; at most 200"),
    "300-char order id": ({"order_id": "S" * 300}, "order_id is 300 characters long; at most 80"),
    "NUL in a name": ({"name": "Anna\x00Schmidt"}, "row 3: name contains the control character"),
    "GS in a sku": ({"sku": "MI\x1dLK"}, "row 3: sku contains the control character U+001D"),
    "ship_by year 9999 at -12:00": (
        {"ship_by": "9999-12-31T23:59:59-12:00"},
        "row 3: ship_by '9999-12-31T23:59:59-12:00' is outside 1970-01-01..2099-12-31",
    ),
    "order_date year 1": ({"order_date": "0001-01-01"}, "row 3: order_date '0001-01-01'"),
    "unknown priority word": (
        {"priority": "asap"},
        "row 3: priority 'asap' is not one of low, 低, normal",
    ),
    "priority beyond the scale": ({"priority": "99999999999999999999"}, "row 3: priority"),
}


@pytest.mark.parametrize("overrides, reason", BAD_ORDER_ROWS.values(), ids=BAD_ORDER_ROWS)
def test_a_hostile_order_row_is_rejected_and_the_others_import(
    tmp_path, site, sqlite_url, run_cli, overrides, reason
):
    bad = {"order_id": "BAD"} | overrides
    path = write_orders(
        tmp_path / "o.csv",
        order_row("GOOD-1", "MILK"),
        order_row(sku=overrides.get("sku", "BOLT"), **{k: v for k, v in bad.items() if k != "sku"}),
        order_row("GOOD-2", "GLUE", "2"),
    )
    status, out, err = run_cli("import-orders", path, "--database", sqlite_url)
    assert_rejected(status, out, err, path, reason, "imported: 2 orders")
    assert order_ids(run_cli, sqlite_url) == {"GOOD-1", "GOOD-2"}


def test_priority_words_in_english_and_chinese_map_to_one_scale(
    tmp_path, site, sqlite_url, run_cli
):
    words = {"P1": "LOW", "P2": "normal", "P3": "High", "P4": "urgent", "P5": "Express"}
    words |= {"P6": "低", "P7": "普通", "P8": "高", "P9": "加急", "P10": "", "P11": "3"}
    rows = [order_row(order_id, "BOLT", priority=word) for order_id, word in words.items()]
    path = write_orders(tmp_path / "o.csv", *rows)
    status, out, err = run_cli("import-orders", path, "--database", sqlite_url)
    assert status == 0, out + err
    from sqlalchemy import text

    from db.engine import make_engine

    with make_engine(sqlite_url).connect() as conn:
        found = dict(conn.execute(text("SELECT order_id, priority FROM orders")).all())
    assert found == {
        "P1": -1,
        "P2": 0,
        "P3": 1,
        "P4": 2,
        "P5": 2,
        "P6": -1,
        "P7": 0,
        "P8": 1,
        "P9": 2,
        "P10": 0,
        "P11": 3,
    }


def test_rows_of_one_order_that_disagree_reject_it_naming_both_rows(
    tmp_path, site, sqlite_url, run_cli
):
    path = write_orders(
        tmp_path / "o.csv",
        order_row("SO-1", "MILK"),
        order_row("SO-2", "MILK", city="Bonn"),
        order_row("SO-2", "GLUE", city="Köln"),
    )
    status, out, err = run_cli("import-orders", path, "--database", sqlite_url)
    assert_rejected(status, out, err, path, "row 4: city 'Köln' differs from row 3 ('Bonn')")
    assert order_ids(run_cli, sqlite_url) == {"SO-1"}


def json_order(order_id: str, quantity: object = 1, **fields) -> dict:
    return {
        "channel": "web",
        "order_id": order_id,
        "ship_to": {
            "name": "王小明",
            "street1": "世纪大道100号",
            "city": "上海",
            "postal_code": "200120",
            "country": "CN",
        },
        "lines": [{"sku": "BOLT", "quantity": quantity}],
    } | fields


def write_json(path, orders, bom=False, raw: str | None = None):
    text = raw if raw is not None else json.dumps({"orders": orders}, ensure_ascii=False)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_a_json_file_with_a_byte_order_mark_imports(tmp_path, site, sqlite_url, run_cli):
    path = write_json(tmp_path / "o.json", [json_order("J-1")], bom=True)
    status, out, err = run_cli("import-orders", path, "--database", sqlite_url)
    assert status == 0 and "imported: 1 orders" in out, err
    assert order_ids(run_cli, sqlite_url) == {"J-1"}


def test_the_same_order_twice_with_other_content_keeps_the_first_and_reports_the_second(
    tmp_path, site, sqlite_url, run_cli
):
    orders = [json_order("J-1", 1), json_order("J-2"), json_order("J-1", 5), json_order("J-2")]
    path = write_json(tmp_path / "o.json", orders)
    status, out, err = run_cli("import-orders", path, "--database", sqlite_url)
    assert_rejected(
        status, out, err, path, "web/J-1: orders[2]: repeats orders[0] with different content"
    )
    assert "web/J-2 (orders[3]): repeated in the file" in out  # an exact repeat: a duplicate
    status, out, _ = run_cli("orders", "--json", "--database", sqlite_url)
    quantities = {
        json.loads(line)["order_id"]: json.loads(line)["lines"][0]["quantity"]
        for line in out.splitlines()
    }
    assert quantities == {"J-1": 1, "J-2": 1}


BAD_JSON_ORDERS = {
    "huge integer": ({"lines": [{"sku": "BOLT", "quantity": 10**30}]}, "orders[1].lines[0]"),
    "float quantity": ({"lines": [{"sku": "BOLT", "quantity": 1.5}]}, "quantity 1.5"),
    "order id an object": ({"order_id": {"a": 1}}, "orders[1]: order_id must be text"),
    "lone surrogate": ({"carrier": "\ud800"}, "orders[1]: carrier contains the control"),
    "not an object": (None, "orders[1]: expected an object"),
    "priority true": ({"priority": True}, "orders[1]: priority True is not one of"),
}


@pytest.mark.parametrize("fields, reason", BAD_JSON_ORDERS.values(), ids=BAD_JSON_ORDERS)
def test_a_hostile_json_order_is_rejected_and_the_others_import(
    tmp_path, site, sqlite_url, run_cli, fields, reason
):
    bad = "not an order" if fields is None else json_order("BAD") | fields
    path = tmp_path / "o.json"
    text = json.dumps({"orders": [json_order("J-1"), bad, json_order("J-2")]})
    path.write_text(text.replace('"\\\\ud800"', '"\\ud800"'), encoding="utf-8")
    status, out, err = run_cli("import-orders", path, "--database", sqlite_url)
    assert_rejected(status, out, err, path, reason, "imported: 2 orders")
    assert order_ids(run_cli, sqlite_url) == {"J-1", "J-2"}


@pytest.mark.parametrize(
    "raw, words",
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than 20 levels"),
        ('{"orders": [' + '{"a":' * 5000 + "1" + "}" * 5000 + "]}", "nested more than 20"),
        ('{"orders": [{"order_id": NaN}]}', "NaN is not a JSON number"),
    ],
    ids=["deep list", "deep order", "NaN"],
)
def test_a_json_bomb_is_refused_whole_with_exit_2(tmp_path, site, sqlite_url, run_cli, raw, words):
    path = write_json(tmp_path / "o.json", [], raw=raw)
    status, out, err = run_cli("import-orders", path, "--database", sqlite_url)
    assert status == 2 and words in err and len(err.strip().splitlines()) == 1
    assert order_ids(run_cli, sqlite_url) == set()


BAD_PRODUCT_ROWS = {
    "inf weight": ("INF,Thing,,inf", "row 3: unit_weight_kg 'inf' is not a finite number"),
    "nan weight": ("NAN,Thing,,nan", "row 3: unit_weight_kg 'nan' is not a finite number"),
    "1e999 weight": ("BIG,Thing,,1e999", "row 3: unit_weight_kg '1e999' is not a finite"),
    "NUL in a name": ("NUL,Thi\x00ng,,1", "row 3: name contains the control character U+0000"),
    "long name": (f"LONG,{'n' * 201},,1", "row 3: name is 201 characters long; at most 200"),
    "1 MB sku": (f"{MB},Thing,,1", "row 3: sku is 1000000 characters long"),
    "unicode digit GTIN": ("UNI,Thing,400638133393²,1", "row 3: GTIN '400638133393²' must be"),
    "inf length": ("DIM,Thing,,1,,,,inf,1,1", "row 3: length_cm 'inf' is not a finite number"),
}


@pytest.mark.parametrize("row, reason", BAD_PRODUCT_ROWS.values(), ids=BAD_PRODUCT_ROWS)
def test_a_hostile_product_row_is_rejected_and_the_others_import(
    tmp_path, site, sqlite_url, run_cli, row, reason
):
    path = tmp_path / "p.csv"
    header = "sku,name,gtin,unit_weight_kg,no_barcode,lot_controlled,serial_required,"
    header += "length_cm,width_cm,height_cm"
    path.write_text(f"{header}\nA1,First,,1\n{row}\nA2,Second,,2\n", encoding="utf-8")
    status, out, err = run_cli("import-products", path, "--database", sqlite_url)
    assert_rejected(status, out, err, path, reason, "imported: 2 rows")


BAD_STOCK_ROWS = {
    "unicode digit": ("A01-003-L-1,BOLT,²,,", "row 3: quantity '²' is not a whole number"),
    "beyond 64 bits": (
        "A01-003-L-1,BOLT,99999999999999999999999,,",
        "row 3: quantity '99999999999999999999999' is not a whole number in 0..2147483647",
    ),
    "long lot": (f"A01-003-L-1,BOLT,1,{'L' * 41},", "row 3: lot is 41 characters long"),
    "expiry year 1": ("A01-003-L-1,BOLT,1,L1,0001-01-01", "row 3: expiry '0001-01-01' is outside"),
    "NUL in lot": ("A01-003-L-1,BOLT,1,L\x001,", "row 3: lot contains the control character"),
    "1 MB location": (f"{MB},BOLT,1,,", "row 3: location is 1000000 characters long"),
}


@pytest.mark.parametrize("row, reason", BAD_STOCK_ROWS.values(), ids=BAD_STOCK_ROWS)
def test_a_hostile_stock_row_is_rejected_and_the_others_import(
    tmp_path, site, sqlite_url, run_cli, row, reason
):
    path = tmp_path / "s.csv"
    good = "A02-003-L-1,GLUE,7,,\n"
    path.write_text(f"location,sku,quantity,lot,expiry\n{good}{row}\n{good}", encoding="utf-8")
    status, out, err = run_cli("import-stock", path, "--database", sqlite_url)
    assert_rejected(status, out, err, path, reason, "imported: 2 rows")


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda d: d["locations"][0].update(code="A\x00"), "contains the control character"),
        (lambda d: d["locations"][0].update(code="C" * 61), "61 characters long; at most 60"),
        (lambda d: d["locations"][0].update(side="Left"), "side must be one letter"),
        (lambda d: d["locations"][0].update(level=2**40), "level 1099511627776 is outside"),
        (lambda d: d["locations"][0].update(aisle=["A01"]), "unknown aisle ['A01']"),
        (lambda d: d.update(aisle_length=10**400), "must be a finite number of metres"),
        (lambda d: d.update(name="N" * 101), "101 characters long; at most 100"),
    ],
    ids=["NUL code", "long code", "long side", "huge level", "list aisle", "huge length", "name"],
)
def test_a_hostile_layout_is_refused_with_exit_2(
    tmp_path, site, sqlite_url, run_cli, change, words
):
    document = json.loads(site["layout.json"].read_text())
    change(document)
    path = tmp_path / "layout.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, _, err = run_cli("import-layout", path, "--database", sqlite_url)
    assert status == 2 and words in err and len(err.strip().splitlines()) == 1, err


def test_a_layout_with_a_byte_order_mark_imports(tmp_path, site, sqlite_url, run_cli):
    path = tmp_path / "layout.json"
    path.write_bytes(b"\xef\xbb\xbf" + site["layout.json"].read_bytes())
    status, out, err = run_cli("import-layout", path, "--database", sqlite_url)
    assert status == 0, err


@pytest.mark.parametrize(
    "rules, words",
    [
        ([1, 2], "expected a JSON object"),
        ({"sku_quantity_limits": {"MILK": "²"}}, "sku_quantity_limits['MILK'] '²'"),
        ({"sku_quantity_limits": {"MILK": 10**30}}, "is not a whole number in 0..2147483647"),
        ({"blocked_customers": ["x"]}, "blocked_customers[0] must be an object"),
        ({"blocked_customers": [{"email": {"a": 1}}]}, "blocked_customers[0].email must be text"),
        ({"postal_code_patterns": {"DE": "("}}, "is not a regular expression"),
        ({"special_handling": {"MILK": "cold\x00"}}, "contains the control character"),
    ],
)
def test_bad_review_rules_are_refused_whole_naming_the_field(
    tmp_path, site, sqlite_url, run_cli, rules, words
):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    status, _, err = run_cli("review-rules", "--set", path, "--database", sqlite_url)
    assert status == 2 and words in err and len(err.strip().splitlines()) == 1, err


def test_review_rules_with_a_byte_order_mark_are_read(tmp_path, site, sqlite_url, run_cli):
    path = tmp_path / "rules.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"sku_quantity_limits": {"MILK": 5}}).encode())
    status, out, err = run_cli("review-rules", "--set", path, "--database", sqlite_url)
    assert status == 0 and '"MILK": 5' in out, err


@pytest.mark.parametrize(
    "text", ["]C130", "]C130²", "]C101٠٩٥٠١١٠١٠٢٠٩١٧", "400638133393²", "0" * 100_000, "\x00\x1d"]
)
def test_scan_parse_reports_a_hostile_scan_as_invalid(run_cli, text):
    status, out, err = run_cli("scan-parse", text, "--json")
    assert status in (0, 2) and "Traceback" not in err and "invalid literal" not in out + err
    if status == 0 and text != "0" * 100_000:  # that one is AI (00) repeated, a fair reading
        assert json.loads(out)["kind"] in ("invalid", "unknown")


def test_a_database_that_is_gone_is_exit_1_with_one_line(tmp_path, run_cli):
    path = write_orders(tmp_path / "o.csv", order_row("SO-1", "MILK"))
    gone = f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'central.sqlite'}"
    status, out, err = run_cli("import-orders", path, "--database", gone)
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_entries_without_an_order_id_are_each_rejected(tmp_path, site, sqlite_url, run_cli):
    orders = [json_order("J-1"), "junk", json_order(""), 7, json_order("J-2")]
    path = write_json(tmp_path / "o.json", orders)
    status, out, err = run_cli("import-orders", path, "--json", "--database", sqlite_url)
    report = json.loads(out)
    assert status == 2 and report["imported"] == 2 and report["duplicates"] == []
    assert [line.split(": ")[1] for line in report["rejected"]] == [
        "orders[1]",
        "orders[2]",
        "orders[3]",
    ]
