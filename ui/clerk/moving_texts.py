"""The mover's words for each step verdict (app/steps/moving.py), translated. UI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _texts() -> dict[str, str]:
    return {
        "start": QCoreApplication.translate(
            "MoveTexts", "Scan the location the stock comes from (L: label)."
        ),
        "start_task": QCoreApplication.translate(
            "MoveTexts", "Next: {quantity} × {sku} from {from} to {to}. Scan {from}."
        ),
        "look_up_from": QCoreApplication.translate("MoveTexts", "Looking up {location}…"),
        "look_up_to": QCoreApplication.translate("MoveTexts", "Moving to {location}…"),
        "from_ok": QCoreApplication.translate(
            "MoveTexts", "From {location}. Scan the items you take."
        ),
        "task_chosen": QCoreApplication.translate(
            "MoveTexts", "Replenish {to}: go to {from} and scan it."
        ),
        "task_from": QCoreApplication.translate(
            "MoveTexts", "Take {quantity} × {sku} ({name}) from {from}. Scan the item."
        ),
        "item_ok": QCoreApplication.translate(
            "MoveTexts",
            "{quantity} × {sku} in hand. Scan more, type a number, or scan the to-location.",
        ),
        "quantity_set": QCoreApplication.translate(
            "MoveTexts", "{quantity} × {sku} in hand. Scan the to-location."
        ),
        "moved": QCoreApplication.translate("MoveTexts", "MOVED {units} units: {from} → {to}."),
        "undone": QCoreApplication.translate("MoveTexts", "Last step taken back."),
        "cancelled": QCoreApplication.translate("MoveTexts", "Move cancelled: nothing moved."),
        "free_move": QCoreApplication.translate(
            "MoveTexts", "Task put back. A free move from {location}: scan the items."
        ),
        "nothing_to_undo": QCoreApplication.translate("MoveTexts", "Nothing to take back."),
        "unknown_location": QCoreApplication.translate(
            "MoveTexts", "NO LOCATION {location}. Check the label and scan again."
        ),
        "same_location": QCoreApplication.translate(
            "MoveTexts", "{location} is where the stock comes from. Scan where it goes."
        ),
        "wrong_from": QCoreApplication.translate(
            "MoveTexts", "WRONG LOCATION {location}: this task takes from {expected}."
        ),
        "wrong_to": QCoreApplication.translate(
            "MoveTexts", "WRONG LOCATION {location}: this task goes to {expected}."
        ),
        "scan_from_first": QCoreApplication.translate("MoveTexts", "Scan the from-location first."),
        "scan_item_first": QCoreApplication.translate(
            "MoveTexts", "Scan the item first, then the to-location."
        ),
        "not_here": QCoreApplication.translate(
            "MoveTexts", "NOT HERE: {code} is not at {location}. Scan an item from this location."
        ),
        "wrong_item": QCoreApplication.translate(
            "MoveTexts", "WRONG ITEM: this task moves {expected} ({name})."
        ),
        "lot_not_here": QCoreApplication.translate(
            "MoveTexts", "LOT {lot} of {sku} is not here. Scan the label of a lot that is."
        ),
        "scan_lot": QCoreApplication.translate(
            "MoveTexts", "{sku} has {lots} lots here: scan the GS1 label with the lot."
        ),
        "not_available": QCoreApplication.translate(
            "MoveTexts",
            "ONLY {available} of {sku} may move (the rest is reserved or held), not {wanted}.",
        ),
        "bad_quantity": QCoreApplication.translate(
            "MoveTexts", "{typed} is not a quantity. Type a whole number from 1."
        ),
        "finish_first": QCoreApplication.translate(
            "MoveTexts", "Finish this move first (scan the to-location), or C:CANCEL."
        ),
        "not_expected": QCoreApplication.translate(
            "MoveTexts", "{code} is not part of a move. Scan a location or an item."
        ),
        "invalid_scan": QCoreApplication.translate("MoveTexts", "Bad barcode: {error}"),
        "save_failed": QCoreApplication.translate(
            "MoveTexts", "NOT SAVED: {error}. Scan the to-location again."
        ),
        "look_up_failed": QCoreApplication.translate(
            "MoveTexts", "Could not look up the location: {error}. Scan it again."
        ),
    }


def verdict_text(reason: str, params: dict) -> str:
    template = _texts().get(reason, reason)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def reason_word(reason: str) -> str:
    """Why a replenishment task was made, in a word or two."""
    words = {
        "pick": QCoreApplication.translate("MoveTexts", "after picks"),
        "wave": QCoreApplication.translate("MoveTexts", "wave released"),
        "move": QCoreApplication.translate("MoveTexts", "after a move"),
        "count": QCoreApplication.translate("MoveTexts", "after a count"),
        "import": QCoreApplication.translate("MoveTexts", "new pick face"),
        "slotting": QCoreApplication.translate("MoveTexts", "slotting: a nearer home"),
    }
    return words.get(reason, reason)
