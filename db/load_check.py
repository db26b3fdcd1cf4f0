"""What `shipshape simulate` reads back from central to check a load run: the facts the headless
stations' pushes stored, the stock units on hand (in all, or per warehouse), which warehouses'
work each simulated picker touched and where stock rows are, and how many connections the
server allows."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine, func, select, text, union

from db.schema import events, locations, pick_lists, pick_tasks, stock, users, warehouses


def stored_fact_uuids(
    engine: Engine, stations: list[str], kinds: tuple[str, ...], after_seq: int = 0
) -> Counter:
    """How often central holds each fact of these kinds from these stations (once, if right),
    stored after event `after_seq` (an earlier run's facts of the same stations do not count)."""
    query = select(events.c.uuid).where(
        events.c.station.in_(stations), events.c.kind.in_(kinds), events.c.seq > after_seq
    )
    with engine.connect() as conn:
        return Counter(conn.execute(query).scalars())


def last_event_seq(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one())


def stock_units(engine: Engine, warehouse: str | None = None) -> int:
    """Units on hand: everywhere, or in one warehouse (a code)."""
    query = select(func.coalesce(func.sum(stock.c.on_hand), 0))
    if warehouse is not None:
        query = (
            query.select_from(stock)
            .join(locations, locations.c.id == stock.c.location_id)
            .join(warehouses, warehouses.c.id == locations.c.warehouse_id)
            .where(warehouses.c.code == warehouse)
        )
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def work_homes(engine: Engine, pickers: list[str]) -> set[tuple[str, str]]:
    """(picker, warehouse code) for every warehouse whose work these pickers touched: the
    tasks they confirmed and the tasks of the lists they were given."""
    at = locations.join(warehouses, warehouses.c.id == locations.c.warehouse_id)
    picked = (
        select(pick_tasks.c.picked_by, warehouses.c.code)
        .select_from(pick_tasks.join(at, locations.c.id == pick_tasks.c.location_id))
        .where(pick_tasks.c.picked_by.in_(pickers))
    )
    given = (
        select(users.c.name, warehouses.c.code)
        .select_from(
            pick_lists.join(users, users.c.id == pick_lists.c.assignee_id)
            .join(pick_tasks, pick_tasks.c.pick_list_id == pick_lists.c.id)
            .join(at, locations.c.id == pick_tasks.c.location_id)
        )
        .where(users.c.name.in_(pickers))
    )
    with engine.connect() as conn:
        return {(who, code) for who, code in conn.execute(union(picked, given))}


def location_homes(engine: Engine, codes: set[str]) -> dict[str, str]:
    """Location code -> its warehouse's code."""
    query = (
        select(locations.c.code, warehouses.c.code)
        .join(warehouses, warehouses.c.id == locations.c.warehouse_id)
        .where(locations.c.code.in_(sorted(codes)))
    )
    with engine.connect() as conn:
        return {location: home for location, home in conn.execute(query)}


def max_connections(engine: Engine) -> int | None:
    """The server's connection limit (PostgreSQL); None for an embedded database."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        return int(conn.execute(text("SHOW max_connections")).scalar_one())
