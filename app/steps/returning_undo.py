"""The returns clerk's C:UNDO (app.steps.returning): the last item taken on the open parcel comes
back out of the return, one item per scan, only while the parcel is open (docs/returns.md,
"Taking an item back"). Pure: the fact to record and the state to adopt.

The fact, `return.item_undone`, names the `return.item_received` it takes back; central reverses
that item's effect once (stock off the shelf, its quarantine row, the order line's returned
units). A resellable unit put on a shelf is taken back only while it is still free there: the
screen asks the backend (look-up "stock") and hands the answer to `on_stock_left`.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.fact_payloads import ReturnItemUndone
from app.domain.returns import MISSING, QUARANTINE_AREA, RESELL, ReturnedItem
from app.steps.returning_state import LookUp, ReturnState, Verdict

__all__ = ["on_stock_left", "undo"]


def undo(state: ReturnState) -> Verdict:
    """C:UNDO: the last item taken on the open parcel comes back out of the return. A unit put
    on a shelf is taken back only once the backend says it is still free there (on_stock_left)."""
    if state.context is None:
        return refuse(state, "nothing_to_undo")
    if state.in_hand is not None or state.awaiting_serial is not None:
        held = state.in_hand
        params = {"sku": held.sku, "name": held.name, "quantity": held.quantity} if held else {}
        return refuse(state, "decide_first", **params)
    if not state.taken:
        return refuse(state, "nothing_to_undo")
    last = state.taken[-1]
    params = _item_params(state, last)
    if not last.fact_id:  # recorded before items could be undone: the lead settles it
        return refuse(state, "undo_unknown", **params)
    if last.condition == RESELL and last.location not in (QUARANTINE_AREA, ""):
        look = LookUp("stock", last.location, last.quantity)
        return Verdict(True, "look_up_stock", state, params, look_up=look)
    return _undone(state)


def on_stock_left(state: ReturnState, free: int | None) -> Verdict:
    """How many units of the last item's product and lot are free (not reserved or held) at its
    location; None: central cannot be asked now (it checks again when the undo arrives)."""
    if state.context is None or not state.taken:
        return refuse(state, "nothing_to_undo")
    last = state.taken[-1]
    if free is not None and free < last.quantity:
        return refuse(state, "stock_moved", **_item_params(state, last), free=free)
    return _undone(state)


def _undone(state: ReturnState) -> Verdict:
    context, last = state.context, state.taken[-1]
    assert context is not None
    fact = ReturnItemUndone(
        return_id=state.return_id,
        channel=context.channel,
        order_id=context.order_id,
        undoes=last.fact_id,
        sku=last.sku,
        lot=last.lot,
        serial=last.serial,
        quantity=last.quantity,
        condition=last.condition,
        location=last.location,
    ).fact(state.actor)
    new = replace(state, taken=state.taken[:-1])
    params = _item_params(state, last) | {"items": len(new.taken)}
    return Verdict(True, _undone_reason(last), new, params, (fact,))


def _undone_reason(item: ReturnedItem) -> str:
    """What the clerk does with the unit now: off the shelf, out of the cage, or nothing."""
    if item.condition == MISSING:
        return "missing_undone"
    if item.location in (QUARANTINE_AREA, ""):
        return "item_undone_quarantine"
    return "item_undone"


def _item_params(state: ReturnState, item: ReturnedItem) -> dict:
    line = state.context.line(item.sku) if state.context else None
    return {
        "sku": item.sku,
        "name": line.name if line else item.sku,
        "lot": item.lot,
        "serial": item.serial,
        "quantity": item.quantity,
        "condition": item.condition,
        "location": item.location,
    }


def refuse(state: ReturnState, reason: str, **params) -> Verdict:
    return Verdict(False, reason, state, dict(params))
