"""The packer's words for verdicts, refusals and flags, translated through the widget's tr().
UI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.packing import PackLine, WeightVerdict
from app.steps.packing_state import Verdict
from ui.marks import html_text, ok_html

DONE_FLAGS = ("packed", "shipped")  # marked with the check, not a warning sign


def verdict_text(widget, verdict: Verdict) -> str:
    line = verdict.line
    name = f"{line.sku} {line.name}" if line else ""
    texts = {
        "packed": QCoreApplication.translate("PackerTexts", "{name}: {quantity} packed."),
        "wrong_item": QCoreApplication.translate(
            "PackerTexts", "WRONG ITEM ({detail}): not in this order. Put it aside."
        ),
        "extra_item": QCoreApplication.translate(
            "PackerTexts", "EXTRA ITEM: {name} is complete. Put it aside."
        ),
        "serial_shipped": QCoreApplication.translate(
            "PackerTexts",
            "Serial {detail} is packed already (another order or carton). Put the unit aside, "
            "call a lead.",
        ),
        "serial_repeated": QCoreApplication.translate(
            "PackerTexts", "Serial {detail} is in this order already."
        ),
        "not_a_product": QCoreApplication.translate(
            "PackerTexts", "{detail} is not an item. Scan the item's barcode."
        ),
        "invalid_scan": QCoreApplication.translate("PackerTexts", "Bad barcode: {detail}"),
        "count_too_many": QCoreApplication.translate(
            "PackerTexts",
            "{detail} is more than the {quantity} of {name} still to pack. Count again and type "
            "the count + Enter.",
        ),
        "bad_count": QCoreApplication.translate(
            "PackerTexts", "Type how many of {name} go into the carton (1 or more) + Enter."
        ),
    }
    text = (texts | _serial_texts()).get(verdict.reason, verdict.reason)
    return text.format(name=name, quantity=verdict.quantity, detail=verdict.detail)


def _serial_texts() -> dict[str, str]:
    """The serial step of a serial-required item (docs/packing.md)."""
    return {
        "scan_serial": QCoreApplication.translate(
            "PackerTexts", "{name}: now scan its serial number (the S/N barcode), or type it."
        ),
        "serial_expected": QCoreApplication.translate(
            "PackerTexts",
            "That was not a serial number. Scan the serial (S/N) of {name}, or C:UNDO to put it "
            "aside.",
        ),
        "serial_invalid": QCoreApplication.translate(
            "PackerTexts",
            "{detail} is not a serial number (1 to 40 characters, no spaces). Scan the S/N "
            "barcode of {name}.",
        ),
        "serial_one_by_one": QCoreApplication.translate(
            "PackerTexts", "{name} needs a serial per unit: scan the units one by one."
        ),
        "serial_cancelled": QCoreApplication.translate(
            "PackerTexts", "{name} put aside without a serial: it is not packed."
        ),
        "undone": QCoreApplication.translate("PackerTexts", "{name}: {quantity} taken out again."),
        "nothing_to_undo": QCoreApplication.translate(
            "PackerTexts", "Nothing in this carton to take out."
        ),
    }


def no_barcode_text(line: PackLine) -> str:
    """The step for a line whose product has no barcode (docs/packing.md)."""
    return QCoreApplication.translate(
        "PackerTexts", "No barcode: type the count of {name} + Enter."
    ).format(name=f"{line.sku} {line.name}")


def close_refusal_text(widget, reason: str) -> str:
    texts = {
        "empty_carton": QCoreApplication.translate(
            "PackerTexts", "The carton is empty: scan items into it first."
        ),
        "no_carton_types": QCoreApplication.translate(
            "PackerTexts",
            "No carton types are set up: a lead adds them (shipshape package-types --set FILE).",
        ),
        "lines_open": QCoreApplication.translate(
            "PackerTexts", "Lines are still open: scan the missing items, or a lead overrides."
        ),
        "serial_missing": QCoreApplication.translate(
            "PackerTexts", "Scan the serial number of the last item first (or C:UNDO)."
        ),
        "bad_weight": QCoreApplication.translate(
            "PackerTexts", "That weight cannot be right: weigh the carton again (C:WEIGH)."
        ),
    }
    return texts.get(reason, reason)


def weight_refusal_text(reason: str, check: WeightVerdict) -> str:
    """Why the check-weigh stops the carton, and what the packer and the lead can do."""
    if reason == "typed_weight":
        return QCoreApplication.translate(
            "PackerTexts",
            "This station has a scale: weigh the carton (scan C:WEIGH). To ship a typed "
            "weight, a lead scans their badge and enters PIN and reason.",
        )
    return QCoreApplication.translate(
        "PackerTexts",
        "Weight {kg:.3f} kg, expected {expected:.3f} kg (±{allowed:.3f}): an item missing or "
        "extra? Check the carton and weigh again, or a lead allows this weight: badge, PIN and "
        "reason.",
    ).format(kg=check.actual_kg, expected=check.expected_kg, allowed=check.allowed_kg)


def flag_text(widget, flag: str) -> str:
    texts = {
        "short_pick": QCoreApplication.translate("PackerTexts", "⚠ Short pick"),
        "on_hold": QCoreApplication.translate("PackerTexts", "⚠ On hold"),
        "exception": QCoreApplication.translate("PackerTexts", "⚠ Exception"),
        "not_picked": QCoreApplication.translate("PackerTexts", "⚠ Not picked yet"),
        "packed": QCoreApplication.translate("PackerTexts", "Packed already"),
        "shipped": QCoreApplication.translate("PackerTexts", "Shipped already"),
        "cancelled": QCoreApplication.translate("PackerTexts", "✖ Cancelled"),
    }
    return texts.get(flag, flag)


def number_not_expected_text(expected: str) -> str:
    """A typed number + Enter when no step expects one, with what the station expects instead."""
    instead = {
        "tote": QCoreApplication.translate(
            "PackerTexts", "Scan a tote, an order or a pick list to start packing."
        ),
        "item": QCoreApplication.translate("PackerTexts", "Scan the items into the carton."),
    }.get(expected, "")
    return QCoreApplication.translate(
        "PackerTexts", "No number is expected now. {expected}"
    ).format(expected=instead)


def flags_html(widget, flags, pixels: int = 30) -> str:
    """The order's flags as rich text: the done ones after the drawn check (ui/marks.py)."""
    return " &nbsp; ".join(
        (ok_html(pixels) + "&nbsp;" if flag in DONE_FLAGS else "")
        + html_text(flag_text(widget, flag))
        for flag in flags
    )
