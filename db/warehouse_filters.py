"""What belongs to one warehouse, as subqueries the lead's reads filter by (docs/lead.md, "One
warehouse at a time"). An order belongs to the warehouse it is reserved or picked in (an order
ships whole from one: app/services/allocation.py); one reserved nowhere yet (received, waiting
for stock, on hold before allocation) names no warehouse and is every warehouse's concern."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select, union

from db.schema import allocations, locations, order_lines, pick_tasks, stations, stock, warehouses
from db.wave_carts import lists_in_warehouse

__all__ = ["lists_in_warehouse", "orders_elsewhere", "stations_of", "tasks_elsewhere"]


def orders_elsewhere(warehouse_id: int):
    """The ids of orders reserved or picked in a warehouse other than this one."""
    reserved = (
        select(order_lines.c.order_id)
        .join(allocations, allocations.c.order_line_id == order_lines.c.id)
        .join(stock, stock.c.id == allocations.c.stock_id)
        .join(locations, locations.c.id == stock.c.location_id)
        .where(locations.c.warehouse_id != warehouse_id)
    )
    picked = (
        select(order_lines.c.order_id)
        .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
        .join(locations, locations.c.id == pick_tasks.c.location_id)
        .where(locations.c.warehouse_id != warehouse_id)
    )
    return union(reserved, picked)


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
