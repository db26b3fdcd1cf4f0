"""A small site for the slotting tests: one aisle pair, a fast mover slotted far from the depot,
a slow one on the nearest location, and a history of picked orders of the fast one."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import open_central
from app.domain.events import SYSTEM, Actor
from app.domain.fact_payloads import PickConfirmed
from app.services import allocation, intake, master_data, pick_faces, users, waves
from app.services.facts import apply_facts
from app.services.order_files import read_order_file
from db.schema import pick_tasks
from tests.integration.site_files import order_row, write_orders

NEAR, FAR = "A01-001-L-1", "A02-020-L-1"
FAST_GTIN, SLOW_GTIN = "4006381333931", "9501101020917"
CLERK, LEAD, LEAD_PIN = "2001", "1011", "246810"
LAYOUT = {
    "format": "shipshape.layout/1",
    "name": "Slotting DC",
    "aisle_length": 42.0,
    "aisles": [{"id": "A01", "x": 0.0}, {"id": "A02", "x": 4.0}],
    "cross_aisles": [0.0, 42.0],
    "depot": {"x": 0.0, "y": 0.0},
    "locations": [
        {"code": f"A0{a}-{b:03d}-L-1", "aisle": f"A0{a}", "y": 2.0 * b, "side": "L", "level": 1}
        for a in (1, 2)
        for b in range(1, 21)
    ],
}
PRODUCTS = f"""sku,name,gtin,unit_weight_kg,no_barcode,lot_controlled,serial_required
FAST,Fast seller,{FAST_GTIN},0.1,0,0,0
SLOW,Slow seller,{SLOW_GTIN},0.1,0,0,0
"""
STOCK = f"""location,sku,quantity,lot,expiry
{FAR},FAST,30,,
{NEAR},SLOW,4,,
"""
FACES = f"""location,sku,min,max
{FAR},FAST,2,40
{NEAR},SLOW,1,8
"""


def slotting_site(url: str, folder: Path, picked_orders: int = 4):
    """A migrated central with `picked_orders` orders of FAST picked today; returned open."""
    central = open_central(url)
    setup = central.setup_identity()
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("products.csv", PRODUCTS), ("stock.csv", STOCK), ("faces.csv", FACES)):
        (folder / name).write_text(text)
    (folder / "layout.json").write_text(json.dumps(LAYOUT))
    master_data.import_layout(central.uow(), folder / "layout.json")
    master_data.import_products(central.uow(), folder / "products.csv")
    master_data.import_stock(central.uow(), folder / "stock.csv")
    assert not pick_faces.import_pick_faces(central.uow(), folder / "faces.csv").rejected
    lead = users.save_user(central.uow(), "Lena", "lead", LEAD, LEAD_PIN, by=setup)
    users.save_user(central.uow(), "Sanne de Vries", "clerk", CLERK, None, by=lead)
    for n in range(picked_orders):
        _pick_an_order(central, folder, f"SO-{n}")
    return central


def _pick_an_order(central, folder: Path, order_id: str) -> None:
    path = write_orders(folder / f"{order_id}.csv", order_row(order_id, "FAST", "1"))
    intake.import_orders(central.uow(), read_order_file(path), SYSTEM)
    allocation.allocate(central.uow())
    plan = waves.plan_wave(central.uow(), capacity=8)
    waves.save_wave(central.uow(), plan, release=True)
    with central.engine.connect() as conn:
        tasks = conn.execute(select(pick_tasks).where(pick_tasks.c.status == "open")).all()
    for task in tasks:
        fact = PickConfirmed(
            pick_list_id=task.pick_list_id, task_id=task.id, quantity=task.quantity, sku="FAST"
        )
        apply_facts(central.uow(), [fact.fact(Actor("Jan", "PICK-01"))])
