"""Allocation and migrations on a real PostgreSQL, with allocators racing on real connections."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from app.bootstrap import open_central
from app.services import allocation, intake, master_data
from app.services.order_files import read_order_file
from db import migrate
from db.schema import allocations, stock
from tests.integration.site_files import order_row, write_orders, write_site


def test_migrations_reach_head_on_postgresql(pg_url):
    central = open_central(pg_url)
    assert migrate.is_current(central.engine)
    assert migrate.current_revisions(central.engine) == migrate.head_revisions() != set()
    central.close()


def seed(central, tmp_path, n_orders: int) -> None:
    paths = write_site(tmp_path / "site")
    master_data.import_layout(central.uow(), paths["layout.json"])
    master_data.import_products(central.uow(), paths["products.csv"])
    master_data.import_stock(central.uow(), paths["stock.csv"])
    # 100 BOLT in stock; 3 units per order: at most 33 orders can be allocated.
    rows = [order_row(f"SO-{n}", "BOLT", "3") for n in range(n_orders)]
    intake.import_orders(central.uow(), read_order_file(write_orders(tmp_path / "o.csv", *rows)))


def test_racing_allocators_never_allocate_a_unit_twice(pg_url, tmp_path):
    central = open_central(pg_url)
    seed(central, tmp_path, n_orders=80)
    allocation.BATCH, saved = 5, allocation.BATCH  # small batches: many interleavings
    start = threading.Barrier(4)
    reports, errors = [], []

    def run() -> None:
        try:
            start.wait()
            reports.append(allocation.allocate(open_central(pg_url).uow()))
        except Exception as exc:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        allocation.BATCH = saved
    assert errors == []
    allocated = [o for r in reports for o in r.allocated]
    exceptions = [o for r in reports for o in r.exceptions]
    assert len(allocated) == 33 and len(exceptions) == 47
    assert len(set(allocated + exceptions)) == 80  # every order handled exactly once
    assert sum(len(r.allocated) for r in reports if r.allocated) == 33
    with central.engine.connect() as conn:
        reserved = conn.execute(select(func.sum(allocations.c.quantity))).scalar()
        on_hand, held = conn.execute(
            select(stock.c.on_hand, stock.c.reserved).where(stock.c.on_hand == 100)
        ).one()
    assert reserved == held == 99 <= on_hand
    central.close()
