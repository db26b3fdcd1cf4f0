"""The packer's words for verdicts, refusals and flags, translated through the widget's tr().
UI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.packing import Verdict


def verdict_text(widget, verdict: Verdict) -> str:
    line = verdict.line
    name = f"{line.sku} {line.name}" if line else ""
    texts = {
        "packed": QCoreApplication.translate("PackerTexts", "{name}: {quantity} packed."),
        "undone": QCoreApplication.translate("PackerTexts", "{name}: {quantity} taken out again."),
        "nothing_to_undo": QCoreApplication.translate(
            "PackerTexts", "Nothing in this carton to take out."
        ),
        "wrong_item": QCoreApplication.translate(
            "PackerTexts", "WRONG ITEM ({detail}): not in this order. Put it aside."
        ),
        "extra_item": QCoreApplication.translate(
            "PackerTexts", "EXTRA ITEM: {name} is complete. Put it aside."
        ),
        "serial_shipped": QCoreApplication.translate(
            "PackerTexts", "Serial {detail} was shipped already. Put it aside, call a lead."
        ),
        "serial_repeated": QCoreApplication.translate(
            "PackerTexts", "Serial {detail} is in this order already."
        ),
        "not_a_product": QCoreApplication.translate(
            "PackerTexts", "{detail} is not an item. Scan the item's barcode."
        ),
        "invalid_scan": QCoreApplication.translate("PackerTexts", "Bad barcode: {detail}"),
    }
    text = texts.get(verdict.reason, verdict.reason)
    return text.format(name=name, quantity=verdict.quantity, detail=verdict.detail)


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
    }
    return texts.get(reason, reason)


def flag_text(widget, flag: str) -> str:
    texts = {
        "short_pick": QCoreApplication.translate("PackerTexts", "⚠ Short pick"),
        "on_hold": QCoreApplication.translate("PackerTexts", "⚠ On hold"),
        "exception": QCoreApplication.translate("PackerTexts", "⚠ Exception"),
        "not_picked": QCoreApplication.translate("PackerTexts", "⚠ Not picked yet"),
        "packed": QCoreApplication.translate("PackerTexts", "✔ Packed already"),
        "shipped": QCoreApplication.translate("PackerTexts", "✔ Shipped already"),
        "cancelled": QCoreApplication.translate("PackerTexts", "✖ Cancelled"),
    }
    return texts.get(flag, flag)
