"""The picker's steps at the station, as a pure state machine: no I/O, no Qt, no clock.

    state = start(pick_list, actor)
    verdict = on_scan(state, scan, today)     # or on_command / on_count / on_tote_checked
    # verdict.tone (ok / error / info), verdict.message + params (the screen words them),
    # verdict.facts to record; adopt verdict.state once they are recorded (when verdict.durable)

Steps for each task, in walking order: scan the location → scan the item (GTIN or GS1 with
lot/expiry; quantity by repeated scans, a GS1 count, or typed) → scan the tote, which confirms.
Before the first task the cart is set up: one tote per order. Every refused scan comes with a
`scan.refused` fact (what was expected, what was scanned) for the accuracy KPI.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from app.domain.events import Actor, Event
from app.domain.picking import PickListView, PickTaskView, ShortReason, TaskStatus
from app.scanning.interpret import Scan

REASONS = tuple(ShortReason)


class Phase(StrEnum):
    CART = "cart"  # scan a tote for each order on the cart
    LOCATION = "location"  # go to the location and scan it
    ITEM = "item"  # scan the item (again, to count)
    TOTE = "tote"  # counted: scan the tote to confirm
    SHORT = "short"  # reporting fewer found: choose a reason, confirm
    FINISH = "finish"  # every task done: confirm to send the cart to packing
    DONE = "done"


@dataclass(frozen=True)
class PickState:
    pick_list: PickListView
    actor: Actor
    phase: Phase
    route: tuple[int, ...]  # ids of the tasks still to do, current first
    counted: int = 0
    lot: str = ""
    expiry: str | None = None
    at_location: str | None = None  # the location last scanned correctly
    reason: ShortReason = ShortReason.EMPTY
    last: Event | None = None  # the last confirmation; undoable until the next one

    @property
    def task(self) -> PickTaskView | None:
        return self.task_by_id(self.route[0]) if self.route else None

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


def start(pick_list: PickListView, actor: Actor) -> PickState:
    """Where the picker resumes: the first open task in walking order (after a restart too)."""
    route = tuple(t.id for t in sorted(pick_list.tasks, key=lambda t: t.seq) if t.is_open)
    state = PickState(pick_list, actor, Phase.LOCATION, route)
    return replace(state, phase=_next_phase(state))


def _next_phase(state: PickState) -> Phase:
    if state.order_needing_tote is not None:
        return Phase.CART
    return Phase.LOCATION if state.route else Phase.FINISH


def on_scan(state: PickState, scan: Scan, today: str) -> Verdict:
    """`today` is the station's date as YYYY-MM-DD (expired lots are refused)."""
    if scan.kind == "command":
        return on_command(state, scan.code or "")
    if scan.kind == "invalid":
        return _refuse(state, scan, "invalid_scan", error=scan.error or "")
    if state.phase is Phase.CART:
        return _cart_scan(state, scan)
    if state.phase in (Phase.LOCATION, Phase.ITEM, Phase.TOTE):
        return _task_scan(state, scan, today)
    return Verdict("info", f"scan_not_now_{state.phase.value}", state)


# --- cart set-up ------------------------------------------------------------------------------


def _cart_scan(state: PickState, scan: Scan) -> Verdict:
    slot = state.order_needing_tote
    if scan.kind != "tote":
        return _refuse(state, scan, "scan_a_tote", order=slot.order_id)
    taken = next((s for s in state.pick_list.cart if s.tote == scan.code), None)
    if taken is not None:
        return _refuse(state, scan, "tote_on_cart", tote=scan.code, order=taken.order_id)
    return Verdict("info", "checking_tote", state, {"tote": scan.code}, check_tote=scan.code)


