"""The picker's steps at the station, as a pure state machine: no I/O, no Qt, no clock.

    state = start(pick_list, actor)
    verdict = on_scan(state, scan, today)     # or on_command / on_count / on_tote_checked
    # verdict.tone (ok / error / info), verdict.message + params (the screen words them),
    # verdict.facts to record; adopt verdict.state once they are recorded (when verdict.durable)

Steps for each task, in walking order: scan the location → scan the item (GTIN or GS1 with
lot/expiry; quantity by repeated scans, a GS1 count, or typed once an item was scanned) → for a
lot-controlled product, the lot (in the same GS1 scan or a second scan) → scan the tote, which
confirms. Before the first task the cart is set up: one tote per order. Every refused scan comes
with a `scan.refused` fact (what was expected, what was scanned) for the accuracy KPI.

No button walks around the checks (docs/picking.md): no count without a scan of the right item
(except a `no_barcode` product, recorded so); no lot-controlled pick without its lot scanned; on
a cart of several orders, units go into a tote (a pick, or the units found on a short) only by
the scan of the order's tote."""

from __future__ import annotations

from dataclasses import replace

from app.domain.events import Actor
from app.domain.fact_payloads import (
    PickConfirmed,
    PicklistFinished,
    PickSkipped,
    PickUndone,
    ToteBound,
)
from app.domain.picking import PickListView, PickTaskView, ShortReason, TaskStatus
from app.scanning.interpret import Scan
from app.steps.picking_short import (
    command_not_found,
    command_short,
    confirm_short_without_tote_scan,
    on_reason,
    short_tote_scan,
)
from app.steps.picking_state import (
    REASONS,
    TASK_PHASES,
    Phase,
    PickState,
    Verdict,
    after_task,
    no_count,
    picking_fact,
    refuse_scan,
)


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
    if scan.kind == "invalid" and not _is_lot_label(state, scan):
        return refuse_scan(state, scan, "invalid_scan", error=scan.error or "")
    if state.phase is Phase.CART:
        return _cart_scan(state, scan)
    if state.phase in TASK_PHASES:
        return _task_scan(state, scan, today)
    if state.phase is Phase.SHORT and scan.kind == "tote" and state.counted:
        return short_tote_scan(state, scan)
    return Verdict("info", f"scan_not_now_{state.phase.value}", state)


# --- cart set-up ------------------------------------------------------------------------------


def _cart_scan(state: PickState, scan: Scan) -> Verdict:
    slot = state.order_needing_tote
    if scan.kind != "tote":
        return refuse_scan(state, scan, "scan_a_tote", order=slot.order_id)
    taken = next((s for s in state.pick_list.cart if s.tote == scan.code), None)
    if taken is not None:
        return refuse_scan(state, scan, "tote_on_cart", tote=scan.code, order=taken.order_id)
    return Verdict("info", "checking_tote", state, {"tote": scan.code}, check_tote=scan.code)


def on_tote_checked(state: PickState, tote: str, in_use: bool) -> Verdict:
    """The backend's answer to `Verdict.check_tote`: bind the tote to the waiting order."""
    slot = state.order_needing_tote
    if slot is None or state.phase is not Phase.CART:
        return Verdict("info", "cart_ready", state)
    if in_use:
        return refuse_scan(state, _tote_scan(tote), "tote_in_use", tote=tote)
    fact = picking_fact(
        state,
        ToteBound,
        slot.order_ref,
        order_ref=slot.order_ref,
        order_id=slot.order_id,
        tote=tote,
    )
    bound = replace(state, pick_list=state.pick_list.with_tote(slot.order_ref, tote))
    bound = replace(bound, phase=_next_phase(bound))
    message = "tote_bound" if bound.phase is Phase.CART else "cart_ready"
    return Verdict("ok", message, bound, {"tote": tote, "order": slot.order_id}, (fact,), True)


def _tote_scan(code: str) -> Scan:
    return Scan(raw=f"T:{code}", symbology=None, kind="tote", code=code)


# --- one task: location, item, count, tote ----------------------------------------------------


