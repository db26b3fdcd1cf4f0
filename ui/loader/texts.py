"""The loader's words for each step verdict (app/steps/dispatch.py), translated. UI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.verdict_texts import filled


def _texts() -> dict[str, str]:
    return {
        "start": QCoreApplication.translate(
            "LoaderTexts", "Scan a cage, pallet or trailer (U: label)."
        ),
        "look_up_unit": QCoreApplication.translate("LoaderTexts", "Looking up {unit}…"),
        "look_up_parcel": QCoreApplication.translate("LoaderTexts", "Checking {code}…"),
        "scan_unit": QCoreApplication.translate(
            "LoaderTexts", "Scan the load unit first (cage, pallet or trailer: U: label)."
        ),
        "scan_carrier": QCoreApplication.translate(
            "LoaderTexts", "{unit} is free: scan the carrier's code (CARRIER: on the dock sheet)."
        ),
        "unit_ready": QCoreApplication.translate(
            "LoaderTexts", "{unit} goes with {carrier}. Scan the parcels."
        ),
        "unit_other_carrier": QCoreApplication.translate(
            "LoaderTexts", "{unit} goes with {carrier} today. Use another unit for this carrier."
        ),
        "loaded": QCoreApplication.translate(
            "LoaderTexts", "LOADED {order} carton {carton}. Still missing: carton {missing}."
        ),
        "order_complete": QCoreApplication.translate(
            "LoaderTexts", "LOADED {order} carton {carton}. Order complete."
        ),
        "unloaded": QCoreApplication.translate(
            "LoaderTexts", "TAKEN OFF {order} carton {carton} from {unit}."
        ),
        "undo_armed": QCoreApplication.translate(
            "LoaderTexts", "Scan the parcel to take off the unit (C:CANCEL to stop)."
        ),
        "undo_cancelled": QCoreApplication.translate(
            "LoaderTexts", "Nothing taken off. Go on loading."
        ),
        "not_loaded": QCoreApplication.translate(
            "LoaderTexts", "{order} carton {carton} is not on a unit: nothing to take off."
        ),
        "unknown_parcel": QCoreApplication.translate(
            "LoaderTexts", "UNKNOWN PARCEL {code}. Put it aside for a lead."
        ),
        "other_carrier": QCoreApplication.translate(
            "LoaderTexts",
            "WRONG CARRIER: {order} goes with {its_carrier}, this unit with {carrier}. "
            "Take it to the {its_carrier} unit.",
        ),
        "already_loaded": QCoreApplication.translate(
            "LoaderTexts", "ALREADY LOADED: {order} carton {carton} is on {unit}."
        ),
        "already_shipped": QCoreApplication.translate(
            "LoaderTexts", "{order} carton {carton} left with its carrier already. Call a lead."
        ),
        "order_on_hold": QCoreApplication.translate(
            "LoaderTexts", "PULL THIS PARCEL: order {order} is on hold. Take it to the lead."
        ),
        "order_cancelled": QCoreApplication.translate(
            "LoaderTexts", "PULL THIS PARCEL: order {order} was cancelled. Take it to the lead."
        ),
        "order_not_packed": QCoreApplication.translate(
            "LoaderTexts", "{order} is not packed yet. Take the parcel back to packing."
        ),
        "awaiting_label": QCoreApplication.translate(
            "LoaderTexts",
            "{order} carton {carton} is awaiting label: not labelled yet. Keep it at packing "
            "until its carrier label prints.",
        ),
        "not_a_parcel": QCoreApplication.translate(
            "LoaderTexts", "{code} is not a parcel label. Scan the SSCC or tracking barcode."
        ),
        "invalid_scan": QCoreApplication.translate("LoaderTexts", "Bad barcode: {error}"),
        "save_failed": QCoreApplication.translate(
            "LoaderTexts", "NOT SAVED: {error}. Scan the parcel again."
        ),
        "load_failed": QCoreApplication.translate(
            "LoaderTexts", "Could not check: {error}. Scan again."
        ),
    }


def verdict_text(reason: str, params: dict) -> str:
    return filled(_texts(), reason, params)
