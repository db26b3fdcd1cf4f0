"""Time passing on a test site: the whole recorded history moved into the past at once.

Every date-time column of every table moves back by the same amount — events, orders with
their import and ship-by, waves, pick lists and tasks, shipments, loads, manifests, exceptions —
so what happened keeps its order and its gaps, and an order's time to ship-by stays what the
channel gave it. Nothing is written that did not happen; it all just happened earlier.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import DateTime, bindparam, func, select, update

from db.schema import kpi_hours, metadata


def rewind(conn, by: timedelta) -> None:
    """Move every recorded moment `by` into the past, in the caller's transaction. The hourly
    KPI roll-up is a cache of the events by hour: rewind before the first KPI report."""
    if conn.execute(select(func.count()).select_from(kpi_hours)).scalar():
        raise ValueError("kpi_hours already sums events by hour: rewind before any KPI report")
    for table in metadata.sorted_tables:
        moments = [c for c in table.c if isinstance(c.type, DateTime)]
        if moments and table is not kpi_hours:
            _move(conn, table, moments, by)


def _move(conn, table, moments: list, by: timedelta) -> None:
    keys = list(table.primary_key.columns)
    rows = conn.execute(select(*keys, *moments)).all()
    if not rows:
        return
    moved = [
        {f"k_{k.name}": row[i] for i, k in enumerate(keys)}
        | {f"m_{m.name}": _earlier(row[len(keys) + i], by) for i, m in enumerate(moments)}
        for row in rows
    ]
    statement = (
        update(table)
        .where(*(k == bindparam(f"k_{k.name}") for k in keys))
        .values({m.name: bindparam(f"m_{m.name}") for m in moments})
    )
    conn.execute(statement, moved)


def _earlier(moment, by: timedelta):
    return None if moment is None else moment - by