def _task_scan(state: PickState, scan: Scan, today: str) -> Verdict:
    task = state.current_task
    if scan.kind == "location":
        if scan.code != task.location:
            return refuse_scan(state, scan, "wrong_location", expected=task.location)
        phase = Phase.ITEM if state.phase is Phase.LOCATION else state.phase
        return Verdict(
            "ok",
            "location_ok",
            replace(state, phase=phase, at_location=task.location),
            {"location": task.location},
        )
    if state.phase is Phase.LOCATION:
        return refuse_scan(state, scan, "scan_location_first", expected=task.location)
    if scan.kind == "tote":
        return _tote_step(state, scan)
    if state.phase is Phase.LOT and not _is_item(task, scan):
        return _lot_step(state, scan, today)
    return _item_step(state, scan, today)


def _is_item(task: PickTaskView, scan: Scan) -> bool:
    return scan.kind == "product" and scan.gtin in task.gtins


def _item_step(state: PickState, scan: Scan, today: str) -> Verdict:
    task = state.current_task
    if not _is_item(task, scan):
        return refuse_scan(state, scan, "wrong_item", expected=task.sku, name=task.product_name)
    lot = scan.lot or ""
    if task.lot and lot and lot != task.lot:
        return refuse_scan(state, scan, "wrong_lot", expected=task.lot, lot=lot)
    if scan.expiry and scan.expiry < today:
        return refuse_scan(state, scan, "expired_lot", lot=lot or task.lot, expiry=scan.expiry)
    if state.lot_scanned and lot and lot != state.lot:
        return refuse_scan(state, scan, "wrong_lot", expected=state.lot, lot=lot)
    counted = state.counted + (scan.quantity or 1)
    if counted > task.remaining:
        return refuse_scan(state, scan, "too_many", remaining=task.remaining, counted=counted)
    expiry = scan.expiry or state.expiry
    if lot:
        scanned = replace(state, item_scanned=True, lot=lot, lot_scanned=True)
    elif task.lot_controlled:
        scanned = replace(state, item_scanned=True)  # the lot is still to come, by a scan
    else:
        scanned = replace(state, item_scanned=True, lot=state.lot or task.lot)
    return _counted(scanned, counted, expiry)


def _lot_step(state: PickState, scan: Scan, today: str) -> Verdict:
    """After a plain EAN of a lot-controlled item: the lot, as a GS1 element string with AI 10
    (the lot label) or as a plain code; either must be the lot the allocation reserved."""
    task = state.current_task
    plain = _plain_code(scan)
    if task.lot and plain == task.lot:
        lot = plain  # a plain lot label, even one that looks like digits of a GTIN
    elif scan.kind == "product":  # another product's barcode
        return refuse_scan(state, scan, "wrong_item", expected=task.sku, name=task.product_name)
    elif scan.lot or (scan.kind == "unknown" and plain):
        lot = scan.lot or plain
    else:
        return refuse_scan(state, scan, "scan_lot_first", expected=task.lot or None)
    if task.lot and lot != task.lot:
        return refuse_scan(state, scan, "wrong_lot", expected=task.lot, lot=lot)
    if scan.expiry and scan.expiry < today:
        return refuse_scan(state, scan, "expired_lot", lot=lot, expiry=scan.expiry)
    lotted = replace(state, lot=lot, lot_scanned=True, expiry=scan.expiry or state.expiry)
    return _counted(lotted, state.counted, lotted.expiry)


def _plain_code(scan: Scan) -> str:
    """The scanned text without its AIM prefix, when it could be a lot label: our own codes
    (locations, totes, badges, commands) and SSCCs never are."""
    if scan.kind not in ("unknown", "product", "invalid"):
        return ""
    text = scan.raw.strip()
    return text[3:].strip() if text.startswith("]") else text


def _is_lot_label(state: PickState, scan: Scan) -> bool:
    task = state.current_task
    return state.phase is Phase.LOT and bool(task.lot) and _plain_code(scan) == task.lot


