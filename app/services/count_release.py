"""A count found fewer units than are reserved on a shelf: give the excess reservations back
(docs/stock.md "Counting", allocated units).

On-hand includes the reserved units still on the shelf, so after a count `on_hand < reserved`
means some orders were promised units that are not there. The least urgent (then newest)
orders give theirs back first, the way a short pick does:
- an order whose units are on a pick list: its task is cut short by what is missing and the
  lead's queue gets a `short_pick` (reason `counted`) suggesting a re-allocation elsewhere or a
  backorder — the short-pick path (app/services/picking_appliers.report_short);
- an order allocated but not released yet: all its reservations go back and it waits for stock
  (`waiting_for_stock`), so the next allocation run, or the lead, allocates it elsewhere.
Runs inside the count's transaction.
"""

from __future__ import annotations

from app.domain.events import Event
from app.domain.orders import OrderStatus
from app.domain.picking import TaskStatus
from app.services import allocation
from app.services.picking_appliers import report_short
from app.services.ports import UnitOfWork

COUNTED = "counted"  # the short's reason: a count found fewer than were reserved


def release_excess(uow: UnitOfWork, stock_id: int, excess: int, fact: Event) -> list[int]:
    """Give back `excess` reserved units of one stock row; the orders now waiting for stock."""
    waiting: list[int] = []
    for held in uow.counts.reservations(stock_id):
        if excess <= 0:
            break
        left = held["quantity"] - held["picked"]
        if left <= 0:
            continue
        if held["task_id"] is not None:
            excess -= _cut_task(uow, held["task_id"], min(left, excess), fact)
        elif held["order_status"] == OrderStatus.ALLOCATED.value:
            _back_to_waiting(uow, held["order_ref"], left, fact)
            waiting.append(held["order_ref"])
            excess -= left
    return waiting


def _cut_task(uow: UnitOfWork, task_id: int, missing: int, fact: Event) -> int:
    task = uow.picking.tasks([task_id])[task_id]
    uow.picking.drop_allocation(task, missing)
    uow.picking.update_task(task.id, short=task.short + missing, status=TaskStatus.SHORT.value)
    sku = uow.lead.task(task.id)["sku"]
    report_short(uow, task, task.location, sku, 0, missing, COUNTED, fact)
    return missing


def _back_to_waiting(uow: UnitOfWork, order_ref: int, missing: int, fact: Event) -> None:
    (order,) = uow.orders.by_refs([order_ref])
    lacks = [
        {"sku": line.sku, "short": min(missing, line.allocated), "quantity": line.quantity}
        for line in order.lines
        if line.allocated
    ]
    uow.orders.release_allocations(order)
    allocation.wait_for_stock(uow, order, lacks[:1] or lacks)
    uow.orders.save_status(order)
    uow.events.add_all([Event(k, p, fact.actor, order.id) for k, p in order.events])
    order.events.clear()
