"""The clerk's move, as a pure state machine: no I/O, no Qt, no clock (docs/stock.md).

    state = start(actor, tasks)                         # app.steps.moving_state
    verdict = on_scan(state, scan)                      # a location, an item, C:UNDO, C:CANCEL
    # verdict.look_up: ask the backend, then on_location(state, what, code, view)
    verdict = on_number(state, "12")                    # the quantity of the item just scanned
    # verdict.facts to record; adopt verdict.state once they are recorded

Scan the from-location, then each item (a GTIN, or GS1 with its lot; one unit per scan, or one
scan and the quantity typed), then the to-location: the move is recorded then, one
`stock.moved` fact per product and lot. Only units available at the from-location move (on hand
less reserved and held). A replenishment task pre-fills from, to, product, lot and quantity;
the clerk still scans the from-location, the item and the to-location, and nothing is moved
without those scans. C:UNDO takes back the last scan or number, C:CANCEL drops the move.

Verdict reasons (the UI words them): start, look_up_from, look_up_to, from_ok, task_chosen,
task_from, item_ok, quantity_set, moved, undone, cancelled, free_move, nothing_to_undo,
unknown_location, same_location, wrong_from, wrong_to, scan_from_first, scan_item_first,
not_here, wrong_item, lot_not_here, scan_lot, not_available, bad_quantity, finish_first,
not_expected, invalid_scan.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.events import Actor
from app.domain.fact_payloads import StockMoved
from app.domain.moves import LocationView, ReplenishTask, StockHere
from app.scanning.interpret import Scan
from app.steps.moving_state import LookUp, Moved, MoveLine, MoveState, Verdict

__all__ = ["choose_task", "on_location", "on_number", "on_scan", "start", "with_tasks"]


def start(actor: Actor, tasks: tuple[ReplenishTask, ...] = ()) -> MoveState:
    return MoveState(actor=actor, tasks=tasks)


def with_tasks(state: MoveState, tasks: tuple[ReplenishTask, ...]) -> MoveState:
    """The open tasks as read again; a task being done stays chosen."""
    return replace(state, tasks=tasks)


def choose_task(state: MoveState, task_id: int) -> Verdict:
    """The clerk touched a task on the list: it pre-fills the move; its scans still follow."""
    if state.source is not None and state.lines:
        return _no(state, "finish_first")
    task = next((t for t in state.tasks if t.id == task_id), None)
    if task is None:
        return _no(state, "not_expected")
    chosen = replace(state, task=task, source=None, lines=(), earlier=())
    return Verdict(True, "task_chosen", chosen, _about(task))


def on_scan(state: MoveState, scan: Scan) -> Verdict:
    if scan.kind == "command" and scan.code:
        return _command(state, scan.code)
    if scan.kind == "invalid":
        return _no(state, "invalid_scan", error=scan.error or "")
    if scan.kind == "location" and scan.code:
        return _location_scanned(state, scan.code)
    if scan.kind == "product" and scan.gtin:
        return _item(state, scan)
    return _no(state, "not_expected", code=scan.raw[:40])


def _location_scanned(state: MoveState, code: str) -> Verdict:
    task = state.task
    if state.source is None or not state.lines:  # the from-location (again)
        if task is not None and state.source is not None and code == task.to_location:
            return _no(state, "scan_item_first", name=task.name)
        if task is not None and code != task.from_location:
            return _no(state, "wrong_from", expected=task.from_location, location=code)
        return Verdict(
            True, "look_up_from", state, {"location": code}, look_up=LookUp("from", code)
        )
    if code == state.source.code:
        return _no(state, "same_location", location=code)
    if task is not None and code != task.to_location:
        return _no(state, "wrong_to", expected=task.to_location, location=code)
    return Verdict(True, "look_up_to", state, {"location": code}, look_up=LookUp("to", code))


def on_location(state: MoveState, what: str, code: str, view: LocationView | None) -> Verdict:
    """The location scanned, as central (or the station's copy) knows it; None: no such place."""
    if view is None:
        return _no(state, "unknown_location", location=code)
    if what == "from":
        return _from(state, view)
    return _to(state, view)


def _from(state: MoveState, view: LocationView) -> Verdict:
    task = state.task or next((t for t in state.tasks if t.from_location == view.code), None)
    fresh = replace(state, task=task, source=view, lines=(), earlier=())
    if task is not None:
        return Verdict(True, "task_from", fresh, _about(task))
    return Verdict(True, "from_ok", fresh, {"location": view.code, "products": len(view.stock)})


def _to(state: MoveState, view: LocationView) -> Verdict:
    assert state.source is not None
    task = state.task
    facts = tuple(
        StockMoved(
            from_location=state.source.code,
            to_location=view.code,
            sku=line.sku,
            lot=line.lot,
            quantity=line.quantity,
            expiry=line.expiry,
            replenishment_id=task.id if task is not None and line.sku == task.sku else None,
            raw=f"L:{view.code}",
        ).fact(state.actor)
        for line in state.lines
    )
    moved = Moved(state.source.code, view.code, state.lines)
    left = tuple(t for t in state.tasks if task is None or t.id != task.id)
    done = MoveState(actor=state.actor, tasks=left, last=moved)
    params = {"from": state.source.code, "to": view.code, "units": state.units}
    return Verdict(True, "moved", done, params, facts)


def _item(state: MoveState, scan: Scan) -> Verdict:
    source, task = state.source, state.task
    if source is None:
        return _no(state, "scan_from_first", expected=task.from_location if task else None)
    assert scan.gtin is not None
    rows = source.of_gtin(scan.gtin)
    if not rows:
        return _no(state, "not_here", code=scan.gtin, location=source.code)
    if task is not None and rows[0].sku != task.sku:
        return _no(state, "wrong_item", expected=task.sku, name=task.name, sku=rows[0].sku)
    row = _lot_row(state, rows, scan)
    if isinstance(row, Verdict):
        return row
    line = _line_of(state, row)
    wanted = line.quantity + 1
    if task is not None and line.quantity == 0 and row.sku == task.sku:
        wanted = min(task.quantity, row.available)  # the task pre-fills the quantity
    return _set_quantity(state, line, wanted, "item_ok")


def _lot_row(state: MoveState, rows: list[StockHere], scan: Scan) -> StockHere | Verdict:
    """Which lot the scanned unit is: the scan's own lot, the task's, or the only one here."""
    task = state.task
    if scan.lot:
        found = [r for r in rows if r.lot == scan.lot]
        if not found:
            return _no(state, "lot_not_here", lot=scan.lot, sku=rows[0].sku)
        return found[0]
    if task is not None and task.lot:
        found = [r for r in rows if r.lot == task.lot]
        return found[0] if found else _no(state, "lot_not_here", lot=task.lot, sku=rows[0].sku)
    if len(rows) == 1:
        return rows[0]
    if rows[0].lot_controlled:
        return _no(state, "scan_lot", sku=rows[0].sku, lots=len(rows))
    movable = [r for r in rows if r.available > 0]
    return (movable or rows)[0]  # one product in several lots without lot control: in order


def _line_of(state: MoveState, row: StockHere) -> MoveLine:
    for line in state.lines:
        if (line.sku, line.lot) == (row.sku, row.lot):
            return line
    return MoveLine(row.sku, row.name, row.lot, 0, row.available, row.expiry)


def _set_quantity(state: MoveState, line: MoveLine, quantity: int, reason: str) -> Verdict:
    if quantity > line.available:
        params = {"sku": line.sku, "available": line.available, "wanted": quantity}
        return _no(state, "not_available", **params)
    changed = replace(line, quantity=quantity)
    kept = tuple(x for x in state.lines if (x.sku, x.lot) != (line.sku, line.lot))
    new = replace(state, lines=(*kept, changed), earlier=(*state.earlier, state.lines))
    params = {"sku": line.sku, "name": line.name, "quantity": quantity, "lot": line.lot}
    return Verdict(True, reason, new, params)


def on_number(state: MoveState, typed: str) -> Verdict:
    """Digits + Enter: the quantity of the item scanned last (never without its scan)."""
    if not state.lines:
        return _no(state, "scan_item_first")
    if not typed.strip().isdigit() or int(typed) <= 0:
        return _no(state, "bad_quantity", typed=typed[:12])
    return _set_quantity(state, state.lines[-1], int(typed), "quantity_set")


def _command(state: MoveState, name: str) -> Verdict:
    if name == "UNDO":
        if state.earlier:
            back = replace(state, lines=state.earlier[-1], earlier=state.earlier[:-1])
            return Verdict(True, "undone", back)
        if state.source is not None:
            return Verdict(True, "undone", replace(state, source=None))
        return _no(state, "nothing_to_undo")
    if name == "CANCEL":
        if state.task is not None and state.source is not None and not state.lines:
            free = replace(state, task=None)  # keep the location: a free move from it
            return Verdict(True, "free_move", free, {"location": state.source.code})
        return Verdict(True, "cancelled", MoveState(actor=state.actor, tasks=state.tasks))
    return _no(state, "not_expected", code=f"C:{name}")


def _about(task: ReplenishTask) -> dict:
    return {
        "from": task.from_location,
        "to": task.to_location,
        "sku": task.sku,
        "name": task.name,
        "quantity": task.quantity,
        "lot": task.lot,
    }


def _no(state: MoveState, reason: str, **params) -> Verdict:
    return Verdict(False, reason, state, dict(params))
