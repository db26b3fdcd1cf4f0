"""A product without a barcode (`no_barcode` in the product master) is packed by typing its
count; every other product is still packed only by a scan of its barcode."""

from app.domain.events import Actor
from app.domain.packing import PackLine
from app.scanning.interpret import Scan, interpret
from tests.packing_driver import Packer
from tests.unit.packing.test_packing_session import BOX, MUG, NUMBERS, order

SCREWS = PackLine(
    3, "HW-SCREW", "Loose Wood Screws 4x40 mm", (), 5, 5, 0, 0.005, 5, no_barcode=True
)
TIES = PackLine(4, "HW-TIES", "Loose Cable Ties 200 mm", (), 2, 2, 0, 0.005, 2, no_barcode=True)


def typed(text: str) -> Scan:
    return interpret(text)  # a typed number + Enter takes the scanner's path


def session_with(*extra: PackLine) -> Packer:
    view = order()
    return Packer(order(lines=view.lines + extra), Actor("ann", "PACK-01"))


def test_a_typed_count_packs_a_product_without_a_barcode_and_is_recorded_as_typed():
    session = session_with(SCREWS)
    assert session.no_barcode_line() == SCREWS
    verdict = session.scan_item(typed("5"))
    assert (verdict.ok, verdict.reason, verdict.quantity) == (True, "packed", 5)
    (fact,) = verdict.facts
    expected = {
        "line_id": 3,
        "sku": "HW-SCREW",
        "quantity": 5,
        "item_scanned": False,
        "no_barcode": True,
        "confirmed_by": "typed_no_barcode",
    }
    assert {key: fact.payload[key] for key in expected} == expected
    assert session.remaining(SCREWS) == 0 and session.no_barcode_line() is None


def test_a_scanned_item_is_recorded_as_scanned():
    fact = session_with(SCREWS).scan_item(interpret(MUG)).facts[0]
    assert (fact.payload["item_scanned"], fact.payload["confirmed_by"]) == (True, "scan")
    assert fact.payload["no_barcode"] is False


def test_never_more_than_what_remains_and_never_zero():
    session = session_with(SCREWS)
    assert session.scan_item(typed("2")).ok
    too_many = session.scan_item(typed("4"))
    assert (too_many.ok, too_many.reason, too_many.quantity) == (False, "count_too_many", 3)
    assert too_many.facts[0].kind == "pack.refused"
    assert session.scan_item(typed("0")).reason == "bad_count"
    assert session.packed[3] == 2
    assert session.scan_item(typed("3")).ok and session.packed[3] == 5
    assert session.scan_item(typed("1")).reason == "extra_item"


def test_a_product_with_a_barcode_cannot_be_typed_in():
    session = session_with()
    verdict = session.scan_item(typed("2"))
    assert (verdict.ok, verdict.reason) == (False, "not_a_product")
    assert session.packed == {1: 0, 2: 0}
    # With a line without a barcode open, the count goes to that line, never to the mugs.
    session = session_with(SCREWS)
    session.scan_item(typed("2"))
    assert session.packed == {1: 0, 2: 0, 3: 2}


def test_lines_without_a_barcode_are_counted_one_after_the_other():
    session = session_with(SCREWS, TIES)
    session.scan_item(typed("5"))
    assert session.no_barcode_line() == TIES
    assert session.scan_item(typed("2")).line == TIES


def test_an_order_with_loose_items_closes_without_an_override():
    session = session_with(SCREWS)
    for scan in (interpret(MUG), interpret(MUG), interpret("08712345000011"), typed("5")):
        assert session.scan_item(scan).ok
    assert session.can_finish() and session.override is None
    closed = session.close_carton(BOX, session.expected_kg(BOX), "typed", NUMBERS, final=True)
    assert closed.final and session.finished


def test_a_typed_count_is_undone_like_a_scan():
    session = session_with(SCREWS)
    session.scan_item(typed("3"))
    verdict = session.undo_last()
    assert verdict.reason == "undone" and verdict.quantity == 3 and session.packed[3] == 0


def test_a_serial_required_product_without_a_barcode_still_needs_its_serial():
    lamp = PackLine(5, "LAMP", "Lamp", (), 2, 2, 0, 1.0, 2, serial_required=True, no_barcode=True)
    session = session_with(lamp)
    assert session.scan_item(typed("2")).reason == "serial_one_by_one"
    assert session.scan_item(typed("1")).reason == "scan_serial" and session.packed[5] == 0
    assert session.close_refusal(final=False) == "serial_missing"
    verdict = session.scan_item(Scan(raw="SN-77", symbology=None, kind="unknown"))
    payload = verdict.facts[0].payload
    assert (verdict.reason, payload["serial"], payload["confirmed_by"]) == (
        "packed",
        "SN-77",
        "typed_no_barcode",
    )
