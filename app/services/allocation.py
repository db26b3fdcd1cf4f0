"""Use case: allocate stock to received orders (docs/interfaces.md §8).

Which warehouse ships an order is app/domain/sourcing.py's rule: one that can ship it complete
(the ship-to country's preferred warehouse first, then the earliest cut-off that meets ship_by,
then the lowest id); an order is never split across warehouses. Which stock a line takes there
is the domain's one rule (app/domain/stock_choice: FEFO, then FIFO by
receipt; never an expired lot, never held stock), the same the lead's reallocation follows.
Each order is allocated whole or waits for stock: status exception with the reason, and a
`waiting_for_stock` row in the lead's queue saying what it lacks; every later `allocate` (and
every `import-stock`) retries the waiting orders first, most urgent and oldest first. Stock is
never reserved beyond what is on hand, nor from held stock (a location reported empty). Orders are claimed in batches with row locks that skip orders another
allocator holds, and stock rows are locked in id order, so two allocators running at once
neither allocate the same unit twice nor deadlock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain import stock_choice
from app.domain.catalog import StockItem
from app.domain.events import SYSTEM, Actor, Event, utcnow
from app.domain.orders import Order, OrderStatus
from app.domain.sourcing import SourcingRules, choose_warehouse, closest
from app.domain.stored import stored_id
from app.messages import encode, english, message
from app.services.ports import UnitOfWork
from app.services.review import review
from app.services.sourcing import sourcing_rules

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
    """Orders waiting for stock first (they are older), then every received order."""
    today = today or utcnow().date()
    report = retry_waiting(uow, actor, today)
    while _allocate_batch(uow, actor, today, report, lambda: uow.orders.claim_received(BATCH)):
        pass
    return report


def retry_waiting(
    uow: UnitOfWork,
    actor: Actor = SYSTEM,
    today: date | None = None,
    only: set[int] | None = None,
) -> AllocationReport:
    """Try again the orders that wait for stock (all, or the refs in `only`), most urgent and
    oldest first: after stock came in (`import-stock`) or when the lead asks for it."""
    report, today = AllocationReport(), today or utcnow().date()
    with uow:
        waiting = [ref for ref in uow.orders.waiting_for_stock() if only is None or ref in only]
    for start in range(0, len(waiting), BATCH):
        batch = waiting[start : start + BATCH]
        _allocate_batch(uow, actor, today, report, lambda b=batch: uow.orders.claim_waiting(b))
    return report


def _allocate_batch(
    uow: UnitOfWork, actor: Actor, today: date, report: AllocationReport, claim
) -> bool:
    with uow:
        orders = claim()
        if not orders:
            return False
        allocate_claimed(uow, orders, actor, today, report)
        uow.commit()
    return True


def allocate_waiting_within(
    uow: UnitOfWork, skus: set[str], actor: Actor = SYSTEM, today: date | None = None
) -> AllocationReport:
    """Inside the caller's transaction: the orders waiting for stock of these SKUs, most urgent
    first (after a put-away made it allocatable; app/services/receiving_appliers.py). Orders
    another allocator holds are skipped (it covers them)."""
    report = AllocationReport()
    waiting = uow.orders.waiting_for_stock(skus)
    if waiting:
        claimed = uow.orders.claim_waiting(waiting)
        if claimed:
            allocate_claimed(uow, claimed, actor, today or utcnow().date(), report)
    return report


def allocate_claimed(
    uow: UnitOfWork, orders: list[Order], actor: Actor, today: date, report: AllocationReport
) -> None:
    """Allocate claimed (locked) orders in the caller's transaction; it commits."""
    if not orders:
        return
    stock = uow.stock.lock_for_allocation({line.sku for o in orders for line in o.lines})
    items = {stored_id(item): item for item in stock}
    reservations, stopped_waiting = _plan_orders(uow, orders, items, today, report)
    touched = {r.stock_id for r in reservations}
    uow.stock.save_reserved([items[stock_id] for stock_id in sorted(touched)])
    uow.orders.save_allocations(orders, reservations)
    uow.orders.stop_waiting(stopped_waiting, "allocated", actor.user, utcnow())
    uow.events.add_all(_events(orders, reservations, actor))


