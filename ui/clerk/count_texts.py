"""The counter's words for each step verdict (app/steps/counting.py), translated. UI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.verdict_texts import filled


def _texts() -> dict[str, str]:
    return {
        "start": QCoreApplication.translate("CountTexts", "Scan the location to count (L: label)."),
        "look_up": QCoreApplication.translate("CountTexts", "Checking…"),
        "scan_location": QCoreApplication.translate(
            "CountTexts", "Scan the location first (L: label)."
        ),
        "location_ready": QCoreApplication.translate(
            "CountTexts", "Count {location}: scan every product there, one unit per scan."
        ),
        "recount_ready": QCoreApplication.translate(
            "CountTexts", "COUNT AGAIN: {location}. Scan every product there, one unit per scan."
        ),
        "unknown_location": QCoreApplication.translate(
            "CountTexts", "{location} is not a location. Scan the location's label."
        ),
        "finish_first": QCoreApplication.translate(
            "CountTexts",
            "Finish {location} first: C:CLOSE to end the count, or C:CANCEL to drop it.",
        ),
        "counted_one": QCoreApplication.translate("CountTexts", "{name}: {counted}"),
        "quantity_set": QCoreApplication.translate("CountTexts", "{name}: {counted}"),
        "unknown_product": QCoreApplication.translate(
            "CountTexts", "UNKNOWN PRODUCT {code}. Put it aside for a lead."
        ),
        "lot_needed": QCoreApplication.translate(
            "CountTexts", "{sku} has lots: scan the label with the lot (GS1)."
        ),
        "scan_product_first": QCoreApplication.translate(
            "CountTexts", "Scan a product, then type how many."
        ),
        "bad_quantity": QCoreApplication.translate("CountTexts", "Type a number from 1 to {most}."),
        "undone": QCoreApplication.translate("CountTexts", "Taken back: {units} × {sku}."),
        "nothing_to_undo": QCoreApplication.translate("CountTexts", "Nothing to take back."),
        "confirm_close": QCoreApplication.translate(
            "CountTexts", "Is this all of {location}? C:CONFIRM to record, C:UNDO to go on."
        ),
        "close_cancelled": QCoreApplication.translate("CountTexts", "Go on counting."),
        "close_first": QCoreApplication.translate("CountTexts", "C:CLOSE first, then C:CONFIRM."),
        "count_recorded": QCoreApplication.translate(
            "CountTexts", "SAVED: {location}, {units} unit(s). Scan the next location."
        ),
        "count_cancelled": QCoreApplication.translate(
            "CountTexts", "Count dropped. Scan a location."
        ),
        "confirm_or_undo": QCoreApplication.translate(
            "CountTexts", "C:CONFIRM to record, or C:UNDO to go on counting."
        ),
        "not_a_product": QCoreApplication.translate(
            "CountTexts", "{code} is not a product. Scan the product's barcode."
        ),
        "invalid_scan": QCoreApplication.translate("CountTexts", "Bad barcode: {error}"),
        "unknown_command": QCoreApplication.translate(
            "CountTexts", "C:{command} does nothing here."
        ),
        "save_failed": QCoreApplication.translate(
            "CountTexts", "NOT SAVED: {error}. Close the count again."
        ),
        "look_up_failed": QCoreApplication.translate(
            "CountTexts", "Could not check: {error}. Scan again."
        ),
    }


def verdict_text(reason: str, params: dict) -> str:
    return filled(_texts(), reason, params)
