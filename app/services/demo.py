"""Use case: seed a database with the demo site from resources/demo (docs/interfaces.md formats)."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from app.domain.events import utcnow
from app.domain.users import Role, SetUp, User
from app.errors import NotAllowed
from app.messages import message
from app.services import allocation, intake, master_data, pick_faces, receipts, users, waves
from app.services import site as site_settings
from app.services.order_files import OrderDraft, read_order_file
from app.services.packing_central import seed_package_types
from app.services.ports import UnitOfWork
from app.services.receipt_files import read_receipt_file

DEMO_DIR = Path(__file__).resolve().parents[2] / "resources" / "demo"
# The demo's orders arrived over the last ARRIVAL_SPAN before the seed, each keeping its own
# time to ship-by: standard (24 h) orders are due tomorrow, express ones today, and only the
# few 4-hour ones that came first are late.
ARRIVAL_SPAN = timedelta(hours=6)
LAST_ARRIVAL_BEFORE_NOW = timedelta(minutes=5)
DEMO_DAY = date(2026, 12, 1)  # the day resources/demo was generated for (app/demo/site_files.py)


def seed_demo(
    uow: UnitOfWork, setup: SetUp, folder: Path = DEMO_DIR, say: Callable[[str], None] = print
) -> None:
    """Seed an empty site as its set-up identity: it writes the site and the pickers and
    packers, and the demo's first lead; that lead then adds the other leads (only a lead makes
    a lead once the site has one), so `seed_demo` refuses a site that already has leads."""
    with uow:
        if uow.users.has_lead():  # refuse before writing anything
            raise NotAllowed(message("demo.site_has_leads"))
    actor = setup.actor
    say(master_data.import_layout(uow, folder / "layout.json", actor))
    report = master_data.import_products(uow, folder / "products.csv", actor)
    say(f"products: {len(report.imported)} rows, {len(report.rejected)} rejected")
    with tempfile.TemporaryDirectory() as scratch:
        stock_file = lots_as_of(folder / "stock.csv", utcnow().date(), Path(scratch))
        report = master_data.import_stock(uow, stock_file, actor)
    say(f"stock: {len(report.imported)} rows, {len(report.rejected)} rejected")
    if (folder / "pick_faces.csv").exists():  # a site folder from before pick faces has none
        report = pick_faces.import_pick_faces(uow, folder / "pick_faces.csv", actor)
        say(f"pick faces: {len(report.imported)} rows, {len(report.rejected)} rejected")
    seed_package_types(uow, actor=actor)  # the packing station's cartons
    site = site_settings.save_site(uow, site_settings.read_site_file(folder / "site.json"), actor)
    say(f"site: {site.name}, carriers {', '.join(c.code for c in site.carriers)}")
    _seed_users(uow, setup, folder / "users.csv")
    drafts = as_of(read_order_file(folder / "orders.csv"), utcnow())
    report = intake.import_orders(uow, drafts, actor)
    say(f"orders: {len(report.imported)} imported, {len(report.duplicates)} already there")
    result = allocation.allocate(uow, actor)
    say(
        f"allocated {len(result.allocated)}, on hold {len(result.held)}, "
        f"exceptions {len(result.exceptions)}"
    )
    _seed_receipts(uow, folder / "receipts.csv", actor, say)
    # Two released waves give the pickers work at once; the rest stays for the lead to plan.
    for _ in range(2):
        plan = waves.plan_wave(uow, capacity=8, wave_filter=waves.WaveFilter(max_orders=64))
        waves.save_wave(uow, plan, release=True, actor=actor)
        say(
            f"wave {plan.name}: {plan.order_count} orders on {len(plan.pick_lists)} carts, released"
        )


def lots_as_of(stock_csv: Path, today: date, scratch: Path) -> Path:
    """The demo's stock (or receipts) file with its expiry dates moved on by the days since DEMO_DAY, so a
    demo seeded months later has no expired lots (allocation would refuse them)."""
    days = (today - DEMO_DAY).days
    if days <= 0:
        return stock_csv
    with stock_csv.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        if row.get("expiry"):
            row["expiry"] = (date.fromisoformat(row["expiry"]) + timedelta(days=days)).isoformat()
    moved = scratch / stock_csv.name
    with moved.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return moved


def _seed_receipts(uow: UnitOfWork, path: Path, actor, say: Callable[[str], None]) -> None:
    """Deliveries on their way (docs/stock.md): the clerk has something to receive, and
    receiving it allocates the orders that wait for those products."""
    if not path.exists():
        return
    with tempfile.TemporaryDirectory() as scratch:
        moved = lots_as_of(path, utcnow().date(), Path(scratch))
        report = receipts.import_receipts(uow, read_receipt_file(moved), actor)
    say(f"receipts: {len(report.imported)} open, {len(report.rejected)} rejected")


def as_of(drafts: list[OrderDraft], now: datetime) -> list[OrderDraft]:
    """The file's orders moved to have arrived in the hours before `now`: a demo seeded any day
    shows a realistic floor, not a queue of orders late for days. Arrival order and each order's
    time to ship-by are kept. Dates that do not parse are left for intake to report."""
    arrivals = [_moment(d.header.get("order_date")) for d in drafts]
    known = [m for m in arrivals if m is not None]
    if not known:
        return drafts
    first, last = min(known), max(known)
    squeeze = min(1.0, ARRIVAL_SPAN / (last - first)) if last > first else 1.0
    end = now - LAST_ARRIVAL_BEFORE_NOW
    for draft, arrived in zip(drafts, arrivals, strict=True):
        if arrived is None:
            continue
        moved = end - (last - arrived) * squeeze
        draft.header["order_date"] = moved.isoformat(timespec="seconds")
        ship_by = _moment(draft.header.get("ship_by"))
        if ship_by is not None:
            draft.header["ship_by"] = (moved + (ship_by - arrived)).isoformat(timespec="seconds")
    return drafts


def _moment(value) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _seed_users(uow: UnitOfWork, setup: SetUp, path: Path) -> None:
    by: User | SetUp = setup
    for row in _demo_users(path):
        user = users.save_user(
            uow, row["name"], row["role"], row["badge"], row["pin"] or None, by=by, station="demo"
        )
        if isinstance(by, SetUp) and user.role is Role.LEAD:
            by = user  # the first lead adds the rest


def _demo_users(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def is_seeded(uow: UnitOfWork) -> bool:
    with uow:
        return bool(uow.users.all())