def on_count(state: PickState, count: int) -> Verdict:
    """A quantity typed on the keypad replaces the count, once the right item was scanned.
    Only a product marked `no_barcode` in the product master may be counted without a scan."""
    task = state.current_task
    if state.phase not in (Phase.ITEM, Phase.LOT, Phase.TOTE) or task is None:
        return Verdict("error", "scan_item_first", state)
    if not (state.item_scanned or task.no_barcode):
        return Verdict("error", "scan_item_before_count", state, {"name": task.product_name})
    if not 0 < count <= task.remaining:
        return Verdict("error", "count_out_of_range", state, {"remaining": task.remaining})
    lot = state.lot if state.lot_scanned or task.lot_controlled else state.lot or task.lot
    return _counted(replace(state, lot=lot), count, state.expiry)


def on_number(state: PickState, typed: str) -> Verdict:
    """Digits + Enter typed anywhere on the screen: the quantity of the item in hand; at any
    other step the station says what it expects instead of a number."""
    if state.phase in (Phase.ITEM, Phase.LOT, Phase.TOTE) and typed.isdigit():
        return on_count(state, int(typed))
    return Verdict("error", "number_not_expected", state, {"expected": state.phase.value})


def _counted(state: PickState, counted: int, expiry: str | None) -> Verdict:
    """`counted` units are in hand: next the lot (lot-controlled, not scanned yet) or the tote."""
    task = state.current_task
    needs_lot = task.lot_controlled and not state.lot_scanned
    phase = Phase.LOT if needs_lot else Phase.TOTE
    new = replace(state, phase=phase, counted=counted, expiry=expiry)
    tote = state.pick_list.tote_for(task.order_ref)
    params = {"count": counted, "quantity": task.remaining, "tote": tote}
    if needs_lot:
        return Verdict("info", "scan_lot", new, {**params, "expected": task.lot or None})
    return Verdict("ok", "counted_all" if counted == task.remaining else "counted", new, params)


def _tote_step(state: PickState, scan: Scan) -> Verdict:
    expected = state.pick_list.tote_for(state.current_task.order_ref)
    if state.phase is Phase.LOT:
        return refuse_scan(state, scan, "scan_lot_first", expected=state.current_task.lot or None)
    if state.phase is not Phase.TOTE:
        return refuse_scan(state, scan, "scan_item_first", expected=state.current_task.sku)
    if scan.code != expected:
        return refuse_scan(state, scan, "wrong_tote", expected=expected)
    return _confirm(state, tote_scanned=True)


def _confirm(state: PickState, tote_scanned: bool) -> Verdict:
    task, count = state.current_task, state.counted
    tote = state.pick_list.tote_for(task.order_ref)
    fact = picking_fact(
        state,
        PickConfirmed,
        task.order_ref,
        task_id=task.id,
        quantity=count,
        lot=state.lot,
        expiry=state.expiry,
        location=task.location,
        sku=task.sku,
        tote=tote,
        tote_scanned=tote_scanned,
        item_scanned=state.item_scanned,
        no_barcode=task.no_barcode,
        lot_scanned=state.lot_scanned,
        confirmed_by=_confirmed_by(state, tote_scanned),
    )
    picked = replace(task, picked=task.picked + count)
    if picked.remaining == 0:
        picked = replace(picked, status=TaskStatus.DONE.value)
    new = after_task(state, picked, last=fact)
    message = "picked" if picked.remaining == 0 else "picked_part"
    params = {"count": count, "tote": tote, "remaining": picked.remaining}
    return Verdict("ok", message, new, params, (fact,), True)


def _confirmed_by(state: PickState, tote_scanned: bool) -> str:
    """How the units were checked, for the lead's timeline: `scan` (item and tote scanned),
    `scan+confirm` (item scanned, one-order cart confirmed by C:CONFIRM), `typed_no_barcode`
    (a no-barcode product counted by typing)."""
    item = "scan" if state.item_scanned else "typed_no_barcode"
    return item if tote_scanned else f"{item}+confirm"


# --- commands: by command barcode, button or key -----------------------------------------------


def on_command(state: PickState, name: str) -> Verdict:
    handlers = {
        "CONFIRM": _command_confirm,
        "SHORT": command_short,
        "SKIP": _command_skip,
        "NEXT": _command_next,
        "UNDO": _command_undo,
        "CANCEL": _command_cancel,
        "NOT_FOUND": command_not_found,
        # the reason buttons of a short pick, by scan too (NOT_FOUND starts a short with it)
        "EMPTY": lambda s: on_reason(s, ShortReason.EMPTY),
        "DAMAGED": lambda s: on_reason(s, ShortReason.DAMAGED),
        "WRONG_ITEM": lambda s: on_reason(s, ShortReason.WRONG_ITEM),
    }
    handler = handlers.get(name.upper())
    if handler is None:
        return Verdict("error", "unknown_command", state, {"command": name})
    return handler(state)


