"""Use cases: set up the site from files (docs/interfaces.md §7).

Each row is applied whole or rejected with its number and reason; running a file again changes
nothing that is already so (no doubling).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from app.domain import fields
from app.domain.catalog import Product, StockItem
from app.domain.events import SYSTEM, Actor, Event, utcnow
from app.domain.fields import INT32_MAX, FieldProblem
from app.domain.gs1 import normalize_gtin
from app.domain.stock_ledger import Movement, MovementKind
from app.domain.warehouses import Warehouse
from app.errors import BadInput
from app.services import allocation, warehouses
from app.services.intake import ImportReport, fits_text
from app.services.layouts import import_layout as import_layout  # its callers import it here
from app.services.order_files import csv_records, read_text_file
from app.services.ports import UnitOfWork

PRODUCT_COLUMNS = ("sku", "name", "gtin", "unit_weight_kg")
# Optional product columns (docs/setup.md): scan rules and the unit's dimensions in cm.
PRODUCT_FLAGS = ("no_barcode", "lot_controlled", "serial_required")
PRODUCT_DIMENSIONS = ("length_cm", "width_cm", "height_cm")
STOCK_COLUMNS = ("location", "sku", "quantity", "lot", "expiry")
# Longest text per column (db/schema.py) and the ranges of numbers; docs/setup.md lists them.
LIMITS = {"sku": 60, "name": 200, "location": 60, "lot": 40, "gtin": 40}  # gtin: then checked
MAX_WEIGHT_KG = 10_000.0
MAX_SIZE_CM = 10_000.0


def read_csv_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """(line number, row) pairs; the header is line 1. A missing column rejects the file."""
    text = read_text_file(path)
    yield from csv_records(path, text, partial(_check_columns, path, columns))


def _check_columns(path: Path, columns: tuple[str, ...], found: list[str]) -> None:
    missing = [c for c in columns if c not in found]
    if missing:
        raise BadInput(f"{path}: row 1: missing column(s) {', '.join(missing)}")


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
    sku = fields.text(row["sku"], "sku", LIMITS["sku"], required=True)
    name = fields.text(row["name"], "name", LIMITS["name"], required=True)
    weight = fields.finite_number(row["unit_weight_kg"], "unit_weight_kg", 0.0, MAX_WEIGHT_KG)
    gtin = fields.text(row["gtin"], "gtin", LIMITS["gtin"])
    if gtin:
        try:
            gtin = normalize_gtin(gtin)
        except ValueError as exc:
            raise BadInput(str(exc)) from None
    product = Product(
        sku=sku,
        name=name,
        unit_weight_kg=weight,
        no_barcode=fields.flag(row.get("no_barcode", ""), "no_barcode"),
        lot_controlled=fields.flag(row.get("lot_controlled", ""), "lot_controlled"),
        serial_required=fields.flag(row.get("serial_required", ""), "serial_required"),
        dimensions_cm=_dimensions(row),
    )
    return product, gtin


def _dimensions(row: dict) -> tuple[float, float, float] | None:
    """Length, width, height in cm: all three positive numbers, or all three empty."""
    values = [row.get(column, "") for column in PRODUCT_DIMENSIONS]
    if not any(values):
        return None
    sizes = []
    for column, value in zip(PRODUCT_DIMENSIONS, values, strict=True):
        size = fields.finite_number(value, column, 0.0, MAX_SIZE_CM, unit="cm")
        if size == 0:
            raise FieldProblem(
                "out_of_range",
                field=column,
                value=fields.shown(value),
                minimum="more than 0",
                maximum=MAX_SIZE_CM,
            )
        sizes.append(size)
    return sizes[0], sizes[1], sizes[2]


def import_stock(
    uow: UnitOfWork, path: Path, actor: Actor = SYSTEM, warehouse: str | None = None
) -> ImportReport:
    """Set the on-hand quantity of each (location, sku, lot) to the file's figure. Locations
    are the chosen warehouse's (`warehouse`, a code; else the only one): a row naming another
    warehouse's location is rejected, saying which."""
    report = ImportReport()
    rows = list(read_csv_rows(path, STOCK_COLUMNS))
    with uow:
        chosen = warehouses.chosen(uow, warehouse)
        locations = uow.catalog.location_codes(chosen.id if chosen else None)
        elsewhere = uow.catalog.warehouses_of(
            str(row["location"]).strip() for _, row in rows if row["location"] not in locations
        )
        skus = uow.catalog.known_skus(
            row["sku"] for _, row in rows if fits_text(row["sku"], LIMITS["sku"])
        )
        changes = []
        for line_no, row in rows:
            try:
                item = _stock_from_row(row, locations, skus, elsewhere)
                _set_stock(uow, item, actor)
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


def _set_stock(uow: UnitOfWork, item: StockItem, actor: Actor) -> None:
    """The file's figure as the row's on-hand, the change written to the stock ledger (an
    import is a count done at the desk: it lifts a hold too)."""
    current = uow.stock.get(item.location, item.sku, item.lot)
    if current is not None:
        _check_not_below_reserved(current, item)
    change = item.on_hand - (current.on_hand if current else 0)
    if change:
        at = utcnow()
        movement = Movement(
            MovementKind.IMPORT, item.location, item.sku, item.lot, change, actor, at
        )
        uow.stock.change(movement, item.expiry)
        current = uow.stock.get(item.location, item.sku, item.lot)
    if current is not None:
        item.id, item.reserved = current.id, current.reserved
    uow.stock.set_on_hand(item)  # expiry, and the hold lifted


def _stock_from_row(
    row: dict, locations: set[str], skus: set[str], elsewhere: dict[str, Warehouse]
) -> StockItem:
    """`elsewhere`: the warehouse of each location that is not the chosen warehouse's."""
    location = fields.text(row["location"], "location", LIMITS["location"], required=True)
    sku = fields.text(row["sku"], "sku", LIMITS["sku"], required=True)
    if location in elsewhere:
        raise BadInput(f"location {location!r} is in warehouse {elsewhere[location].code}")
    if location not in locations:
        raise BadInput(f"unknown location {location!r}")
    if sku not in skus:
        raise BadInput(f"unknown SKU {sku!r}")
    quantity = fields.whole_number(row["quantity"], "quantity", 0, INT32_MAX)
    lot = fields.text(row["lot"], "lot", LIMITS["lot"])
    expiry = fields.calendar_date(row["expiry"], "expiry")
    return StockItem(location, sku, quantity, lot=lot, expiry=expiry)


def _check_not_below_reserved(current: StockItem, item: StockItem) -> None:
    if item.on_hand < current.reserved:
        raise BadInput(
            f"{current.reserved} of {item.sku} lot {item.lot or '-'} at {item.location} are "
            f"reserved for orders; on hand cannot go down to {item.on_hand}"
        )
