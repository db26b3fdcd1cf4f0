"""The site set-up and intake commands against a real SQLite central database."""

from __future__ import annotations

import json

import pytest

from db.catalog_repo import SqlCatalogRepository
from db.engine import make_engine
from tests.integration.site_files import import_site, order_row, write_orders


@pytest.fixture
def site(tmp_path, sqlite_url, run_cli):
    return import_site(run_cli, sqlite_url, tmp_path / "site")


def add_lead(run_cli, url) -> None:
    """Lea, a lead with badge 9001 and PIN 246810."""
    args = ("add-user", "Lea", "--role", "lead", "--badge", "9001", "--pin", "246810")
    assert run_cli(*args, "--database", url)[0] == 0


def orders_json(run_cli, url) -> dict:
    status, out, _ = run_cli("orders", "--json", "--database", url)
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    return {r["order_id"]: r for r in records}


def test_import_orders_rerun_is_not_doubled(tmp_path, site, sqlite_url, run_cli):
    path = write_orders(
        tmp_path / "o.csv", order_row("SO-1", "MILK", "2"), order_row("SO-1", "GLUE")
    )
    status, out, _ = run_cli("import-orders", path, "--database", sqlite_url)
    assert status == 0 and "imported: 1 orders" in out
    status, out, _ = run_cli("import-orders", path, "--database", sqlite_url)
    assert (
        status == 0
        and "imported: 0 orders" in out
        and "web/SO-1 (row 2, row 3): already imported" in out
    )
    orders = orders_json(run_cli, sqlite_url)
    assert list(orders) == ["SO-1"]
    assert [(line["sku"], line["quantity"]) for line in orders["SO-1"]["lines"]] == [
        ("MILK", 2),
        ("GLUE", 1),
    ]


def test_a_rejected_order_goes_in_whole_or_not_at_all(tmp_path, site, sqlite_url, run_cli):
    path = write_orders(
        tmp_path / "o.csv",
        order_row("SO-1", "MILK"),
        order_row("SO-2", "MILK"),
        order_row("SO-2", "NOPE"),
        order_row("SO-3", "BOLT", "x"),
    )
    status, out, err = run_cli("import-orders", path, "--database", sqlite_url)
    assert status == 2
    assert "imported: 1 orders" in out and "rejected: 2" in out
    assert "web/SO-2: row 4: unknown SKU 'NOPE'" in out
    assert "web/SO-3: row 5: quantity 'x' is not a positive integer" in out
    assert "o.csv" in err and len(err.strip().splitlines()) == 1
    assert list(orders_json(run_cli, sqlite_url)) == ["SO-1"]


def test_import_products_rejections_and_rerun(tmp_path, site, sqlite_url, run_cli):
    path = tmp_path / "more.csv"
    path.write_text(
        "sku,name,gtin,unit_weight_kg\n"
        "NEW,New thing,4006381333932,1\n"  # wrong check digit
        "NEW2,Other,4006381333931,1\n"  # GTIN of MILK
        "NEW3,Third,,heavy\n"
        "NEW4,Fourth,96385074,0.5\n"
    )
    status, out, _ = run_cli("import-products", path, "--database", sqlite_url)
    assert status == 2
    assert "row 2: GTIN '4006381333932' has a wrong check digit (expected 1)" in out
    assert "row 3: GTIN 4006381333931 is already used by SKU MILK" in out
    assert "row 4: unit_weight_kg 'heavy' is not a number" in out
    assert "imported: 1 rows" in out
    status, out, _ = run_cli("import-products", site["products.csv"], "--database", sqlite_url)
    assert status == 0 and "rejected: 0" in out