def on_tote_checked(state: PickState, tote: str, in_use: bool) -> Verdict:
    """The backend's answer to `Verdict.check_tote`: bind the tote to the waiting order."""
    slot = state.order_needing_tote
    if slot is None or state.phase is not Phase.CART:
        return Verdict("info", "cart_ready", state)
    if in_use:
        return _refuse(state, _tote_scan(tote), "tote_in_use", tote=tote)
    fact = _fact(state, "tote.bound", slot.order_ref, order_ref=slot.order_ref,
                 order_id=slot.order_id, tote=tote)  # fmt: skip
    bound = replace(state, pick_list=state.pick_list.with_tote(slot.order_ref, tote))
    bound = replace(bound, phase=_next_phase(bound))
    message = "tote_bound" if bound.phase is Phase.CART else "cart_ready"
    return Verdict("ok", message, bound, {"tote": tote, "order": slot.order_id}, (fact,), True)


def _tote_scan(code: str) -> Scan:
    return Scan(raw=f"T:{code}", symbology=None, kind="tote", code=code)


# --- one task: location, item, count, tote ----------------------------------------------------


def _task_scan(state: PickState, scan: Scan, today: str) -> Verdict:
    task = state.task
    if scan.kind == "location":
        if scan.code != task.location:
            return _refuse(state, scan, "wrong_location", expected=task.location)
        phase = Phase.ITEM if state.phase is Phase.LOCATION else state.phase
        return Verdict("ok", "location_ok", replace(state, phase=phase, at_location=task.location),
                       {"location": task.location})  # fmt: skip
    if state.phase is Phase.LOCATION:
        return _refuse(state, scan, "scan_location_first", expected=task.location)
    if scan.kind == "tote":
        return _tote_step(state, scan)
    return _item_step(state, scan, today)


def _item_step(state: PickState, scan: Scan, today: str) -> Verdict:
    task = state.task
    if scan.kind != "product" or scan.gtin not in task.gtins:
        return _refuse(state, scan, "wrong_item", expected=task.sku, name=task.product_name)
    lot = scan.lot or ""
    if task.lot and lot and lot != task.lot:
        return _refuse(state, scan, "wrong_lot", expected=task.lot, lot=lot)
    if scan.expiry and scan.expiry < today:
        return _refuse(state, scan, "expired_lot", lot=lot or task.lot, expiry=scan.expiry)
    if state.counted and lot and state.lot and lot != state.lot:
        return _refuse(state, scan, "wrong_lot", expected=state.lot, lot=lot)
    counted = state.counted + (scan.quantity or 1)
    if counted > task.remaining:
        return _refuse(state, scan, "too_many", remaining=task.remaining, counted=counted)
    return _counted(state, counted, lot or state.lot or task.lot, scan.expiry or state.expiry)


def on_count(state: PickState, count: int) -> Verdict:
    """A quantity typed on the keypad replaces the scanned count."""
    task = state.task
    if state.phase not in (Phase.ITEM, Phase.TOTE) or task is None:
        return Verdict("error", "scan_item_first", state)
    if not 0 < count <= task.remaining:
        return Verdict("error", "count_out_of_range", state, {"remaining": task.remaining})
    return _counted(state, count, state.lot or task.lot, state.expiry)


def _counted(state: PickState, counted: int, lot: str, expiry: str | None) -> Verdict:
    task = state.task
    new = replace(state, phase=Phase.TOTE, counted=counted, lot=lot, expiry=expiry)
    tote = state.pick_list.tote_for(task.order_ref)
    params = {"count": counted, "quantity": task.remaining, "tote": tote}
    return Verdict("ok", "counted_all" if counted == task.remaining else "counted", new, params)


def _tote_step(state: PickState, scan: Scan) -> Verdict:
    expected = state.pick_list.tote_for(state.task.order_ref)
    if state.phase is not Phase.TOTE:
        return _refuse(state, scan, "scan_item_first", expected=state.task.sku)
    if scan.code != expected:
        return _refuse(state, scan, "wrong_tote", expected=expected)
    return _confirm(state, tote_scanned=True)


