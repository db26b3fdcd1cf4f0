"""The demo site: the committed files are what the generator writes, and they hang together."""

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from app.demo import orders as demo_orders
from app.demo import site_files
from app.domain.gs1 import has_valid_check_digit
from app.routing.layout import load_layout

DEMO_DIR = Path(__file__).resolve().parents[2] / "resources" / "demo"
FILES = ("layout.json", "products.csv", "stock.csv", "pick_faces.csv", "orders.csv", "users.csv")


def read_csv(name: str) -> list[dict]:
    with open(DEMO_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def layout():
    return load_layout(DEMO_DIR / "layout.json")


def test_committed_files_are_exactly_what_the_generator_writes(tmp_path):
    site_files.main(["--out", str(tmp_path)])
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DEMO_DIR / name).read_bytes(), (
            f"{name} is stale: run `python -m app.demo.site_files --out resources/demo`"
        )


def test_layout_is_a_valid_two_block_site(layout):
    assert layout.blocks == 2
    assert len(layout.aisles) >= 12
    gaps = {round(b.x - a.x, 2) for a, b in zip(layout.aisles, layout.aisles[1:], strict=False)}
    assert len(gaps) > 1, "aisle spacing should be uneven"
    assert layout.depot.y == 0.0
    a01 = [loc for loc in layout.locations if loc.aisle == "A01"]
    assert len(a01) == 40 * 2 * 4  # 40 bays per side, two sides, four levels
    assert layout.location("A01-001-L-1").side == "L"
    assert {loc.level for loc in a01} == {1, 2, 3, 4}
    # No location sits on a cross aisle: bays are between them.
    assert not any(loc.y in layout.cross_aisles for loc in layout.locations)


def test_products_have_valid_unique_gtins_and_some_second_gtins():
    rows = read_csv("products.csv")
    skus = {r["sku"] for r in rows}
    assert len(skus) >= 1000
    gtins = [r["gtin"] for r in rows if r["no_barcode"] != "1"]
    assert all(len(g) == 13 and has_valid_check_digit(g) for g in gtins)
    assert len(set(gtins)) == len(gtins), "a GTIN belongs to one SKU only"
    assert len(rows) - len(skus) >= 3, "a few SKUs carry a second GTIN"
    assert any(any("\u4e00" <= c <= "\u9fff" for c in r["name"]) for r in rows)
    assert all(float(r["unit_weight_kg"]) > 0 for r in rows)


def test_the_demo_shows_each_scan_rule_lots_and_loose_items_without_a_barcode():
    rows = read_csv("products.csv")
    lots = {r["sku"] for r in read_csv("stock.csv") if r["lot"]}
    controlled = {r["sku"] for r in rows if r["lot_controlled"] == "1"}
    assert lots and lots <= controlled, "a product whose stock has lots is lot-controlled"
    loose = [r for r in rows if r["no_barcode"] == "1"]
    assert 1 <= len(loose) <= 5 and all(r["gtin"] == "" for r in loose)
    ordered = {r["sku"] for r in read_csv("orders.csv")}
    assert {r["sku"] for r in loose} <= ordered, "a picker meets them in a wave"


def test_stock_is_at_real_locations_and_lots_make_fefo_matter(layout):
    skus = {r["sku"] for r in read_csv("products.csv")}
    stock = read_csv("stock.csv")
    assert all(layout.has_location(r["location"]) for r in stock)
    assert all(r["sku"] in skus and int(r["quantity"]) > 0 for r in stock)
    lots = defaultdict(list)
    for r in stock:
        if r["lot"]:
            assert r["expiry"], f"lot {r['lot']} has no expiry"
            lots[r["sku"]].append(r)
    multi = [rows for rows in lots.values() if len(rows) > 1]
    assert len(multi) > 50
    assert all(len({r["location"] for r in rows}) == len(rows) for rows in multi)
    assert all(len({r["expiry"] for r in rows}) == len(rows) for rows in multi)


