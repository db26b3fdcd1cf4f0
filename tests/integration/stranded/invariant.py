"""The property the floor test checks after every step: no order is stranded.

Every order that is not shipped, packed or cancelled is either workable by someone (the next
allocation run, the lead's Waves tab, a picker's open cart, a packer's ready tote) or in the
lead's exception queue with at least one resolution. `world` is a `floor_model.Floor`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.services import lead
from db.packing_repo import PARTIAL_RESOLUTIONS
from db.schema import exceptions, order_lines, orders, pick_lists, pick_tasks, stock, totes

if TYPE_CHECKING:
    from tests.integration.stranded.floor_model import Floor

ACTIVE_LISTS = ("released", "assigned", "picking", "held")  # held: the lead resumes the wave
FINISHED = ("shipped", "cancelled", "packed")  # packed: the loader's work, not the floor's


def stranded(world: Floor) -> list[str]:
    """Orders that are not finished, not workable by anyone and not in the lead's queue."""
    queue = lead.exception_queue(world.central.uow(), world.lead)
    in_queue = {item.order for item in queue if item.choices}
    found = []
    for order in _orders(world):
        ref = f"{order.channel}/{order.order_id}"
        if order.status in FINISHED or ref in in_queue:
            continue
        why = _not_workable(world, order)
        if why:
            found.append(f"{ref} {order.status}: {why} (reason {order.reason!r})")
    return found


def _orders(world: Floor):
    return world.rows(
        select(
            orders.c.id, orders.c.channel, orders.c.order_id, orders.c.status, orders.c.reason
        ).order_by(orders.c.id)
    )


def _not_workable(world: Floor, order) -> str:
    """Why nobody can move this order on, or "" when someone can."""
    if order.status == "received":
        return ""  # the next allocation run takes it
    lists = _lists_of(world, order.id)
    if order.status == "allocated":
        return "" if not lists or set(lists) & set(ACTIVE_LISTS) else f"lists {lists}"
    if order.status in ("released", "picking"):
        return "" if set(lists) & set(ACTIVE_LISTS) else f"on no open cart (lists {lists})"
    if order.status == "picked":
        return packable(world, order.id)
    return "in no queue" if order.status in ("exception", "on_hold") else ""


def _lists_of(world: Floor, order_ref: int) -> list[str]:
    return [
        status
        for (status,) in world.rows(
            select(pick_lists.c.status)
            .distinct()
            .join(pick_tasks, pick_tasks.c.pick_list_id == pick_lists.c.id)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .where(order_lines.c.order_id == order_ref)
        )
    ]


def packable(world: Floor, order_ref: int) -> str:
    ready = world.rows(
        select(totes.c.code).where(totes.c.order_id == order_ref, totes.c.status == "ready")
    )
    if not ready:
        return "picked but no tote waits at packing"
    missing = world.rows(
        select(func.count()).where(
            order_lines.c.order_id == order_ref, order_lines.c.picked < order_lines.c.quantity
        )
    )[0][0]
    partial = world.rows(
        select(func.count()).where(
            exceptions.c.order_ref == order_ref, exceptions.c.resolution.in_(PARTIAL_RESOLUTIONS)
        )
    )[0][0]
    return "" if not missing or partial else "short units and no partial shipment allowed"


def stock_problems(world: Floor) -> list[str]:
    """Reservations and holds never go below zero, whatever order facts arrive in (allocation
    trusts them). On hand may: a lead's write-off, or a count, of units an offline picker has
    already taken, followed by that picker's late fact, is a book error only a count can find
    (stock control, not built yet), not a stranded order."""
    bad = world.rows(
        select(stock.c.id, stock.c.on_hand, stock.c.reserved, stock.c.held).where(
            (stock.c.reserved < 0) | (stock.c.held < 0)
        )
    )
    return [
        f"stock row {r.id}: on hand {r.on_hand}, reserved {r.reserved}, held {r.held}" for r in bad
    ]
