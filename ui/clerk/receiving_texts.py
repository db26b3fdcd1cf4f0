"""The receiving clerk's words for each step verdict (app/steps/receiving.py), translated. UI
thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.verdict_texts import filled


def _texts() -> dict[str, str]:
    return {
        "start": QCoreApplication.translate(
            "ReceivingTexts", "Scan the receipt (its number or the pallet's SSCC label)."
        ),
        "scan_receipt": QCoreApplication.translate(
            "ReceivingTexts", "Scan the receipt first (its number or the pallet's SSCC label)."
        ),
        "look_up_receipt": QCoreApplication.translate("ReceivingTexts", "Looking up {code}…"),
        "receipt_open": QCoreApplication.translate(
            "ReceivingTexts", "Receipt {receipt} from {supplier}. Scan the items."
        ),
        "unknown_receipt": QCoreApplication.translate(
            "ReceivingTexts", "NO RECEIPT {code}. Check the delivery papers or ask a lead."
        ),
        "receipt_closed": QCoreApplication.translate(
            "ReceivingTexts", "Receipt {receipt} is closed. Nothing more goes on it."
        ),
        "look_up_product": QCoreApplication.translate("ReceivingTexts", "Checking {gtin}…"),
        "received": QCoreApplication.translate(
            "ReceivingTexts",
            "RECEIVED {sku}: {quantity} in hand. Scan more, type the count, or scan the location.",
        ),
        "over_receipt": QCoreApplication.translate(
            "ReceivingTexts",
            "OVER-RECEIPT {sku}: {received} received, {expected} expected. Put it away, it is flagged.",
        ),
        "unexpected_item": QCoreApplication.translate(
            "ReceivingTexts", "NOT ON THE RECEIPT: {sku} {name}. Received and flagged for the lead."
        ),
        "unknown_item": QCoreApplication.translate(
            "ReceivingTexts", "UNKNOWN ITEM {gtin}. Not received: put it aside for a lead."
        ),
        "scan_lot": QCoreApplication.translate(
            "ReceivingTexts", "{sku} needs its lot: scan the lot label."
        ),
        "put_away_first": QCoreApplication.translate(
            "ReceivingTexts",
            "Put away the {quantity} × {sku} in hand first (scan the location), or C:CANCEL.",
        ),
        "nothing_in_hand": QCoreApplication.translate(
            "ReceivingTexts", "Nothing in hand: scan an item first."
        ),
        "look_up_location": QCoreApplication.translate("ReceivingTexts", "Checking {location}…"),
        "unknown_location": QCoreApplication.translate(
            "ReceivingTexts", "NO LOCATION {location}. Scan the location's label."
        ),
        "put_away": QCoreApplication.translate(
            "ReceivingTexts", "PUT AWAY {quantity} × {sku} at {location}."
        ),
        "put_away_elsewhere": QCoreApplication.translate(
            "ReceivingTexts", "PUT AWAY {quantity} × {sku} at {location} (suggested: {suggested})."
        ),
        "quantity_set": QCoreApplication.translate(
            "ReceivingTexts", "{quantity} × {sku} in hand. Scan the location."
        ),
        "scan_item_first": QCoreApplication.translate(
            "ReceivingTexts", "Scan an item first, then type its count."
        ),
        "bad_quantity": QCoreApplication.translate(
            "ReceivingTexts", "{typed} is not a count. Type a whole number."
        ),
        "set_aside": QCoreApplication.translate(
            "ReceivingTexts",
            "{quantity} × {sku} set aside in receiving (not stock). Scan the next item.",
        ),
        "receipt_left": QCoreApplication.translate(
            "ReceivingTexts", "Left receipt {receipt} open. Scan a receipt."
        ),
        "closed": QCoreApplication.translate(
            "ReceivingTexts", "CLOSED receipt {receipt}: everything as announced."
        ),
        "closed_with_differences": QCoreApplication.translate(
            "ReceivingTexts", "CLOSED receipt {receipt}: {count} differences sent to the lead."
        ),
        "nothing_open": QCoreApplication.translate(
            "ReceivingTexts", "No receipt open: nothing to close."
        ),
        "invalid_scan": QCoreApplication.translate("ReceivingTexts", "Bad barcode: {error}"),
        "not_understood": QCoreApplication.translate(
            "ReceivingTexts", "{code} is not a receipt, item or location here."
        ),
        "save_failed": QCoreApplication.translate(
            "ReceivingTexts", "NOT SAVED: {error}. Scan again."
        ),
        "look_up_failed": QCoreApplication.translate(
            "ReceivingTexts", "Could not check: {error}. Scan again."
        ),
    }


def verdict_text(reason: str, params: dict) -> str:
    return filled(_texts(), reason, params)