def test_import_products_reads_scan_rules_and_dimensions(tmp_path, site, sqlite_url, run_cli):
    path = tmp_path / "flags.csv"
    path.write_text(
        "sku,name,gtin,unit_weight_kg,no_barcode,lot_controlled,serial_required,"
        "length_cm,width_cm,height_cm\n"
        "CABLE,Cable,,0.1,yes,,,,,\n"
        "PHONE,Phone,,0.3,0,1,true,15,8,2.5\n"
        "BAD,Bad,,0.3,maybe,,,,,\n"
        "HALF,Half,,0.3,,,,10,,\n"
    )
    status, out, _ = run_cli("import-products", path, "--database", sqlite_url)
    assert status == 2
    assert "row 4: no_barcode 'maybe' is not one of 1/0, true/false, yes/no" in out
    assert "row 5: width_cm '' is not a number of cm" in out
    with make_engine(sqlite_url).connect() as connection:
        catalog = SqlCatalogRepository(connection)
        cable, phone = catalog.product("CABLE"), catalog.product("PHONE")
    assert (cable.no_barcode, cable.lot_controlled, cable.dimensions_cm) == (True, False, None)
    assert (phone.lot_controlled, phone.serial_required) == (True, True)
    assert phone.unit_volume_cm3 == 15 * 8 * 2.5


def test_import_stock_sets_on_hand_and_refuses_unknowns(tmp_path, site, sqlite_url, run_cli):
    path = tmp_path / "stock2.csv"
    path.write_text(
        "location,sku,quantity,lot,expiry\n"
        "A01-001-L-1,MILK,7,L3,2027-03-01\n"
        "Z99,MILK,1,,\n"
        "A01-001-L-1,NOPE,1,,\n"
        "A01-001-L-1,MILK,1,L9,2027-13-01\n"
        "A01-001-L-1,MILK,-1,L9,\n"
    )
    status, out, _ = run_cli("import-stock", path, "--database", sqlite_url)
    assert status == 2
    for text in (
        "row 3: unknown location 'Z99'",
        "row 4: unknown SKU 'NOPE'",
        "row 5: expiry '2027-13-01' is not a YYYY-MM-DD date",
        "row 6: quantity '-1' is not a whole number",
    ):
        assert text in out
    status, _, _ = run_cli("import-stock", path, "--database", sqlite_url)  # again: same result
    assert status == 2


def test_allocation_is_fefo_and_never_over_allocates(tmp_path, site, sqlite_url, run_cli):
    path = write_orders(
        tmp_path / "o.csv",
        order_row("SO-1", "MILK", "4"),
        order_row("SO-2", "MILK", "4"),
        order_row("SO-3", "MILK", "4"),  # only 2 left: exception
        order_row("SO-4", "GLUE", "1", postal_code="123"),  # undeliverable: on hold
    )
    assert run_cli("import-orders", path, "--database", sqlite_url)[0] == 0
    status, out, _ = run_cli("allocate", "--database", sqlite_url)
    assert status == 0 and "allocated: 2 orders" in out
    orders = orders_json(run_cli, sqlite_url)
    assert orders["SO-1"]["status"] == "allocated" and orders["SO-1"]["lines"][0]["allocated"] == 4
    assert orders["SO-1"]["lines"][0]["warehouse"] == "WH1"  # where its units are reserved
    assert orders["SO-3"]["lines"][0]["warehouse"] is None  # nothing reserved: no warehouse
    assert (
        orders["SO-3"]["status"] == "exception" and "MILK: short 2 of 4" in orders["SO-3"]["reason"]
    )
    assert orders["SO-4"]["status"] == "on_hold" and "postal code" in orders["SO-4"]["reason"]
    from app.bootstrap import open_central

    with open_central(sqlite_url).uow() as uow:
        stock = {(s.location, s.lot): s for s in uow.stock.all()}
    # FEFO: the December lot (L1) went first and completely, then 3 of the March lot.
    assert stock[("A01-002-L-1", "L1")].reserved == 5
    assert stock[("A01-001-L-1", "L3")].reserved == 3
    assert all(s.reserved <= s.on_hand for s in stock.values())


