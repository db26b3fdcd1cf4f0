"""Demo site: a seeded, realistic warehouse written in the file formats of docs/interfaces.md.

`python -m app.demo.site_files --out resources/demo` regenerates layout.json (§1), products.csv,
stock.csv (§7), orders.csv (§6) and users.csv. The same seed always gives the same bytes.
`generate_orders` and the two writers also make large order files for benchmarks and tests
(10,000 orders are about 30,000 lines).

Order fields: `priority` is an integer, higher = more urgent (0 standard, 1 express, 2 same-day).
`order_date` and `ship_by` are ISO 8601 date-times in UTC (`2026-12-01T08:15:00+00:00`).

Pure Python (no SQLAlchemy, no Qt): a file generator, not a database loader.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import TypeVar

from app.domain.gs1 import check_digit
from app.domain.pins import LEAD_PIN_DIGITS

T = TypeVar("T")  # what _weighted picks

ORDER_FIELDS = [
    "channel",
    "order_id",
    "order_date",
    "priority",
    "carrier",
    "service",
    "ship_by",
    "name",
    "company",
    "street1",
    "street2",
    "city",
    "region",
    "postal_code",
    "country",
    "phone",
    "email",
    "sku",
    "quantity",
]
ADDRESS_FIELDS = ORDER_FIELDS[7:17]
DEMO_SEED = 20261201
DEMO_START = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # orders arrive from here on
DEMO_ORDERS = 320
DEMO_FIRST_NUMBER = 100001
BENCH_FIRST_NUMBER = 1000001  # big order files: numbers clear of the demo's, so both can coexist

# Layout: bays along y, a mid cross aisle between bay 20 and 21, uneven aisle spacing.
BAYS_PER_BLOCK, BAY_WIDTH_M, LEVELS = 20, 1.25, 4
BLOCK_START_Y = (1.0, 28.0)  # first bay edge of each block
CROSS_AISLES = (0.0, 27.0, 54.0)
AISLE_GAPS_M = (3.2, 3.2, 3.6, 3.2, 3.4, 5.0, 3.2, 3.2, 3.6, 3.2, 3.4, 3.2, 3.2)  # 5 m fire lane

# (code, English nouns, Chinese nouns, weight range kg, lot-controlled with shelf life days)
CATEGORIES = (
    (
        "KIT",
        ("Mug", "Water Bottle", "Lunch Box", "Chef Knife", "Cutting Board", "Frying Pan"),
        ("保温杯", "水杯", "饭盒", "菜刀", "砧板", "平底锅"),
        (0.25, 1.8),
        0,
    ),
    (
        "FOD",
        ("Green Tea", "Dark Chocolate", "Coffee Beans", "Oolong Tea", "Honey", "Dried Mango"),
        ("绿茶", "黑巧克力", "咖啡豆", "乌龙茶", "蜂蜜", "芒果干"),
        (0.1, 1.0),
        540,
    ),
    (
        "CAR",
        ("Hand Cream", "Shampoo", "Sunscreen SPF 50", "Toothpaste", "Face Mask"),
        ("护手霜", "洗发水", "防晒霜", "牙膏", "面膜"),
        (0.05, 0.6),
        900,
    ),
    (
        "ELE",
        ("USB-C Cable", "Power Bank", "Wireless Mouse", "Earbuds", "LED Desk Lamp"),
        ("数据线", "充电宝", "无线鼠标", "蓝牙耳机", "台灯"),
        (0.03, 1.2),
        0,
    ),
    (
        "STA",
        ("Notebook A5", "Gel Pen Set", "Sticky Notes", "Stapler", "Desk Organiser"),
        ("笔记本", "中性笔套装", "便利贴", "订书机", "桌面收纳盒"),
        (0.02, 0.8),
        0,
    ),
    (
        "HOM",
        ("Cushion Cover", "Bath Towel", "Storage Box", "Scented Candle", "Door Mat"),
        ("抱枕套", "浴巾", "收纳箱", "香薰蜡烛", "地垫"),
        (0.2, 2.5),
        0,
    ),
)
# Goods per litre of their box (kg/l), per category: a towel is light for its size, a shampoo not.
DENSITY_KG_PER_L = {"KIT": 0.35, "FOD": 0.6, "CAR": 0.8, "ELE": 0.45, "STA": 0.5, "HOM": 0.15}
# Electronics a shop tracks one by one (warranty, returns): the packer scans each one's serial.
SERIAL_NOUNS = ("Power Bank", "Wireless Mouse", "Earbuds", "LED Desk Lamp")
BRANDS = ("Shipshape", "Nordlicht", "Kestrel", "Lumen", "Bamboo & Co", "Café Müller", "Fjord")
BRANDS_ZH = ("海岸", "明华", "青竹", "星河", "南山")
VARIANTS = ("Blue", "Black", "White", "Red", "Green", "Grey", "Small", "Large", "Twin Pack")
VARIANTS_ZH = ("蓝色", "黑色", "白色", "红色", "小号", "大号", "两件装")

# Per country: names, (city, region, postal code, street with {n} = house number), phone,
# carriers as (carrier, standard service, express service).
COUNTRIES = {
    "CN": (
        ("王小明", "李娜", "张伟", "刘芳", "陈静", "杨磊", "赵秀英", "黄强"),
        (
            ("上海", "上海市", "200120", "浦东新区世纪大道{n}号"),
            ("北京", "北京市", "100022", "朝阳区建国路{n}号"),
            ("广州", "广东省", "510620", "天河区天河路{n}号"),
            ("深圳", "广东省", "518057", "南山区科技园南路{n}号"),
            ("杭州", "浙江省", "310012", "西湖区文三路{n}号"),
            ("宁波", "浙江省", "315100", "鄞州区天童南路{n}号"),
        ),
        "+86 21 5555 {p4}",
        (("SF Express", "Standard", "Express"),),
    ),
    "DE": (
        ("Jürgen Müller", "Käthe Weiß", "Björn Schäfer", "Günter Groß", "Lena Bäcker"),
        (
            ("München", "Bayern", "80331", "Schäfflerstraße {n}"),
            ("Köln", "Nordrhein-Westfalen", "50667", "Hohe Straße {n}"),
            ("Düsseldorf", "Nordrhein-Westfalen", "40213", "Königsallee {n}"),
            ("Nürnberg", "Bayern", "90402", "Königstraße {n}"),
            ("Berlin", "Berlin", "10117", "Schloßplatz {n}"),
        ),
        "+49 89 5555 {p4}",
        (("DHL", "Paket", "Express"),),
    ),
    "NL": (
        ("Sanne de Vries", "Daan Jansen", "Fleur van Dijk", "Joëlle Bakker"),
        (
            ("Amsterdam", "Noord-Holland", "1015 CJ", "Keizersgracht {n}"),
            ("Rotterdam", "Zuid-Holland", "3011 AD", "Coolsingel {n}"),
            ("Utrecht", "Utrecht", "3511 AB", "Oudegracht {n}"),
        ),
        "+31 20 555 {p4}",
        (("PostNL", "Standard", "Next Day"),),
    ),
    "GB": (
        ("Oliver Brown", "Amelia O'Connor", "Harry Wright", "Siobhán Kelly"),
        (
            ("London", "England", "NW1 6XE", "{n} Baker Street"),
            ("Manchester", "England", "M3 2BY", "{n} Deansgate"),
            ("Edinburgh", "Scotland", "EH2 2ER", "{n} Princes Street"),
        ),
        "+44 20 7946 {p4}",
        (("UPS", "Standard", "Express Saver"), ("DHL", "Parcel UK", "Express")),
    ),
    "US": (
        ("John Smith", "María García", "Emily Johnson", "DeShawn Williams"),
        (
            ("Springfield", "IL", "62701", "{n} Main St"),
            ("Seattle", "WA", "98101", "{n} Pike St"),
            ("Austin", "TX", "78701", "{n} Congress Ave"),
        ),
        "+1 206 555 {p4}",
        (("UPS", "Ground", "2nd Day Air"),),
    ),
    "RU": (
        ("Иван Петров", "Анна Смирнова", "Ольга Кузнецова"),
        (
            ("Москва", "Москва", "125009", "ул. Тверская, д. {n}"),
            ("Санкт-Петербург", "Санкт-Петербург", "191186", "Невский проспект, д. {n}"),
        ),
        "+7 495 555 {p4}",
        (("DHL", "Express Worldwide", "Express Worldwide"),),
    ),
}
COUNTRY_WEIGHTS = {"CN": 30, "DE": 20, "NL": 15, "GB": 12, "US": 15, "RU": 8}
COMPANIES = ("Müller Handels GmbH", "上海明华贸易有限公司", "Acme Retail Ltd", "De Winkel B.V.")
STREET2 = {"CN": ("3楼301室", "A座1205室"), "DE": ("2. OG", "Hinterhaus")}
STREET2_OTHER = ("Apt 4B", "Unit 12", "2nd floor")
CHANNELS = (("webshop", 55), ("marketplace", 30), ("edi", 15))
LINES_PER_ORDER = ((1, 15), (2, 20), (3, 30), (4, 20), (5, 15))  # mean 3 lines

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
)


@dataclass(frozen=True)
class DemoProduct:
    sku: str
    name: str
    gtins: tuple[str, ...]
    unit_weight_kg: float
    shelf_life_days: int = 0  # > 0: lot-controlled, every lot has an expiry
    dimensions_cm: tuple[float, float, float] | None = None  # length, width, height of one unit
    serial_required: bool = False
    no_barcode: bool = False  # no GTIN on the item: the picker types the count

    @property
    def lot_controlled(self) -> bool:
        return self.shelf_life_days > 0


@dataclass
class DemoSite:
    layout: dict
    products: list[DemoProduct]
    stock: list[dict]
    orders: list[dict]
    users: list[dict]
    out_of_stock: list[str] = field(default_factory=list)


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


# --- products -------------------------------------------------------------------------------


def _gtin13(prefix: str, item: int) -> str:
    body = f"{prefix}{item:0{12 - len(prefix)}d}"
    return body + check_digit(body)


def generate_products(count: int = 1200, seed: int = DEMO_SEED) -> list[DemoProduct]:
    """Products in popularity order (the first sells most). A few have a second GTIN."""
    rng = random.Random(f"{seed}-products")
    products = []
    for n in range(count):
        code, nouns, nouns_zh, (low, high), shelf_life = rng.choice(CATEGORIES)
        k = rng.randrange(len(nouns))
        if rng.random() < 0.15:
            name = f"{rng.choice(BRANDS_ZH)}{nouns_zh[k]} {rng.choice(VARIANTS_ZH)}"
            gtins = [_gtin13("6901234", n)]  # 690-695: GS1 China
        else:
            name = f"{rng.choice(BRANDS)} {nouns[k]} {rng.choice(VARIANTS)}"
            gtins = [_gtin13("8712345", n)]  # 87: GS1 Netherlands
        if rng.random() < 0.02:  # new packaging, new GTIN, same SKU
            gtins.append(_gtin13("8712346", n))
        weight = round(rng.uniform(low, high), 3)
        products.append(
            DemoProduct(
                f"{code}-{10000 + n}",
                name,
                tuple(gtins),
                weight,
                shelf_life,
                _dimensions(code, weight, f"{seed}-dimensions-{n}"),
                nouns[k] in SERIAL_NOUNS,
            )
        )
    return _with_loose_hardware(products)


# Loose hardware sold by the piece, without a barcode: the demo's `no_barcode` products (the
# picker types their count). Popularity ranks whose demo orders are not in the first two waves,
# so the lead meets them when planning the next wave; names only, no other demo data changes.
LOOSE_HARDWARE = {
    34: "Loose Wood Screws 4x40 mm",
    66: "Loose Cable Ties 200 mm",
    94: "Loose Hex Nuts M6",
}


def _with_loose_hardware(products: list[DemoProduct]) -> list[DemoProduct]:
    for rank, name in LOOSE_HARDWARE.items():
        if rank < len(products):
            products[rank] = replace(
                products[rank],
                name=name,
                gtins=(),
                unit_weight_kg=0.005,
                no_barcode=True,
                serial_required=False,
                dimensions_cm=(4.0, 1.0, 1.0),
            )
    return products


def _dimensions(category: str, weight_kg: float, seed: str) -> tuple[float, float, float]:
    """A box of the category's density with plausible proportions. Its own random stream, so
    the products, orders and stock of the demo stay what they were before dimensions."""
    rng = random.Random(seed)
    volume_cm3 = max(weight_kg / DENSITY_KG_PER_L[category] * 1000.0, 50.0)
    shape = (rng.uniform(1.3, 2.6), rng.uniform(0.8, 1.3), 0.6)
    scale = (volume_cm3 / (shape[0] * shape[1] * shape[2])) ** (1 / 3)
    length, width, height = (max(round(side * scale, 1), 1.0) for side in shape)
    return length, width, height


# --- orders ---------------------------------------------------------------------------------


def _popularity(count: int) -> list[float]:
    # Zipf-like: a few products sell a lot, the long tail rarely. Cumulative, for rng.choices.
    return list(accumulate(1.0 / (rank + 8) ** 0.9 for rank in range(count)))


def _weighted(rng: random.Random, pairs: Iterable[tuple[T, float]]) -> T:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum() or c == " ").strip().replace(" ", ".")


def _ship_to(rng: random.Random, channel: str, number: int) -> dict:
    country = _weighted(rng, COUNTRY_WEIGHTS.items())
    names, cities, phone, _ = COUNTRIES[country]
    name = rng.choice(names)
    city, region, postal, street = rng.choice(cities)
    local = _ascii(name) or "customer"
    return {
        "name": name,
        "company": rng.choice(COMPANIES) if channel == "edi" else "",
        "street1": street.format(n=rng.randint(1, 180)),
        "street2": rng.choice(STREET2.get(country, STREET2_OTHER)) if rng.random() < 0.4 else "",
        "city": city,
        "region": region,
        "postal_code": postal,
        "country": country,
        "phone": phone.format(p4=f"{rng.randrange(10000):04d}"),
        "email": f"{local}.{number}@example.com",
    }


def generate_orders(
    n_orders: int,
    seed: int,
    products: list[DemoProduct] | list[str],
    *,
    start: datetime = DEMO_START,
    first_number: int = DEMO_FIRST_NUMBER,
) -> list[dict]:
    """Order-line rows (dicts keyed by ORDER_FIELDS), grouped by order, in arrival order.

    `products` may be DemoProducts or bare SKUs, most popular first.
    """
    rng = random.Random(f"{seed}-orders")
    skus = [p if isinstance(p, str) else p.sku for p in products]
    popularity = _popularity(len(skus))
    rows: list[dict] = []
    moment = start
    for number in range(first_number, first_number + n_orders):
        moment += timedelta(seconds=rng.randint(20, 240))
        header = _order_header(rng, number, moment)
        line_count = min(_weighted(rng, LINES_PER_ORDER), len(skus))
        chosen: set[str] = set()
        while len(chosen) < line_count:
            chosen.add(rng.choices(skus, cum_weights=popularity)[0])
        for sku in sorted(chosen):
            if header["channel"] == "edi":  # shops reorder by the case
                quantity = rng.choice((6, 12, 24))
            else:
                quantity = _weighted(rng, ((1, 75), (2, 18), (3, 5), (4, 2)))
            rows.append({**header, "sku": sku, "quantity": quantity})
    return rows


def _order_header(rng: random.Random, number: int, moment: datetime) -> dict:
    channel = _weighted(rng, CHANNELS)
    order_ids = {"webshop": f"WS-{number}", "marketplace": f"MP-{number:08d}"}
    priority = _weighted(rng, ((0, 80), (1, 15), (2, 5)))
    ship_to = _ship_to(rng, channel, number)
    carrier, standard, express = rng.choice(COUNTRIES[ship_to["country"]][3])
    ship_by = moment + timedelta(hours=(24, 8, 4)[priority])
    return {
        "channel": channel,
        "order_id": order_ids.get(channel, f"EDI-45{number:08d}"),
        "order_date": moment.isoformat(timespec="seconds"),
        "priority": priority,
        "carrier": carrier,
        "service": express if priority else standard,
        "ship_by": ship_by.isoformat(timespec="seconds"),
        **ship_to,
    }


def orders_as_json(rows: list[dict]) -> dict:
    """The §6 JSON form of order-line rows: one object per order, ship_to and lines nested."""
    orders: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = (row["channel"], row["order_id"])
        if key not in orders:
            head = {f: row[f] for f in ORDER_FIELDS[:7]}
            orders[key] = {**head, "ship_to": {f: row[f] for f in ADDRESS_FIELDS}, "lines": []}
        orders[key]["lines"].append({"sku": row["sku"], "quantity": int(row["quantity"])})
    return {"orders": list(orders.values())}


def write_orders_csv(path: str | Path, rows: list[dict]) -> None:
    _write_csv(path, ORDER_FIELDS, rows)


def write_orders_json(path: str | Path, rows: list[dict]) -> None:
    text = json.dumps(orders_as_json(rows), ensure_ascii=False, indent=1)
    Path(path).write_text(text + "\n", encoding="utf-8")


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


# --- the whole site and its files -----------------------------------------------------------


def generate_site(seed: int = DEMO_SEED, n_orders: int = DEMO_ORDERS) -> DemoSite:
    layout = generate_layout()
    products = generate_products(seed=seed)
    orders = generate_orders(n_orders, seed, products)
    stock, out_of_stock = generate_stock(products, layout, orders, seed)
    return DemoSite(layout, products, stock, orders, generate_users(seed), out_of_stock)


PRODUCT_FIELDS = ["sku", "name", "gtin", "unit_weight_kg"]
# Optional import-products columns (docs/picking.md: the picker's scan checks).
SCAN_FIELDS = ["lot_controlled", "no_barcode"]
# Optional import-products columns (docs/packing.md: serials and the carton suggestion).
PACKING_FIELDS = ["serial_required", "length_cm", "width_cm", "height_cm"]


def product_rows(products: list[DemoProduct]) -> list[dict]:
    """§7 rows: one per GTIN, so a SKU with two GTINs has two rows (one with an empty GTIN for a
    product without a barcode), with the optional scan-rule columns."""
    return [
        {
            "sku": p.sku,
            "name": p.name,
            "gtin": gtin,
            "unit_weight_kg": f"{p.unit_weight_kg:.3f}",
            "lot_controlled": int(p.lot_controlled),
            "no_barcode": int(p.no_barcode),
        }
        | _packing_columns(p)
        for p in products
        for gtin in p.gtins or ("",)
    ]


def _packing_columns(product: DemoProduct) -> dict:
    sizes = product.dimensions_cm or ("", "", "")
    values = ["1" if product.serial_required else "0", *(f"{size}" for size in sizes)]
    return dict(zip(PACKING_FIELDS, values, strict=True))


def write_site(site: DemoSite, out: str | Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in ("layout.json", "products.csv", "stock.csv")}
    paths |= {name: out / name for name in ("orders.csv", "users.csv")}
    _write_layout(paths["layout.json"], site.layout)
    _write_csv(
        paths["products.csv"],
        PRODUCT_FIELDS + SCAN_FIELDS + PACKING_FIELDS,
        product_rows(site.products),
    )
    _write_csv(paths["stock.csv"], ["location", "sku", "quantity", "lot", "expiry"], site.stock)
    write_orders_csv(paths["orders.csv"], site.orders)
    _write_csv(paths["users.csv"], ["name", "role", "badge", "pin"], site.users)
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


def _write_csv(path: str | Path, fields: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


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
