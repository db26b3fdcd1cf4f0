"""The returns clerk's steps, as a pure state machine: no I/O, no Qt, no clock (docs/returns.md).

    state = start(actor, today)                          # app.steps.returning_state
    verdict = on_scan(state, scan)                       # a parcel code, an item, a condition
                                                         # (C:RESELL, C:DAMAGED, C:WRONG_ITEM,
                                                         # C:MISSING), a location, C:CLOSE,
                                                         # C:CANCEL
    verdict = on_typed(state, "3")                       # how many of the item in hand
    # verdict.look_up: ask the backend, then on_parcel(state, code, context, return_id) /
    #   on_product(state, scan, product, units) / on_suggestion(state, location) /
    #   on_location(state, code, known) / on_stock_left(state, free)
    # verdict.facts to record; adopt verdict.state once they are recorded

Scan the parcel, then each item and its condition. A resellable unit goes to the location the
clerk scans (the station suggests where it was picked from); a damaged unit, a wrong item, or a
resellable unit of an expired lot goes to quarantine at once. An item the order did not ship as
it is (another product, a serial not shipped on it, more units than shipped) is flagged and is
taken in only with C:WRONG_ITEM. C:MISSING records the announced units not in the parcel;
C:CLOSE closes the parcel's return once every announced unit is received or declared missing.
A parcel left before it was closed (C:CANCEL, a station restarted) resumes its return when it is
scanned again: the same return id, its items taken already. C:UNDO takes back the last item
taken on the open parcel (one per scan): a `return.item_undone` fact central reverses once. A
resellable unit put on a shelf is taken back only while it is still free there.

Verdict reasons (the UI words them): scan_parcel, look_up_parcel, unknown_parcel, not_shipped,
parcel_open, parcel_resumed, look_up_product, unknown_item, item_in_hand, scan_serial,
not_in_order, serial_not_shipped, serial_already_returned, more_than_shipped, decide_first,
take_as_wrong_item, look_up_suggestion, scan_location, look_up_location, unknown_location, resold,
resold_elsewhere, to_quarantine, expired_to_quarantine, missing_recorded, nothing_missing,
nothing_in_hand, quantity_set, bad_quantity, scan_item_first, announced_left, nothing_taken, closed,
nothing_open, handed_back, parcel_left, look_up_stock, item_undone, item_undone_quarantine, missing_undone,
nothing_to_undo, undo_unknown, stock_moved, invalid_scan, not_understood.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.events import Actor
from app.domain.fact_payloads import ReturnClosed, ReturnItemReceived
from app.domain.receiving import parse_expiry
from app.domain.returns import (
    DAMAGED,
    MISSING,
    QUARANTINE_AREA,
    RESELL,
    RETURNABLE_STATUSES,
    TO_STOCK,
    WRONG_ITEM,
    ReturnContext,
    ReturnedItem,
    destination,
)
from app.scanning.interpret import Scan
from app.scanning.symbology import split_symbology
from app.steps.returning_state import (
    AwaitingSerial,
    InHand,
    LookUp,
    ReturnedProduct,
    ReturnState,
    Verdict,
)
from app.steps.returning_undo import on_stock_left, undo

__all__ = [
    "on_location",
    "on_parcel",
    "on_product",
    "on_scan",
    "on_stock_left",
    "on_suggestion",
    "on_typed",
]

MAX_TYPED = 10_000  # a typed count above this is a slip of the finger


def start(actor: Actor, today: date) -> ReturnState:
    return ReturnState(actor=actor, today=today)


def plain_text(scan: Scan) -> str:
    return split_symbology(scan.raw.strip())[1].strip()


def on_scan(state: ReturnState, scan: Scan, units: int = 1) -> Verdict:
    if scan.kind == "command" and scan.code:
        return on_command(state, scan.code)
    if scan.kind == "invalid":
        return _refuse(state, "invalid_scan", error=scan.error or "")
    if state.awaiting_serial is not None:
        return _serial(state, scan)
    if state.context is None:
        return _parcel_scan(state, scan)
    if scan.kind == "product" and scan.gtin:
        look = LookUp("product", scan.gtin, units * (scan.quantity or 1))
        return Verdict(True, "look_up_product", state, {"gtin": scan.gtin}, look_up=look)
    if scan.kind == "location" and scan.code:
        if state.in_hand is None or not state.reselling:
            return _refuse(state, "nothing_in_hand" if state.in_hand is None else "decide_first")
        look = LookUp("location", scan.code)
        return Verdict(True, "look_up_location", state, {"location": scan.code}, look_up=look)
    return _parcel_scan(state, scan)  # another parcel's code


def _parcel_scan(state: ReturnState, scan: Scan) -> Verdict:
    if scan.kind in ("product", "location"):
        return _refuse(state, "scan_parcel")
    code = scan.sscc if scan.kind == "logistic_unit" and scan.sscc else plain_text(scan)
    if not code:
        return _refuse(state, "scan_parcel")
    if state.in_hand is not None:
        return _refuse(state, "decide_first", **_held(state.in_hand))
    return Verdict(True, "look_up_parcel", state, {"code": code}, look_up=LookUp("parcel", code))


def on_parcel(
    state: ReturnState, code: str, context: ReturnContext | None, return_id: str
) -> Verdict:
    """The order behind a scanned parcel code (None: nothing has that code). `return_id` names
    a new return; an open return of the order (left before it was closed) is resumed instead."""
    if context is None:
        return _refuse(state, "unknown_parcel", code=code)
    params: dict[str, object] = {
        "channel": context.channel,
        "order_id": context.order_id,
        "rma": context.rma,
    }
    if context.status not in RETURNABLE_STATUSES:
        return _refuse(state, "not_shipped", status=context.status, **params)
    opened = start(state.actor, state.today)
    resumed = context.open_return
    if resumed is not None:
        # The parcel was left before it was closed: the same return goes on, with its items.
        return_id = resumed.return_id
        opened = replace(opened, taken=resumed.items)
    opened = replace(opened, context=replace(context, parcel=code), return_id=return_id)
    params |= {"lines": len(context.lines)}
    if resumed is None:
        return Verdict(True, "parcel_open", opened, params)
    units = sum(x.quantity for x in resumed.items)
    return Verdict(True, "parcel_resumed", opened, params | {"items": units})


def on_product(
    state: ReturnState, scan: Scan, product: ReturnedProduct | None, units: int = 1
) -> Verdict:
    """The product behind a scanned GTIN (None: no product has it)."""
    if product is None:
        return _refuse(state, "unknown_item", gtin=scan.gtin or scan.raw[:40])
    held = state.in_hand
    same = held is not None and held.sku == product.sku and not held.serial
    if held is not None and not (same and not scan.serial and (scan.lot or held.lot) == held.lot):
        return _refuse(state, "decide_first", **_held(held))
    lot, expiry = _lot_of(state, product.sku, scan)
    if product.serial_required and not scan.serial:
        waiting = AwaitingSerial(product, lot, expiry, scan.raw[:80])
        params = {"sku": product.sku, "name": product.name}
        return Verdict(True, "scan_serial", replace(state, awaiting_serial=waiting), params)
    count = units if not scan.serial else 1
    return _take(state, product, lot, expiry, scan.serial or "", count, scan.raw[:80])


def _lot_of(state: ReturnState, sku: str, scan: Scan) -> tuple[str, str | None]:
    """The scanned lot, else the lot the order shipped most of (a plain barcode); the expiry
    scanned, else the shipped lot's."""
    assert state.context is not None
    line = state.context.line(sku)
    lot = scan.lot or (line.lots[0].lot if line and line.lots else "")
    known = line.expiry_of(lot) if line else None
    return lot, scan.expiry or (known.isoformat() if known else None)


