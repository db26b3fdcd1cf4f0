"""The counter's steps at a location, as a pure state machine: no I/O, no Qt, no clock.

    state = start(actor)                                  # app.steps.counting_state
    verdict = on_scan(state, scan)                        # a location, a product, a command
    # verdict.look_up: ask the backend, then on_location(state, info) / on_product(state, ...)
    # verdict.facts to record; adopt verdict.state once they are recorded
    verdict = on_typed(state, "12")                       # the last product scanned: 12 units

Scan the location (a count task's, or any: an unplanned count), then each product: one unit
per scan, or scan it once and type how many. A lot-controlled product needs its GS1 label (with
the lot). C:UNDO takes back the last scan; C:CLOSE ends the count and asks for C:CONFIRM,
showing only what was counted; C:CONFIRM records one `stock.counted` fact for the whole
location (nothing scanned: the location is empty); C:CANCEL throws the count away.

Verdict reasons (the UI words them): scan_location, location_ready, recount_ready,
unknown_location, finish_first, counted_one, quantity_set, unknown_product, lot_needed,
scan_product_first, bad_quantity, undone, nothing_to_undo, confirm_close, close_cancelled,
close_first, count_recorded, count_cancelled, confirm_or_undo, not_a_product, invalid_scan,
unknown_command.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.events import Actor
from app.domain.fact_payloads import StockCounted
from app.scanning.interpret import Scan
from app.scanning.symbology import split_symbology
from app.steps.counting_state import (
    CountState,
    Entry,
    LocationInfo,
    LookUp,
    ProductInfo,
    Verdict,
)

MAX_TYPED = 99_999
PRODUCT_KINDS = ("product", "unknown")


def start(actor: Actor) -> CountState:
    return CountState(actor=actor)


def on_scan(state: CountState, scan: Scan) -> Verdict:
    if scan.kind == "command" and scan.code:
        return on_command(state, scan.code)
    if scan.kind == "invalid":
        return Verdict(False, "invalid_scan", state, {"error": scan.error or ""})
    if scan.kind == "location" and scan.code:
        if state.entries and scan.code != state.location:
            return Verdict(False, "finish_first", state, {"location": state.location})
        return Verdict(True, "look_up", state, {}, look_up=LookUp("location", scan.code))
    code = product_code(scan)
    if code is None:
        return Verdict(False, "not_a_product", state, {"code": scan.raw[:40]})
    if state.location is None:
        return Verdict(False, "scan_location", state)
    if state.closing:
        return Verdict(False, "confirm_or_undo", state)
    return Verdict(True, "look_up", state, {}, look_up=LookUp("product", code, scan))


def product_code(scan: Scan) -> str | None:
    """What names a product in a scan: its GTIN, or a SKU typed or printed as plain text."""
    if scan.kind == "product" and scan.gtin:
        return scan.gtin
    text = split_symbology(scan.raw.strip())[1].strip()
    if scan.kind == "unknown" and 1 <= len(text) <= 40 and text.isprintable():
        return text
    return None


def on_location(state: CountState, info: LocationInfo | None) -> Verdict:
    if info is None or info.known is False:
        code = info.code if info else ""
        return Verdict(False, "unknown_location", state, {"location": code})
    mine = info.attempt > 1 and info.first_counted_by == state.actor.user
    new = replace(
        start(state.actor),
        location=info.code,
        task_id=info.task_id,
        attempt=info.attempt,
        counted_before_by_me=mine,
    )
    reason = "recount_ready" if info.attempt > 1 else "location_ready"
    return Verdict(True, reason, new, {"location": info.code, "mine": mine})


def on_product(state: CountState, scan: Scan, product: ProductInfo | None) -> Verdict:
    code = product_code(scan) or scan.raw
    if product is None:
        return Verdict(False, "unknown_product", state, {"code": code})
    lot = scan.lot or ""
    if product.lot_controlled and not lot:
        return Verdict(False, "lot_needed", state, {"sku": product.sku})
    entry = Entry(product.sku, product.name, lot, scan.expiry, 1)
    new = replace(state, entries=(*state.entries, entry))
    return Verdict(True, "counted_one", new, _line_params(new, entry))


def on_typed(state: CountState, typed: str) -> Verdict:
    """A number typed after a product's scan: that scan counts so many units."""
    if not state.entries or state.closing:
        return Verdict(False, "scan_product_first", state)
    text = typed.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_TYPED:
        return Verdict(False, "bad_quantity", state, {"typed": text[:10], "most": MAX_TYPED})
    last = replace(state.entries[-1], units=int(text))
    new = replace(state, entries=(*state.entries[:-1], last))
    return Verdict(True, "quantity_set", new, _line_params(new, last))


def on_command(state: CountState, name: str) -> Verdict:
    if name == "UNDO":
        return _undo(state)
    if name == "CLOSE":
        if state.location is None:
            return Verdict(False, "scan_location", state)
        closing = replace(state, closing=True)
        return Verdict(True, "confirm_close", closing, {"location": state.location})
    if name == "CONFIRM":
        return _confirm(state)
    if name == "CANCEL":
        return Verdict(True, "count_cancelled", start(state.actor), {"location": state.location})
    return Verdict(False, "unknown_command", state, {"command": name})


def _undo(state: CountState) -> Verdict:
    if state.closing:
        return Verdict(True, "close_cancelled", replace(state, closing=False))
    if not state.entries:
        return Verdict(False, "nothing_to_undo", state)
    taken = state.entries[-1]
    new = replace(state, entries=state.entries[:-1])
    return Verdict(True, "undone", new, {"sku": taken.sku, "units": taken.units})


def _confirm(state: CountState) -> Verdict:
    if not state.closing or state.location is None:
        return Verdict(False, "close_first", state)
    lines = [
        {"sku": x.sku, "lot": x.lot, "expiry": x.expiry, "counted": x.counted} for x in state.lines
    ]
    payload = StockCounted(
        count_task_id=state.task_id, location=state.location, lines=lines, attempt=state.attempt
    )
    fact = payload.fact(state.actor)
    params = {"location": state.location, "units": state.units}
    return Verdict(True, "count_recorded", start(state.actor), params, (fact,))


def _line_params(state: CountState, entry: Entry) -> dict:
    line = next(x for x in state.lines if (x.sku, x.lot) == (entry.sku, entry.lot))
    return {"sku": entry.sku, "name": entry.name, "lot": entry.lot, "counted": line.counted}
