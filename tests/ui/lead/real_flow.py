"""Orders picked, packed, loaded and shipped through the real use cases — the facts the
stations record and the lead's close — so the lead's KPIs (rates, cycle time, shipped vs due)
come from the real flow, not from events written for the purpose."""

from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import Engine, select

from app.domain.users import Role, User
from app.services import dispatch_close
from app.services.dispatch_central import load_codes
from db.schema import orders, users
from db.uow import SqlUnitOfWork
from station.demo_dispatch import PackedCarton, pack_order
from station.demo_packing import picked_order
from tests.picking_script import pick_cart

LEAD = User("Maria Jansen", Role.LEAD, "1011")
LOADER_BADGE = "1013"


def ship_for_real(engine: Engine, carts: int = 3) -> list[str]:
    """`carts` carts picked by as many demo pickers, every order packed, loaded onto a unit per
    carrier, and every carrier but the last closed (its orders stay packed: due, not shipped).
    Returns the carriers closed."""
    central = SimpleNamespace(engine=engine, uow=lambda: SqlUnitOfWork(engine))
    with engine.connect() as conn:
        pickers = conn.execute(
            select(users.c.name, users.c.badge).where(users.c.role == "picker").order_by(users.c.id)
        ).all()
    cartons: list[PackedCarton] = []
    for n, (name, badge) in enumerate(pickers[:carts]):
        cart = pick_cart(central, User(name, Role.PICKER, badge), f"R{n}")
        for ref, tote in cart.totes.items():
            cartons += pack_order(central, picked_order(central, ref, tote))
    carriers = _by_carrier(engine, cartons)
    for n, (carrier, codes) in enumerate(sorted(carriers.items())):
        load_codes(central.uow, LOADER_BADGE, f"CAGE-{n + 1:02d}", carrier, codes, "DOCK-01")
    closed = sorted(carriers)[:-1]
    for carrier in closed:
        dispatch_close.close_carrier(central.uow(), LEAD, carrier, "LEAD-DESK")
    return closed


def _by_carrier(engine: Engine, cartons: list[PackedCarton]) -> dict[str, list[str]]:
    refs = sorted({c.order_ref for c in cartons})
    with engine.connect() as conn:
        carrier_of = dict(
            conn.execute(select(orders.c.id, orders.c.carrier).where(orders.c.id.in_(refs))).all()
        )
    grouped: dict[str, list[str]] = {}
    for carton in cartons:
        grouped.setdefault(carrier_of[carton.order_ref], []).append(carton.sscc)
    return grouped
