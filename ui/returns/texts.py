"""The returns clerk's words for each step verdict (app/steps/returning.py), translated. UI
thread only."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.verdict_texts import filled

TEXTS = {
    "start": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "Scan the parcel: its label, the RMA number or the order number."
    ),
    "scan_parcel": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "Scan the parcel first: its label, the RMA number or the order number."
    ),
    "look_up_parcel": QT_TRANSLATE_NOOP("ReturnsTexts", "Looking up {code}…"),
    "unknown_parcel": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "NO ORDER FOR {code}. Check the label or the packing slip; ask a lead."
    ),
    "not_shipped": QT_TRANSLATE_NOOP(
        "ReturnsTexts",
        "ORDER {channel}/{order_id} IS {status}, NOT SHIPPED. Put it aside for a lead.",
    ),
    "parcel_open": QT_TRANSLATE_NOOP("ReturnsTexts", "Order {channel}/{order_id}. Scan each item."),
    "parcel_resumed": QT_TRANSLATE_NOOP(
        "ReturnsTexts",
        "RESUMED: order {channel}/{order_id}, {items} unit(s) taken in already. Scan the next item.",
    ),
    "look_up_product": QT_TRANSLATE_NOOP("ReturnsTexts", "Checking {gtin}…"),
    "unknown_item": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "UNKNOWN ITEM {gtin}. Not taken in: put it aside for a lead."
    ),
    "item_in_hand": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{quantity} × {sku} in hand. Scan its condition: C:RESELL, C:DAMAGED."
    ),
    "scan_serial": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{sku} needs its serial: scan the serial label."
    ),
    "not_in_order": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "NOT IN THIS ORDER: {sku}. Scan C:WRONG_ITEM to take it in, or C:CANCEL."
    ),
    "serial_not_shipped": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "SERIAL {serial} WAS NOT SHIPPED on this order. C:WRONG_ITEM or C:CANCEL."
    ),
    "serial_already_returned": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "SERIAL {serial} CAME BACK ALREADY. C:WRONG_ITEM or C:CANCEL."
    ),
    "more_than_shipped": QT_TRANSLATE_NOOP(
        "ReturnsTexts",
        "MORE THAN SHIPPED: {quantity} × {sku}. C:WRONG_ITEM, C:CANCEL or type the count.",
    ),
    "take_as_wrong_item": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{sku} is flagged: only C:WRONG_ITEM takes it in (or C:CANCEL)."
    ),
    "decide_first": QT_TRANSLATE_NOOP(
        "ReturnsTexts",
        "Decide the {quantity} × {sku} in hand first: scan its condition or C:CANCEL.",
    ),
    "look_up_suggestion": QT_TRANSLATE_NOOP("ReturnsTexts", "Finding a place for {sku}…"),
    "scan_location": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "RESELL {quantity} × {sku}: put it back and scan the location."
    ),
    "look_up_location": QT_TRANSLATE_NOOP("ReturnsTexts", "Checking {location}…"),
    "unknown_location": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "NO LOCATION {location}. Scan the location's label."
    ),
    "resold": QT_TRANSLATE_NOOP("ReturnsTexts", "BACK IN STOCK: {quantity} × {sku} at {location}."),
    "resold_elsewhere": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "BACK IN STOCK: {quantity} × {sku} at {location} (suggested: {suggested})."
    ),
    "to_quarantine": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "QUARANTINE: {quantity} × {sku}. Put it in the quarantine cage."
    ),
    "expired_to_quarantine": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "EXPIRED LOT {lot}: {quantity} × {sku} to the quarantine cage, not stock."
    ),
    "missing_recorded": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{units} announced unit(s) recorded missing. Scan C:CLOSE."
    ),
    "nothing_missing": QT_TRANSLATE_NOOP("ReturnsTexts", "Nothing announced is missing."),
    "nothing_in_hand": QT_TRANSLATE_NOOP("ReturnsTexts", "Nothing in hand: scan an item first."),
    "quantity_set": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{quantity} × {sku} in hand. Scan its condition."
    ),
    "bad_quantity": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{typed} is not a count here. Type a whole number (one scan per serial)."
    ),
    "scan_item_first": QT_TRANSLATE_NOOP("ReturnsTexts", "Scan an item first."),
    "announced_left": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{units} announced unit(s) not scanned yet: scan them, or C:MISSING."
    ),
    "nothing_taken": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "Nothing taken in from this parcel yet: scan the items."
    ),
    "closed": QT_TRANSLATE_NOOP(
        "ReturnsTexts",
        "CLOSED: return of {channel}/{order_id} sent to the shop. Scan the next parcel.",
    ),
    "nothing_open": QT_TRANSLATE_NOOP("ReturnsTexts", "No parcel open: nothing to close."),
    "handed_back": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{quantity} × {sku} not taken in. Scan the next item."
    ),
    "parcel_left": QT_TRANSLATE_NOOP(
        "ReturnsTexts",
        "Left the parcel of {channel}/{order_id}: what was taken in stays, scan it again to go on.",
    ),
    "look_up_stock": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "Checking {location} for {quantity} × {sku}…"
    ),
    "item_undone": QT_TRANSLATE_NOOP(
        "ReturnsTexts",
        "UNDONE: {quantity} × {sku} taken back. Take it off {location}, then scan it again.",
    ),
    "item_undone_quarantine": QT_TRANSLATE_NOOP(
        "ReturnsTexts",
        "UNDONE: {quantity} × {sku} taken back. Take it out of the cage, then scan it again.",
    ),
    "missing_undone": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "UNDONE: {quantity} × {sku} no longer missing. Scan it, or C:MISSING."
    ),
    "nothing_to_undo": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "Nothing taken in on this parcel: nothing to undo."
    ),
    "undo_unknown": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{quantity} × {sku} cannot be undone here: ask a lead."
    ),
    "stock_moved": QT_TRANSLATE_NOOP(
        "ReturnsTexts",
        "CANNOT UNDO: only {free} of {quantity} × {sku} free at {location} now. Ask a lead.",
    ),
    "invalid_scan": QT_TRANSLATE_NOOP("ReturnsTexts", "Bad barcode: {error}"),
    "not_understood": QT_TRANSLATE_NOOP(
        "ReturnsTexts", "{code} is not a parcel, item or location here."
    ),
    "save_failed": QT_TRANSLATE_NOOP("ReturnsTexts", "NOT SAVED: {error}. Scan again."),
    "look_up_failed": QT_TRANSLATE_NOOP("ReturnsTexts", "Could not check: {error}. Scan again."),
}


def verdict_text(reason: str, params: dict) -> str:
    texts = {k: QCoreApplication.translate("ReturnsTexts", v) for k, v in TEXTS.items()}
    return filled(texts, reason, params)