def test_orders_use_known_skus_and_mostly_can_be_allocated():
    skus = {r["sku"] for r in read_csv("products.csv")}
    on_hand = defaultdict(int)
    for r in read_csv("stock.csv"):
        on_hand[r["sku"]] += int(r["quantity"])
    rows = read_csv("orders.csv")
    assert list(rows[0]) == demo_orders.ORDER_FIELDS
    orders = defaultdict(list)
    for r in rows:
        assert r["sku"] in skus
        orders[(r["channel"], r["order_id"])].append(r)
    assert len(orders) >= 300
    assert {r["channel"] for r in rows} == {"webshop", "marketplace", "edi"}
    assert all(1 <= len(lines) <= 5 for lines in orders.values())
    short = [o for o in orders.values() if any(on_hand[r["sku"]] == 0 for r in o)]
    assert 3 <= len(short) <= len(orders) * 0.15, "a few orders, not most, become exceptions"


def test_orders_cover_several_countries_scripts_and_carriers():
    rows = read_csv("orders.csv")
    assert {"CN", "DE", "GB", "US", "RU"} <= {r["country"] for r in rows}
    assert any(r["name"] == "王小明" for r in rows)
    assert any("世纪大道" in r["street1"] for r in rows)
    assert any(c in "äöüß" for r in rows for c in r["street1"] + r["city"])
    assert any("\u0400" <= c <= "\u04ff" for r in rows for c in r["name"])
    assert {"SF Express", "DHL", "UPS", "PostNL"} <= {r["carrier"] for r in rows}
    assert {int(r["priority"]) for r in rows} >= {0, 1, 2}


def test_users_have_badges_and_only_leads_have_pins():
    users = read_csv("users.csv")
    roles = [u["role"] for u in users]
    assert roles.count("lead") == 2 and "picker" in roles and "packer" in roles
    assert len({u["badge"] for u in users}) == len(users)
    for u in users:
        if u["role"] == "lead":
            assert len(u["pin"]) == 6 and u["pin"].isdigit()
        else:
            assert u["pin"] == ""


def test_large_order_files_are_deterministic_and_the_json_matches_the_csv(tmp_path):
    products = site_files.generate_products()
    rows = site_files.generate_orders(2_000, 7, products)  # the benches' 10,000 are the same code
    again = site_files.generate_orders(500, 7, products)  # same seed: the same first 500 orders
    assert again == rows[: len(again)] and again[-1]["order_id"] != rows[len(again)]["order_id"]
    assert site_files.generate_orders(500, 8, products) != again
    assert 5_400 <= len(rows) <= 6_600  # about three lines an order
    site_files.write_orders_csv(tmp_path / "big.csv", rows)
    site_files.write_orders_json(tmp_path / "big.json", rows)
    orders = json.loads((tmp_path / "big.json").read_text(encoding="utf-8"))["orders"]
    assert len(orders) == 2_000
    assert sum(len(o["lines"]) for o in orders) == len(rows)
    first = orders[0]
    assert set(first["ship_to"]) == set(demo_orders.ADDRESS_FIELDS)
    assert first["order_id"] == rows[0]["order_id"] and isinstance(first["priority"], int)
    with open(tmp_path / "big.csv", encoding="utf-8", newline="") as f:
        assert sum(1 for _ in csv.DictReader(f)) == len(rows)


def test_the_command_writes_a_big_order_file_clear_of_the_demo_order_ids(tmp_path, capsys):
    site_files.main(["--orders", "50", "--orders-file", str(tmp_path / "bench.json")])
    orders = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))["orders"]
    assert len(orders) == 50
    demo_ids = {r["order_id"] for r in read_csv("orders.csv")}
    assert not demo_ids & {o["order_id"] for o in orders}
    assert "wrote 50 orders" in capsys.readouterr().out


def test_every_product_in_stock_has_one_pick_face_and_a_few_have_reserve_stock(layout):
    faces = read_csv("pick_faces.csv")
    stock = read_csv("stock.csv")
    assert {r["sku"] for r in faces} == {r["sku"] for r in stock}
    assert len({r["location"] for r in faces}) == len(faces), "one product per pick face"
    assert all(0 <= int(r["min"]) < int(r["max"]) for r in faces)
    face_of = {r["sku"]: r["location"] for r in faces}
    loose = {r["sku"] for r in stock if not r["lot"]}
    reserve = [r for r in stock if r["sku"] in loose and r["location"] != face_of[r["sku"]]]
    assert 3 <= len(reserve) <= 10
    assert all(layout.location(r["location"]).level == 4 for r in reserve)