def test_lead_releases_a_hold_and_it_is_not_held_again(tmp_path, site, sqlite_url, run_cli):
    add_lead(run_cli, sqlite_url)
    run_cli("add-user", "Pia", "--role", "picker", "--badge", "1001", "--database", sqlite_url)
    path = write_orders(tmp_path / "o.csv", order_row("SO-4", "GLUE", postal_code="123"))
    run_cli("import-orders", path, "--database", sqlite_url)
    run_cli("allocate", "--database", sqlite_url)
    base = ("holds", "--release", "web/SO-4", "--database", sqlite_url, "--note", "called customer")
    assert run_cli(*base, "--badge", "1001", "--pin", "0000")[0] == 1  # a picker may not
    assert run_cli(*base, "--badge", "9001", "--pin", "1111")[0] == 1  # wrong PIN
    status, out, _ = run_cli(*base, "--badge", "9001", "--pin", "246810")
    assert status == 0 and "received" in out
    run_cli("allocate", "--database", sqlite_url)
    assert orders_json(run_cli, sqlite_url)["SO-4"]["status"] == "allocated"


def test_users_json_never_shows_a_pin(site, sqlite_url, run_cli):
    add_lead(run_cli, sqlite_url)
    status, out, _ = run_cli("users", "--json", "--database", sqlite_url)
    assert status == 0
    assert json.loads(out) == {"name": "Lea", "role": "lead", "badge": "9001"}
    assert "246810" not in out and "scrypt" not in out


def test_layout_update_refuses_to_drop_a_location_with_stock(tmp_path, site, sqlite_url, run_cli):
    layout = json.loads(site["layout.json"].read_text())
    layout["locations"] = [loc for loc in layout["locations"] if loc["code"] != "A02-001-L-1"]
    path = tmp_path / "smaller.json"
    path.write_text(json.dumps(layout))
    status, _, err = run_cli("import-layout", path, "--database", sqlite_url)
    assert status == 2 and "A02-001-L-1" in err and "hold stock" in err
    layout["locations"] = [loc for loc in layout["locations"] if loc["code"] != "A02-003-L-1"]
    layout["locations"].append(
        {"code": "A02-001-L-1", "aisle": "A02", "y": 2.0, "side": "L", "level": 1}
    )
    path.write_text(json.dumps(layout))
    status, out, _ = run_cli("import-layout", path, "--database", sqlite_url)
    assert status == 0 and "1 removed" in out


def test_bad_layout_file_is_exit_2(tmp_path, sqlite_url, run_cli):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "shipshape.layout/1"}')
    status, _, err = run_cli("import-layout", path, "--database", sqlite_url)
    assert status == 2 and "bad.json" in err


def test_a_10000_order_file_imports_whole_and_reruns_as_duplicates(tmp_path, sqlite_url, run_cli):
    from app.demo import site_files

    products = site_files.generate_products(count=200)
    rows = site_files.generate_orders(10_000, seed=7, products=products)
    products_csv = tmp_path / "products.csv"
    products_csv.write_text(
        "sku,name,gtin,unit_weight_kg\n"
        + "".join(
            f"{p.sku},{p.name.replace(',', ' ')},{next(iter(p.gtins), '')},1\n" for p in products
        ),
        encoding="utf-8",
    )
    assert run_cli("import-products", products_csv, "--database", sqlite_url)[0] == 0
    orders_csv = tmp_path / "big.csv"
    site_files.write_orders_csv(orders_csv, rows)
    status, out, err = run_cli("import-orders", orders_csv, "--json", "--database", sqlite_url)
    assert status == 0
    assert json.loads(out) == {"imported": 10_000, "duplicates": [], "rejected": []}
    assert "10000/10000 orders" in err  # progress for a large file
    status, out, _ = run_cli("import-orders", orders_csv, "--json", "--database", sqlite_url)
    summary = json.loads(out)
    assert status == 0 and summary["imported"] == 0 and len(summary["duplicates"]) == 10_000