def _command_confirm(state: PickState) -> Verdict:
    if state.phase is Phase.TOTE:
        return _confirm_without_tote_scan(state)
    if state.phase is Phase.SHORT:
        return confirm_short_without_tote_scan(state)
    if state.phase is Phase.FINISH:
        refs = [slot.order_ref for slot in state.pick_list.cart]
        fact = picking_fact(state, PicklistFinished, None, orders=refs)
        done = replace(state, phase=Phase.DONE, last=None)
        short = sum(1 for t in state.pick_list.tasks if t.short)
        return Verdict("ok", "finished", done, {"short": short}, (fact,), True)
    return Verdict("error", f"confirm_not_now_{state.phase.value}", state)


def _confirm_without_tote_scan(state: PickState) -> Verdict:
    """C:CONFIRM (or the button) instead of the tote scan: only on a one-order cart, where
    there is no wrong tote to put the units in. With several orders the tote scan decides."""
    if len(state.pick_list.cart) > 1:
        tote = state.pick_list.tote_for(state.current_task.order_ref)
        return Verdict("error", "scan_tote_to_confirm", state, {"tote": tote})
    return _confirm(state, tote_scanned=False)


def _command_next(state: PickState) -> Verdict:
    if state.phase is Phase.SHORT:  # NEXT walks through the reasons, for scan-only use
        following = REASONS[(REASONS.index(state.reason) + 1) % len(REASONS)]
        return on_reason(state, following)
    return _command_skip(state)


def _command_skip(state: PickState) -> Verdict:
    """Postpone: the task goes to the end of the route (scanned units go back on the shelf)."""
    if state.phase not in TASK_PHASES or len(state.route) < 2:
        return Verdict("error", "skip_not_now", state)
    task = state.current_task
    last_seq = max(t.seq for t in state.pick_list.tasks)
    moved = replace(state.pick_list.with_task(replace(task, seq=last_seq + 1)))
    fact = picking_fact(state, PickSkipped, task.order_ref, task_id=task.id, location=task.location)
    new = replace(
        no_count(state), pick_list=moved, route=(*state.route[1:], task.id), phase=Phase.LOCATION
    )
    params = {"location": task.location, "put_back": state.counted}
    return Verdict("ok", "skipped", new, params, (fact,), True)


def _command_undo(state: PickState) -> Verdict:
    """Take back the last confirmation (only until the next one is made)."""
    last = state.last
    if last is None or state.phase in (Phase.SHORT, Phase.DONE, Phase.CART):
        return Verdict("error", "nothing_to_undo", state)
    confirmed = PickConfirmed.of(last)
    task = state.task_by_id(confirmed.task_id)
    count = confirmed.quantity
    fact = picking_fact(
        state, PickUndone, task.order_ref, task_id=task.id, quantity=count, undoes=last.uuid
    )
    back = replace(task, picked=task.picked - count, status=TaskStatus.OPEN.value)
    route = state.route if task.id in state.route else (task.id, *state.route)
    new = replace(
        no_count(state),
        pick_list=state.pick_list.with_task(back),
        route=route,
        last=None,
        phase=Phase.ITEM,
        at_location=task.location,
    )
    tote = confirmed.tote
    return Verdict("ok", "undone", new, {"count": count, "tote": tote}, (fact,), True)


def _command_cancel(state: PickState) -> Verdict:
    if state.phase is Phase.SHORT:
        back = replace(state, phase=Phase.TOTE if state.counted else Phase.ITEM)
        if back.at_location != state.current_task.location:
            back = replace(back, phase=Phase.LOCATION)
        return Verdict("info", "short_cancelled", back)
    if state.phase in (Phase.ITEM, Phase.LOT, Phase.TOTE) and state.counted:
        return Verdict("info", "count_cleared", replace(no_count(state), phase=Phase.ITEM))
    return Verdict("info", "nothing_to_cancel", state)
