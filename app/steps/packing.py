"""The packer's steps at the station, as a pure state machine: no I/O, no Qt, no clock.

    state = start(order_view, actor, has_scale)          # app.steps.packing_state
    verdict = on_scan(state, scan)                       # or on_count / undo, and in
                                                         # app.steps.packing_close: overrides,
                                                         # close_carton
    # verdict.ok / verdict.reason (the screen words it), verdict.facts to record; adopt
    # verdict.state once they are recorded

An item is packed by a scan of its barcode; only a product marked `no_barcode` in the product
master is packed by a typed count (never more than its line still needs; recorded
`confirmed_by: typed_no_barcode`); a unit of a serial-required product is packed only with its
serial, never one packed or shipped before. Every refused scan comes with a `pack.refused` fact.

Verdict reasons (the UI words them): packed, scan_serial, wrong_item, extra_item,
serial_shipped, serial_repeated, serial_expected, serial_invalid, serial_one_by_one,
not_a_product, invalid_scan, count_too_many, bad_count, undone, serial_cancelled,
nothing_to_undo.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.domain.events import Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import PackItem, PackUndone
from app.domain.packing import PackLine
from app.scanning.interpret import Scan
from app.scanning.symbology import split_symbology
from app.steps.packing_state import (
    AwaitedSerial,
    CartonItem,
    PackState,
    Verdict,
    start,
    typed_count,
)

__all__ = ["on_count", "on_scan", "start", "started", "undo"]

MAX_SERIAL_LENGTH = 40  # GS1 AI 21 allows 20; makers' own serial labels run a little longer
# Scans that are never a serial, even while the screen waits for one: our own codes and SSCCs.
NOT_A_SERIAL = ("location", "tote", "badge", "command", "logistic_unit")
# A scan the interpreter found malformed may still be a plain serial (digits with no valid check
# digit, say), but not a broken GS1 string: those have brackets or separators in them.
SERIAL_TEXT = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_./]*")


def started(state: PackState) -> Event:
    """The fact that packing of the order began here (the timeline shows who and where)."""
    payload = {"tote": state.order.tote, "flags": state.order.flags}
    return Event(FactKind.PACK_STARTED.value, payload, state.actor, state.order.order_ref)


def on_scan(state: PackState, scan: Scan) -> Verdict:
    """An item scanned into the carton (or the serial a unit waits for, or a typed count)."""
    if state.awaiting_serial is not None:
        return _serial_scan(state, scan, state.awaiting_serial)
    count = typed_count(scan)
    if count is not None:
        return on_count(state, count, scan)
    if scan.kind == "invalid":
        return refuse(state, "invalid_scan", scan, detail=scan.error or "")
    if scan.kind != "product" or not scan.gtin:
        return refuse(state, "not_a_product", scan, detail=scan.raw)
    lines = state.lines_for(scan.gtin)
    if not lines:
        return refuse(state, "wrong_item", scan, detail=scan.gtin)
    quantity = scan.quantity or 1
    line = next((ln for ln in lines if state.remaining(ln) >= quantity), None)
    if line is None:
        return refuse(state, "extra_item", scan, lines[0], detail=scan.gtin)
    if line.serial_required and quantity > 1:
        return refuse(state, "serial_one_by_one", scan, line, detail=scan.gtin)
    if line.serial_required and not scan.serial:
        waiting = replace(state, awaiting_serial=AwaitedSerial(line, scan.gtin, scan.raw))
        return Verdict(True, "scan_serial", waiting, line, 0, detail=scan.gtin)
    return _pack(state, line, quantity, scan.gtin, scan.serial, scan.raw, scan)


def on_count(state: PackState, count: int, scan: Scan) -> Verdict:
    """A typed count (+ Enter) packs that many of the open line without a barcode, never
    more than it still needs. A product with a barcode is never typed in: it is scanned."""
    line = state.no_barcode_line()
    if line is None:
        done = [ln for ln in state.order.lines if ln.no_barcode]
        if done:  # counted in full already
            return refuse(state, "extra_item", scan, done[-1], detail=scan.raw)
        return refuse(state, "not_a_product", scan, detail=scan.raw)
    if count < 1:
        return refuse(state, "bad_count", scan, line, detail=str(count))
    if count > state.remaining(line):
        verdict = refuse(state, "count_too_many", scan, line, detail=str(count))
        return replace(verdict, quantity=state.remaining(line))
    if line.serial_required and count > 1:
        return refuse(state, "serial_one_by_one", scan, line, detail=str(count))
    if line.serial_required:
        waiting = replace(state, awaiting_serial=AwaitedSerial(line, "", scan.raw, typed=True))
        return Verdict(True, "scan_serial", waiting, line, 0)
    return _pack(state, line, count, "", None, scan.raw, scan, typed=True)


def _serial_scan(state: PackState, scan: Scan, awaited: AwaitedSerial) -> Verdict:
    """The scan after a serial-required item: its serial (a GS1 AI 21 alone, the item's GS1
    barcode with AI 21, or the maker's own serial label, read as it is)."""
    text = split_symbology(scan.raw.strip())[1].strip()
    line = awaited.line
    if scan.kind == "product" and scan.serial and scan.gtin in line.gtins:
        serial = scan.serial
    elif scan.kind == "product" and (scan.serial or state.lines_for(scan.gtin)):
        # The item again, another item of the order, or another product's own serial.
        return refuse(state, "serial_expected", scan, line, detail=scan.gtin or "")
    elif scan.kind in NOT_A_SERIAL:
        return refuse(state, "serial_expected", scan, line, detail=scan.raw)
    elif scan.kind == "invalid" and not SERIAL_TEXT.fullmatch(text):
        return refuse(state, "invalid_scan", scan, line, detail=scan.error or "")
    else:  # a maker's S/N label, a GS1 (21) alone, or digits that are no valid GTIN
        serial = scan.serial or text
    if not _plausible_serial(serial):
        return refuse(state, "serial_invalid", scan, line, detail=serial[:60])
    raw = f"{awaited.raw} + {scan.raw}"
    verdict = _pack(state, line, 1, awaited.gtin, serial, raw, scan, awaited.typed)
    if verdict.reason == "packed":
        return replace(verdict, state=replace(verdict.state, awaiting_serial=None))
    return verdict


def _pack(
    state: PackState,
    line: PackLine,
    quantity: int,
    gtin: str,
    serial: str | None,
    raw: str,
    scan: Scan,
    typed: bool = False,
) -> Verdict:
    if serial and (line.sku, serial) in state.order.shipped_serials:
        return refuse(state, "serial_shipped", scan, line, detail=serial)
    if serial and (line.sku, serial) in state.serials:
        return refuse(state, "serial_repeated", scan, line, detail=serial)
    fact = PackItem(
        line_id=line.line_id,
        sku=line.sku,
        gtin=gtin,
        quantity=quantity,
        serial=serial,
        carton=state.carton,
        raw=raw,
        # How the unit was checked in, as a pick records it (docs/packing.md).
        item_scanned=not typed,
        no_barcode=line.no_barcode,
        confirmed_by="typed_no_barcode" if typed else "scan",
    ).fact(state.actor, state.order.order_ref)
    packed = replace(
        state,
        packed=state.with_packed(line.line_id, quantity),
        carton_items=(*state.carton_items, CartonItem(line.line_id, line.sku, quantity, serial)),
        serials=(state.serials | {(line.sku, serial)}) if serial else state.serials,
    )
    return Verdict(True, "packed", packed, line, quantity, facts=(fact,))


def undo(state: PackState) -> Verdict:
    """Take the last item out of the carton again (C:UNDO); an item still waiting for its
    serial is simply put aside (it was never packed)."""
    if state.awaiting_serial is not None:
        line = state.awaiting_serial.line
        return Verdict(True, "serial_cancelled", replace(state, awaiting_serial=None), line, 1)
    if not state.carton_items:
        return Verdict(False, "nothing_to_undo", state)
    item = state.carton_items[-1]
    fact = PackUndone(
        line_id=item.line_id,
        sku=item.sku,
        quantity=item.quantity,
        serial=item.serial,
        carton=state.carton,
    ).fact(state.actor, state.order.order_ref)
    taken_out = replace(
        state,
        packed=state.with_packed(item.line_id, -item.quantity),
        carton_items=state.carton_items[:-1],
        serials=state.serials - {(item.sku, item.serial)},
    )
    return Verdict(
        True, "undone", taken_out, state.line(item.line_id), item.quantity, facts=(fact,)
    )


def refuse(
    state: PackState, reason: str, scan: Scan, line: PackLine | None = None, detail: str = ""
) -> Verdict:
    """A refused scan: nothing changes but a `pack.refused` fact for the accuracy KPI."""
    payload = {"reason": reason, "raw": scan.raw, "gtin": scan.gtin, "serial": scan.serial}
    fact = Event(
        FactKind.PACK_REFUSED.value,
        payload | {"carton": state.carton},
        state.actor,
        state.order.order_ref,
    )
    return Verdict(False, reason, state, line, 0, detail, (fact,))


def _plausible_serial(serial: str) -> bool:
    """A serial as printed on a label: 1 to 40 visible characters, no spaces or control codes."""
    return 0 < len(serial) <= MAX_SERIAL_LENGTH and serial.isprintable() and " " not in serial
