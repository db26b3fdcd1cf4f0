"""The receiving clerk's steps, as a pure state machine: no I/O, no Qt, no clock.

    state = start(actor)                                  # app.steps.receiving_state
    verdict = on_scan(state, scan)                        # a receipt (id or SSCC), an item
                                                          # (GTIN / GS1-128), a lot label, a
                                                          # location, C:CLOSE, C:CANCEL
    verdict = on_typed(state, "12")                       # the count of the item in hand
    # verdict.look_up: ask the backend, then on_receipt(state, code, receipt) /
    #                  on_product(state, scan, product, units) / on_location(state, code, known)
    # verdict.facts to record; adopt verdict.state once they are recorded

Each item scan receives one unit (or the GS1 count, AI 30/37) of the product's lot and puts it
in the clerk's hand; a typed number sets how many are in hand. On a shipped transfer's receipt
a plain barcode of a lot-controlled product is the one lot of it still on its way (docs/stock.md,
"Transfers"); with several, the lot label says which. The location scan puts what is in hand
away there (the suggested one or another existing location: the clerk decides).
C:CLOSE closes the receipt with its differences; C:CANCEL sets what is in hand aside (received,
in receiving, not stock) or leaves the receipt.

Verdict reasons (the UI words them): scan_receipt, look_up_receipt, receipt_open,
unknown_receipt, receipt_closed, look_up_product, received, over_receipt, unexpected_item,
unknown_item, scan_lot, put_away_first, nothing_in_hand, look_up_location, unknown_location,
put_away, put_away_elsewhere, quantity_set, scan_item_first, bad_quantity, set_aside,
receipt_left, closed, closed_with_differences, nothing_open, invalid_scan, not_understood.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.events import Actor
from app.domain.fact_payloads import ItemReceived, PutAway, ReceiptClosed
from app.domain.receiving import Receipt, ReceivedProduct, differences, parse_expiry
from app.domain.transfer_lots import lots_coming
from app.scanning.interpret import Scan
from app.scanning.symbology import split_symbology
from app.steps.receiving_state import AwaitingLot, InHand, LookUp, ReceiveState, Verdict

__all__ = ["on_location", "on_product", "on_receipt", "on_scan", "on_typed", "start"]

MAX_TYPED = 100_000  # a typed count above this is a slip of the finger, not a delivery


def start(actor: Actor) -> ReceiveState:
    return ReceiveState(actor=actor)


def plain_text(scan: Scan) -> str:
    """The scanned text without its AIM prefix (a receipt id, a lot label)."""
    return split_symbology(scan.raw.strip())[1].strip()


def on_scan(state: ReceiveState, scan: Scan, units: int = 1) -> Verdict:
    if scan.kind == "command" and scan.code:
        return on_command(state, scan.code)
    if scan.kind == "invalid":
        return _refuse(state, "invalid_scan", error=scan.error or "")
    if state.awaiting_lot is not None and scan.kind not in ("location", "logistic_unit"):
        return _lot(state, scan)
    if state.receipt is None and scan.kind in ("location", "product"):
        return _refuse(state, "scan_receipt")
    if state.receipt is None or scan.kind == "logistic_unit" or _names_receipt(state, scan):
        return _receipt_scan(state, scan)
    if scan.kind == "product" and scan.gtin:
        units = units * (scan.quantity or 1)
        look = LookUp("product", scan.gtin, units)
        return Verdict(True, "look_up_product", state, {"gtin": scan.gtin}, look_up=look)
    if scan.kind == "location" and scan.code:
        if state.in_hand is None:
            return _refuse(state, "nothing_in_hand")
        look = LookUp("location", scan.code)
        return Verdict(True, "look_up_location", state, {"location": scan.code}, look_up=look)
    if scan.kind == "unknown" and plain_text(scan):
        return _receipt_scan(state, scan)  # another receipt's id
    return _refuse(state, "not_understood", code=scan.raw[:40])


def _names_receipt(state: ReceiveState, scan: Scan) -> bool:
    receipt = state.receipt
    return (
        receipt is not None and scan.kind != "location" and plain_text(scan) == receipt.receipt_id
    )


def _receipt_scan(state: ReceiveState, scan: Scan) -> Verdict:
    code = scan.sscc if scan.kind == "logistic_unit" and scan.sscc else plain_text(scan)
    if not code:
        return _refuse(state, "scan_receipt")
    if state.in_hand is not None:
        return _refuse(state, "put_away_first", **_held(state.in_hand))
    look = LookUp("receipt", code)
    return Verdict(True, "look_up_receipt", state, {"code": code}, look_up=look)


def on_receipt(state: ReceiveState, code: str, receipt: Receipt | None) -> Verdict:
    """The receipt behind a scanned id or SSCC, as central (or the station's copy) knows it."""
    if receipt is None:
        return _refuse(state, "unknown_receipt", code=code)
    params = {"receipt": receipt.receipt_id, "supplier": receipt.supplier}
    if not receipt.is_open:
        return _refuse(state, "receipt_closed", **params)
    opened = replace(state, receipt=receipt, in_hand=None, awaiting_lot=None, suggestion=None)
    return Verdict(True, "receipt_open", opened, params | {"lines": len(receipt.lines)})


def on_product(
    state: ReceiveState, scan: Scan, product: ReceivedProduct | None, units: int = 1
) -> Verdict:
    """The product behind a scanned GTIN (None: no product has it)."""
    if product is None:
        return _refuse(state, "unknown_item", gtin=scan.gtin or scan.raw[:40])
    held = state.in_hand
    lot = scan.lot or ""
    if held is not None and held.sku == product.sku and not lot:
        lot = held.lot  # the plain barcode of the lot in hand: one more of it
    if held is not None and (held.sku, held.lot) != (product.sku, lot):
        return _refuse(state, "put_away_first", **_held(held))
    if product.lot_controlled and not lot:
        lot = _the_shipped_lot(state, product)
    if product.lot_controlled and not lot:
        waiting = AwaitingLot(product, units, scan.raw)
        params = {"sku": product.sku, "name": product.name}
        return Verdict(True, "scan_lot", replace(state, awaiting_lot=waiting), params)
    return _receive(state, product, lot, scan.expiry, units, scan.raw)


def _the_shipped_lot(state: ReceiveState, product: ReceivedProduct) -> str:
    """A transfer's receipt bringing one lot of the product: a plain barcode is that lot (our
    own warehouse shipped nothing else of it); several lots: the lot label says which."""
    receipt = state.receipt
    if receipt is None or not receipt.transfer:
        return ""
    coming = lots_coming(receipt, product.sku)
    return coming[0].lot if len(coming) == 1 else ""


def _lot(state: ReceiveState, scan: Scan) -> Verdict:
    """The lot label after a lot-controlled item's plain barcode: GS1 (10) or plain text."""
    waiting = state.awaiting_lot
    assert waiting is not None
    if scan.kind == "product" and not scan.lot:
        params = {"sku": waiting.product.sku, "name": waiting.product.name}
        return _refuse(state, "scan_lot", **params)
    lot = scan.lot or (plain_text(scan) if scan.kind == "unknown" else "")
    if not lot:
        return _refuse(state, "scan_lot", sku=waiting.product.sku, name=waiting.product.name)
    done = replace(state, awaiting_lot=None)
    return _receive(done, waiting.product, lot, scan.expiry, waiting.units, waiting.raw)


def _receive(
    state: ReceiveState,
    product: ReceivedProduct,
    lot: str,
    expiry: str | None,
    units: int,
    raw: str,
) -> Verdict:
    receipt = state.receipt
    assert receipt is not None
    known = receipt.announced_expiry(product.sku, lot)
    expiry = expiry or (known.isoformat() if known else None)
    if state.in_hand is not None and not expiry:
        expiry = state.in_hand.expiry
    fact = ItemReceived(
        receipt_id=receipt.receipt_id,
        sku=product.sku,
        lot=lot,
        expiry=expiry,
        quantity=units,
        raw=raw[:80],
    ).fact(state.actor)
    updated = receipt.with_received(product.sku, lot, parse_expiry(expiry), units)
    flag = _flag(updated, product.sku)
    before = state.in_hand.quantity if state.in_hand is not None else 0
    held = InHand(product.sku, product.name, lot, expiry, before + units, flag)
    new = replace(state, receipt=updated, in_hand=held, suggestion=None, last_location=None)
    return Verdict(True, _reason(held, "received"), new, _about(updated, held), (fact,))


def _reason(held: InHand, plain: str) -> str:
    """A flagged hand says so at once (over-receipt, not on the receipt)."""
    return {"": plain, "over": "over_receipt", "unexpected": "unexpected_item"}[held.flag]


def _about(receipt: Receipt, held: InHand) -> dict:
    expected, received = receipt.expected(held.sku), receipt.received(held.sku)
    return _held(held) | {"expected": expected, "received": received}


def _flag(receipt: Receipt, sku: str) -> str:
    if not receipt.announces(sku):
        return "unexpected"
    return "over" if receipt.received(sku) > receipt.expected(sku) else ""


def on_typed(state: ReceiveState, typed: str) -> Verdict:
    """Digits + Enter: how many of the item in hand there are (like the picker's count);
    with no receipt open, a receipt number typed off the paperwork."""
    text = typed.strip()
    if state.receipt is None:
        return _receipt_scan(state, Scan(raw=text, symbology=None, kind="unknown"))
    held = state.in_hand
    if held is None:
        return _refuse(state, "scan_item_first")
    if not text.isdigit() or not 0 < int(text) <= MAX_TYPED:
        return _refuse(state, "bad_quantity", typed=text[:12])
    delta = int(text) - held.quantity
    if delta == 0:
        return Verdict(True, "quantity_set", state, _held(held))
    receipt = state.receipt
    fact = ItemReceived(
        receipt_id=receipt.receipt_id,
        sku=held.sku,
        lot=held.lot,
        expiry=held.expiry,
        quantity=delta,
        raw=f"typed:{text}",
    ).fact(state.actor)
    updated = receipt.with_received(held.sku, held.lot, parse_expiry(held.expiry), delta)
    counted = replace(held, quantity=int(text), flag=_flag(updated, held.sku))
    new = replace(state, receipt=updated, in_hand=counted, suggestion=None)
    return Verdict(True, _reason(counted, "quantity_set"), new, _about(updated, counted), (fact,))


def with_suggestion(state: ReceiveState, location: str | None) -> ReceiveState:
    """The backend's suggestion for what is in hand (asked after every change of it)."""
    return replace(state, suggestion=location)


def on_location(state: ReceiveState, code: str, known: bool) -> Verdict:
    """A scanned location, with whether the site has it: what is in hand goes there."""
    held, receipt = state.in_hand, state.receipt
    if held is None or receipt is None:
        return _refuse(state, "nothing_in_hand")
    if not known:
        return _refuse(state, "unknown_location", location=code)
    fact = PutAway(
        receipt_id=receipt.receipt_id,
        sku=held.sku,
        lot=held.lot,
        expiry=held.expiry,
        quantity=held.quantity,
        location=code,
        suggested=state.suggestion,
    ).fact(state.actor)
    updated = receipt.with_put_away(held.sku, held.lot, parse_expiry(held.expiry), held.quantity)
    new = replace(state, receipt=updated, in_hand=None, suggestion=None, last_location=code)
    differs = state.suggestion is not None and code != state.suggestion
    params = _held(held) | {"location": code, "suggested": state.suggestion or ""}
    return Verdict(True, "put_away_elsewhere" if differs else "put_away", new, params, (fact,))


def on_command(state: ReceiveState, name: str) -> Verdict:
    if name == "CLOSE":
        return _close(state)
    if name == "CANCEL":
        return _cancel(state)
    return _refuse(state, "not_understood", code=f"C:{name}")


def _close(state: ReceiveState) -> Verdict:
    receipt = state.receipt
    if receipt is None:
        return _refuse(state, "nothing_open")
    if state.in_hand is not None:
        return _refuse(state, "put_away_first", **_held(state.in_hand))
    found = [d.as_dict() for d in differences(receipt)]
    fact = ReceiptClosed(receipt_id=receipt.receipt_id, differences=found).fact(state.actor)
    reason = "closed_with_differences" if found else "closed"
    params = {"receipt": receipt.receipt_id, "count": len(found)}
    return Verdict(True, reason, start(state.actor), params, (fact,))


def _cancel(state: ReceiveState) -> Verdict:
    if state.awaiting_lot is not None:
        return Verdict(True, "scan_item_first", replace(state, awaiting_lot=None))
    if state.in_hand is not None:
        params = _held(state.in_hand)
        return Verdict(True, "set_aside", replace(state, in_hand=None, suggestion=None), params)
    if state.receipt is not None:
        return Verdict(
            True, "receipt_left", start(state.actor), {"receipt": state.receipt.receipt_id}
        )
    return _refuse(state, "scan_receipt")


def _held(held: InHand) -> dict:
    return {"sku": held.sku, "name": held.name, "lot": held.lot, "quantity": held.quantity}


def _refuse(state: ReceiveState, reason: str, **params) -> Verdict:
    """A refused scan: nothing changes; the screen says what to do instead."""
    return Verdict(False, reason, state, dict(params))
