"""What belongs to one warehouse, as subqueries the lead's reads filter by (docs/lead.md, "One
warehouse at a time"). An order belongs to the warehouse it is reserved or picked in (an order
ships whole from one: app/services/allocation.py); one reserved nowhere yet (received, waiting
for stock, on hold before allocation) names no warehouse and is every warehouse's concern."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select, union

from db.schema import allocations, locations, order_lines, pick_tasks, stations, stock, warehouses
from db.wave_carts import lists_in_warehouse

__all__ = [
    "lists_in_warehouse",
    "orders_elsewhere",
    "orders_picked_in",
    "orders_within",
    "stations_of",
    "tasks_elsewhere",
    "warehouses_of_order",
    "worked_at",
]


def orders_elsewhere(warehouse_id: int):
    """The ids of orders reserved or picked in a warehouse other than this one."""
    elsewhere = locations.c.warehouse_id != warehouse_id
    return union(_orders_reserved(elsewhere), _orders_picked(elsewhere))


def orders_within(warehouse_id: int):
    """The ids of orders reserved or picked in this warehouse (what its KPIs count)."""
    here = locations.c.warehouse_id == warehouse_id
    return union(_orders_reserved(here), _orders_picked(here))


def orders_picked_in(warehouse_id: int):
    """The ids of orders picked (or to be picked) in this warehouse: where their pick tasks'
    locations are. Pick tasks stay after packing and a cancel, so a carton at the dock keeps
    its warehouse (db/dispatch_repo.py)."""
    return _orders_picked(locations.c.warehouse_id == warehouse_id)


def warehouses_of_order(order_ref: int, picked: bool):
    """The ids of the warehouses one order is picked in (`picked`), else reserved in: one, as
    it ships whole from one; none while it is reserved nowhere. What the lead's order lookup
    names (where it is picked wins: reservations may stay behind a reallocation)."""
    if picked:
        return (
            select(locations.c.warehouse_id)
            .join(pick_tasks, pick_tasks.c.location_id == locations.c.id)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .where(order_lines.c.order_id == order_ref)
        )
    return (
        select(locations.c.warehouse_id)
        .join(stock, stock.c.location_id == locations.c.id)
        .join(allocations, allocations.c.stock_id == stock.c.id)
        .join(order_lines, order_lines.c.id == allocations.c.order_line_id)
        .where(order_lines.c.order_id == order_ref)
    )


def _orders_reserved(where):
    return (
        select(order_lines.c.order_id)
        .join(allocations, allocations.c.order_line_id == order_lines.c.id)
        .join(stock, stock.c.id == allocations.c.stock_id)
        .join(locations, locations.c.id == stock.c.location_id)
        .where(where)
    )


def _orders_picked(where):
    return (
        select(order_lines.c.order_id)
        .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
        .join(locations, locations.c.id == pick_tasks.c.location_id)
        .where(where)
    )


def worked_at(warehouse_id: int, station_column):
    """The condition for work recorded at a station of this warehouse: one homed there, and
    for the first warehouse also a station with no home or none recorded at all (before there
    were several warehouses every station worked for the first)."""
    first = select(func.min(warehouses.c.id)).scalar_subquery()
    homed = select(stations.c.name).where(stations.c.warehouse_id == warehouse_id)
    homed_anywhere = select(stations.c.name).where(stations.c.warehouse_id.is_not(None))
    return or_(
        station_column.in_(homed),
        and_(
            first == warehouse_id,
            or_(station_column.is_(None), station_column.not_in(homed_anywhere)),
        ),
    )


def tasks_elsewhere(warehouse_id: int):
    """The ids of pick tasks at another warehouse's locations."""
    return (
        select(pick_tasks.c.id)
        .join(locations, locations.c.id == pick_tasks.c.location_id)
        .where(locations.c.warehouse_id != warehouse_id)
    )


def stations_of(warehouse_id: int):
    """The condition for a station homed in this warehouse; a station with no home works for
    the first warehouse (db/warehouses_repo.py `summaries`)."""
    first = select(func.min(warehouses.c.id)).scalar_subquery()
    return or_(
        stations.c.warehouse_id == warehouse_id,
        and_(stations.c.warehouse_id.is_(None), first == warehouse_id),
    )
