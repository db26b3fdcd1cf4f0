"""Use cases: set up the site from files (INTERFACES.md §7).

Each row is applied whole or rejected with its number and reason; running a file again changes
nothing that is already so (no doubling).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from app.domain.catalog import Product, StockItem
from app.domain.events import SYSTEM, Actor, Event
from app.domain.gs1 import normalize_gtin
from app.errors import BadInput
from app.routing.layout import load_layout
from app.services import allocation
from app.services.intake import ImportReport
from app.services.ports import UnitOfWork

PRODUCT_COLUMNS = ("sku", "name", "gtin", "unit_weight_kg")
# Optional product columns (docs/setup.md): scan rules and the unit's dimensions in cm.
PRODUCT_FLAGS = ("no_barcode", "lot_controlled", "serial_required")
PRODUCT_DIMENSIONS = ("length_cm", "width_cm", "height_cm")
TRUE_WORDS = {"1", "true", "yes", "y"}
FALSE_WORDS = {"", "0", "false", "no", "n"}
STOCK_COLUMNS = ("location", "sku", "quantity", "lot", "expiry")


def read_csv_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """(line number, row) pairs; the header is line 1. A missing column rejects the file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: cannot read the file ({exc})") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise BadInput(f"{path}: row 1: missing column(s) {', '.join(missing)}")
    for row in reader:
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}


def import_layout(uow: UnitOfWork, path: Path, actor: Actor = SYSTEM) -> str:
    """Create or update aisles and locations. Refuses (BadInput) to drop a location with stock."""
    layout = load_layout(path)
    document = _layout_document(path)
    with uow:
        wanted = {loc.code for loc in layout.locations}
        dropped = uow.catalog.location_codes() - wanted
        holding = uow.catalog.codes_holding_stock(dropped)
        if holding:
            sample = ", ".join(sorted(holding)[:5])
            raise BadInput(
                f"{path}: {len(holding)} location(s) missing from the new layout still hold stock "
                f"({sample}); move or zero that stock first"
            )
        kept, removed = uow.catalog.save_layout(layout, document)
        uow.events.add_all([Event("site.layout_imported", {"name": layout.name}, actor)])
        uow.commit()
    return f"layout {layout.name!r}: {kept} locations, {removed} removed"


