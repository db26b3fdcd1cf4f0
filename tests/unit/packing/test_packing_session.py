"""The packer's steps as a pure state machine: verdicts, cartons, override, facts."""

import pytest

from app.domain.events import Actor
from app.domain.packing import PackageType, PackLine, PackOrderView, ShipmentNumbers
from app.domain.users import Role, User
from app.errors import IllegalTransition
from app.scanning.interpret import interpret
from tests.packing_driver import Packer

MUG, PEN, OTHER = "08712345000004", "08712345000011", "04006381333931"
BOX = PackageType("M", "Medium", 35, 25, 20, 0.30)
NUMBERS = ShipmentNumbers("SHP00000000017", "087123450000000011")
LEAD = User("Maria Jansen", Role.LEAD, "1011")


def order(**overrides) -> PackOrderView:
    lines = (
        PackLine(1, "MUG", "Mug", (MUG,), 2, 2, 0, 0.40, 2),
        PackLine(2, "PEN", "Pen", (PEN,), 1, 1, 0, 0.02, 1),
    )
    values = dict(
        order_ref=7,
        order_id="SO-7",
        channel="web",
        status="picked",
        carrier="DHL",
        service="",
        ship_to={},
        lines=lines,
        tote="0001",
        package_types=(BOX,),
    )
    return PackOrderView(**(values | overrides))


@pytest.fixture
def session():
    return Packer(order(), Actor("ann", "PACK-01"))


def test_each_scan_ticks_its_line_and_makes_one_fact(session):
    verdict = session.scan_item(interpret(MUG))
    assert verdict.ok and verdict.reason == "packed" and verdict.line.sku == "MUG"
    (fact,) = verdict.facts
    assert (fact.kind, fact.order_ref, fact.actor.station) == ("pack.item", 7, "PACK-01")
    assert fact.payload["quantity"] == 1 and session.remaining(session.order.lines[0]) == 1


def test_a_gs1_quantity_counts_several_and_too_many_is_an_extra_item(session):
    assert session.scan_item(interpret(f"01{MUG}302")).quantity == 2
    verdict = session.scan_item(interpret(MUG))
    assert (verdict.ok, verdict.reason) == (False, "extra_item")
    assert verdict.facts[0].kind == "pack.refused"


def test_wrong_item_not_a_product_and_bad_barcode_are_refused(session):
    assert session.scan_item(interpret(OTHER)).reason == "wrong_item"
    assert session.scan_item(interpret("L:A01-001-L-1")).reason == "not_a_product"
    assert session.scan_item(interpret("8712345000005")).reason == "invalid_scan"
    assert session.packed == {1: 0, 2: 0}


def test_serials_are_recorded_and_a_shipped_or_repeated_serial_is_refused():
    shipped = Packer(order(shipped_serials=frozenset({("MUG", "S1")})), Actor("a", "P"))
    assert shipped.scan_item(interpret(f"01{MUG}21S1")).reason == "serial_shipped"
    assert shipped.scan_item(interpret(f"01{MUG}21S2")).facts[0].payload["serial"] == "S2"
    assert shipped.scan_item(interpret(f"01{MUG}21S2")).reason == "serial_repeated"


def test_undo_takes_the_last_item_out(session):
    session.scan_item(interpret(MUG))
    verdict = session.undo_last()
    assert verdict.ok and verdict.facts[0].kind == "pack.undone" and session.packed[1] == 0
    assert session.undo_last().reason == "nothing_to_undo"


def test_the_order_cannot_finish_with_open_lines_until_a_lead_overrides(session):
    assert session.close_refusal(final=True) == "empty_carton"
    session.scan_item(interpret(MUG))
    assert session.close_refusal(final=True) == "lines_open"
    with pytest.raises(IllegalTransition):
        session.close_carton(BOX, 0.7, "typed", NUMBERS, final=True)
    with pytest.raises(IllegalTransition, match="reason"):
        session.override_by(LEAD, "  ")
    fact = session.override_by(LEAD, "mug broken")
    assert fact.payload["open_lines"] == [
        {"line_id": 1, "sku": "MUG", "missing": 1},
        {"line_id": 2, "sku": "PEN", "missing": 1},
    ]
    closed = session.close_carton(BOX, 0.7, "typed", NUMBERS, final=True)
    assert closed.final and closed.fact.payload["override"] == fact.uuid and session.finished


def test_two_cartons_number_their_labels_and_the_last_one_finishes(session):
    session.scan_item(interpret(MUG))
    session.scan_item(interpret(MUG))
    first = session.close_carton(BOX, 1.10, "scale", NUMBERS, final=False)
    assert (first.index, first.count, first.final) == (1, 2, False)
    assert first.weight.expected_kg == 1.10 and first.weight.ok
    session.scan_item(interpret(PEN))
    second = session.close_carton(BOX, 0.33, "typed", NUMBERS, final=False)  # nothing left: final
    assert (second.index, second.count, second.final) == (2, 2, True)
    assert second.weight.ok and second.fact.payload["weight_ok"] is True
    assert [i.sku for i in second.items] == ["PEN"]
