"""On PostgreSQL, which enforces column sizes, integer ranges and refuses NUL: the same per-row
rejections as on SQLite (docs/setup.md limits), never a database error, never exit 1."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.integration.intake.fuzz_support import (
    assert_no_python,
    check_order_import,
    orders,
    write_order_csv,
)
from tests.integration.site_files import import_site, order_row, write_orders

pytestmark = pytest.mark.pg


@pytest.fixture
def site(tmp_path, pg_url, run_cli):
    return import_site(run_cli, pg_url, tmp_path / "site")


ORDER_CASES = {
    "order id 81 chars": ({"order_id": "O" * 81}, "order_id is 81 characters long; at most 80"),
    "channel 41 chars": ({"channel": "c" * 41}, "channel is 41 characters long; at most 40"),
    "carrier 61 chars": ({"carrier": "c" * 61}, "carrier is 61 characters long; at most 60"),
    "quantity 2**31": ({"quantity": str(2**31)}, "quantity '2147483648' is not a positive"),
    "quantity 2**63": ({"quantity": str(2**63)}, "quantity '9223372036854775808' is not"),
    "NUL in a name": ({"name": "A\x00B"}, "name contains the control character U+0000"),
    "ship_by year 9999 -12:00": ({"ship_by": "9999-12-31T23:59:59-12:00"}, "ship_by"),
    "priority 2**31": ({"priority": str(2**31)}, "priority '2147483648' is not one of"),
}


@pytest.mark.parametrize("overrides, reason", ORDER_CASES.values(), ids=ORDER_CASES)
def test_limits_are_per_order_rejections_on_postgresql(
    tmp_path, site, pg_url, run_cli, overrides, reason
):
    bad = {"order_id": "BAD"} | overrides
    path = write_orders(
        tmp_path / "o.csv",
        order_row("GOOD-1", "MILK"),
        order_row(quantity=bad.pop("quantity", "1"), sku="BOLT", **bad),
    )
    status, out, err = run_cli("import-orders", path, "--database", pg_url)
    assert status == 2 and reason in out and "imported: 1 orders" in out, out + err
    assert_no_python(out + err)


@pytest.mark.parametrize(
    "file, content, reason",
    [
        ("import-products", "sku,name,gtin,unit_weight_kg\nP,{},,1\n".format("n" * 201), "201"),
        ("import-products", "sku,name,gtin,unit_weight_kg\n{},N,,1\n".format("S" * 61), "61"),
        ("import-products", "sku,name,gtin,unit_weight_kg\nP,N\x00,,1\n", "U+0000"),
        (
            "import-stock",
            "location,sku,quantity,lot,expiry\nA01-001-L-1,BOLT,1,{},\n".format("L" * 41),
            "lot is 41 characters long",
        ),
        (
            "import-stock",
            f"location,sku,quantity,lot,expiry\nA01-001-L-1,BOLT,{2**31},,\n",
            "is not a whole number in 0..2147483647",
        ),
        (
            "import-stock",
            f"location,sku,quantity,lot,expiry\nA01-001-L-1,BOLT,{2**64},,\n",
            "is not a whole number in 0..2147483647",
        ),
    ],
)
def test_master_data_limits_on_postgresql(tmp_path, site, pg_url, run_cli, file, content, reason):
    path = tmp_path / "rows.csv"
    path.write_text(content, encoding="utf-8")
    status, out, err = run_cli(file, path, "--database", pg_url)
    assert status == 2 and "row 2: " in out and reason in out, out + err
    assert_no_python(out + err)


def test_a_layout_level_beyond_32_bits_is_refused_on_postgresql(tmp_path, site, pg_url, run_cli):
    document = json.loads(site["layout.json"].read_text())
    document["locations"][0]["level"] = 2**31
    path = tmp_path / "layout.json"
    path.write_text(json.dumps(document))
    status, _, err = run_cli("import-layout", path, "--database", pg_url)
    assert status == 2 and "level 2147483648 is outside" in err


def test_generated_order_files_on_postgresql(tmp_path, site, pg_url, run_cli):
    @settings(
        max_examples=10,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(orders(), min_size=1, max_size=5))
    def property_(generated):
        path = tmp_path / "orders.csv"
        write_order_csv(path, generated)
        check_order_import(run_cli, pg_url, path, generated)

    property_()
