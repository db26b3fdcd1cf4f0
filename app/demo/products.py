"""The demo's products: a seeded catalogue of six categories in English and Chinese, with
GTINs, weights, carton dimensions, lots for what expires, serials for electronics and loose
hardware without a barcode. Pure Python (app/demo/site_files.py writes them out)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from app.domain.gs1 import check_digit

DEMO_SEED = 20261201

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
