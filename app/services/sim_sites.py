"""The warehouses `shipshape simulate --warehouses N` runs its stations in: SIM1..SIMN, each
set up the way a site sets one up (a layout, the demo's products, stock), and on every run
given fresh orders of its own that are allocated from its stock and released in waves routed
on its layout, so each warehouse's stations find work of their own.

Why SIM codes and not the site's own warehouses: a load test takes units out of stock and
closes pick lists; it must not touch a real warehouse's stock or work. A SIM warehouse made by
an earlier run is reused (its layout and stock are left as they are).
"""

from __future__ import annotations

import csv
import json
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from app.demo.site_files import generate_layout
from app.domain.events import Actor, utcnow
from app.errors import BadInput
from app.messages import message
from app.services import allocation, intake, layouts, master_data, waves
from app.services import site as site_settings
from app.services.demo import DEMO_DIR
from app.services.order_files import read_order_file
from app.services.ports import UnitOfWork
from app.services.wave_plan import WaveFilter

PRODUCTS = 240  # plain products each SIM warehouse stocks (no lots, serials or missing barcodes)
STOCK_PER_ROW = 100_000  # units per stock row: enough for many runs
AISLES = 4  # 1,280 locations
ORDER_COLUMNS = ("channel", "order_id", "order_date", "priority", "carrier", "service", "ship_by")
ADDRESS = {
    "name": "Sim Customer",
    "company": "",
    "street1": "1 Load Test Road",
    "street2": "",
    "city": "Rotterdam",
    "region": "",
    "postal_code": "3011AA",
    "country": "NL",
    "phone": "",
    "email": "",
}
CARRIER = "SF Express"  # every simulated order's: a loader binds its cage to it
WAVE_ORDERS = 64  # orders per released wave (as the demo's)
CART = 8  # orders per pick list


@dataclass(frozen=True)
class Demand:
    units: int
    orders: int  # at least


def sim_code(n: int) -> str:
    return f"SIM{n}"


def sim_channel(code: str) -> str:
    """The channel of a SIM warehouse's orders (db/sim_work.py allocates them by it)."""
    return f"sim-{code}"


@dataclass
class SiteWork:
    code: str
    created: bool
    orders: int
    allocated: int
    waves: int


def prepare(
    uow: Callable[[str | None], UnitOfWork],
    allocating: Callable[[str], UnitOfWork],
    count: int,
    stations: int,
    units: int,
    actor: Actor,
) -> list[SiteWork]:
    """SIM1..SIM<count> with about `units` units of released pick work each, on at least one
    cart per station (each starts with a list of its own). `uow(code)` opens
    a unit of work for a warehouse (None: no limit); `allocating(code)` one whose allocation
    reserves that warehouse's stock for its channel's orders (db/sim_work.py)."""
    plain = _plain_products(uow(None), actor)
    with uow(None) as work:
        known = {w.code for w in work.warehouses.all()}
    done = []
    with tempfile.TemporaryDirectory(prefix="shipshape-sim-site-") as scratch:
        folder = Path(scratch)
        for n in range(1, count + 1):
            code = sim_code(n)
            created = code not in known
            if created:
                _create(uow(None), code, plain, folder, actor)
            if site_settings.current_site(uow(code)) is None:  # made before SIMs packed
                _settings(uow(code), n, actor)
            demand = Demand(units, stations * CART)
            done.append(_give_work(uow, allocating, code, plain, demand, folder, actor))
            done[-1].created = created
    return done


def _plain_products(uow: UnitOfWork, actor: Actor) -> list[str]:
    """The demo's products (imported when central lacks them); the first PRODUCTS plain ones."""
    path = DEMO_DIR / "products.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    plain = [
        r["sku"]
        for r in rows
        if not any(
            r.get(flag) == "1" for flag in ("lot_controlled", "no_barcode", "serial_required")
        )
    ][:PRODUCTS]
    with uow:
        missing = set(plain) - set(uow.catalog.known_skus(plain))
    if missing:
        master_data.import_products(uow, path, actor)
    return plain