def _confirm(state: PickState, tote_scanned: bool) -> Verdict:
    task, count = state.task, state.counted
    tote = state.pick_list.tote_for(task.order_ref)
    fact = _fact(state, "pick.confirmed", task.order_ref, task_id=task.id, quantity=count,
                 lot=state.lot, expiry=state.expiry, location=task.location, sku=task.sku,
                 tote=tote, tote_scanned=tote_scanned)  # fmt: skip
    picked = replace(task, picked=task.picked + count)
    if picked.remaining == 0:
        picked = replace(picked, status=TaskStatus.DONE.value)
    new = _after_task(state, picked, last=fact)
    message = "picked" if picked.remaining == 0 else "picked_part"
    params = {"count": count, "tote": tote, "remaining": picked.remaining}
    return Verdict("ok", message, new, params, (fact,), True)


def _after_task(state: PickState, task: PickTaskView, last: Event | None) -> PickState:
    """The state once `task` (the current one) changed: next task if it is finished."""
    pick_list = state.pick_list.with_task(task)
    route = state.route[1:] if not task.is_open else state.route
    new = replace(state, pick_list=pick_list, route=route, counted=0, lot="", expiry=None,
                  last=last, reason=ShortReason.EMPTY)  # fmt: skip
    if not route:
        return replace(new, phase=Phase.FINISH)
    at_next = new.task.location == state.at_location
    return replace(new, phase=Phase.ITEM if at_next else Phase.LOCATION)


# --- commands: by command barcode, button or key -----------------------------------------------


def on_command(state: PickState, name: str) -> Verdict:
    handlers = {
        "CONFIRM": _command_confirm,
        "SHORT": _command_short,
        "SKIP": _command_skip,
        "NEXT": _command_next,
        "UNDO": _command_undo,
        "CANCEL": _command_cancel,
        "NOT_FOUND": _command_not_found,
    }
    handler = handlers.get(name.upper())
    if handler is None:
        return Verdict("error", "unknown_command", state, {"command": name})
    return handler(state)


def _command_confirm(state: PickState) -> Verdict:
    if state.phase is Phase.TOTE:
        return _confirm(state, tote_scanned=False)
    if state.phase is Phase.SHORT:
        return _report_short(state)
    if state.phase is Phase.FINISH:
        refs = [slot.order_ref for slot in state.pick_list.cart]
        fact = _fact(state, "picklist.finished", None, orders=refs)
        done = replace(state, phase=Phase.DONE, last=None)
        short = sum(1 for t in state.pick_list.tasks if t.short)
        return Verdict("ok", "finished", done, {"short": short}, (fact,), True)
    return Verdict("error", f"confirm_not_now_{state.phase.value}", state)


def _command_short(state: PickState) -> Verdict:
    if state.phase not in (Phase.LOCATION, Phase.ITEM, Phase.TOTE):
        return Verdict("error", "short_not_now", state)
    short = replace(state, phase=Phase.SHORT, reason=ShortReason.EMPTY)
    return Verdict("info", "short_choose", short, _short_params(short))


def _command_not_found(state: PickState) -> Verdict:
    """One scan for the commonest short: start a short (or, in one, choose the reason) with
    "not found at the location"; the picker still confirms it."""
    if state.phase is not Phase.SHORT:
        started = _command_short(state)
        if started.tone == "error":
            return started
        state = started.state
    return on_reason(state, ShortReason.NOT_FOUND)


def _short_params(state: PickState) -> dict:
    task = state.task
    return {"found": state.counted, "quantity": task.remaining, "reason": state.reason.value}


def on_reason(state: PickState, reason: ShortReason) -> Verdict:
    if state.phase is not Phase.SHORT:
        return Verdict("error", "short_not_now", state)
    new = replace(state, reason=reason)
    return Verdict("info", "short_choose", new, _short_params(new))


def _report_short(state: PickState) -> Verdict:
    task, found = state.task, state.counted
    shortfall = task.remaining - found
    fact = _fact(state, "pick.short", task.order_ref, task_id=task.id, found=found,
                 shortfall=shortfall, reason=state.reason.value, lot=state.lot,
                 location=task.location, sku=task.sku)  # fmt: skip
    done = replace(task, picked=task.picked + found, short=task.short + shortfall,
                   status=TaskStatus.SHORT.value)  # fmt: skip
    new = _after_task(state, done, last=None)
    tote = state.pick_list.tote_for(task.order_ref)
    params = {"found": found, "shortfall": shortfall, "tote": tote}
    return Verdict("ok", "short_reported", new, params, (fact,), True)


