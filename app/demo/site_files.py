"""Demo site: a seeded, realistic warehouse written in the file formats of docs/interfaces.md.

`python -m app.demo.site_files --out resources/demo` regenerates layout.json (§1), products.csv,
stock.csv and pick_faces.csv (§7), orders.csv (§6), users.csv and receipts.csv (§13). The same seed
always gives the same bytes.
The products come from `app/demo/products.py`, the orders from `app/demo/orders.py`.

Pure Python (no SQLAlchemy, no Qt): a file generator, not a database loader.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from app.demo.orders import (
    BENCH_FIRST_NUMBER,
    DEMO_ORDERS,
    generate_orders,
    write_csv,
    write_orders_csv,
    write_orders_json,
)
from app.demo.products import (
    DEMO_SEED,
    PACKING_FIELDS,
    PRODUCT_FIELDS,
    SCAN_FIELDS,
    DemoProduct,
    generate_products,
    product_rows,
)
from app.domain.pins import LEAD_PIN_DIGITS
from app.domain.sscc import build_sscc

# Layout: bays along y, a mid cross aisle between bay 20 and 21, uneven aisle spacing.
BAYS_PER_BLOCK, BAY_WIDTH_M, LEVELS = 20, 1.25, 4
BLOCK_START_Y = (1.0, 28.0)  # first bay edge of each block
CROSS_AISLES = (0.0, 27.0, 54.0)
AISLE_GAPS_M = (3.2, 3.2, 3.6, 3.2, 3.4, 5.0, 3.2, 3.2, 3.6, 3.2, 3.4, 3.2, 3.2)  # 5 m fire lane


USERS = (
    ("李娜", "picker"),
    ("Jan de Boer", "picker"),
    ("Anna Kowalska", "picker"),
    ("王强", "picker"),
    ("Tom Hughes", "picker"),
    ("Aylin Demir", "picker"),
    ("陈静", "packer"),
    ("Pieter Smit", "packer"),
    ("Grace Okafor", "packer"),
    ("Liu Yang", "packer"),
    ("Maria Jansen", "lead"),
    ("周伟", "lead"),
    # The outbound dock; after the leads, so every badge and the leads' PINs stay the same.
    ("Kofi Mensah", "loader"),
    ("赵磊", "loader"),
    # Stock control (receiving, counts, moves); after the loaders, for the same reason.
    ("Sanne de Vries", "clerk"),
    ("黄敏", "clerk"),
    # Customer returns; after the stock clerks, for the same reason.
    ("Sam Peeters", "returns"),
    ("林芳", "returns"),
)


@dataclass
class DemoSite:
    layout: dict
    products: list[DemoProduct]
    stock: list[dict]
    orders: list[dict]
    users: list[dict]
    out_of_stock: list[str] = field(default_factory=list)
    pick_faces: list[dict] = field(default_factory=list)
    receipts: list[dict] = field(default_factory=list)


# --- layout ---------------------------------------------------------------------------------


def generate_layout(aisle_count: int = 14, name: str = "Shipshape Demo DC") -> dict:
    xs = [0.0]
    for i in range(aisle_count - 1):
        xs.append(round(xs[-1] + AISLE_GAPS_M[i % len(AISLE_GAPS_M)], 2))
    aisles = [{"id": f"A{i + 1:02d}", "x": x} for i, x in enumerate(xs)]
    locations = []
    for aisle in aisles:
        for bay in range(1, 2 * BAYS_PER_BLOCK + 1):
            block, index = divmod(bay - 1, BAYS_PER_BLOCK)
            y = round(BLOCK_START_Y[block] + (index + 0.5) * BAY_WIDTH_M, 3)
            for side in "LR":
                for level in range(1, LEVELS + 1):
                    code = f"{aisle['id']}-{bay:03d}-{side}-{level}"
                    locations.append(
                        {"code": code, "aisle": aisle["id"], "y": y, "side": side, "level": level}
                    )
    return {
        "format": "shipshape.layout/1",
        "name": name,
        "aisle_length": CROSS_AISLES[-1],
        "aisles": aisles,
        "cross_aisles": list(CROSS_AISLES),
        # The pack-out desk: on the front cross aisle, between the sixth and seventh aisle.
        "depot": {"x": round((xs[5] + xs[6]) / 2, 2) if aisle_count > 6 else 0.0, "y": 0.0},
        "locations": locations,
    }


# --- stock and users ------------------------------------------------------------------------


def generate_stock(
    products: list[DemoProduct], layout: dict, orders: list[dict], seed: int = DEMO_SEED
) -> tuple[list[dict], list[str]]:
    """Stock rows covering the demand in `orders`, except a few SKUs left empty on purpose.

    Returns (rows, out_of_stock SKUs). Lot-controlled SKUs get 2-3 lots in different locations,
    with the soonest expiry placed farther down the aisle, so FEFO and nearest-first disagree.
    """
    rng = random.Random(f"{seed}-stock")
    demand: Counter[str] = Counter()
    for row in orders:
        demand[row["sku"]] += int(row["quantity"])
    # Popular SKUs (low index) that the demo orders actually ask for run out.
    ordered = [p.sku for p in products if demand[p.sku]]
    out_of_stock = set(ordered[20:200:30])  # six SKUs between popularity ranks 20 and 200
    golden = [loc["code"] for loc in layout["locations"] if loc["level"] <= 2]
    upper = [loc["code"] for loc in layout["locations"] if loc["level"] > 2]
    rng.shuffle(golden)
    rng.shuffle(upper)
    free = golden + upper  # fast movers get the golden zone (levels 1-2)
    rows = []
    for product in products:
        if product.sku in out_of_stock:
            continue
        total = int(demand[product.sku] * 1.5) + rng.randint(8, 60)
        if product.lot_controlled:
            rows += _lots(rng, product, total, free)
        else:
            rows.append(_stock_row(free.pop(0), product.sku, total))
    return sorted(rows, key=lambda r: (r["location"], r["sku"], r["lot"])), sorted(out_of_stock)


def _lots(rng: random.Random, product: DemoProduct, total: int, free: list[str]) -> list[dict]:
    lot_count = rng.choice((2, 2, 3))
    places = sorted(free.pop(0) for _ in range(lot_count))  # walking order, roughly
    soonest = date(2027, 2, 1) + timedelta(days=rng.randint(0, 120))
    rows = []
    for i, place in enumerate(reversed(places)):  # the first-expiring lot is the farthest
        expiry = soonest + timedelta(days=i * rng.randint(60, product.shelf_life_days // 3))
        share = max(1, total // 4) if i == 0 else max(1, total // lot_count)
        rows.append(_stock_row(place, product.sku, share, f"L{expiry:%y%m}{chr(65 + i)}", expiry))
    return rows


def _stock_row(location: str, sku: str, quantity: int, lot: str = "", expiry=None) -> dict:
    return {
        "location": location,
        "sku": sku,
        "quantity": quantity,
        "lot": lot,
        "expiry": expiry.isoformat() if expiry else "",
    }


# --- pick faces and reserve stock -----------------------------------------------------------

RESERVED_PRODUCTS = 6  # fast movers that also get a reserve location, so replenishment shows


def generate_pick_faces(
    stock: list[dict], layout: dict, orders: list[dict]
) -> tuple[list[dict], list[dict]]:
    """Each product's pick face is its lowest location with stock (level, then code): max is
    what the demo puts there, min a quarter of it. The few fastest movers also get a full face's
    worth in reserve on a top-level location nobody uses, and half their max as min (fast movers
    are refilled early), so the demo's released waves leave them low: replenishment has
    something to do. Returns (pick face rows, reserve stock rows)."""
    level = {loc["code"]: loc["level"] for loc in layout["locations"]}
    faces: dict[str, dict] = {}
    for row in sorted(stock, key=lambda r: (level[r["location"]], r["location"])):
        faces.setdefault(row["sku"], row)
    demand: Counter[str] = Counter()
    for row in orders:
        demand[row["sku"]] += int(row["quantity"])
    fast = [sku for sku, _ in demand.most_common() if sku in faces and not faces[sku]["lot"]]
    fast = fast[:RESERVED_PRODUCTS]
    used = {row["location"] for row in stock}
    spare = [loc["code"] for loc in layout["locations"] if loc["level"] == 4]
    spare = [code for code in spare if code not in used][::97]  # spread over the aisles
    reserve = [_stock_row(spare[i], sku, faces[sku]["quantity"]) for i, sku in enumerate(fast)]
    rows = []
    for sku, face in sorted(faces.items(), key=lambda pair: pair[1]["location"]):
        top = int(face["quantity"])
        low = top // 2 if sku in fast else top // 4
        rows.append({"location": face["location"], "sku": sku, "min": low, "max": top})
    return rows, reserve


def generate_users(seed: int = DEMO_SEED) -> list[dict]:
    """Badge 1001 onwards; the scanned badge barcode reads `B:<badge>`. Only leads have a PIN."""
    rng = random.Random(f"{seed}-users")
    return [
        {
            "name": name,
            "role": role,
            "badge": str(1001 + i),
            "pin": f"{rng.randrange(10**LEAD_PIN_DIGITS):0{LEAD_PIN_DIGITS}d}"
            if role == "lead"
            else "",
        }
        for i, (name, role) in enumerate(USERS)
    ]


# --- receipts: deliveries on their way ----------------------------------------------------------
RECEIPT_FIELDS = ["receipt_id", "supplier", "sscc", "sku", "quantity", "lot", "expiry"]
DEMO_SSCC_PREFIX = "8712345"  # the demo's GS1 company prefix (its GTINs start 871234500)


def generate_receipts(
    products: list[DemoProduct], out_of_stock: list[str], seed: int = DEMO_SEED
) -> list[dict]:
    """Two open receipts that bring the SKUs the demo left empty (so receiving them allocates
    the orders waiting for them) and a few more; the first has the supplier's SSCC label.
    Expiry dates are relative to the demo day (moved on when seeded later)."""
    rng = random.Random(f"{seed}-receipts")
    by_sku = {p.sku: p for p in products}
    stocked = [p.sku for p in products if p.sku not in out_of_stock][:40]
    deliveries = (
        ("PO-4500012001", "Café Müller Trading", build_sscc(DEMO_SSCC_PREFIX, 0, 1001)),
        ("PO-4500012002", "明华食品", ""),
    )
    half = len(out_of_stock) // 2
    rows = []
    for (receipt_id, supplier, sscc), skus in zip(
        deliveries,
        (
            out_of_stock[:half] + rng.sample(stocked, 2),
            out_of_stock[half:] + rng.sample(stocked, 1),
        ),
        strict=True,
    ):
        for sku in skus:
            product = by_sku[sku]
            lot, expiry = "", ""
            if product.lot_controlled:
                day = date(2026, 12, 1) + timedelta(days=product.shelf_life_days // 2)
                lot, expiry = f"L{day:%y%m}R", day.isoformat()
            quantity = rng.choice((24, 36, 48, 60, 96))
            rows.append(
                {"receipt_id": receipt_id, "supplier": supplier, "sscc": sscc, "sku": sku}
                | {"quantity": quantity, "lot": lot, "expiry": expiry}
            )
    return rows


# --- the whole site and its files -----------------------------------------------------------


def generate_site(seed: int = DEMO_SEED, n_orders: int = DEMO_ORDERS) -> DemoSite:
    layout = generate_layout()
    products = generate_products(seed=seed)
    orders = generate_orders(n_orders, seed, products)
    stock, out_of_stock = generate_stock(products, layout, orders, seed)
    faces, reserve = generate_pick_faces(stock, layout, orders)
    receipts = generate_receipts(products, out_of_stock, seed)
    # Reserve rows last: imported last, they are received last, so allocation (FIFO) keeps
    # taking from the pick faces first.
    users = generate_users(seed)
    return DemoSite(layout, products, stock + reserve, orders, users, out_of_stock, faces, receipts)


def write_site(site: DemoSite, out: str | Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in ("layout.json", "products.csv", "stock.csv")}
    names = ("pick_faces.csv", "orders.csv", "users.csv", "receipts.csv")
    paths |= {name: out / name for name in names}
    _write_layout(paths["layout.json"], site.layout)
    write_csv(
        paths["products.csv"],
        PRODUCT_FIELDS + SCAN_FIELDS + PACKING_FIELDS,
        product_rows(site.products),
    )
    write_csv(paths["stock.csv"], ["location", "sku", "quantity", "lot", "expiry"], site.stock)
    write_csv(paths["pick_faces.csv"], ["location", "sku", "min", "max"], site.pick_faces)
    write_orders_csv(paths["orders.csv"], site.orders)
    write_csv(paths["users.csv"], ["name", "role", "badge", "pin"], site.users)
    write_csv(paths["receipts.csv"], RECEIPT_FIELDS, site.receipts)
    return list(paths.values())


def _write_layout(path: Path, layout: dict) -> None:
    # One key, aisle or location per line: valid JSON that stays readable and diffs well.
    def value(v) -> str:
        if isinstance(v, list) and v and isinstance(v[0], dict):
            items = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in v)
            return f"[\n{items}\n  ]"
        return json.dumps(v, ensure_ascii=False)

    body = ",\n".join(f"  {json.dumps(k)}: {value(v)}" for k, v in layout.items())
    path.write_text("{\n" + body + "\n}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.demo.site_files", description="Write the demo site files (seeded)."
    )
    parser.add_argument("--out", default="resources/demo", help="directory for the demo files")
    parser.add_argument("--seed", type=int, default=DEMO_SEED)
    parser.add_argument("--orders", type=int, default=DEMO_ORDERS, help="demo order count")
    parser.add_argument(
        "--orders-file",
        metavar="FILE",
        help="instead, write only N=--orders orders for the demo products to FILE (.csv or .json)",
    )
    parser.add_argument(
        "--first-number",
        type=int,
        default=BENCH_FIRST_NUMBER,
        help="order number of the first order in --orders-file (default: clear of the demo's)",
    )
    args = parser.parse_args(argv)
    if args.orders_file:
        products = generate_products(seed=args.seed)
        rows = generate_orders(args.orders, args.seed, products, first_number=args.first_number)
        writer = write_orders_json if args.orders_file.endswith(".json") else write_orders_csv
        writer(args.orders_file, rows)
        print(f"wrote {args.orders} orders ({len(rows)} lines) to {args.orders_file}")
        return 0
    for path in write_site(generate_site(args.seed, args.orders), args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