def _serial(state: ReturnState, scan: Scan) -> Verdict:
    waiting = state.awaiting_serial
    assert waiting is not None
    serial = scan.serial or (plain_text(scan) if scan.kind == "unknown" else "")
    if not serial:
        return _refuse(state, "scan_serial", sku=waiting.product.sku, name=waiting.product.name)
    done = replace(state, awaiting_serial=None)
    return _take(done, waiting.product, waiting.lot, waiting.expiry, serial, 1, waiting.raw)


def _take(state, product: ReturnedProduct, lot, expiry, serial: str, units: int, raw) -> Verdict:
    held = state.in_hand
    quantity = units + (held.quantity if held is not None else 0)
    flag = _judge(state, product.sku, serial, quantity)
    hand = InHand(product.sku, product.name, lot, expiry, serial, quantity, flag, raw)
    new = replace(state, in_hand=hand, reselling=False, suggestion=None)
    return Verdict(True, flag or "item_in_hand", new, _held(hand) | {"flag": flag})


def _judge(state: ReturnState, sku: str, serial: str, quantity: int) -> str:
    """The flag on the units in hand: "" when the order shipped them and they fit."""
    assert state.context is not None
    taken = state.taken_units(sku)
    if serial and serial in state.taken_serials():
        return "serial_already_returned"
    return state.context.judge(sku, serial, taken + quantity - 1)