def _command_next(state: PickState) -> Verdict:
    if state.phase is Phase.SHORT:  # NEXT walks through the reasons, for scan-only use
        following = REASONS[(REASONS.index(state.reason) + 1) % len(REASONS)]
        return on_reason(state, following)
    return _command_skip(state)


def _command_skip(state: PickState) -> Verdict:
    """Postpone: the task goes to the end of the route (scanned units go back on the shelf)."""
    if state.phase not in (Phase.LOCATION, Phase.ITEM, Phase.TOTE) or len(state.route) < 2:
        return Verdict("error", "skip_not_now", state)
    task = state.task
    last_seq = max(t.seq for t in state.pick_list.tasks)
    moved = replace(state.pick_list.with_task(replace(task, seq=last_seq + 1)))
    fact = _fact(state, "pick.skipped", task.order_ref, task_id=task.id, location=task.location)
    new = replace(state, pick_list=moved, route=(*state.route[1:], task.id), counted=0, lot="",
                  expiry=None, phase=Phase.LOCATION)  # fmt: skip
    params = {"location": task.location, "put_back": state.counted}
    return Verdict("ok", "skipped", new, params, (fact,), True)


def _command_undo(state: PickState) -> Verdict:
    """Take back the last confirmation (only until the next one is made)."""
    last = state.last
    if last is None or state.phase in (Phase.SHORT, Phase.DONE, Phase.CART):
        return Verdict("error", "nothing_to_undo", state)
    task = state.task_by_id(last.payload["task_id"])
    count = last.payload["quantity"]
    fact = _fact(state, "pick.undone", task.order_ref, task_id=task.id, quantity=count,
                 undoes=last.uuid)  # fmt: skip
    back = replace(task, picked=task.picked - count, status=TaskStatus.OPEN.value)
    route = state.route if task.id in state.route else (task.id, *state.route)
    new = replace(state, pick_list=state.pick_list.with_task(back), route=route, counted=0,
                  lot="", expiry=None, last=None, phase=Phase.ITEM, at_location=task.location)  # fmt: skip
    tote = last.payload.get("tote")
    return Verdict("ok", "undone", new, {"count": count, "tote": tote}, (fact,), True)


def _command_cancel(state: PickState) -> Verdict:
    if state.phase is Phase.SHORT:
        back = replace(state, phase=Phase.TOTE if state.counted else Phase.ITEM)
        if back.at_location != state.task.location:
            back = replace(back, phase=Phase.LOCATION)
        return Verdict("info", "short_cancelled", back)
    if state.phase in (Phase.ITEM, Phase.TOTE) and state.counted:
        return Verdict("info", "count_cleared", replace(state, phase=Phase.ITEM, counted=0))
    return Verdict("info", "nothing_to_cancel", state)


# --- facts ------------------------------------------------------------------------------------


def _fact(state: PickState, kind: str, ref: int | None, **payload) -> Event:
    return Event(kind, {"pick_list_id": state.pick_list.id, **payload}, state.actor, ref)


def _refuse(state: PickState, scan: Scan, reason: str, **params) -> Verdict:
    """A refused scan: red, error tone, and a mis-scan fact for the accuracy KPI."""
    task = state.task if state.phase is not Phase.CART else None
    scanned = scan.code or scan.gtin or scan.raw
    fact = _fact(state, "scan.refused", task.order_ref if task else None,
                 task_id=task.id if task else None, step=state.phase.value, reason=reason,
                 expected=params.get("expected"), scanned=scanned, scan_kind=scan.kind,
                 lot=scan.lot)  # fmt: skip
    return Verdict("error", reason, state, {"scanned": scanned, **params}, (fact,), False)
