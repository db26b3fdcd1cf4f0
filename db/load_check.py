"""What `shipshape simulate` reads back from central to check a load run: the facts the headless
stations' pushes stored, the stock units on hand, and how many connections the server allows."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine, func, select, text

from db.schema import events, stock


def stored_fact_uuids(engine: Engine, stations: list[str], kinds: tuple[str, ...]) -> Counter:
    """How often central holds each fact of these kinds from these stations (once, if right)."""
    query = select(events.c.uuid).where(events.c.station.in_(stations), events.c.kind.in_(kinds))
    with engine.connect() as conn:
        return Counter(conn.execute(query).scalars())


def stock_units(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.sum(stock.c.on_hand), 0))).scalar_one())


def max_connections(engine: Engine) -> int | None:
    """The server's connection limit (PostgreSQL); None for an embedded database."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        return int(conn.execute(text("SHOW max_connections")).scalar_one())
