"""Import and allocation throughput for 10,000 orders (~30,000 lines), SQLite and PostgreSQL.

Ours (chunked bulk transactions, batched allocation with row locks) beside a naive baseline
(one transaction per order) in the same run, and ours again with the stock spread over three
warehouses (each order then ships complete from one of them, chosen by the sourcing rules).
PostgreSQL uses SHIPSHAPE_BENCH_PG_URL or SHIPSHAPE_TEST_PG_URL (a fresh database is created
and dropped).

    .venv/bin/python bench/import_allocate.py [--orders 10000] [--baseline-orders 1000]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import open_central  # noqa: E402
from app.demo import site_files  # noqa: E402
from app.services import allocation, intake, master_data  # noqa: E402
from app.services.order_files import read_order_file  # noqa: E402
from db.engine import normalize_url  # noqa: E402


def make_site(folder: Path, n_orders: int) -> Path:
    site = site_files.generate_site(n_orders=n_orders)
    site_files.write_site(site, folder)
    return folder


def prepare(url: str, folder: Path):
    central = open_central(url)
    master_data.import_layout(central.uow(), folder / "layout.json")
    master_data.import_products(central.uow(), folder / "products.csv")
    master_data.import_stock(central.uow(), folder / "stock.csv")
    return central


SITES = ("WH1", "WH2", "WH3")


def spread_over_sites(folder: Path) -> Path:
    """The site's files for three warehouses: the same layout three times (location codes
    prefixed by the warehouse, as codes are unique across the database), each location's stock
    split in three, so an order's units are found in every warehouse, a third as deep."""
    out = folder.parent / "three-sites"
    out.mkdir(exist_ok=True)
    layout = json.loads((folder / "layout.json").read_text(encoding="utf-8"))
    with (folder / "stock.csv").open(encoding="utf-8", newline="") as f:
        stock = list(csv.DictReader(f))
    for n, code in enumerate(SITES):
        prefix = "" if n == 0 else f"{code}-"
        site = dict(layout, name=f"{layout['name']} {code}")
        site["locations"] = [dict(loc, code=prefix + loc["code"]) for loc in layout["locations"]]
        (out / f"layout-{code}.json").write_text(json.dumps(site), encoding="utf-8")
        with (out / f"stock-{code}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(stock[0]))
            writer.writeheader()
            for row in stock:
                share = int(row["quantity"]) // 3 + (1 if n < int(row["quantity"]) % 3 else 0)
                writer.writerow(dict(row, location=prefix + row["location"], quantity=share))
    return out


def prepare_sites(url: str, folder: Path, sites: Path):
    central = open_central(url)
    master_data.import_products(central.uow(), folder / "products.csv")
    for code in SITES:
        master_data.import_layout(central.uow(), sites / f"layout-{code}.json", warehouse=code)
        master_data.import_stock(central.uow(), sites / f"stock-{code}.csv", warehouse=code)
    return central


def orders_per_warehouse(engine) -> dict[str, int]:
    """How many orders each warehouse ships (and that none is split over two)."""
    query = text(
        "SELECT ol.order_id, MIN(w.code), COUNT(DISTINCT w.code) FROM allocations a"
        " JOIN order_lines ol ON ol.id = a.order_line_id JOIN stock s ON s.id = a.stock_id"
        " JOIN locations l ON l.id = s.location_id JOIN warehouses w ON w.id = l.warehouse_id"
        " GROUP BY ol.order_id"
    )
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for _, code, spread in conn.execute(query):
            assert spread == 1, "an order split over warehouses"
            counts[code] = counts.get(code, 0) + 1
    return dict(sorted(counts.items()))


def measure(
    url: str, folder: Path, n_orders: int, chunk: int, batch: int, sites: Path | None = None
) -> tuple[float, float]:
    """(orders/s import, orders/s allocation) on a fresh database (of three warehouses when
    `sites` holds their files)."""
    central = prepare(url, folder) if sites is None else prepare_sites(url, folder, sites)
    drafts = read_order_file(folder / "orders.csv")[:n_orders]
    intake.CHUNK, allocation.BATCH = chunk, batch
    started = time.perf_counter()
    report = intake.import_orders(central.uow(), drafts)
    import_s = time.perf_counter() - started
    assert len(report.imported) == len(drafts), report.rejected[:3]
    started = time.perf_counter()
    result = allocation.allocate(central.uow())
    allocate_s = time.perf_counter() - started
    handled = len(result.allocated) + len(result.exceptions) + len(result.held)
    assert handled == len(drafts)
    if sites is not None:
        print(f"3 warehouses: orders allocated in each {orders_per_warehouse(central.engine)}")
    central.close()
    return len(drafts) / import_s, len(drafts) / allocate_s


class FreshDatabases:
    """Hands out fresh database URLs for one backend and cleans them up."""

    def __init__(self, pg_server: str | None, folder: Path) -> None:
        self.pg_server, self.folder, self.made = pg_server, folder, []

    def url(self, backend: str) -> str:
        name = f"bench_{uuid.uuid4().hex[:10]}"
        if backend == "sqlite":
            return f"sqlite:///{self.folder / name}.sqlite"
        server = make_url(normalize_url(self.pg_server))
        with create_engine(server, isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.made.append(name)
        return server.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if not self.made:
            return
        engine = create_engine(
            make_url(normalize_url(self.pg_server)), isolation_level="AUTOCOMMIT"
        )
        with engine.connect() as conn:
            for name in self.made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--baseline-orders", type=int, default=1_000)
    args = parser.parse_args()
    pg = os.environ.get("SHIPSHAPE_BENCH_PG_URL") or os.environ.get("SHIPSHAPE_TEST_PG_URL")
    backends = ["sqlite"] + (["postgresql"] if pg else [])
    results = {}
    chunk, batch = intake.CHUNK, allocation.BATCH  # ours: the shipped settings
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_site(Path(tmp) / "site", args.orders)
        sites = spread_over_sites(folder)
        lines = len((folder / "orders.csv").read_text(encoding="utf-8").splitlines()) - 1
        print(f"{args.orders} orders, {lines} lines; baseline on the first {args.baseline_orders}")
        databases = FreshDatabases(pg, Path(tmp))
        try:
            for backend in backends:
                ours = measure(databases.url(backend), folder, args.orders, chunk, batch)
                naive = measure(databases.url(backend), folder, args.baseline_orders, 1, 1)
                three = measure(databases.url(backend), folder, args.orders, chunk, batch, sites)
                results[backend] = (ours, naive, three)
        finally:
            databases.drop_all()
    print()
    print(f"{'backend':<11} {'method':<26} {'import orders/s':>16} {'allocate orders/s':>18}")
    for backend, (ours, naive, three) in results.items():
        print(f"{backend:<11} {'ours (batched)':<26} {ours[0]:>16.0f} {ours[1]:>18.0f}")
        print(f"{backend:<11} {'naive (1 order per txn)':<26} {naive[0]:>16.0f} {naive[1]:>18.0f}")
        print(f"{backend:<11} {'ours, 3 warehouses':<26} {three[0]:>16.0f} {three[1]:>18.0f}")
    print()
    for backend, suffix in (("sqlite", "sqlite"), ("postgresql", "pg")):
        if backend in results:
            ours = results[backend][0]
            print(f"RESULT import_orders_per_s_{suffix} {ours[0]:.0f} orders/s")
            print(f"RESULT allocate_orders_per_s_{suffix} {ours[1]:.0f} orders/s")
            three = results[backend][2]
            print(f"RESULT allocate_orders_per_s_3_sites_{suffix} {three[1]:.0f} orders/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
