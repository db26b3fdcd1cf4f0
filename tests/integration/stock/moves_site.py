"""A tiny site for the move and replenishment tests (SQLite here, PostgreSQL in tests/pg):
two aisles of three locations, a loose product with a pick face and reserve stock, a
lot-controlled one in two lots at one location, a clerk and a picker."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import open_central
from app.domain.events import SYSTEM
from app.services import allocation, intake, master_data, pick_faces, users, waves
from app.services.order_files import read_order_file
from db.schema import replenishments, stock_movements
from tests.integration.site_files import LAYOUT, order_row, write_orders

FACE, RESERVE, LOTS, EMPTY = "A01-001-L-1", "A02-003-L-1", "A01-002-L-1", "A02-001-L-1"
BOLT_GTIN, MILK_GTIN = "4006381333931", "9501101020917"
CLERK_BADGE, PICKER_BADGE = "2001", "2002"
PRODUCTS = """sku,name,gtin,unit_weight_kg,no_barcode,lot_controlled,serial_required
BOLT,Bolt M8,4006381333931,0.01,0,0,0
MILK,Milk 1 l,9501101020917,1.03,0,1,0
"""
STOCK = f"""location,sku,quantity,lot,expiry
{FACE},BOLT,20,,
{LOTS},MILK,5,L1,2027-01-20
{LOTS},MILK,6,L3,2027-03-01
"""
RESERVE_STOCK = f"""location,sku,quantity,lot,expiry
{RESERVE},BOLT,100,,
"""
FACES = f"""location,sku,min,max
{FACE},BOLT,10,40
"""


def milk(lot: str) -> str:
    """A GS1 element string with the lot (AI 10), as a lot label scans."""
    return f"01{'0' + MILK_GTIN}10{lot}"


def tiny_site(url: str, folder: Path, *, reserve: bool = True, faces: bool = True):
    """A migrated, filled central; returns it open."""
    central = open_central(url)
    setup = central.setup_identity()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.json").write_text(json.dumps(LAYOUT))
    (folder / "products.csv").write_text(PRODUCTS)
    (folder / "stock.csv").write_text(STOCK)
    master_data.import_layout(central.uow(), folder / "layout.json")
    master_data.import_products(central.uow(), folder / "products.csv")
    master_data.import_stock(central.uow(), folder / "stock.csv")
    if reserve:
        add_reserve(central, folder)
    if faces:
        add_faces(central, folder)
    users.save_user(central.uow(), "Sanne de Vries", "clerk", CLERK_BADGE, None, by=setup)
    users.save_user(central.uow(), "Jan de Boer", "picker", PICKER_BADGE, None, by=setup)
    return central


def add_reserve(central, folder: Path) -> None:
    (folder / "reserve.csv").write_text(RESERVE_STOCK)
    master_data.import_stock(central.uow(), folder / "reserve.csv")


def add_faces(central, folder: Path, text: str = FACES) -> None:
    (folder / "faces.csv").write_text(text)
    report = pick_faces.import_pick_faces(central.uow(), folder / "faces.csv")
    assert not report.rejected, report.rejected


def order_bolts(central, folder: Path, quantity: int, order_id: str = "SO-1") -> None:
    path = write_orders(folder / f"{order_id}.csv", order_row(order_id, "BOLT", str(quantity)))
    intake.import_orders(central.uow(), read_order_file(path), SYSTEM)
    allocation.allocate(central.uow())


def plan_and_release(central) -> int:
    plan = waves.plan_wave(central.uow(), capacity=8)
    return waves.save_wave(central.uow(), plan, release=True)


def open_tasks(central) -> list:
    with central.engine.connect() as conn:
        query = select(replenishments).where(replenishments.c.status == "open")
        return conn.execute(query).all()


def all_tasks(central) -> list:
    with central.engine.connect() as conn:
        return conn.execute(select(replenishments).order_by(replenishments.c.id)).all()


def ledger(central) -> list:
    """The ledger since the site was set up (its imports left out)."""
    since_set_up = stock_movements.c.kind != "import"
    with central.engine.connect() as conn:
        query = select(stock_movements).where(since_set_up).order_by(stock_movements.c.id)
        return conn.execute(query).all()


def on_hand(central, location: str, sku: str, lot: str = "") -> int:
    with central.uow() as uow:
        item = uow.stock.get(location, sku, lot)
    return 0 if item is None else item.on_hand
