"""The returns clerk's steps (app/steps/returning.py), pure: what each scan does to the parcel
in hand and which facts it records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.events import Actor
from app.domain.returns import OpenReturn, ReturnContext, ReturnedItem, ShippedLine, ShippedLot
from app.scanning.interpret import interpret
from app.steps import returning
from app.steps.returning_state import ReturnedProduct

TODAY = date(2026, 12, 5)
CLERK = Actor("Sam Returns", "RET-01")
BOLT = ReturnedProduct("BOLT", "Bolt M8")
MILK = ReturnedProduct("MILK", "Milk 1 l", lot_controlled=True)
PHONE = ReturnedProduct("PHONE", "Phone", serial_required=True)
GTIN = {"BOLT": "04006381333931", "MILK": "09501101020917", "PHONE": "05012345678900"}


def context(**changes) -> ReturnContext:
    lines = (
        ShippedLine("BOLT", "Bolt M8", shipped=3, expected=2, picked_from=("A01-001-L-1",)),
        ShippedLine("MILK", "Milk 1 l", shipped=1, lots=(ShippedLot("L1", date(2026, 1, 1), 1),)),
        ShippedLine("PHONE", "Phone", shipped=1, serials=("SN1",), serial_required=True),
    )
    values = {"channel": "web", "order_id": "SO-1", "status": "shipped", "lines": lines}
    return ReturnContext(**(values | changes), rma="RMA-1")


def opened(ctx=None):
    state = returning.start(CLERK, TODAY)
    verdict = returning.on_parcel(state, "SF123", ctx or context(), "ret-1")
    assert verdict.reason == "parcel_open"
    return verdict.state


def take(state, product: ReturnedProduct, raw: str | None = None, units: int = 1):
    scan = interpret(raw or GTIN[product.sku])
    verdict = returning.on_scan(state, scan, units)
    assert verdict.look_up is not None and verdict.look_up.what == "product"
    return returning.on_product(state, scan, product, verdict.look_up.units)


def command(state, name: str):
    return returning.on_scan(state, interpret(f"C:{name}"))


def test_a_resellable_unit_goes_where_it_was_picked_once_the_location_is_scanned():
    verdict = take(opened(), BOLT)
    assert verdict.reason == "item_in_hand" and verdict.tone == "info"
    verdict = command(verdict.state, "RESELL")
    assert verdict.reason == "scan_location" and verdict.state.suggestion == "A01-001-L-1"
    assert not verdict.facts  # nothing recorded before the location is confirmed
    verdict = returning.on_location(verdict.state, "A02-003-L-1", True)
    assert verdict.reason == "resold_elsewhere"
    (fact,) = verdict.facts
    assert fact.payload["location"] == "A02-003-L-1" and fact.payload["suggested"] == "A01-001-L-1"
    assert fact.payload["return_id"] == "ret-1" and fact.payload["condition"] == "resell"


def test_damaged_goes_to_quarantine_at_once():
    verdict = command(take(opened(), BOLT).state, "DAMAGED")
    assert verdict.reason == "to_quarantine"
    assert verdict.facts[0].payload["location"] == "QUARANTINE"


def test_an_expired_lot_is_never_resold():
    verdict = command(take(opened(), MILK).state, "RESELL")
    assert verdict.reason == "expired_to_quarantine"
    payload = verdict.facts[0].payload
    assert (payload["lot"], payload["location"]) == ("L1", "QUARANTINE")


def test_a_flagged_item_is_taken_in_only_as_a_wrong_item():
    stranger = ReturnedProduct("NUT", "Nut M8")
    verdict = take(opened(), stranger, "04006381333948")
    assert verdict.reason == "not_in_order" and verdict.tone == "error"
    refused = command(verdict.state, "RESELL")
    assert not refused.ok and refused.reason == "take_as_wrong_item"
    taken = command(verdict.state, "WRONG_ITEM")
    assert taken.reason == "to_quarantine"
    assert taken.facts[0].payload["flag"] == "not_in_order"


def test_a_serial_that_was_not_shipped_is_flagged():
    verdict = take(opened(), PHONE)
    assert verdict.reason == "scan_serial"
    verdict = returning.on_scan(verdict.state, interpret("SN-OTHER"))
    assert verdict.reason == "serial_not_shipped"
    ok = take(opened(), PHONE, f"01{GTIN['PHONE']}21SN1")
    assert ok.reason == "item_in_hand" and ok.state.in_hand.serial == "SN1"


def test_more_than_shipped_is_flagged():
    verdict = take(opened(), BOLT, units=4)
    assert verdict.reason == "more_than_shipped"


def test_close_waits_for_announced_units_then_missing_records_them():
    state = command(take(opened(), BOLT).state, "DAMAGED").state
    refused = command(state, "CLOSE")
    assert refused.reason == "announced_left" and refused.params["units"] == 1
    missing = command(state, "MISSING")
    assert missing.reason == "missing_recorded"
    assert [(f.payload["sku"], f.payload["quantity"]) for f in missing.facts] == [("BOLT", 1)]
    closed = command(missing.state, "CLOSE")
    assert closed.reason == "closed" and closed.facts[0].kind == "return.closed"
    assert closed.state.context is None


def test_an_order_not_shipped_cannot_be_returned():
    state = returning.start(CLERK, TODAY)
    verdict = returning.on_parcel(state, "web/SO-1", context(status="packed"), "ret-1")
    assert verdict.reason == "not_shipped" and not verdict.ok


def test_cancel_hands_back_what_is_in_hand_then_leaves_the_parcel():
    state = take(opened(), BOLT).state
    handed = command(state, "CANCEL")
    assert handed.reason == "handed_back" and handed.state.in_hand is None
    left = command(handed.state, "CANCEL")
    assert left.reason == "parcel_left" and left.state.context is None


def test_a_typed_count_sets_the_units_in_hand():
    state = take(opened(), BOLT).state
    verdict = returning.on_typed(state, "3")
    assert verdict.reason == "quantity_set" and verdict.state.in_hand.quantity == 3
    assert returning.on_typed(state, "4").reason == "more_than_shipped"


# ---- a parcel left before it was closed, scanned again -----------------------------------------
def left_open(*items: ReturnedItem, **changes) -> ReturnContext:
    """The context central gives for an order whose return `ret-0` is still open."""
    return context(**changes).with_open_return(OpenReturn("ret-0", items))


def test_scanning_a_left_parcel_again_resumes_its_return():
    earlier = ReturnedItem("BOLT", 1, "damaged", "QUARANTINE")
    state = returning.start(CLERK, TODAY)
    verdict = returning.on_parcel(state, "SF123", left_open(earlier), "ret-new")
    assert verdict.ok and verdict.reason == "parcel_resumed" and verdict.tone == "info"
    assert verdict.params["items"] == 1
    assert verdict.state.return_id == "ret-0" and verdict.state.taken == (earlier,)
    verdict = command(take(verdict.state, BOLT).state, "DAMAGED")
    assert verdict.facts[0].payload["return_id"] == "ret-0"  # items go on the same return


def test_a_resumed_return_counts_its_earlier_items_for_announced_and_close():
    earlier = ReturnedItem("BOLT", 1, "damaged", "QUARANTINE")
    state = returning.on_parcel(returning.start(CLERK, TODAY), "SF123", left_open(earlier), "x")
    assert returning.announced_left(state.state) == {"BOLT": 1}  # 2 announced, 1 taken before
    refused = command(state.state, "CLOSE")
    assert refused.reason == "announced_left" and refused.params["units"] == 1
    state = command(take(state.state, BOLT).state, "DAMAGED").state
    closed = command(state, "CLOSE")
    assert closed.reason == "closed" and closed.params["items"] == 2
    assert closed.facts[0].payload["return_id"] == "ret-0"


def test_a_resumed_return_with_only_earlier_items_closes_at_once():
    earlier = (ReturnedItem("BOLT", 2, "resell", "A01-001-L-1"),)
    state = returning.on_parcel(returning.start(CLERK, TODAY), "SF123", left_open(*earlier), "x")
    closed = command(state.state, "CLOSE")
    assert closed.reason == "closed" and closed.facts[0].payload["return_id"] == "ret-0"


def test_more_than_shipped_counts_the_units_taken_before_the_parcel_was_left():
    earlier = ReturnedItem("BOLT", 2, "resell", "A01-001-L-1")
    # As central reads it: the 2 units are on the order line's `returned` already.
    bolt = ShippedLine("BOLT", "Bolt M8", shipped=3, returned=2, expected=2)
    ctx = left_open(earlier, lines=(bolt,))
    assert ctx.line("BOLT").returned == 0  # the open return's units are its own, not "earlier"
    state = returning.on_parcel(returning.start(CLERK, TODAY), "SF123", ctx, "x").state
    assert take(state, BOLT).reason == "item_in_hand"  # the 3rd shipped unit
    assert take(state, BOLT, units=2).reason == "more_than_shipped"


def test_a_serial_taken_before_the_parcel_was_left_is_not_taken_twice():
    earlier = ReturnedItem("PHONE", 1, "resell", "A01-001-L-1", serial="SN1")
    phone = ShippedLine("PHONE", "Phone", shipped=1, returned=1, serials=("SN1",))
    ctx = context(lines=(replace(phone, returned_serials=("SN1",)),))
    ctx = ctx.with_open_return(OpenReturn("ret-0", (earlier,)))
    assert ctx.line("PHONE").returned_serials == ()
    state = returning.on_parcel(returning.start(CLERK, TODAY), "SF123", ctx, "x").state
    verdict = take(state, PHONE, f"01{GTIN['PHONE']}21SN1")
    assert verdict.reason == "serial_already_returned"


def test_a_closed_return_is_not_resumed():
    state = returning.start(CLERK, TODAY)
    verdict = returning.on_parcel(state, "SF123", context(), "ret-new")
    assert verdict.reason == "parcel_open" and verdict.state.return_id == "ret-new"
    assert verdict.state.taken == ()


def test_the_open_return_moves_back_into_returned_when_another_is_resumed():
    earlier = ReturnedItem("BOLT", 1, "resell", "A01-001-L-1")
    ctx = left_open(earlier, lines=(ShippedLine("BOLT", "Bolt M8", shipped=3, returned=1),))
    assert ctx.line("BOLT").returned == 0
    assert ctx.with_open_return(None).line("BOLT").returned == 1
    flagged = ReturnedItem("BOLT", 5, "wrong_item", "QUARANTINE", flag="more_than_shipped")
    assert ctx.with_open_return(OpenReturn("ret-1", (flagged,))).line("BOLT").returned == 1
