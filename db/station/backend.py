"""`StationPickingBackend`: the picker screen's data from the station store, offline first.

Implements `app.services.ports.PickingBackend`. Its methods run on the station's database
worker thread. `record()` returns once the facts are durable in the local store — the network
is never waited for — and wakes the sync thread, which pushes them. The pick list comes from the
store's cache, with the station's not-yet-pushed facts laid over it, so a restart while offline
shows the work as the picker left it. Only claiming a new list needs central: offline, that
raises `Offline` with the lists waiting as last pulled, for the picker's screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date

from sqlalchemy.exc import DBAPIError

from app.domain.events import Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import (
    PickConfirmed,
    PickRerouted,
    PickShort,
    PickSkipped,
    PickUndone,
    ToteBound,
)
from app.domain.picking import (
    CartSlot,
    PickListView,
    PickTaskView,
    TaskStatus,
    status_after_pick,
)
from app.domain.users import User
from app.errors import Offline
from app.messages import message
from app.services.picking_central import CentralPickingBackend
from app.services.ports import FactDoor, UnitOfWork
from db.station.store import StationStore

TASK_RULES = ("lot_controlled", "no_barcode")  # product flags the picker's steps check


class StationPickingBackend:
    def __init__(
        self,
        store: StationStore,
        wake_sync: Callable[[], None],
        uow_factory: Callable[[], UnitOfWork],
        station: str,
        door: Callable[[], FactDoor] | None = None,
    ) -> None:
        self.store, self.wake_sync = store, wake_sync
        # Claims go through the sync engine's door: a station login may not write them itself.
        self.central = CentralPickingBackend(uow_factory, station, door=door)

    def my_pick_list(self, user: User) -> PickListView | None:
        self.store.follow(user.name)  # the sync thread pulls this user's work from now on
        self.store.set_meta("user", user.name)  # shown to the lead as signed in here
        finished = self.store.finished_lists()
        for work in self.store.work(user.name):
            if not work["taken_away"] and work["id"] not in finished:
                return self._with_scan_rules(self._with_local_facts(view_from_dict(work)))
        if not self._pushed(timeout=3.0):  # central must hear of the last list first
            raise self._offline()
        through = self.store.sent_through()
        try:
            view = self.central.my_pick_list(user)  # needs central: claims with SKIP LOCKED
        except DBAPIError:
            raise self._offline() from None
        if view is not None:
            self.store.save_work({view.id: asdict(view)}, [user.name], through)
        return view

    def _offline(self) -> Offline:
        waves = self.store.cached("wave").values()
        waiting = sum(w["lists_waiting"] for w in waves) if waves else None
        return Offline(message("pick.offline_no_claim"), waiting)

    def _pushed(self, timeout: float) -> bool:
        """Central must know a finished list is done before it hands out the next one."""
        deadline, pause = time.monotonic() + timeout, 0.005
        self.wake_sync()  # one wake-up is enough: the sync thread pushes until the outbox is empty
        while self.store.waiting():
            if time.monotonic() > deadline:
                return False
            time.sleep(pause)
            pause = min(pause * 2, 0.1)  # the usual push takes milliseconds; do not spin
        return True

    def record(self, facts: list[Event]) -> None:
        self.store.record(facts)  # durable when this returns: the picker may move on
        self.wake_sync()

    def still_mine(self, pick_list_id: int, user: User) -> bool:
        return any(
            w["id"] == pick_list_id and not w["taken_away"] for w in self.store.work(user.name)
        )

    def tote_in_use(self, tote: str, order_ref: int) -> bool:
        """As far as this station knows; central raises a tote_conflict if it knew better."""
        for work in self.store.work():
            view = self._with_local_facts(view_from_dict(work))
            if any(s.tote == tote and s.order_ref != order_ref for s in view.cart):
                return True
        return False

    def site_layout(self) -> dict | None:
        layout = self.store.get_meta("layout")
        if layout is None:
            layout = self.central.site_layout()
            if layout is not None:
                self.store.set_meta("layout", layout)
        return layout

    def _with_scan_rules(self, view: PickListView) -> PickListView:
        """The products' scan rules as last pulled: a snapshot saved before a product became
        lot-controlled (or by an older version without the flags) must not let its picks pass
        unchecked."""
        products = {doc["sku"]: doc for doc in self.store.cached("product").values()}

        def checked(task: PickTaskView) -> PickTaskView:
            product = products.get(task.sku, {})
            return replace(task, **{f: bool(product.get(f, getattr(task, f))) for f in TASK_RULES})

        return replace(view, tasks=tuple(checked(task) for task in view.tasks))

    def _with_local_facts(self, view: PickListView) -> PickListView:
        for fact in self.store.facts_since_snapshot(view.id):
            view = _apply_locally(view, fact)
        return view


def _apply_locally(view: PickListView, fact: Event) -> PickListView:
    """What central's appliers will do with the fact, for the station's own display (the same
    typed payloads they read: app/domain/fact_payloads.py)."""
    if fact.kind == FactKind.TOTE_BOUND:
        bound = ToteBound.of(fact)
        return view.with_tote(bound.order_ref, bound.tote)
    if fact.kind == FactKind.PICK_SKIPPED:
        return view.resequenced([PickSkipped.of(fact).task_id])
    if fact.kind == FactKind.PICK_REROUTED:
        return view.resequenced(PickRerouted.of(fact).task_ids)
    if fact.kind not in (FactKind.PICK_CONFIRMED, FactKind.PICK_UNDONE, FactKind.PICK_SHORT):
        return view
    payload = _TAKES[fact.kind].of(fact)
    task = next((t for t in view.tasks if t.id == payload.task_id), None)
    if task is None:
        return view
    if isinstance(payload, PickShort):
        changed = replace(
            task,
            picked=task.picked + payload.found,
            short=task.short + payload.shortfall,
            status=TaskStatus.SHORT.value,
        )
        return view.with_task(changed)
    sign = 1 if isinstance(payload, PickConfirmed) else -1
    picked = max(task.picked + sign * payload.quantity, 0)
    status = status_after_pick(picked, task.quantity, task.short)
    by = fact.actor.user if sign > 0 else task.picked_by  # central keeps who picked it
    return view.with_task(replace(task, picked=picked, status=status.value, picked_by=by))


_TAKES: dict[str, type[PickConfirmed | PickUndone | PickShort]] = {
    FactKind.PICK_CONFIRMED: PickConfirmed,
    FactKind.PICK_UNDONE: PickUndone,
    FactKind.PICK_SHORT: PickShort,
}


def view_from_dict(data: dict) -> PickListView:
    tasks = tuple(
        PickTaskView(
            **{
                **t,
                "gtins": tuple(t["gtins"]),
                "expiry": date.fromisoformat(t["expiry"]) if t.get("expiry") else None,
            }
        )
        for t in data["tasks"]
    )
    cart = tuple(CartSlot(**slot) for slot in data["cart"])
    return PickListView(
        data["id"], data["wave"], data["assignee"], data["status"], tasks, cart, data["distance_m"]
    )
