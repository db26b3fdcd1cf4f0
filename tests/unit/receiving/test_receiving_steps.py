"""The receiving clerk's steps (app/steps/receiving.py): pure, no backend."""

from datetime import date

from app.domain.events import Actor
from app.domain.receiving import Receipt, ReceiptLine, ReceivedProduct
from app.scanning.interpret import interpret
from app.steps import receiving

ACTOR = Actor("Sanne de Vries", "STOCK-01")
RECEIPT = Receipt(
    "PO-1",
    "Acme",
    (
        ReceiptLine("TEA", "L1", date(2027, 5, 1), expected=10),
        ReceiptLine("MUG", "", None, expected=2),
    ),
    sscc="087123450000010010",
)
TEA = ReceivedProduct("TEA", "Green Tea", lot_controlled=True)
MUG = ReceivedProduct("MUG", "Mug")
PAN = ReceivedProduct("PAN", "Frying Pan")


def opened():
    state = receiving.start(ACTOR)
    verdict = receiving.on_scan(state, interpret("PO-1"))
    assert verdict.look_up.what == "receipt" and verdict.look_up.code == "PO-1"
    return receiving.on_receipt(state, "PO-1", RECEIPT).state


def product(state, raw, found, units=1):
    verdict = receiving.on_scan(state, interpret(raw), units)
    assert verdict.look_up is not None and verdict.look_up.what == "product", verdict.reason
    return receiving.on_product(state, interpret(raw), found, verdict.look_up.units)


def test_a_receipt_by_its_sscc_and_refusals_for_unknown_and_closed_ones():
    state = receiving.start(ACTOR)
    look = receiving.on_scan(state, interpret("(00)087123450000010010")).look_up
    assert look.what == "receipt" and look.code == "087123450000010010"
    assert receiving.on_receipt(state, "X", None).reason == "unknown_receipt"
    closed = Receipt("PO-2", "Acme", status="closed")
    assert receiving.on_receipt(state, "PO-2", closed).reason == "receipt_closed"
    assert receiving.on_scan(state, interpret("8712345000011")).reason == "scan_receipt"


def test_gs1_fills_lot_and_expiry_and_each_scan_is_one_more_unit_in_hand():
    state = opened()
    verdict = product(state, "(01)08712345000004(17)270430(10)L1", TEA)
    assert verdict.ok and verdict.reason == "received" and verdict.durable
    fact = verdict.facts[0]
    assert fact.kind == "receipt.item_received"
    assert (fact.payload["lot"], fact.payload["expiry"], fact.payload["quantity"]) == (
        "L1",
        "2027-04-30",
        1,
    )
    again = product(verdict.state, "8712345000004", TEA)  # the plain EAN: the lot in hand
    assert again.reason == "received" and again.state.in_hand.quantity == 2
    assert again.state.receipt.line("TEA", "L1").received == 2


def test_a_lot_controlled_item_without_its_lot_asks_for_the_lot_label():
    state = opened()
    verdict = product(state, "8712345000004", TEA)
    assert verdict.reason == "scan_lot" and not verdict.facts and verdict.state.in_hand is None
    lot = receiving.on_scan(verdict.state, interpret("L1"))
    assert lot.reason == "received" and lot.state.in_hand.lot == "L1"
    assert lot.state.in_hand.expiry == "2027-05-01"  # as announced for that lot


def test_over_receipt_unexpected_and_unknown_items_are_shown_at_once():
    state = opened()
    verdict = product(state, "8712345000011", MUG, units=3)
    assert verdict.reason == "over_receipt" and verdict.tone == "info"
    assert verdict.params["received"] == 3 and verdict.params["expected"] == 2
    state = receiving.on_location(verdict.state, "A-01", True).state
    pan = product(state, "8712345000028", PAN)
    assert (
        pan.reason == "unexpected_item"
        and pan.ok
        and pan.state.receipt.line("PAN", "").expected == 0
    )
    unknown = receiving.on_product(state, interpret("4006381333931"), None)
    assert not unknown.ok and unknown.reason == "unknown_item" and not unknown.facts


def test_a_typed_number_sets_the_count_in_hand_and_records_the_difference():
    state = product(opened(), "8712345000011", MUG).state
    verdict = receiving.on_typed(state, "2")
    assert verdict.reason == "quantity_set" and verdict.facts[0].payload["quantity"] == 1
    over = receiving.on_typed(verdict.state, "5")
    assert over.reason == "over_receipt" and over.state.in_hand.quantity == 5
    fewer = receiving.on_typed(over.state, "1")
    assert (
        fewer.facts[0].payload["quantity"] == -4
        and fewer.state.receipt.line("MUG", "").received == 1
    )
    assert receiving.on_typed(opened(), "3").reason == "scan_item_first"
    assert receiving.on_typed(state, "0").reason == "bad_quantity"


def test_the_location_scan_puts_away_what_is_in_hand_suggested_or_not():
    state = receiving.on_typed(product(opened(), "8712345000011", MUG).state, "2").state
    state = receiving.with_suggestion(state, "B-01")
    assert receiving.on_scan(state, interpret("L:B-01")).look_up.what == "location"
    assert receiving.on_location(state, "NOPE", False).reason == "unknown_location"
    there = receiving.on_location(state, "B-01", True)
    assert there.reason == "put_away" and there.state.in_hand is None
    payload = there.facts[0].payload
    assert (payload["location"], payload["quantity"], payload["suggested"]) == ("B-01", 2, "B-01")
    elsewhere = receiving.on_location(state, "C-09", True)
    assert elsewhere.reason == "put_away_elsewhere" and elsewhere.params["suggested"] == "B-01"
    assert there.state.receipt.line("MUG", "").put_away == 2
    assert receiving.on_scan(opened(), interpret("L:B-01")).reason == "nothing_in_hand"


def test_another_item_while_holding_one_waits_for_the_put_away_and_close_records_differences():
    state = product(opened(), "8712345000011", MUG).state
    assert product(state, "8712345000028", PAN).reason == "put_away_first"
    assert receiving.on_scan(state, interpret("C:CLOSE")).reason == "put_away_first"
    state = receiving.on_location(state, "A-01", True).state
    verdict = receiving.on_scan(state, interpret("C:CLOSE"))
    assert verdict.reason == "closed_with_differences" and verdict.state.receipt is None
    differences = verdict.facts[0].payload["differences"]
    assert differences == [
        {"sku": "TEA", "kind": "under", "expected": 10, "received": 0},
        {"sku": "MUG", "kind": "under", "expected": 2, "received": 1},
    ]


def test_cancel_sets_what_is_in_hand_aside_then_leaves_the_receipt():
    state = product(opened(), "8712345000011", MUG).state
    aside = receiving.on_scan(state, interpret("C:CANCEL"))
    assert aside.reason == "set_aside" and aside.state.in_hand is None
    assert aside.state.receipt.line("MUG", "").in_receiving == 1
    left = receiving.on_scan(aside.state, interpret("C:CANCEL"))
    assert left.reason == "receipt_left" and left.state.receipt is None
