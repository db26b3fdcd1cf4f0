"""Central's appliers of picking facts, and what they share with claiming a pick list.

They turn picking facts into row changes, in the transaction of `app.services.facts`, exactly
once per fact UUID, whoever sends them (a station, the sync thread, `shipshape apply-facts`).
They never refuse a late fact: the item was physically picked. A list reassigned meanwhile
still takes the old station's confirmations; what remains stays with the new assignee.
app/services/fact_appliers.py lists them by kind; nothing here imports the fact engine.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from app.domain import stock_choice
from app.domain.counting import CountReason
from app.domain.events import Actor, Event, utcnow
from app.domain.fact_payloads import (
    ClaimWanted,
    PickConfirmed,
    PicklistFinished,
    PickRerouted,
    PickShort,
    PickSkipped,
    PickUndone,
    ToteBound,
)
from app.domain.orders import OrderStatus, status_after_picking
from app.domain.picking import HOLDS_LOCATION, TaskStatus, status_after_pick
from app.domain.stock_ledger import StockTake
from app.domain.stored import stored_id
from app.domain.waves import PickListStatus
from app.services.count_tasks import schedule_counts
from app.services.ports import UnitOfWork
from app.services.replenishment import replenish_if_low

STILL_PICKING = (OrderStatus.RELEASED, OrderStatus.PICKING, OrderStatus.EXCEPTION)
TakesStock = (
    PickConfirmed | PickUndone | PickShort
)  # a fact whose units leave (or go back to) the shelf


def claim_next(
    uow: UnitOfWork, actor: Actor, badge: str, now: datetime, home: int | None = None
) -> int | None:
    """Inside the caller's transaction: the list the badge holds, else the oldest released list
    of the station's warehouse (any, while its home is not known), claimed for it (recorded as
    `picklist.claimed`). `home`: the station's warehouse as it said (else the one its unit of
    work is limited to, else the one recorded for it). None: no such user, or no work."""
    user_id = uow.picking.user_id(badge)
    if user_id is None:
        return None
    list_id = uow.picking.assigned_to(user_id)
    if list_id is None:
        if home is None and actor.station:
            home = uow.warehouses.station_home(actor.station)
        list_id = uow.picking.claim_next_released(user_id, now, home)
        if list_id is not None:
            uow.events.add_all([Event("picklist.claimed", {"pick_list_id": list_id}, actor)])
    return list_id


def apply_claim_wanted(uow: UnitOfWork, fact: Event) -> None:
    """A station login asked for work for the picker signed in there (see `_claimed_through`)."""
    wanted = ClaimWanted.of(fact)
    claim_next(uow, fact.actor, str(wanted.badge), utcnow(), wanted.warehouse_id)


def apply_picks_confirmed(uow: UnitOfWork, facts: list[Event]) -> None:
    confirmed = [(fact, PickConfirmed.of(fact)) for fact in facts]
    _take(uow, [(fact, payload, payload.quantity) for fact, payload in confirmed])


def apply_picks_undone(uow: UnitOfWork, facts: list[Event]) -> None:
    undone = [(fact, PickUndone.of(fact)) for fact in facts]
    _take(uow, [(fact, payload, -payload.quantity) for fact, payload in undone])


def _take(uow: UnitOfWork, takes: list[tuple[Event, TakesStock, int]]) -> None:
    """For each (fact, its payload, quantity) in order, that many units of the fact's task left the shelf
    into the tote (negative: put back). The tasks are read once and every row is written once,
    with the same outcome as taking the facts one by one."""
    tasks = uow.picking.tasks(sorted({payload.task_id for _f, payload, _q in takes}))
    picked = {task.id: task.picked for task in tasks.values()}
    written: dict[int, dict] = {}
    stock_taken: list[StockTake] = []  # each fact's units, for the ledger
    unreserved: Counter[int] = Counter()
    line_picked: Counter[int] = Counter()
    started = []
    for fact, payload, quantity in takes:
        task = _fact_task(tasks, payload)
        if task is None and quantity > 0:
            _picked_for_a_gone_task(uow, fact, payload, quantity)
        if task is None or quantity == 0:
            continue
        before = picked[task.id]
        picked[task.id] = max(before + quantity, 0)
        quantity = picked[task.id] - before  # an undo never puts back more than was picked
        status = status_after_pick(picked[task.id], task.quantity, task.short)
        written[task.id] = {
            "id": task.id,
            "picked": picked[task.id],
            "status": status.value,
            "picked_by": fact.actor.user,
            "picked_at": fact.occurred_at,
        }
        stock_taken.append(
            StockTake(task.stock_id, quantity, fact.actor, fact.occurred_at, fact.uuid)
        )
        unreserved[task.stock_id] += _reserved_left(task, before) - _reserved_left(
            task, picked[task.id]
        )
        line_picked[task.order_line_id] += quantity
        if quantity > 0:
            started.append((task, fact.actor))
    uow.picking.take_stock_many(stock_taken, unreserved)
    uow.picking.update_picks(list(written.values()))
    uow.picking.add_lines_picked(line_picked)
    _start_picking(uow, started)
    # A pick face the picks took below its min gets its replenishment task (docs/stock.md).
    taken_from = {task.location_id for task, _actor in started}
    replenish_if_low(uow, uow.moves.location_codes_of(taken_from), "pick")


def _fact_task(tasks: dict, payload: TakesStock):
    """The task a fact names, if it is still on the fact's pick list. A task id can come back
    for another task (SQLite reuses the ids of tasks a cancelled wave deleted): a late fact
    about the old one must not land on the new one."""
    task = tasks.get(payload.task_id)
    listed = payload.pick_list_id
    return task if task is not None and listed in (None, task.pick_list_id) else None


def _picked_for_a_gone_task(
    uow: UnitOfWork, fact: Event, payload: TakesStock, quantity: int
) -> None:
    """Units a station picked offline for a task that is gone (its wave was cancelled while
    the station was away): they sit in a tote, and the shelf's stock never counted them out.
    Nothing is booked; the lead is told, to have them put back (recorded is never lost)."""
    keys = ("pick_list_id", "task_id", "sku", "location", "tote")
    details = {key: getattr(payload, key, None) for key in keys}  # a short names no tote
    details |= {"quantity": quantity, "picked_by": fact.actor.user, "station": fact.actor.station}
    uow.picking.add_exception("pick_task_gone", fact.order_ref, None, details, fact.occurred_at)


def _reserved_left(task, picked: int) -> int:
    """What is still reserved on the shelf for a task once `picked` units are in the tote."""
    return max(task.reserved_for_task - picked, 0)


def _start_picking(uow: UnitOfWork, started: list[tuple]) -> None:
    """The first pick of a list or an order starts it. `started`: (task as read before the
    facts, who picked), in order; an order is moved by the first of its pickers."""
    lists = {t.pick_list_id for t, _a in started if t.list_status == PickListStatus.ASSIGNED.value}
    if lists:
        uow.picking.set_lists_status(sorted(lists), PickListStatus.PICKING.value)
    first_picker: dict[int, Actor] = {}
    for task, actor in started:
        if task.order_status == OrderStatus.RELEASED.value:
            first_picker.setdefault(task.order_ref, actor)
    for actor in dict.fromkeys(first_picker.values()):
        refs = [ref for ref, who in first_picker.items() if who == actor]
        _move_orders(uow, refs, OrderStatus.PICKING, actor)


def apply_pick_short(uow: UnitOfWork, fact: Event) -> None:
    """Found units go to the tote; the shortfall becomes an exception for the lead, with a
    suggestion: re-allocate from stock elsewhere, or backorder when there is none. A location
    reported empty or the product not found there: what is left of it at that location is held
    (never allocated again) until it is counted."""
    short = PickShort.of(fact)
    task = _fact_task(uow.picking.tasks([short.task_id]), short)
    found, shortfall = short.found, short.shortfall
    if task is None:
        if found > 0:
            _picked_for_a_gone_task(uow, fact, short, found)
        return
    _take(uow, [(fact, short, found)])
    uow.picking.update_task(task.id, short=task.short + shortfall, status=TaskStatus.SHORT.value)
    uow.picking.drop_allocation(task, min(shortfall, _reserved_left(task, task.picked + found)))
    if short.reason in HOLDS_LOCATION:
        uow.picking.hold_location_stock(task)
        # Nobody knows what is there now: count it (docs/stock.md "Counting").
        schedule_counts(uow, [task.location], CountReason.SHORT, fact.actor)
    report_short(uow, task, short.location, short.sku, found, shortfall, short.reason, fact)
    _start_picking(uow, [(task, fact.actor)])


def report_short(
    uow: UnitOfWork,
    task,
    location: str | None,
    sku: str | None,
    found: int,
    shortfall: int,
    reason: str | None,
    fact: Event,
) -> None:
    """The shortfall in the lead's queue with a suggestion: re-allocate from stock elsewhere,
    or backorder when there is none (a short pick, or a count that left less on the shelf than
    was reserved: app/services/count_release.py)."""
    elsewhere = stock_choice.ranked(uow.picking.stock_elsewhere(task), utcnow().date())
    covered = sum(item.available for item in elsewhere) >= shortfall
    details = {
        "pick_list_id": task.pick_list_id,
        "location": location,
        "sku": sku,
        "found": found,
        "shortfall": shortfall,
        "reason": reason,
        "reported_by": fact.actor.user,
        "station": fact.actor.station,
        "suggestion": "reallocate" if covered else "backorder",
        "stock_elsewhere": [
            {"code": item.location, "lot": item.lot, "free": item.available}
            for item in elsewhere[:5]
        ],
    }
    uow.picking.add_exception("short_pick", task.order_ref, task.id, details, fact.occurred_at)


def apply_pick_skipped(uow: UnitOfWork, fact: Event) -> None:
    skipped = PickSkipped.of(fact)
    uow.picking.move_to_end(skipped.pick_list_id, skipped.task_id)


def apply_pick_rerouted(uow: UnitOfWork, fact: Event) -> None:
    """The station's new walking order, after every earlier fact: the tasks named come last, in
    that order. A task no longer on the list (reassigned meanwhile) is left where it is."""
    rerouted = PickRerouted.of(fact)
    uow.picking.resequence(rerouted.pick_list_id, rerouted.task_ids)


def apply_tote_bound(uow: UnitOfWork, fact: Event) -> None:
    bound = ToteBound.of(fact)
    tote, order_ref = bound.tote, bound.order_ref
    if uow.picking.tote_in_use(tote, order_ref):  # bound elsewhere while this station was offline
        details = {"tote": tote, "pick_list_id": bound.pick_list_id}
        uow.picking.add_exception("tote_conflict", order_ref, None, details, fact.occurred_at)
        return
    uow.picking.bind_tote(tote, order_ref)


def apply_picklist_finished(uow: UnitOfWork, fact: Event) -> None:
    """The cart goes to packing: totes ready, list done. Each order moves by what is left of
    it (`status_after_picking`): picked, or exception while a short pick waits for the lead. A
    short the lead already settled (reallocated and picked, backordered, ...) no longer stops
    it. A list with work still open (reassigned meanwhile, more facts to come) is left open."""
    view = uow.picking.view(PicklistFinished.of(fact).pick_list_id)
    if view is None or view.status == PickListStatus.DONE.value:
        return
    if any(t.is_open for t in view.tasks):
        return
    refs = [slot.order_ref for slot in view.cart]
    uow.picking.totes_ready(refs)
    uow.picking.set_list_status(view.id, PickListStatus.DONE.value, finished_at=fact.occurred_at)
    settle_orders(uow, refs, fact.actor)


def settle_orders(uow: UnitOfWork, refs: list[int], actor: Actor) -> None:
    """Move orders on carts to where their picking now stands (picking, picked, exception)."""
    on_the_floor = [stored_id(o) for o in uow.orders.by_refs(refs) if o.status in STILL_PICKING]
    progress = uow.picking.pick_progress(on_the_floor)
    by_target: dict[OrderStatus, list[int]] = {}
    for ref in on_the_floor:  # a late finish never moves a packed or cancelled order back
        target = status_after_picking(progress[ref])
        if target is not None:
            by_target.setdefault(target, []).append(ref)
    picked = by_target.get(OrderStatus.PICKED, [])
    _move_orders(uow, picked, OrderStatus.PICKING, actor, only_from=OrderStatus.RELEASED)
    _move_orders(uow, picked, OrderStatus.PICKED, actor)
    _move_orders(
        uow,
        by_target.get(OrderStatus.PICKING, []),
        OrderStatus.PICKING,
        actor,
        only_from=OrderStatus.EXCEPTION,
    )
    _move_orders(
        uow,
        by_target.get(OrderStatus.EXCEPTION, []),
        OrderStatus.EXCEPTION,
        actor,
        reason="short pick",
    )


def _move_orders(
    uow: UnitOfWork,
    refs: list[int],
    status: OrderStatus,
    actor: Actor,
    only_from: OrderStatus | None = None,
    reason: str = "",
) -> None:
    if not refs:
        return
    moved, events = [], []
    for order in uow.orders.by_refs(refs):
        if order.status == status or (only_from is not None and order.status != only_from):
            continue
        order.move_to(status, reason)
        moved.append(order)
        events += [Event(kind, payload, actor, order.id) for kind, payload in order.events]
    uow.orders.save_statuses(moved)
    uow.events.add_all(events)
