"""The picker's state and verdicts (app.steps.picking is the state machine over them).

`PickState` is everything the screen shows and the next step needs: the list as this station
knows it, the phase of the current task and what is in hand (count, lot, what was scanned).
`Verdict` is one step's outcome: colour and tone, a message id for the screen, the facts to
record and the state to adopt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from app.domain.events import Actor, Event
from app.domain.fact_payloads import PicklistFact
from app.domain.picking import PickListView, PickTaskView, ShortReason
from app.scanning.interpret import Scan

REASONS = tuple(ShortReason)


class Phase(StrEnum):
    CART = "cart"  # scan a tote for each order on the cart
    LOCATION = "location"  # go to the location and scan it
    ITEM = "item"  # scan the item (again, to count)
    LOT = "lot"  # a lot-controlled item was scanned without its lot: scan the lot
    TOTE = "tote"  # counted: scan the tote to confirm
    SHORT = "short"  # reporting fewer found: choose a reason, confirm
    FINISH = "finish"  # every task done: confirm to send the cart to packing
    DONE = "done"


TASK_PHASES = (Phase.LOCATION, Phase.ITEM, Phase.LOT, Phase.TOTE)  # at a task, before short


@dataclass(frozen=True)
class PickState:
    pick_list: PickListView
    actor: Actor
    phase: Phase
    route: tuple[int, ...]  # ids of the tasks still to do, current first
    counted: int = 0
    lot: str = ""
    lot_scanned: bool = False  # the lot was read from a scan (not taken from the allocation)
    item_scanned: bool = False  # the right item was scanned for the current count
    expiry: str | None = None
    at_location: str | None = None  # the location last scanned correctly
    reason: ShortReason = ShortReason.EMPTY
    last: Event | None = None  # the last confirmation; undoable until the next one

    @property
    def task(self) -> PickTaskView | None:
        return self.task_by_id(self.route[0]) if self.route else None

    @property
    def current_task(self) -> PickTaskView:
        """The task at hand, in the task phases and SHORT (the route is never empty there)."""
        if not self.route:
            raise LookupError(f"no task at hand in phase {self.phase.value}: the route is done")
        return self.task_by_id(self.route[0])

    def task_by_id(self, task_id: int) -> PickTaskView:
        return self.pick_list.task_index[task_id]

    def upcoming(self, count: int = 2) -> list[PickTaskView]:
        return [self.task_by_id(i) for i in self.route[1 : 1 + count]]

    @property
    def order_needing_tote(self):
        return next((slot for slot in self.pick_list.cart if slot.tote is None), None)

    @property
    def stops_done(self) -> int:
        return len(self.pick_list.tasks) - len(self.route)


@dataclass(frozen=True)
class Verdict:
    tone: str  # "ok", "error" or "info": colour and sound on the screen
    message: str  # what happened, as an id the screen turns into words
    state: PickState  # the state to show next
    params: dict = field(default_factory=dict)
    facts: tuple[Event, ...] = ()
    durable: bool = False  # True: record the facts first, then adopt the state
    check_tote: str | None = None  # ask the backend whether this tote is in use, then call back

    @property
    def refused(self) -> bool:
        return self.tone == "error"


# --- facts ------------------------------------------------------------------------------------


def make_fact(state: PickState, kind: str, ref: int | None, **payload) -> Event:
    """A fact about the state's pick list, by the state's picker at this station."""
    return Event(kind, {"pick_list_id": state.pick_list.id, **payload}, state.actor, ref)


def picking_fact(state: PickState, kind: type[PicklistFact], ref: int | None, **fields) -> Event:
    """A fact of a kind central applies, with its typed payload (app/domain/fact_payloads.py),
    about the state's pick list, by the state's picker at this station."""
    return kind(pick_list_id=state.pick_list.id, **fields).fact(state.actor, ref)


def refuse_scan(state: PickState, scan: Scan, reason: str, **params) -> Verdict:
    """A refused scan: red, error tone, and a mis-scan fact for the accuracy KPI."""
    task = state.task if state.phase is not Phase.CART else None
    scanned = scan.code or scan.gtin or scan.raw
    mis_scan = make_fact(
        state,
        "scan.refused",
        task.order_ref if task else None,
        task_id=task.id if task else None,
        step=state.phase.value,
        reason=reason,
        expected=params.get("expected"),
        scanned=scanned,
        scan_kind=scan.kind,
        lot=scan.lot,
    )
    return Verdict("error", reason, state, {"scanned": scanned, **params}, (mis_scan,), False)


# --- moving on ---------------------------------------------------------------------------------


def no_count(state: PickState) -> PickState:
    """Nothing in hand for the current task: count, lot and what was scanned start over."""
    return replace(state, counted=0, lot="", expiry=None, lot_scanned=False, item_scanned=False)


def after_task(state: PickState, task: PickTaskView, last: Event | None) -> PickState:
    """The state once `task` (the current one) changed: next task if it is finished."""
    pick_list = state.pick_list.with_task(task)
    route = state.route[1:] if not task.is_open else state.route
    new = replace(
        no_count(state), pick_list=pick_list, route=route, last=last, reason=ShortReason.EMPTY
    )
    if not route:
        return replace(new, phase=Phase.FINISH)
    at_next = new.current_task.location == state.at_location
    return replace(new, phase=Phase.ITEM if at_next else Phase.LOCATION)
