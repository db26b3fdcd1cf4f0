"""Allocators racing over three warehouses with scarce stock (tests/pg): the site, the race,
and what must hold after it."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from sqlalchemy import func, select

from app.bootstrap import open_central
from app.services import allocation, intake, master_data
from app.services.allocation import AllocationReport
from app.services.order_files import read_order_file
from db.schema import allocations, locations, order_lines, stock
from tests.integration.site_files import order_row, write_orders, write_site
from tests.integration.warehouses.three_sites import NORTH
from tests.integration.warehouses.two_sites import WEST

STOCK = {  # besides WH1's own (BOLT 100, GLUE 4: tests/integration/site_files.py)
    "WEST": "W01-001,BOLT,20,,\nW01-002,GLUE,10,,\n",
    "NORTH": "N01-001,BOLT,12,,\nN01-002,GLUE,30,,\n",
}


def seed(url: str, folder: Path, n_orders: int) -> None:
    """WH1, WEST and NORTH stocked; `n_orders` orders of BOLT 3 + GLUE 1 each."""
    central = open_central(url)
    try:
        paths = write_site(folder / "site")
        master_data.import_layout(central.uow(), paths["layout.json"])
        master_data.import_products(central.uow(), paths["products.csv"])
        master_data.import_stock(central.uow(), paths["stock.csv"])
        for code, layout in (("WEST", WEST), ("NORTH", NORTH)):
            path = folder / f"{code}.json"
            path.write_text(json.dumps(layout), encoding="utf-8")
            master_data.import_layout(central.uow(), path, warehouse=code)
            rows = folder / f"{code}.csv"
            rows.write_text("location,sku,quantity,lot,expiry\n" + STOCK[code], encoding="utf-8")
            master_data.import_stock(central.uow(), rows, warehouse=code)
        lines = [
            order_row(f"SO-{n}", sku, quantity)
            for n in range(n_orders)
            for sku, quantity in (("BOLT", "3"), ("GLUE", "1"))
        ]
        orders = read_order_file(write_orders(folder / "orders.csv", *lines))
        intake.import_orders(central.uow(), orders)
    finally:
        central.close()


def race(url: str, allocators: int) -> tuple[list[AllocationReport], list[Exception]]:
    """`allocators` threads, each on its own connection, start `allocate` at the same moment."""
    start = threading.Barrier(allocators)
    reports: list[AllocationReport] = []
    errors: list[Exception] = []

    def run() -> None:
        central = open_central(url)
        try:
            start.wait()
            reports.append(allocation.allocate(central.uow()))
        except Exception as exc:  # noqa: BLE001 - surfaced by the caller's assertion
            errors.append(exc)
        finally:
            central.close()

    threads = [threading.Thread(target=run) for _ in range(allocators)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return reports, errors


def check_reservations(url: str, allocated_orders: int) -> None:
    """No stock row reserved beyond its on-hand, each row's reservation the sum of its
    allocations, and every allocated order whole from exactly one warehouse."""
    central = open_central(url)
    try:
        with central.engine.connect() as conn:
            per_row = (
                select(allocations.c.stock_id, func.sum(allocations.c.quantity).label("units"))
                .group_by(allocations.c.stock_id)
                .subquery()
            )
            rows = conn.execute(
                select(stock.c.id, stock.c.on_hand, stock.c.reserved, per_row.c.units).outerjoin(
                    per_row, per_row.c.stock_id == stock.c.id
                )
            ).all()
            per_order = conn.execute(
                select(
                    order_lines.c.order_id,
                    func.count(func.distinct(locations.c.warehouse_id)),
                    func.sum(allocations.c.quantity),
                )
                .join(allocations, allocations.c.order_line_id == order_lines.c.id)
                .join(stock, stock.c.id == allocations.c.stock_id)
                .join(locations, locations.c.id == stock.c.location_id)
                .group_by(order_lines.c.order_id)
            ).all()
    finally:
        central.close()
    for row in rows:
        assert 0 <= row.reserved <= row.on_hand, row
        assert row.reserved == (row.units or 0), row
    assert len(per_order) == allocated_orders
    assert {(warehouses, units) for _ref, warehouses, units in per_order} == {(1, 4)}
