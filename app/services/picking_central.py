"""Picking on the central database: claiming work, the picker's view, and the fact appliers.

`CentralPickingBackend` is the direct `PickingBackend` (app.services.ports): a station that talks
to central itself. Its methods run on the station's database worker thread.

The appliers (`@applies`) turn picking facts into row changes, in the transaction of
`app.services.facts.apply_facts`, exactly once per fact UUID, whoever sends them (a station, the
sync thread). They never refuse a late fact: the item was physically picked. A list reassigned
meanwhile still takes the old station's confirmations; what remains stays with the new assignee.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime

from app.domain import stock_choice
from app.domain.events import Actor, Event, utcnow
from app.domain.orders import OrderStatus, status_after_picking
from app.domain.picking import HOLDS_LOCATION, PickListView, TaskStatus, status_after_pick
from app.domain.stored import stored_id
from app.domain.users import User
from app.domain.waves import PickListStatus
from app.errors import Offline
from app.messages import message
from app.services.facts import applies, apply_facts
from app.services.ports import FactDoor, UnitOfWork
from app.services.sync import wait_applied

CLAIM_WANTED = "picklist.claim_wanted"
CLAIM_TIMEOUT_S = 10.0  # the applier answers in milliseconds; longer means it is not running
STILL_PICKING = (OrderStatus.RELEASED, OrderStatus.PICKING, OrderStatus.EXCEPTION)
OPEN_FOR_PICKER = (PickListStatus.ASSIGNED.value, PickListStatus.PICKING.value)


class CentralPickingBackend:
    """`PickingBackend` over the central database (`uow_factory()` gives a fresh unit of work)."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        station: str,
        now: Callable[[], datetime] = utcnow,
        door: Callable[[], FactDoor] | None = None,
    ) -> None:
        self.uow_factory, self.station, self.now = uow_factory, station, now
        self.door = door  # how this station's facts reach central (None: it writes directly)

    def my_pick_list(self, user: User) -> PickListView | None:
        """The user's open list, else the oldest released one, claimed for them now."""
        door = self.door() if self.door else None
        if door is not None and door.narrow:
            return self._claimed_through(door, user)
        with self.uow_factory() as uow:
            list_id = claim_next(uow, Actor(user.name, self.station), user.badge, self.now())
            view = uow.picking.view(list_id) if list_id is not None else None
            uow.commit()
        return view

    def _claimed_through(self, door: FactDoor, user: User) -> PickListView | None:
        """A station login writes nothing itself: it asks central's applier for a list (after
        every fact it pushed before, so a finished list is never handed out again)."""
        actor = Actor(user.name, self.station)
        door.push(self.station, user.name, [Event(CLAIM_WANTED, {"badge": user.badge}, actor)], 0)
        if not wait_applied(door, CLAIM_TIMEOUT_S):
            raise Offline(message("pick.claim_not_applied"))
        with self.uow_factory() as uow:
            user_id = uow.picking.user_id(user.badge)
            list_id = uow.picking.assigned_to(user_id) if user_id is not None else None
            return uow.picking.view(list_id) if list_id is not None else None

    def record(self, facts: list[Event]) -> None:
        apply_facts(self.uow_factory(), facts)

    def still_mine(self, pick_list_id: int, user: User) -> bool:
        with self.uow_factory() as uow:
            badge, status = uow.picking.holder(pick_list_id)
        return badge == user.badge and status in OPEN_FOR_PICKER

    def tote_in_use(self, tote: str, order_ref: int) -> bool:
        with self.uow_factory() as uow:
            return uow.picking.tote_in_use(tote, order_ref)

    def site_layout(self) -> dict | None:
        with self.uow_factory() as uow:
            return uow.catalog.layout_document()


def claim_next(uow: UnitOfWork, actor: Actor, badge: str, now: datetime) -> int | None:
    """Inside the caller's transaction: the list the badge holds, else the oldest released list,
    claimed for it (recorded as `picklist.claimed`). None: no such user, or no work."""
    user_id = uow.picking.user_id(badge)
    if user_id is None:
        return None
    list_id = uow.picking.assigned_to(user_id)
    if list_id is None:
        list_id = uow.picking.claim_next_released(user_id, now)
        if list_id is not None:
            uow.events.add_all([Event("picklist.claimed", {"pick_list_id": list_id}, actor)])
    return list_id


# --- appliers: run inside apply_facts' transaction ---------------------------------------------


@applies(CLAIM_WANTED)
def apply_claim_wanted(uow: UnitOfWork, fact: Event) -> None:
    """A station login asked for work for the picker signed in there (see `_claimed_through`)."""
    claim_next(uow, fact.actor, str(fact.payload.get("badge", "")), utcnow())


@applies("pick.confirmed", in_bulk=True)
def apply_picks_confirmed(uow: UnitOfWork, facts: list[Event]) -> None:
    _take(uow, [(fact, int(fact.payload["quantity"])) for fact in facts])


@applies("pick.undone", in_bulk=True)
def apply_picks_undone(uow: UnitOfWork, facts: list[Event]) -> None:
    _take(uow, [(fact, -int(fact.payload["quantity"])) for fact in facts])