def _layout_document(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def import_products(uow: UnitOfWork, path: Path, actor: Actor = SYSTEM) -> ImportReport:
    report = ImportReport()
    rows = list(read_csv_rows(path, PRODUCT_COLUMNS))
    with uow:
        owners = uow.catalog.gtin_owners(_gtins_in(rows))
        for line_no, row in rows:
            try:
                product, gtin = _product_from_row(row)
                if gtin and owners.get(gtin, product.sku) != product.sku:
                    raise BadInput(f"GTIN {row['gtin']} is already used by SKU {owners[gtin]}")
            except BadInput as exc:
                report.rejected.append(f"row {line_no}: {exc}")
                continue
            uow.catalog.upsert_product(product)
            if gtin and gtin not in owners:
                uow.catalog.add_gtin(gtin, product.sku)
                owners[gtin] = product.sku
            report.imported.append(product.sku)
        uow.events.add_all([Event("site.products_imported", {"rows": len(report.imported)}, actor)])
        uow.commit()
    return report


def _gtins_in(rows: list[tuple[int, dict]]) -> set[str]:
    found = set()
    for _, row in rows:
        with contextlib.suppress(ValueError):  # a bad GTIN is reported by its own row
            found.add(normalize_gtin(row["gtin"]))
    return found


def _product_from_row(row: dict) -> tuple[Product, str]:
    if not row["sku"]:
        raise BadInput("sku is empty")
    if not row["name"]:
        raise BadInput(f"name of {row['sku']} is empty")
    try:
        weight = float(row["unit_weight_kg"])
    except ValueError:
        raise BadInput(f"unit_weight_kg {row['unit_weight_kg']!r} is not a number") from None
    if not weight >= 0:
        raise BadInput(f"unit_weight_kg {row['unit_weight_kg']!r} must not be negative")
    gtin = ""
    if row["gtin"]:
        try:
            gtin = normalize_gtin(row["gtin"])
        except ValueError as exc:
            raise BadInput(str(exc)) from None
    product = Product(
        sku=row["sku"],
        name=row["name"],
        unit_weight_kg=weight,
        no_barcode=_flag(row, "no_barcode"),
        lot_controlled=_flag(row, "lot_controlled"),
        serial_required=_flag(row, "serial_required"),
        dimensions_cm=_dimensions(row),
    )
    return product, gtin


def _flag(row: dict, column: str) -> bool:
    value = row.get(column, "").lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise BadInput(f"{column} {row[column]!r} is not one of 1/0, true/false, yes/no")


def _dimensions(row: dict) -> tuple[float, float, float] | None:
    """Length, width, height in cm: all three positive numbers, or all three empty."""
    values = [row.get(column, "") for column in PRODUCT_DIMENSIONS]
    if not any(values):
        return None
    sizes = []
    for column, value in zip(PRODUCT_DIMENSIONS, values, strict=True):
        try:
            size = float(value)
        except ValueError:
            raise BadInput(f"{column} {value!r} is not a number of cm") from None
        if not 0 < size < 10_000:
            raise BadInput(f"{column} {value!r} must be more than 0 and less than 10000 cm")
        sizes.append(size)
    return sizes[0], sizes[1], sizes[2]


def import_stock(uow: UnitOfWork, path: Path, actor: Actor = SYSTEM) -> ImportReport:
    """Set the on-hand quantity of each (location, sku, lot) to the file's figure."""
    report = ImportReport()
    rows = list(read_csv_rows(path, STOCK_COLUMNS))
    with uow:
        locations = uow.catalog.location_codes()
        skus = uow.catalog.known_skus(row["sku"] for _, row in rows)
        changes = []
        for line_no, row in rows:
            try:
                item = _stock_from_row(row, locations, skus)
                current = uow.stock.get(item.location, item.sku, item.lot)
                if current is not None:
                    _check_not_below_reserved(current, item)
                    item.id, item.reserved = current.id, current.reserved
                uow.stock.set_on_hand(item)
            except BadInput as exc:
                report.rejected.append(f"row {line_no}: {exc}")
                continue
            report.imported.append(f"{item.location}/{item.sku}/{item.lot}")
            changes.append([item.location, item.sku, item.lot, item.on_hand])
        uow.events.add_all([Event("stock.set", {"rows": changes}, actor)])
        uow.commit()
    if changes:  # a count may have lifted a hold or brought stock in: waiting orders go first
        allocation.retry_waiting(uow, actor)  # each allocated order writes order.allocated
    return report


def _stock_from_row(row: dict, locations: set[str], skus: set[str]) -> StockItem:
    if row["location"] not in locations:
        raise BadInput(f"unknown location {row['location']!r}")
    if row["sku"] not in skus:
        raise BadInput(f"unknown SKU {row['sku']!r}")
    quantity = row["quantity"]
    if not quantity.isdigit():
        raise BadInput(f"quantity {quantity!r} is not a whole number of 0 or more")
    expiry = None
    if row["expiry"]:
        try:
            expiry = date.fromisoformat(row["expiry"])
        except ValueError:
            raise BadInput(f"expiry {row['expiry']!r} is not a YYYY-MM-DD date") from None
        if len(row["expiry"]) != 10:
            raise BadInput(f"expiry {row['expiry']!r} is not a YYYY-MM-DD date")
    return StockItem(row["location"], row["sku"], int(quantity), lot=row["lot"], expiry=expiry)


def _check_not_below_reserved(current: StockItem, item: StockItem) -> None:
    if item.on_hand < current.reserved:
        raise BadInput(
            f"{current.reserved} of {item.sku} lot {item.lot or '-'} at {item.location} are "
            f"reserved for orders; on hand cannot go down to {item.on_hand}"
        )