def _plan_orders(
    uow: UnitOfWork,
    orders: list[Order],
    items: dict[int, StockItem],
    today: date,
    report: AllocationReport,
) -> tuple[list[Reservation], list[int]]:
    """Each order reviewed, then covered whole or put to wait; (reservations, orders that
    stopped waiting)."""
    rules = uow.settings.review_rules()
    customers = uow.customers.by_ids({o.customer_id for o in orders if o.customer_id})
    candidates = ranked_by_warehouse(items.values(), today)
    sourcing = sourcing_rules(uow) if len(candidates) > 1 else SourcingRules()
    now = utcnow()
    reservations: list[Reservation] = []
    stopped_waiting = []
    for order in orders:
        waiting = order.status is OrderStatus.EXCEPTION  # reviewed when it first came
        reason = None if order.review_passed or waiting else review(order, rules, customers)
        if reason:
            order.move_to(OrderStatus.ON_HOLD, reason)
            report.held.append(f"{order.channel}/{order.order_id}: {english(reason)}")
            continue
        planned, lacks = plan_sourced(order, candidates, sourcing, now)
        if lacks:
            wait_for_stock(uow, order, lacks)
            report.exceptions.append(f"{order.channel}/{order.order_id}: {english(order.reason)}")
            continue
        apply_plan(order, planned, items)
        reservations += planned
        order.move_to(OrderStatus.ALLOCATED)
        report.allocated.append(f"{order.channel}/{order.order_id}")
        if waiting:
            stopped_waiting.append(stored_id(order))
    return reservations, stopped_waiting


def wait_for_stock(uow: UnitOfWork, order: Order, lacks: list[dict]) -> None:
    """The order waits in the lead's queue with what it lacks, until a retry covers it."""
    reason = shortfall_reason(lacks)
    if order.status is OrderStatus.EXCEPTION:
        order.reason = reason  # still waiting: only what it lacks may have changed
    else:
        order.move_to(OrderStatus.EXCEPTION, reason)
    uow.orders.mark_waiting(stored_id(order), {"lines": lacks}, utcnow())


def shortfall_reason(lacks: list[dict]) -> str:
    """The order's `reason` (docs/interfaces.md §8: an exception state with the reason), stored as a
    message so the lead reads it in their language (`english()` for the CLI)."""
    lines = [
        message("allocation.line_short", sku=x["sku"], short=x["short"], needed=x["quantity"])
        for x in lacks
    ]
    return encode([message("allocation.cannot_allocate", lines=lines)])


def plan_order(
    order: Order, candidates: dict[str, list[StockItem]]
) -> tuple[list[Reservation], str]:
    """Reservations covering every line, or a shortfall reason (then nothing is reserved).
    `candidates` are `stock_choice.ranked_by_sku`."""
    planned, lacks = plan_lines(order, candidates)
    return (planned, "") if not lacks else ([], shortfall_reason(lacks))


def ranked_by_warehouse(
    stock: Iterable[StockItem], today: date
) -> dict[int | None, dict[str, list[StockItem]]]:
    """`stock_choice.ranked_by_sku` per warehouse: an order takes all its units from one."""
    by_warehouse: dict[int | None, list[StockItem]] = defaultdict(list)
    for item in stock:
        by_warehouse[item.warehouse_id].append(item)
    ranked = {w: stock_choice.ranked_by_sku(items, today) for w, items in by_warehouse.items()}
    return {w: by_sku for w, by_sku in ranked.items() if by_sku}


def plan_sourced(
    order: Order,
    candidates: dict[int | None, dict[str, list[StockItem]]],
    rules: SourcingRules,
    now: datetime,
) -> tuple[list[Reservation], list[dict]]:
    """Reservations covering every line from the one warehouse the rules choose among those
    that can ship the order complete (app/domain/sourcing.py); else what it lacks in the
    warehouse that comes closest. An order bound to a warehouse (a transfer) looks there
    alone."""
    if order.source_warehouse is not None:
        candidates = {w: c for w, c in candidates.items() if w == order.source_warehouse}
    complete: dict[int, list[Reservation]] = {}
    shortfalls: dict[int, list[dict]] = {}
    for warehouse_id, by_sku in sorted(candidates.items(), key=lambda kv: kv[0] or 0):
        planned, lacks = plan_lines(order, by_sku)
        if lacks:
            shortfalls[warehouse_id or 0] = lacks
        else:
            complete[warehouse_id or 0] = planned
    chosen = choose_warehouse(order, list(complete), rules, now)
    if chosen is not None:
        return complete[chosen], []
    return [], closest(shortfalls) or plan_lines(order, {})[1]


def plan_lines(
    order: Order, candidates: dict[str, list[StockItem]]
) -> tuple[list[Reservation], list[dict]]:
    """Reservations covering every line, or what the order lacks per line (`sku`, `short`,
    `quantity`; then nothing is reserved)."""
    planned: list[Reservation] = []
    taken: dict[int, int] = defaultdict(int)  # stock id -> planned for earlier lines of this order
    lacks = []
    for line in order.lines:
        wanted = line.quantity - line.allocated
        takes, short = stock_choice.take(candidates.get(line.sku, []), wanted, taken)
        for t in takes:
            planned.append(Reservation(stored_id(line), t.stock_id, t.quantity))
            taken[t.stock_id] += t.quantity
        if short:
            lacks.append({"sku": line.sku, "short": short, "quantity": wanted})
    return ([], lacks) if lacks else (planned, [])


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
                    "lines": {
                        str(line.id): reserved_by_line[stored_id(line)] for line in order.lines
                    }
                }
            yield Event(kind, payload, actor, order.id)
        order.events.clear()
