"""The words for every verdict and step on the picker screen, in the current language.

`verdict_text(message, params)` turns a verdict id from app.services.picking into a sentence
that says what happened and what to do next. UI thread only (translations are Qt's).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("PickerMessages", text)


def reason_name(reason: str) -> str:
    return {
        "empty": _t("Location empty"),
        "damaged": _t("Damaged"),
        "wrong_item": _t("Wrong item in location"),
    }.get(reason, reason)


def _texts() -> dict[str, str]:
    return {
        "checking_tote": _t("Checking tote {tote}…"),
        "tote_bound": _t("Tote {tote} is for order {order}. Scan the next tote."),
        "cart_ready": _t("Cart ready. Go to the first location."),
        "scan_a_tote": _t("That is not a tote. Scan a tote (T:…) for order {order}."),
        "tote_on_cart": _t("Tote {tote} is already on this cart for order {order}. Take another."),
        "tote_in_use": _t("Tote {tote} is in use for another order. Take an empty tote."),
        "invalid_scan": _t("Scan not readable: {error}"),
        "location_ok": _t("Location {location} correct. Scan the item."),
        "wrong_location": _t("Wrong location {scanned}. Go to {expected}."),
        "scan_location_first": _t("Scan the location {expected} first."),
        "wrong_item": _t("Wrong item. Take {name} ({expected})."),
        "wrong_lot": _t("Wrong lot {lot}. Take lot {expected}."),
        "expired_lot": _t("Lot {lot} expired on {expiry}. Do not pick it: take another unit."),
        "too_many": _t("Too many: only {remaining} needed. Put the extra back."),
        "counted": _t("{count} of {quantity}. Scan the next one, or the tote {tote}."),
        "counted_all": _t("{count} of {quantity}. Put them in tote {tote} and scan it."),
        "count_out_of_range": _t("Type a number from 1 to {remaining}."),
        "scan_item_first": _t("Scan the item first."),
        "wrong_tote": _t("Wrong tote {scanned}. This goes in tote {expected}."),
        "picked": _t("Picked {count} into tote {tote}."),
        "picked_part": _t("Picked {count} into tote {tote}; {remaining} still to pick here."),
        "finished": _t("Done. Take the cart to packing."),
        "confirm_not_now_cart": _t("Scan a tote for every order first."),
        "confirm_not_now_location": _t("Scan the location first."),
        "confirm_not_now_item": _t("Scan the item first."),
        "confirm_not_now_done": _t("This list is finished."),
        "short_not_now": _t("Nothing to report short here."),
        "short_choose": _t(
            "Short: found {found} of {quantity}. Reason: {reason_name}. "
            "C:NEXT other reason · C:CONFIRM report · C:CANCEL back"
        ),  # fmt: skip
        "short_reported": _t("Reported short by {shortfall}. Put {found} found in tote {tote}."),
        "short_cancelled": _t("Short cancelled."),
        "skip_not_now": _t("Nothing to skip here."),
        "skipped": _t("Postponed: {location} comes again at the end."),
        "nothing_to_undo": _t("Nothing to undo."),
        "undone": _t("Undone: take the {count} back out of tote {tote}."),
        "count_cleared": _t("Count cleared. Scan the item again."),
        "nothing_to_cancel": _t("Nothing to cancel."),
        "unknown_command": _t("Command {command} does nothing here."),
        "scan_not_now_short": _t("Choose a reason first: C:NEXT, then C:CONFIRM."),
        "scan_not_now_finish": _t("All picked. Scan C:CONFIRM to send the cart to packing."),
        "scan_not_now_done": _t("This list is finished. Scan C:NEXT for the next one."),
        "saving": _t("Saving…"),
        "save_failed": _t("Not saved: {error}. Scan again."),
        "loading": _t("Looking for your pick list…"),
        "no_work": _t("No pick list waiting. Scan C:NEXT to look again."),
        "load_failed": _t("Could not load work: {error}. Scan C:NEXT to try again."),
        "reassigned": _t("Your shift lead gave this list to someone else. Stop picking it."),
    }


def verdict_text(message: str, params: dict) -> str:
    text = _texts().get(message, message)
    values = {k: ("" if v is None else v) for k, v in params.items()}
    values.setdefault("reason_name", reason_name(str(params.get("reason", ""))))
    try:
        return text.format(**values)
    except (KeyError, IndexError):
        return text


def step_prompt(phase: str) -> str:
    return {
        "cart": _t("Scan a tote for this order"),
        "location": _t("① Scan the location"),
        "item": _t("② Scan the item"),
        "tote": _t("③ Scan the tote"),
        "short": _t("Report short"),
        "finish": _t("All picked"),
        "done": _t("Cart to packing"),
    }.get(phase, phase)
