"""Use case: allocate stock to received orders (INTERFACES.md §8).

FEFO when lots expire (earliest expiry first, expired lots never), else FIFO by receipt.
Each order is allocated whole or goes to exception with the reason; stock is never reserved
beyond what is on hand. Orders are claimed in batches with row locks that skip orders another
allocator holds, and stock rows are locked in id order, so two allocators running at once
neither allocate the same unit twice nor deadlock.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from app.domain.catalog import StockItem
from app.domain.events import SYSTEM, Actor, Event, utcnow
from app.domain.orders import Order, OrderStatus
from app.messages import encode, english, message
from app.services.ports import UnitOfWork
from app.services.review import review

BATCH = 1000


@dataclass(frozen=True)
class Reservation:
    order_line_id: int
    stock_id: int
    quantity: int


@dataclass
class AllocationReport:
    allocated: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


def allocate(uow: UnitOfWork, actor: Actor = SYSTEM, today: date | None = None) -> AllocationReport:
    report = AllocationReport()
    today = today or utcnow().date()
    while _allocate_batch(uow, actor, today, report):
        pass
    return report


def _allocate_batch(uow: UnitOfWork, actor: Actor, today: date, report: AllocationReport) -> bool:
    with uow:
        orders = uow.orders.claim_received(limit=BATCH)
        if not orders:
            return False
        rules = uow.settings.review_rules()
        stock = uow.stock.lock_for_allocation({line.sku for o in orders for line in o.lines})
        candidates = candidates_by_sku(stock, today)
        items = {item.id: item for item in stock}
        reservations: list[Reservation] = []
        for order in orders:
            reason = None if order.review_passed else review(order, rules)
            if reason:
                order.move_to(OrderStatus.ON_HOLD, reason)
                report.held.append(f"{order.channel}/{order.order_id}: {english(reason)}")
                continue
            planned, shortfall = plan_order(order, candidates)
            if shortfall:
                order.move_to(OrderStatus.EXCEPTION, shortfall)
                report.exceptions.append(f"{order.channel}/{order.order_id}: {english(shortfall)}")
                continue
            apply_plan(order, planned, items)
            reservations += planned
            order.move_to(OrderStatus.ALLOCATED)
            report.allocated.append(f"{order.channel}/{order.order_id}")
        touched = {r.stock_id for r in reservations}
        uow.stock.save_reserved([items[stock_id] for stock_id in sorted(touched)])
        uow.orders.save_allocations(orders, reservations)
        uow.events.add_all(_events(orders, reservations, actor))
        uow.commit()
    return True


def candidates_by_sku(stock: list[StockItem], today: date) -> dict[str, list[StockItem]]:
    """Stock that may be allocated, per SKU, best first: FEFO, then FIFO (ids are receipt order)."""
    by_sku: dict[str, list[StockItem]] = defaultdict(list)
    for item in stock:
        if item.expiry is not None and item.expiry < today:
            continue  # expired lots are never allocated
        by_sku[item.sku].append(item)
    for items in by_sku.values():
        items.sort(key=lambda s: (s.expiry is None, s.expiry or date.max, s.id))
    return by_sku


def plan_order(
    order: Order, candidates: dict[str, list[StockItem]]
) -> tuple[list[Reservation], str]:
    """Reservations covering every line, or a shortfall reason (then nothing is reserved)."""
    planned: list[Reservation] = []
    taken: dict[int, int] = defaultdict(int)  # stock id -> planned for earlier lines of this order
    shortfalls = []
    for line in order.lines:
        needed = line.quantity - line.allocated
        for item in candidates.get(line.sku, []):
            free = item.available - taken[item.id]
            if needed == 0 or free <= 0:
                continue
            quantity = min(free, needed)
            planned.append(Reservation(line.id, item.id, quantity))
            taken[item.id] += quantity
            needed -= quantity
        if needed:
            short = message("allocation.line_short", sku=line.sku, short=needed,
                            needed=line.quantity - line.allocated)  # fmt: skip
            shortfalls.append(short)
    if shortfalls:
        return [], encode([message("allocation.cannot_allocate", lines=shortfalls)])
    return planned, ""


def apply_plan(order: Order, planned: list[Reservation], items: dict[int, StockItem]) -> None:
    lines = {line.id: line for line in order.lines}
    for reservation in planned:
        items[reservation.stock_id].reserved += reservation.quantity
        lines[reservation.order_line_id].allocated += reservation.quantity


def _events(orders: list[Order], reservations: list[Reservation], actor: Actor):
    reserved_by_line = defaultdict(list)
    for r in reservations:
        reserved_by_line[r.order_line_id].append({"stock_id": r.stock_id, "quantity": r.quantity})
    for order in orders:
        for kind, payload in order.events:
            if kind == "order.allocated":
                payload = payload | {
                    "lines": {str(line.id): reserved_by_line[line.id] for line in order.lines}
                }
            yield Event(kind, payload, actor, order.id)
        order.events.clear()
