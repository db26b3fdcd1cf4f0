"""A short pick: fewer units at the location than the task asks for. The picker starts it
(C:SHORT, or C:NOT_FOUND for the commonest reason), chooses a reason (buttons, or C:EMPTY,
C:DAMAGED, C:WRONG_ITEM, C:NOT_FOUND; C:NEXT walks through them), then confirms. Units found go
into the tote like any pick: on a cart of several orders, only by the scan of the order's tote.
Pure steps over `PickState` (app.steps.picking dispatches to them)."""

from __future__ import annotations

from dataclasses import replace

from app.domain.fact_payloads import PickShort
from app.domain.picking import ShortReason, TaskStatus
from app.scanning.interpret import Scan
from app.steps.picking_state import (
    TASK_PHASES,
    Phase,
    PickState,
    Verdict,
    after_task,
    picking_fact,
    refuse_scan,
)


def command_short(state: PickState) -> Verdict:
    if state.phase not in TASK_PHASES:
        return Verdict("error", "short_not_now", state)
    if state.phase is Phase.LOT:  # units in hand go into the tote only with their lot
        return Verdict("error", "short_lot_first", state, {"found": state.counted})
    return _short_choose(replace(state, phase=Phase.SHORT, reason=ShortReason.EMPTY))


def command_not_found(state: PickState) -> Verdict:
    """One scan for the commonest short: start a short (or, in one, choose the reason) with
    "not found at the location"; the picker still confirms it."""
    if state.phase is not Phase.SHORT:
        started = command_short(state)
        if started.tone == "error":
            return started
        state = started.state
    return on_reason(state, ShortReason.NOT_FOUND)


def _short_choose(state: PickState) -> Verdict:
    """Found units go into the tote like any pick: on a cart of several orders, by its scan."""
    task = state.current_task
    tote = state.pick_list.tote_for(task.order_ref)
    params = {
        "found": state.counted,
        "quantity": task.remaining,
        "reason": state.reason.value,
        "tote": tote,
    }
    by_scan = state.counted and len(state.pick_list.cart) > 1
    return Verdict("info", "short_choose_tote" if by_scan else "short_choose", state, params)


def on_reason(state: PickState, reason: ShortReason) -> Verdict:
    if state.phase is not Phase.SHORT:
        return Verdict("error", "short_not_now", state)
    return _short_choose(replace(state, reason=reason))


def short_tote_scan(state: PickState, scan: Scan) -> Verdict:
    expected = state.pick_list.tote_for(state.current_task.order_ref)
    if scan.code != expected:
        return refuse_scan(state, scan, "wrong_tote", expected=expected)
    return _report_short(state, tote_scanned=True)


def confirm_short_without_tote_scan(state: PickState) -> Verdict:
    """C:CONFIRM reports the short; units found go into the tote by its scan on a cart of
    several orders (as any pick), so there the command is refused while units are in hand."""
    if state.counted and len(state.pick_list.cart) > 1:
        tote = state.pick_list.tote_for(state.current_task.order_ref)
        return Verdict("error", "short_scan_tote", state, {"found": state.counted, "tote": tote})
    return _report_short(state, tote_scanned=False)


def _report_short(state: PickState, tote_scanned: bool) -> Verdict:
    task, found = state.current_task, state.counted
    shortfall = task.remaining - found
    fact = picking_fact(
        state,
        PickShort,
        task.order_ref,
        task_id=task.id,
        found=found,
        shortfall=shortfall,
        reason=state.reason.value,
        lot=state.lot,
        location=task.location,
        sku=task.sku,
        tote_scanned=tote_scanned,
        lot_scanned=state.lot_scanned,
    )
    done = replace(
        task,
        picked=task.picked + found,
        short=task.short + shortfall,
        status=TaskStatus.SHORT.value,
    )
    new = after_task(state, done, last=None)
    tote = state.pick_list.tote_for(task.order_ref)
    params = {"found": found, "shortfall": shortfall, "tote": tote}
    return Verdict("ok", "short_reported", new, params, (fact,), True)