def on_typed(state: ReturnState, typed: str) -> Verdict:
    """Digits + Enter: how many of the item in hand there are; with no parcel open, a parcel
    code typed off the label (an order number, an RMA number)."""
    text = typed.strip()
    if state.context is None:
        return _parcel_scan(state, Scan(raw=text, symbology=None, kind="unknown"))
    held = state.in_hand
    if held is None:
        return _refuse(state, "scan_item_first")
    if held.serial or not text.isdigit() or not 0 < int(text) <= MAX_TYPED:
        return _refuse(state, "bad_quantity", typed=text[:12])
    counted = replace(held, quantity=int(text))
    counted = replace(counted, flag=_judge(state, held.sku, "", counted.quantity))
    new = replace(state, in_hand=counted)
    return Verdict(True, counted.flag or "quantity_set", new, _held(counted))


def on_command(state: ReturnState, name: str) -> Verdict:
    if name in (RESELL.upper(), DAMAGED.upper(), WRONG_ITEM.upper()):
        return _condition(state, name.lower())
    commands = {"MISSING": _missing, "CLOSE": _close, "CANCEL": _cancel, "UNDO": undo}
    if name in commands:
        return commands[name](state)
    return _refuse(state, "not_understood", code=f"C:{name}")


def _condition(state: ReturnState, condition: str) -> Verdict:
    held = state.in_hand
    if held is None:
        return _refuse(state, "scan_item_first")
    if held.flag and condition != WRONG_ITEM:
        return _refuse(state, "take_as_wrong_item", **_held(held), flag=held.flag)
    if condition == RESELL:
        if destination(RESELL, parse_expiry(held.expiry), state.today) != TO_STOCK:
            return _record(state, RESELL, QUARANTINE_AREA, "expired_to_quarantine")
        line = state.context.line(held.sku) if state.context else None
        reselling = replace(state, reselling=True)
        if line is not None and line.picked_from:
            return on_suggestion(reselling, line.picked_from[0])
        look = LookUp("suggestion", held.sku, held.quantity)
        return Verdict(True, "look_up_suggestion", reselling, _held(held), look_up=look)
    return _record(state, condition, QUARANTINE_AREA, "to_quarantine")


def on_suggestion(state: ReturnState, location: str | None) -> Verdict:
    """Where the backend suggests the resellable unit in hand goes (None: no suggestion)."""
    held = state.in_hand
    if held is None or not state.reselling:
        return _refuse(state, "nothing_in_hand")
    new = replace(state, suggestion=location)
    return Verdict(True, "scan_location", new, _held(held) | {"location": location or ""})


def on_location(state: ReturnState, code: str, known: bool) -> Verdict:
    """A scanned location, with whether the site has it: the resellable unit goes there."""
    if state.in_hand is None or not state.reselling:
        return _refuse(state, "nothing_in_hand")
    if not known:
        return _refuse(state, "unknown_location", location=code)
    elsewhere = state.suggestion is not None and code != state.suggestion
    return _record(state, RESELL, code, "resold_elsewhere" if elsewhere else "resold")


