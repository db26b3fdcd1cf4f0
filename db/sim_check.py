"""What `shipshape simulate --warehouses W` reads back from central about its packers' and
loaders' work: the cartons with the SSCCs they closed (whose order, in which state), the loads
of the cartons they scanned onto cages, and the exceptions central raised meanwhile about those
orders (a late or doubled fact goes to the lead's queue instead of being refused)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from db.schema import changes, exceptions, orders, packages, parcel_loads, shipments


@dataclass(frozen=True)
class Carton:
    channel: str  # of its order: the warehouse's (sim-<CODE>)
    order_status: str
    unit: str | None  # the cage it is on; None: not loaded
    station: str | None  # the station that loaded it


def cartons(engine: Engine, ssccs: set[str]) -> dict[str, Carton]:
    """SSCC -> the carton central holds under it (a carton central lacks is not in it)."""
    query = (
        select(
            packages.c.sscc,
            orders.c.channel,
            orders.c.status,
            parcel_loads.c.unit,
            parcel_loads.c.station,
        )
        .join(shipments, shipments.c.id == packages.c.shipment_id)
        .join(orders, orders.c.id == shipments.c.order_id)
        .outerjoin(parcel_loads, parcel_loads.c.package_id == packages.c.id)
        .where(packages.c.sscc.in_(sorted(ssccs)))
    )
    with engine.connect() as conn:
        return {row[0]: Carton(*row[1:]) for row in conn.execute(query)}


def exceptions_about(engine: Engine, ssccs: set[str]) -> int:
    """Exceptions about the orders of these cartons (a simulated order is made for one run:
    any is that run's)."""
    of_cartons = (
        select(shipments.c.order_id)
        .join(packages, packages.c.shipment_id == shipments.c.id)
        .where(packages.c.sscc.in_(sorted(ssccs)))
    )
    query = select(func.count()).where(exceptions.c.order_ref.in_(of_cartons))
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def newest_change(engine: Engine) -> tuple[int, int]:
    """The (txid, seq) of the newest change committed on central, as a station's pull cursor
    orders them: a station whose cursor reached it has pulled everything committed before."""
    query = select(changes.c.txid, changes.c.seq).order_by(
        changes.c.txid.desc(), changes.c.seq.desc()
    )
    with engine.connect() as conn:
        last = conn.execute(query.limit(1)).first()
    return (last.txid or 0, last.seq) if last else (0, 0)
