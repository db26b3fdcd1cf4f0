"""Small site files in the formats of docs/interfaces.md, for the CLI tests."""

from __future__ import annotations

import json
from pathlib import Path

from app.services.order_files import CSV_COLUMNS

LAYOUT = {
    "format": "shipshape.layout/1",
    "name": "Test DC",
    "aisle_length": 20.0,
    "aisles": [{"id": "A01", "x": 0.0}, {"id": "A02", "x": 4.0}],
    "cross_aisles": [0.0, 20.0],
    "depot": {"x": 0.0, "y": 0.0},
    "locations": [
        {"code": f"A0{a}-00{b}-L-1", "aisle": f"A0{a}", "y": 2.0 * b, "side": "L", "level": 1}
        for a in (1, 2)
        for b in (1, 2, 3)
    ],
}
PRODUCTS = """sku,name,gtin,unit_weight_kg
MILK,Milk 1 l,4006381333931,1.03
MILK,Milk 1 l,036000291452,1.03
BOLT,Bolt M8,,0.01
GLUE,Glue,9501101020917,0.2
"""
STOCK = """location,sku,quantity,lot,expiry
A01-001-L-1,MILK,5,L3,2027-03-01
A01-002-L-1,MILK,5,L1,2026-12-20
A02-001-L-1,BOLT,100,,
A02-002-L-1,GLUE,4,,
"""


def order_row(order_id: str, sku: str, quantity: str = "1", **overrides) -> str:
    values = dict.fromkeys(CSV_COLUMNS, "")
    values.update(
        channel="web",
        order_id=order_id,
        priority="0",
        name="Anna Schmidt",
        street1="Hauptstr. 1",
        city="Köln",
        postal_code="50667",
        country="DE",
        sku=sku,
        quantity=quantity,
    )
    values.update(overrides)
    return ",".join(values[c] for c in CSV_COLUMNS)


def write_site(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / name for name in ("layout.json", "products.csv", "stock.csv")}
    paths["layout.json"].write_text(json.dumps(LAYOUT))
    paths["products.csv"].write_text(PRODUCTS)
    paths["stock.csv"].write_text(STOCK)
    return paths


def write_orders(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([",".join(CSV_COLUMNS), *rows]) + "\n", encoding="utf-8")
    return path


def import_site(run_cli, url: str, folder: Path) -> dict[str, Path]:
    """Write the tiny site and import it through the CLI, as a person would: the test created
    the database, so it runs as the site's set-up identity (its owner, docs/setup.md)."""
    paths = write_site(folder)
    for command, key in (
        ("import-layout", "layout.json"),
        ("import-products", "products.csv"),
        ("import-stock", "stock.csv"),
    ):
        status, _, err = run_cli(command, paths[key], "--database", url)
        assert status == 0, err
    return paths