def _create(uow: UnitOfWork, code: str, skus: list[str], folder: Path, actor: Actor) -> None:
    """A layout (location codes start with the warehouse's code: they are unique across
    warehouses), then one stock row per product on the lowest levels."""
    layout = generate_layout(AISLES, name=f"Simulated warehouse {code}")
    for location in layout["locations"]:
        location["code"] = f"{code}-{location['code']}"
    path = folder / f"{code}-layout.json"
    path.write_text(json.dumps(layout), encoding="utf-8")
    layouts.import_layout(uow, path, actor, warehouse=code)
    low = [loc["code"] for loc in layout["locations"] if loc["level"] <= 2]
    path = folder / f"{code}-stock.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(master_data.STOCK_COLUMNS)
        for location, sku in zip(low, skus, strict=False):
            out.writerow([location, sku, STOCK_PER_ROW, "", ""])
    report = master_data.import_stock(uow, path, actor, warehouse=code)
    if report.rejected:
        raise BadInput(message("sim.stock_refused", code=code, rows=report.rejected[:3]))


def _settings(uow: UnitOfWork, n: int, actor: Actor) -> None:
    """The warehouse's own site settings (a warehouse's cartons draw its own numbers): the
    demo's, with the one carrier of the simulated orders, and SSCC serials and tracking numbers
    from a range of their own (the n-th 100 millionth), so no SIM warehouse's carton takes a
    number of another's or of the site's first warehouse."""
    document = site_settings.read_site_file(DEMO_DIR / "site.json")
    document["name"] = f"Simulated warehouse {sim_code(n)}"
    document["sscc_serial"] = {"next": n * 10**8 + 1, "last": n * 10**8 + 10**8 - 1}
    carrier = next(c for c in document["carriers"] if c["name"] == CARRIER)
    carrier["tracking"] |= {"next": n * 10**11 + 1, "last": n * 10**11 + 10**11 - 1}
    document["carriers"] = [carrier]
    site_settings.save_site(uow, document, actor)


def _give_work(
    uow: Callable[[str | None], UnitOfWork],
    allocating: Callable[[str], UnitOfWork],
    code: str,
    skus: list[str],
    demand: Demand,
    folder: Path,
    actor: Actor,
) -> SiteWork:
    """Orders of this warehouse's channel for the demand, allocated from its stock and
    released in waves planned on its layout."""
    path = folder / f"{code}-orders.csv"
    _write_orders(path, code, skus, demand)
    report = intake.import_orders(uow(None), read_order_file(path), actor)
    allocated = allocation.allocate(allocating(code), actor)
    released = 0
    only_these = WaveFilter(channel=sim_channel(code), max_orders=WAVE_ORDERS)
    while True:
        try:
            plan = waves.plan_wave(uow(code), capacity=CART, wave_filter=only_these)
            waves.save_wave(uow(code), plan, release=True, actor=actor)
        except BadInput:  # nothing left to plan
            break
        released += 1
    return SiteWork(code, False, len(report.imported), len(allocated.allocated), released)


def _write_orders(path: Path, code: str, skus: list[str], demand: Demand) -> None:
    """Orders of 1-3 lines of 1-2 units each, dealt over the products in turn."""
    run, now = secrets.token_hex(3), utcnow()
    header = [*ORDER_COLUMNS, *ADDRESS, "sku", "quantity"]
    written = n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        while written < demand.units or n < demand.orders:
            n += 1
            head = [sim_channel(code), f"{code}-{run}-{n:05d}", now.isoformat(), 0]
            head += [CARRIER, "Standard", (now + timedelta(days=1)).isoformat()]
            for line in range(1 + n % 3):
                quantity = 1 + (n + line) % 2
                sku = skus[(n * 3 + line) % len(skus)]
                out.writerow([*head, *ADDRESS.values(), sku, quantity])
                written += quantity
