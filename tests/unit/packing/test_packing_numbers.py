"""What digits + Enter typed at the packing station are, whatever has the focus."""

from app.scanning.interpret import interpret
from app.steps.packing_state import number_expected
from tests.unit.packing.test_packing_no_barcode import SCREWS, session_with
from tests.unit.packing.test_packing_session import MUG


def test_nothing_open_or_nothing_packed_expects_no_number():
    assert number_expected(None) is None
    assert number_expected(session_with()) is None  # scan the items first


def test_a_line_without_a_barcode_expects_its_count():
    assert number_expected(session_with(SCREWS)) == "count"


def test_a_carton_with_items_expects_its_weight():
    session = session_with()
    assert session.scan_item(interpret(MUG)).ok
    assert number_expected(session) == "weight"
