"""Use case: seed a database with the demo site from resources/demo (INTERFACES.md formats)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

from app.services import allocation, intake, master_data, users, waves
from app.services.order_files import read_order_file
from app.services.packing_central import seed_package_types
from app.services.ports import UnitOfWork

DEMO_DIR = Path(__file__).resolve().parents[2] / "resources" / "demo"


def seed_demo(uow: UnitOfWork, folder: Path = DEMO_DIR, say: Callable[[str], None] = print) -> None:
    say(master_data.import_layout(uow, folder / "layout.json"))
    for name, step in (
        ("products", master_data.import_products),
        ("stock", master_data.import_stock),
    ):
        report = step(uow, folder / f"{name}.csv")
        say(f"{name}: {len(report.imported)} rows, {len(report.rejected)} rejected")
    seed_package_types(uow)  # the packing station's cartons
    for row in _demo_users(folder / "users.csv"):
        users.save_user(uow, row["name"], row["role"], row["badge"], row["pin"] or None)
    report = intake.import_orders(uow, read_order_file(folder / "orders.csv"))
    say(f"orders: {len(report.imported)} imported, {len(report.duplicates)} already there")
    result = allocation.allocate(uow)
    say(
        f"allocated {len(result.allocated)}, on hold {len(result.held)}, "
        f"exceptions {len(result.exceptions)}"
    )
    # Two released waves give the pickers work at once; the rest stays for the lead to plan.
    for _ in range(2):
        plan = waves.plan_wave(uow, capacity=8, wave_filter=waves.WaveFilter(max_orders=64))
        waves.save_wave(uow, plan, release=True)
        say(
            f"wave {plan.name}: {plan.order_count} orders on {len(plan.pick_lists)} carts, released"
        )


def _demo_users(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def is_seeded(uow: UnitOfWork) -> bool:
    with uow:
        return bool(uow.users.all())
