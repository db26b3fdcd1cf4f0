"""Customers from the CRM through the CLI (SQLite central): good and bad rows, orders that name
a customer and price their lines, and the review's holds for blocked and over-credit customers."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from app.bootstrap import open_central
from db import migrate
from db.schema import customers, orders
from tests.integration.site_files import import_site, order_row

CUSTOMERS = """customer_id,name,email,phone,credit_limit,open_balance,currency,blocked,terms
C-OK,Good Buyer,ok@example.com,+49 221 1,5000,100.00,EUR,no,ship_complete;net30
C-BLK,Blocked Buyer,,,,,EUR,yes,
C-CRED,Credit Buyer,,,5000.00,4990,EUR,0,cod
C-BAD1,Bad Limit,,,1.234,,EUR,no,
C-BAD2,Bad Terms,,,,,EUR,no,ship-complete
,No Id,,,,,EUR,no,
"""


@pytest.fixture
def site(tmp_path, sqlite_url, run_cli):
    import_site(run_cli, sqlite_url, tmp_path / "site")
    return sqlite_url


def write_priced_orders(path, *rows: tuple[str, str, str, str, str]):
    """(order_id, sku, quantity, customer_id, unit_price) rows, with the two optional columns."""
    from app.services.order_files import CSV_COLUMNS

    header = ",".join([*CSV_COLUMNS, "customer_id", "unit_price"])
    lines = [f"{order_row(oid, sku, qty)},{cid},{price}" for oid, sku, qty, cid, price in rows]
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def saved(url: str) -> dict[str, dict]:
    with open_central(url).engine.connect() as conn:
        rows = conn.execute(select(customers)).mappings().all()
    return {row["customer_id"]: dict(row) for row in rows}


def test_good_rows_are_saved_and_every_bad_row_is_named(site, tmp_path, run_cli):
    path = tmp_path / "customers.csv"
    path.write_text(CUSTOMERS, encoding="utf-8")
    status, out, err = run_cli("import-customers", path, "--database", site)
    assert status == 2
    assert "imported: 3 customers" in out and "rejected: 3" in out
    assert "C-BAD1: row 5: credit_limit '1.234' is not an amount" in out
    assert "C-BAD2: row 6: terms 'ship-complete' is not one of" in out
    assert "row 7: customer_id is empty" in out
    assert "3 rejected; first: C-BAD1: row 5" in err
    found = saved(site)
    assert set(found) == {"C-OK", "C-BLK", "C-CRED"}
    assert found["C-OK"]["credit_limit_cents"] == 500000
    assert found["C-OK"]["open_balance_cents"] == 10000
    assert found["C-OK"]["terms"] == ["ship_complete", "net30"]
    assert found["C-BLK"]["blocked"] is True and found["C-BLK"]["credit_limit_cents"] is None


def test_a_second_file_updates_by_customer_id_and_json_works_too(site, tmp_path, run_cli):
    path = tmp_path / "customers.csv"
    path.write_text(CUSTOMERS, encoding="utf-8")
    run_cli("import-customers", path, "--database", site)
    update = [
        {"customer_id": "C-BLK", "name": "Unblocked", "currency": "EUR", "blocked": False,
         "credit_limit": 100, "open_balance": -5.5, "terms": ["cod"]},
        {"customer_id": "C-NEW", "name": "New", "currency": "usd", "colour": "red"},
    ]  # fmt: skip
    json_path = tmp_path / "customers.json"
    json_path.write_text(json.dumps(update), encoding="utf-8")
    status, out, _ = run_cli("import-customers", json_path, "--json", "--database", site)
    assert status == 2
    summary = json.loads(out)
    assert summary["imported"] == 1
    assert summary["rejected"] == ["C-NEW: customers[1]: unknown key(s) 'colour'"]
    found = saved(site)
    assert (found["C-BLK"]["name"], found["C-BLK"]["blocked"]) == ("Unblocked", False)
    assert found["C-BLK"]["open_balance_cents"] == -550 and found["C-BLK"]["terms"] == ["cod"]
    assert "C-NEW" not in found and len(found) == 3


def test_a_file_that_is_not_a_customers_file_is_refused_whole(site, tmp_path, run_cli):
    path = tmp_path / "customers.csv"
    path.write_text("customer_id,name\nC1,Acme\n", encoding="utf-8")
    status, _, err = run_cli("import-customers", path, "--database", site)
    assert status == 2 and "missing column(s) email, phone" in err
    assert saved(site) == {}


def test_the_review_holds_blocked_over_credit_and_unknown_customers(site, tmp_path, run_cli):
    path = tmp_path / "customers.csv"
    path.write_text(CUSTOMERS, encoding="utf-8")
    run_cli("import-customers", path, "--database", site)
    priced = write_priced_orders(
        tmp_path / "orders.csv",
        ("SO-OK", "BOLT", "2", "C-OK", "10.50"),
        ("SO-BLK", "BOLT", "1", "C-BLK", ""),
        ("SO-CRED", "BOLT", "3", "C-CRED", "4.50"),  # 13.50 + 4,990 open > 5,000
        ("SO-WHO", "BOLT", "1", "C-NOBODY", "1"),
        ("SO-NONE", "BOLT", "1", "", ""),
    )
    status, out, err = run_cli("import-orders", priced, "--database", site)
    assert status == 0, out + err
    status, out, _ = run_cli("allocate", "--json", "--database", site)
    result = json.loads(out)
    assert sorted(result["allocated"]) == ["web/SO-NONE", "web/SO-OK"]
    held = dict(line.split(": ", 1) for line in result["held"])
    assert held["web/SO-BLK"] == "customer C-BLK (Blocked Buyer) is blocked"
    assert held["web/SO-CRED"] == "customer C-CRED: credit limit 5,000.00 EUR exceeded by 3.50"
    assert held["web/SO-WHO"].startswith("customer C-NOBODY is unknown")
    status, out, _ = run_cli("orders", "--json", "--database", site)
    listed = {o["order_id"]: o for o in map(json.loads, out.splitlines())}
    assert listed["SO-OK"]["customer_id"] == "C-OK" and listed["SO-OK"]["value"] == "21.00"
    assert listed["SO-CRED"]["value"] == "13.50" and listed["SO-CRED"]["status"] == "on_hold"
    assert "customer_id" not in listed["SO-NONE"] and "value" not in listed["SO-NONE"]
    assert "value" not in listed["SO-BLK"]
    with open_central(site).engine.connect() as conn:
        complete = dict(conn.execute(select(orders.c.order_id, orders.c.ship_complete)).all())
    assert complete["SO-OK"] is True and complete["SO-CRED"] is False


def test_orders_priced_on_some_lines_only_or_badly_are_rejected(site, tmp_path, run_cli):
    priced = write_priced_orders(
        tmp_path / "orders.csv",
        ("SO-1", "BOLT", "1", "C1", "2.00"),
        ("SO-1", "GLUE", "1", "C1", ""),
        ("SO-2", "BOLT", "1", "C1", '"2,00"'),
        ("SO-3", "BOLT", "1", "C1", "1"),
        ("SO-3", "GLUE", "1", "C2", "1"),
    )
    status, out, _ = run_cli("import-orders", priced, "--database", site)
    assert status == 2 and "imported: 0 orders" in out
    assert "web/SO-1: row 2, row 3: unit_price: some lines have a unit_price" in out
    assert "web/SO-2: row 4: unit_price '2,00' is not an amount" in out
    assert "web/SO-3: row 6: customer_id 'C2' differs from row 5 ('C1')" in out


def test_order_files_without_the_new_columns_still_import(site, tmp_path, run_cli):
    from tests.integration.site_files import write_orders

    plain = write_orders(tmp_path / "orders.csv", order_row("SO-9", "BOLT", "2"))
    status, out, err = run_cli("import-orders", plain, "--database", site)
    assert status == 0, out + err
    document = {"orders": [{"order_id": "J-1", "channel": "shop", "customer_id": "C-OK",
                            "ship_to": {"name": "A", "street1": "S 1", "city": "K",
                                        "postal_code": "50667", "country": "DE"},
                            "lines": [{"sku": "BOLT", "quantity": 3, "unit_price": 1.25}]}]}  # fmt: skip
    json_path = tmp_path / "orders.json"
    json_path.write_text(json.dumps(document), encoding="utf-8")
    status, out, err = run_cli("import-orders", json_path, "--database", site)
    assert status == 0, out + err
    status, out, _ = run_cli("orders", "--json", "--database", site)
    listed = {o["order_id"]: o for o in map(json.loads, out.splitlines())}
    assert listed["J-1"]["value"] == "3.75" and listed["J-1"]["customer_id"] == "C-OK"


def test_migration_0023_keeps_the_orders_triggers_and_goes_back(sqlite_url):
    """SQLite: the new columns are added in place, so the trigger that tells stations of an
    order's status moves (migration 0008) survives; downgrading drops exactly what it added."""
    central = open_central(sqlite_url)
    trigger = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'orders'"
    with central.engine.connect() as conn:
        assert "orders_changes_update" in conn.execute(text(trigger)).scalars().all()
    config = migrate.alembic_config()
    with central.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0021_site_counters")
    columns = {c["name"] for c in inspect(central.engine).get_columns("orders")}
    assert (
        "customer_id" not in columns
        and "customers" not in inspect(central.engine).get_table_names()
    )
    migrate.upgrade(central.engine)
    with central.engine.connect() as conn:
        assert "orders_changes_update" in conn.execute(text(trigger)).scalars().all()
    central.close()
