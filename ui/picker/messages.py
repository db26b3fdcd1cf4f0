"""The words for every verdict and step on the picker screen, in the current language.

`verdict_text(message, params)` turns a verdict id from app.steps.picking into a sentence
that says what happened and what to do next. UI thread only (translations are Qt's).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def reason_name(reason: str) -> str:
    return {
        "empty": QCoreApplication.translate("PickerMessages", "Location empty"),
        "not_found": QCoreApplication.translate("PickerMessages", "Not found here"),
        "damaged": QCoreApplication.translate("PickerMessages", "Damaged"),
        "wrong_item": QCoreApplication.translate("PickerMessages", "Wrong item in location"),
    }.get(reason, reason)


def _texts() -> dict[str, str]:
    return {
        "checking_tote": QCoreApplication.translate("PickerMessages", "Checking tote {tote}…"),
        "tote_bound": QCoreApplication.translate(
            "PickerMessages", "Tote {tote} is for order {order}. Scan the next tote."
        ),
        "cart_ready": QCoreApplication.translate(
            "PickerMessages", "Cart ready. Go to the first location."
        ),
        "scan_a_tote": QCoreApplication.translate(
            "PickerMessages", "That is not a tote. Scan a tote (T:…) for order {order}."
        ),
        "tote_on_cart": QCoreApplication.translate(
            "PickerMessages", "Tote {tote} is already on this cart for order {order}. Take another."
        ),
        "tote_in_use": QCoreApplication.translate(
            "PickerMessages", "Tote {tote} is in use for another order. Take an empty tote."
        ),
        "invalid_scan": QCoreApplication.translate("PickerMessages", "Scan not readable: {error}"),
        "location_ok": QCoreApplication.translate(
            "PickerMessages", "Location {location} correct. Scan the item."
        ),
        "wrong_location": QCoreApplication.translate(
            "PickerMessages", "Wrong location {scanned}. Go to {expected}."
        ),
        "scan_location_first": QCoreApplication.translate(
            "PickerMessages", "Scan the location {expected} first."
        ),
        "wrong_item": QCoreApplication.translate(
            "PickerMessages", "Wrong item. Take {name} ({expected})."
        ),
        "wrong_lot": QCoreApplication.translate(
            "PickerMessages", "Wrong lot {lot}. Take lot {expected}."
        ),
        "expired_lot": QCoreApplication.translate(
            "PickerMessages", "Lot {lot} expired on {expiry}. Do not pick it: take another unit."
        ),
        "too_many": QCoreApplication.translate(
            "PickerMessages", "Too many: only {remaining} needed. Put the extra back."
        ),
        "counted": QCoreApplication.translate(
            "PickerMessages", "{count} of {quantity}. Scan the next one, or the tote {tote}."
        ),
        "counted_all": QCoreApplication.translate(
            "PickerMessages", "{count} of {quantity}. Put them in tote {tote} and scan it."
        ),
        "count_out_of_range": QCoreApplication.translate(
            "PickerMessages", "Type a number from 1 to {remaining}."
        ),
        "scan_item_first": QCoreApplication.translate("PickerMessages", "Scan the item first."),
        "number_not_expected": QCoreApplication.translate(
            "PickerMessages", "No number is expected now. {expected}"
        ),
        "scan_item_before_count": QCoreApplication.translate(
            "PickerMessages", "Scan one {name} first, then type the count."
        ),
        "scan_lot": QCoreApplication.translate(
            "PickerMessages", "{count} of {quantity}. Now scan the lot label: lot {expected}."
        ),
        "scan_lot_any": QCoreApplication.translate(
            "PickerMessages", "{count} of {quantity}. Now scan the lot label on the item."
        ),
        "scan_lot_first": QCoreApplication.translate(
            "PickerMessages", "Scan the lot label first: lot {expected}. Then the tote."
        ),
        "scan_tote_to_confirm": QCoreApplication.translate(
            "PickerMessages",
            "This cart holds several orders: put them in tote {tote} and scan the tote.",
        ),
        "wrong_tote": QCoreApplication.translate(
            "PickerMessages", "Wrong tote {scanned}. This goes in tote {expected}."
        ),
        "picked": QCoreApplication.translate("PickerMessages", "Picked {count} into tote {tote}."),
        "picked_part": QCoreApplication.translate(
            "PickerMessages", "Picked {count} into tote {tote}; {remaining} still to pick here."
        ),
        "finished": QCoreApplication.translate("PickerMessages", "Done. Take the cart to packing."),
        "confirm_not_now_cart": QCoreApplication.translate(
            "PickerMessages", "Scan a tote for every order first."
        ),
        "confirm_not_now_location": QCoreApplication.translate(
            "PickerMessages", "Scan the location first."
        ),
        "confirm_not_now_item": QCoreApplication.translate(
            "PickerMessages", "Scan the item first."
        ),
        "confirm_not_now_lot": QCoreApplication.translate(
            "PickerMessages", "Scan the lot label first, then the tote."
        ),
        "confirm_not_now_done": QCoreApplication.translate(
            "PickerMessages", "This list is finished."
        ),
        "short_not_now": QCoreApplication.translate(
            "PickerMessages", "Nothing to report short here."
        ),
        "short_choose": QCoreApplication.translate(
            "PickerMessages",
            "Short: found {found} of {quantity}. Reason: {reason_name}. "
            "C:NEXT other reason · C:CONFIRM report · C:CANCEL back",
        ),
        "short_choose_tote": QCoreApplication.translate(
            "PickerMessages",
            "Short: found {found} of {quantity}. Reason: {reason_name}. "
            "C:NEXT other reason · put the {found} in tote {tote} and scan it to report · "
            "C:CANCEL back",
        ),
        "short_scan_tote": QCoreApplication.translate(
            "PickerMessages", "Put the {found} found in tote {tote} and scan the tote to report."
        ),
        "short_lot_first": QCoreApplication.translate(
            "PickerMessages",
            "Scan the lot label of the {found} in hand first, or C:CANCEL to put them back.",
        ),
        "short_reported": QCoreApplication.translate(
            "PickerMessages", "Reported short by {shortfall}. Put {found} found in tote {tote}."
        ),
        "short_cancelled": QCoreApplication.translate("PickerMessages", "Short cancelled."),
        "skip_not_now": QCoreApplication.translate("PickerMessages", "Nothing to skip here."),
        "skipped": QCoreApplication.translate(
            "PickerMessages", "Postponed: {location} comes again at the end."
        ),
        "nothing_to_undo": QCoreApplication.translate("PickerMessages", "Nothing to undo."),
        "undone": QCoreApplication.translate(
            "PickerMessages", "Undone: take the {count} back out of tote {tote}."
        ),
        "count_cleared": QCoreApplication.translate(
            "PickerMessages", "Count cleared. Scan the item again."
        ),
        "nothing_to_cancel": QCoreApplication.translate("PickerMessages", "Nothing to cancel."),
        "unknown_command": QCoreApplication.translate(
            "PickerMessages", "Command {command} does nothing here."
        ),
        "scan_not_now_short": QCoreApplication.translate(
            "PickerMessages", "Choose a reason first: C:NEXT, then C:CONFIRM."
        ),
        "scan_not_now_finish": QCoreApplication.translate(
            "PickerMessages", "All picked. Scan C:CONFIRM to send the cart to packing."
        ),
        "scan_not_now_done": QCoreApplication.translate(
            "PickerMessages", "This list is finished. Scan C:NEXT for the next one."
        ),
        "saving": QCoreApplication.translate("PickerMessages", "Saving…"),
        "save_failed": QCoreApplication.translate(
            "PickerMessages", "Not saved: {error}. Scan again."
        ),
        "loading": QCoreApplication.translate("PickerMessages", "Looking for your pick list…"),
        "no_work": QCoreApplication.translate(
            "PickerMessages", "No pick list waiting. Scan C:NEXT to look again."
        ),
        "offline_no_work": QCoreApplication.translate(
            "PickerMessages",
            "Offline: a new pick list can only be claimed when the network is back"
            " ({waiting} waiting). Scan C:NEXT to try again.",
        ),
        "load_failed": QCoreApplication.translate(
            "PickerMessages", "Could not load work: {error}. Scan C:NEXT to try again."
        ),
        "reassigned": QCoreApplication.translate(
            "PickerMessages", "Your shift lead gave this list to someone else. Stop picking it."
        ),
    }


def expected_step(phase: str) -> str:
    """What a step expects, for "number_not_expected" (a typed number at the wrong step)."""
    return {
        "cart": QCoreApplication.translate("PickerMessages", "Scan a tote for the cart."),
        "location": QCoreApplication.translate("PickerMessages", "Scan the location first."),
        "item": QCoreApplication.translate("PickerMessages", "Scan the item first."),
        "short": QCoreApplication.translate(
            "PickerMessages", "Choose a reason, then scan the tote or C:CONFIRM."
        ),
        "finish": QCoreApplication.translate(
            "PickerMessages", "Scan C:CONFIRM to send the cart to packing."
        ),
    }.get(
        phase, QCoreApplication.translate("PickerMessages", "Scan C:NEXT for the next pick list.")
    )


def verdict_text(message: str, params: dict) -> str:
    if message == "number_not_expected":
        params = {**params, "expected": expected_step(params.get("expected", ""))}
    if message in ("scan_lot", "scan_lot_first") and not params.get("expected"):
        # no lot reserved: any lot of this item, as scanned
        message = "scan_lot_any" if message == "scan_lot" else "confirm_not_now_lot"
    text = _texts().get(message, message)
    values = {k: ("" if v is None else v) for k, v in params.items()}
    values.setdefault("reason_name", reason_name(str(params.get("reason", ""))))
    try:
        return text.format(**values)
    except (KeyError, IndexError):
        return text


def step_prompt(phase: str, no_barcode: bool = False, confirm_allowed: bool = False) -> str:
    """The instruction line: what the current step needs. `no_barcode`: the item may be
    counted by typing; `confirm_allowed`: a one-order cart may confirm without the tote scan."""
    if phase == "item" and no_barcode:
        return QCoreApplication.translate("PickerMessages", "② No barcode: type the count")
    if phase == "tote" and confirm_allowed:
        return QCoreApplication.translate("PickerMessages", "③ Scan the tote or confirm")
    return {
        "cart": QCoreApplication.translate("PickerMessages", "Scan a tote for this order"),
        "location": QCoreApplication.translate("PickerMessages", "① Scan the location"),
        "item": QCoreApplication.translate("PickerMessages", "② Scan the item"),
        "lot": QCoreApplication.translate("PickerMessages", "② Scan the lot label"),
        "tote": QCoreApplication.translate("PickerMessages", "③ Scan the tote"),
        "short": QCoreApplication.translate("PickerMessages", "Report short"),
        "finish": QCoreApplication.translate("PickerMessages", "All picked"),
        "done": QCoreApplication.translate("PickerMessages", "Cart to packing"),
    }.get(phase, phase)
