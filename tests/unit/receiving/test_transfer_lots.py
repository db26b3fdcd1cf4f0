"""The lots a transfer brings (app/domain/transfer_lots.py) and the clerk's plain scan of a
lot-controlled product on a transfer's receipt (app/steps/receiving.py): pure, no backend."""

from dataclasses import replace
from datetime import date

from app.domain.events import Actor
from app.domain.receiving import Receipt, ReceiptLine, ReceivedProduct
from app.domain.transfer_lots import (
    LotOnItsWay,
    in_transit_lots,
    lots_coming,
    with_shipped_lots,
)
from app.scanning.interpret import interpret
from app.steps import receiving
from db.station.receiving import receipt_document, receipt_from_document

ACTOR = Actor("Cleo", "RCV-1")
J1, J2 = date(2027, 1, 10), date(2027, 6, 30)
TRANSFER = Receipt(
    "TR-1",
    "transfer from NORTH",
    (ReceiptLine("JAM", expected=4, name="Jam"), ReceiptLine("GLUE", expected=2)),
    transfer=True,
)
SHIPPED = [LotOnItsWay("JAM", "J1", J1, 3), LotOnItsWay("JAM", "J2", J2, 1)]
JAM = ReceivedProduct("JAM", "Jam", lot_controlled=True)
JAM_EAN = "8712345000998"


def test_the_shipped_lots_replace_the_line_without_a_lot():
    got = with_shipped_lots(TRANSFER, SHIPPED)
    assert [(x.sku, x.lot, x.expiry, x.expected, x.name) for x in got.lines] == [
        ("JAM", "J1", J1, 3, "Jam"),
        ("JAM", "J2", J2, 1, "Jam"),
        ("GLUE", "", None, 2, ""),
    ]
    assert got.expected("JAM") == 4 and got.transfer


def test_a_lot_received_before_is_counted_and_a_short_shipment_leaves_the_rest():
    early = replace(TRANSFER, lines=(*TRANSFER.lines, ReceiptLine("JAM", "J1", None, received=2)))
    got = with_shipped_lots(early, [LotOnItsWay("JAM", "J1", J1, 3)])
    assert [(x.lot, x.expiry, x.expected, x.received) for x in got.lines if x.sku == "JAM"] == [
        ("", None, 1, 0),
        ("J1", J1, 3, 2),
    ]
    assert in_transit_lots(got, "JAM") == [{"lot": "J1", "expiry": "2027-01-10", "quantity": 1}]


def test_a_lot_named_twice_is_one_line():
    twice = [*SHIPPED, LotOnItsWay("JAM", "J1", date(2027, 2, 1), 1)]
    got = with_shipped_lots(replace(TRANSFER, lines=(ReceiptLine("JAM", expected=5),)), twice)
    assert [(x.lot, x.expiry, x.expected) for x in got.lines] == [("J1", J1, 4), ("J2", J2, 1)]


def test_nothing_shipped_by_lot_changes_nothing():
    assert with_shipped_lots(TRANSFER, []) == TRANSFER
    assert with_shipped_lots(TRANSFER, [LotOnItsWay("JAM", "", None, 4)]) == TRANSFER
    assert lots_coming(TRANSFER, "JAM") == [] and in_transit_lots(TRANSFER, "GLUE") == []


def opened(receipt: Receipt):
    return receiving.on_receipt(receiving.start(ACTOR), receipt.receipt_id, receipt).state


def test_a_plain_scan_takes_the_one_lot_on_its_way_and_asks_when_there_are_several():
    shipped = with_shipped_lots(TRANSFER, SHIPPED)
    assert receiving.on_product(opened(shipped), interpret(JAM_EAN), JAM).reason == "scan_lot"
    one = with_shipped_lots(TRANSFER, SHIPPED[1:])
    verdict = receiving.on_product(opened(one), interpret(JAM_EAN), JAM)
    assert verdict.reason == "received"
    assert verdict.facts[0].payload["lot"] == "J2"
    assert verdict.facts[0].payload["expiry"] == "2027-06-30"
    # a supplier's receipt announcing one lot still asks for the lot label
    supplier = replace(one, transfer=False)
    assert receiving.on_product(opened(supplier), interpret(JAM_EAN), JAM).reason == "scan_lot"


def test_a_lot_that_was_not_shipped_gets_its_own_line_and_is_flagged_over_the_product():
    state = opened(with_shipped_lots(TRANSFER, SHIPPED))
    gs1 = f"(01)0{JAM_EAN}(10)J9"
    verdict = receiving.on_product(state, interpret(gs1), JAM, 5)  # 4 of JAM were shipped
    assert verdict.reason == "over_receipt" and verdict.state.in_hand.flag == "over"
    assert verdict.state.receipt.line("JAM", "J9").expected == 0


def test_the_stations_copy_keeps_the_lots_and_that_it_is_a_transfer():
    shipped = with_shipped_lots(TRANSFER, SHIPPED)
    assert receipt_from_document(receipt_document(shipped)) == shipped
    older = receipt_document(shipped)
    del older["transfer"]  # a copy pulled before: read as a supplier's receipt
    assert receipt_from_document(older) == replace(shipped, transfer=False)
