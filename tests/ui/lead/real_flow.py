"""Orders picked, packed, loaded and shipped through the real use cases — the facts the
stations record and the lead's close — so the lead's KPIs (rates, cycle time, shipped vs due)
come from the real flow, not from events written for the purpose.

The carriers' drivers come one after another: between two closes the whole history moves back
(tests/ui/lead/history.py), which is how time passes on a test site. So each carrier's orders
have their own time from import to shipped, and an order ships on time or late by its own
ship-by against its carrier's close.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import Engine, select

from app.domain.events import Actor
from app.domain.users import Role, User
from app.services import dispatch_close
from app.services.dispatch_central import load_codes
from db.schema import orders, users
from db.uow import SqlUnitOfWork
from station.demo_dispatch import PackedCarton, pack_order
from station.demo_packing import picked_order
from tests.picking_script import pick_cart
from tests.ui.lead.history import rewind

LEAD = User("Maria Jansen", Role.LEAD, "1011")
LOADER_BADGE = "1013"
# The wait before each carrier's driver comes, from the packing (or the close before): every
# carrier but the last is collected; the last one's parcels are still at the dock.
COLLECTIONS = (timedelta(minutes=30), timedelta(hours=1), timedelta(hours=1))
CART_PACE = timedelta(minutes=10)  # from one cart to the next, picked and packed


def ship_for_real(
    engine: Engine,
    carts: int = 3,
    collections: tuple[timedelta, ...] = COLLECTIONS,
    crew: tuple[int, int] = (2, 2),
) -> list[str]:
    """`carts` carts picked by the first `crew[0]` demo pickers in turn, CART_PACE apart, every
    order packed by the first `crew[1]` demo packers in turn (few enough for the KPI tab's rate
    chart to name each of them), loaded onto a unit per carrier, and the carriers (in name order) collected after
    the waits in `collections`; the last carrier is never closed (due, not shipped). Returns
    the carriers closed."""
    central = SimpleNamespace(engine=engine, uow=lambda: SqlUnitOfWork(engine))
    cartons = _pick_and_pack(central, carts, crew)
    carriers = _by_carrier(engine, cartons)
    for n, (carrier, codes) in enumerate(sorted(carriers.items())):
        loads = load_codes(
            central.uow, LOADER_BADGE, f"CAGE-{n + 1:02d}", carrier, codes, "DOCK-01"
        )
        refused = [(r.code, r.verdict.reason) for r in loads if not r.verdict.ok]
        assert not refused, f"the loader was refused: {refused}"
    closed = sorted(carriers)[:-1][: len(collections)]
    for carrier, wait in zip(closed, collections, strict=False):
        with engine.begin() as conn:
            rewind(conn, wait)  # the driver comes `wait` later
        dispatch_close.close_carrier(central.uow(), LEAD, carrier, "LEAD-DESK")
    return closed


def _pick_and_pack(central, carts: int, crew: tuple[int, int]) -> list[PackedCarton]:
    pickers = _people(central.engine, Role.PICKER)[: crew[0]]
    packers = _people(central.engine, Role.PACKER)[: crew[1]]
    cartons: list[PackedCarton] = []
    for n in range(carts):
        cart = pick_cart(central, pickers[n % len(pickers)], f"R{n}")
        for k, (ref, tote) in enumerate(cart.totes.items()):
            packer = Actor(packers[k % len(packers)].name, f"PACK-{k % len(packers) + 1:02d}")
            cartons += pack_order(central, picked_order(central, ref, tote), packer=packer)
        with central.engine.begin() as conn:
            rewind(conn, CART_PACE)  # the next cart comes a little later
    return cartons


def _people(engine: Engine, role: Role) -> list[User]:
    query = select(users.c.name, users.c.badge).where(users.c.role == role.value)
    with engine.connect() as conn:
        return [User(n, role, b) for n, b in conn.execute(query.order_by(users.c.id))]


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