def _record(state: ReturnState, condition: str, location: str, reason: str) -> Verdict:
    held, context = state.in_hand, state.context
    assert held is not None and context is not None
    fact = _item_fact(state, held.sku, held.quantity, condition, location, held)
    item = ReturnedItem(
        held.sku,
        held.quantity,
        condition,
        location,
        held.lot,
        parse_expiry(held.expiry),
        held.serial,
        held.flag,
        fact.uuid,
    )
    new = replace(state, in_hand=None, reselling=False, suggestion=None, taken=(*state.taken, item))
    params = _held(held) | {"location": location, "suggested": state.suggestion or ""}
    return Verdict(True, reason, new, params, (fact,))


def _item_fact(state: ReturnState, sku, quantity, condition, location, held: InHand | None):
    context = state.context
    assert context is not None
    return ReturnItemReceived(
        return_id=state.return_id,
        channel=context.channel,
        order_id=context.order_id,
        rma=context.rma,
        sku=sku,
        lot=held.lot if held else "",
        expiry=held.expiry if held else None,
        serial=held.serial if held else "",
        quantity=quantity,
        condition=condition,
        location=location,
        suggested=state.suggestion,
        flag=held.flag if held else "",
        parcel=context.parcel,
        raw=held.raw if held else "",
    ).fact(state.actor)


def announced_left(state: ReturnState) -> dict[str, int]:
    """Announced units of each product neither received on this parcel nor declared missing."""
    if state.context is None:
        return {}
    left = {}
    for line in state.context.lines:
        seen = sum(x.quantity for x in state.taken if x.sku == line.sku and not x.flag)
        if line.expected > seen:
            left[line.sku] = line.expected - seen
    return left


def _missing(state: ReturnState) -> Verdict:
    if state.context is None:
        return _refuse(state, "nothing_open")
    if state.in_hand is not None:
        return _refuse(state, "decide_first", **_held(state.in_hand))
    left = announced_left(state)
    if not left:
        return _refuse(state, "nothing_missing")
    facts = tuple(_item_fact(state, sku, n, MISSING, "", None) for sku, n in left.items())
    items = tuple(
        ReturnedItem(sku, n, MISSING, "", fact_id=f.uuid)
        for (sku, n), f in zip(left.items(), facts, strict=True)
    )
    new = replace(state, taken=(*state.taken, *items))
    return Verdict(True, "missing_recorded", new, {"units": sum(left.values())}, facts)


def _close(state: ReturnState) -> Verdict:
    context = state.context
    if context is None:
        return _refuse(state, "nothing_open")
    if state.in_hand is not None or state.awaiting_serial is not None:
        held = state.in_hand
        return _refuse(state, "decide_first", **(_held(held) if held else {}))
    left = announced_left(state)
    if left:
        return _refuse(state, "announced_left", units=sum(left.values()))
    if not state.taken:
        return _refuse(state, "nothing_taken")
    fact = ReturnClosed(
        return_id=state.return_id,
        channel=context.channel,
        order_id=context.order_id,
        rma=context.rma,
        parcel=context.parcel,
    ).fact(state.actor)
    params = {"channel": context.channel, "order_id": context.order_id, "items": len(state.taken)}
    return Verdict(True, "closed", start(state.actor, state.today), params, (fact,))


def _cancel(state: ReturnState) -> Verdict:
    if state.awaiting_serial is not None:
        return Verdict(True, "scan_item_first", replace(state, awaiting_serial=None))
    if state.in_hand is not None:
        params = _held(state.in_hand)
        cleared = replace(state, in_hand=None, reselling=False, suggestion=None)
        return Verdict(True, "handed_back", cleared, params)
    if state.context is not None:
        context = state.context
        params = {"channel": context.channel, "order_id": context.order_id}
        return Verdict(True, "parcel_left", start(state.actor, state.today), params)
    return _refuse(state, "scan_parcel")


def _held(held: InHand) -> dict:
    return {
        "sku": held.sku,
        "name": held.name,
        "lot": held.lot,
        "serial": held.serial,
        "quantity": held.quantity,
    }


def _refuse(state: ReturnState, reason: str, **params) -> Verdict:
    """A refused scan: nothing changes; the screen says what to do instead."""
    return Verdict(False, reason, state, dict(params))