def _take(uow: UnitOfWork, takes: list[tuple[Event, int]]) -> None:
    """For each (fact, quantity) in order, that many units of the fact's task left the shelf
    into the tote (negative: put back). The tasks are read once and every row is written once,
    with the same outcome as taking the facts one by one."""
    tasks = uow.picking.tasks(sorted({fact.payload["task_id"] for fact, _q in takes}))
    picked = {task.id: task.picked for task in tasks.values()}
    written: dict[int, dict] = {}
    stock_taken: Counter[int] = Counter()
    unreserved: Counter[int] = Counter()
    line_picked: Counter[int] = Counter()
    started = []
    for fact, quantity in takes:
        task = _fact_task(tasks, fact)
        if task is None and quantity > 0:
            _picked_for_a_gone_task(uow, fact, quantity)
        if task is None or quantity == 0:
            continue
        before = picked[task.id]
        picked[task.id] = max(before + quantity, 0)
        quantity = picked[task.id] - before  # an undo never puts back more than was picked
        status = status_after_pick(picked[task.id], task.quantity, task.short)
        written[task.id] = {
            "id": task.id, "picked": picked[task.id], "status": status.value,
            "picked_by": fact.actor.user, "picked_at": fact.occurred_at,
        }  # fmt: skip
        stock_taken[task.stock_id] += quantity
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


def _fact_task(tasks: dict, fact: Event):
    """The task a fact names, if it is still on the fact's pick list. A task id can come back
    for another task (SQLite reuses the ids of tasks a cancelled wave deleted): a late fact
    about the old one must not land on the new one."""
    task = tasks.get(fact.payload["task_id"])
    listed = fact.payload.get("pick_list_id")
    return task if task is not None and listed in (None, task.pick_list_id) else None


def _picked_for_a_gone_task(uow: UnitOfWork, fact: Event, quantity: int) -> None:
    """Units a station picked offline for a task that is gone (its wave was cancelled while
    the station was away): they sit in a tote, and the shelf's stock never counted them out.
    Nothing is booked; the lead is told, to have them put back (recorded is never lost)."""
    keys = ("pick_list_id", "task_id", "sku", "location", "tote")
    details = {key: fact.payload.get(key) for key in keys}
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


@applies("pick.short")
def apply_pick_short(uow: UnitOfWork, fact: Event) -> None:
    """Found units go to the tote; the shortfall becomes an exception for the lead, with a
    suggestion: re-allocate from stock elsewhere, or backorder when there is none. A location
    reported empty or the product not found there: what is left of it at that location is held
    (never allocated again) until it is counted."""
    task = _fact_task(uow.picking.tasks([fact.payload["task_id"]]), fact)
    found, shortfall = int(fact.payload.get("found", 0)), int(fact.payload["shortfall"])
    if task is None:
        if found > 0:
            _picked_for_a_gone_task(uow, fact, found)
        return
    _take(uow, [(fact, found)])
    uow.picking.update_task(task.id, short=task.short + shortfall, status=TaskStatus.SHORT.value)
    uow.picking.drop_allocation(task, min(shortfall, _reserved_left(task, task.picked + found)))
    if fact.payload.get("reason") in HOLDS_LOCATION:
        uow.picking.hold_location_stock(task)
    elsewhere = stock_choice.ranked(uow.picking.stock_elsewhere(task), utcnow().date())
    covered = sum(item.available for item in elsewhere) >= shortfall
    details = {
        "pick_list_id": task.pick_list_id,
        "location": fact.payload.get("location"),
        "sku": fact.payload.get("sku"),
        "found": found,
        "shortfall": shortfall,
        "reason": fact.payload.get("reason"),
        "reported_by": fact.actor.user,
        "station": fact.actor.station,
        "suggestion": "reallocate" if covered else "backorder",
        "stock_elsewhere": [
            {"code": item.location, "lot": item.lot, "free": item.available}
            for item in elsewhere[:5]
        ],
    }
    uow.picking.add_exception("short_pick", task.order_ref, task.id, details, fact.occurred_at)
    _start_picking(uow, [(task, fact.actor)])


@applies("pick.skipped")
def apply_pick_skipped(uow: UnitOfWork, fact: Event) -> None:
    uow.picking.move_to_end(fact.payload["pick_list_id"], fact.payload["task_id"])


@applies("tote.bound")
def apply_tote_bound(uow: UnitOfWork, fact: Event) -> None:
    tote, order_ref = fact.payload["tote"], fact.payload["order_ref"]
    if uow.picking.tote_in_use(tote, order_ref):  # bound elsewhere while this station was offline
        details = {"tote": tote, "pick_list_id": fact.payload.get("pick_list_id")}
        uow.picking.add_exception("tote_conflict", order_ref, None, details, fact.occurred_at)
        return
    uow.picking.bind_tote(tote, order_ref)


@applies("picklist.finished")
def apply_picklist_finished(uow: UnitOfWork, fact: Event) -> None:
    """The cart goes to packing: totes ready, list done. Each order moves by what is left of
    it (`status_after_picking`): picked, or exception while a short pick waits for the lead. A
    short the lead already settled (reallocated and picked, backordered, ...) no longer stops
    it. A list with work still open (reassigned meanwhile, more facts to come) is left open."""
    view = uow.picking.view(fact.payload["pick_list_id"])
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
    _move_orders(uow, by_target.get(OrderStatus.PICKING, []), OrderStatus.PICKING, actor,
                 only_from=OrderStatus.EXCEPTION)  # fmt: skip
    _move_orders(uow, by_target.get(OrderStatus.EXCEPTION, []), OrderStatus.EXCEPTION, actor,
                 reason="short pick")  # fmt: skip


@applies("scan.refused")
def apply_scan_refused(uow: UnitOfWork, fact: Event) -> None:
    """Nothing changes: the stored fact itself is the mis-scan the accuracy KPI counts."""


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
