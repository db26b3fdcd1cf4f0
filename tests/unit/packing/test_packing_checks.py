"""The packer's checks that must not be walked around: check-weigh (outside the tolerance, or a
typed weight on a station with a scale, needs a lead) and serial-required items."""

from dataclasses import replace

import pytest

from app.domain.events import Actor
from app.domain.users import Role, User
from app.errors import IllegalTransition
from app.scanning.interpret import interpret
from tests.packing_driver import Packer
from tests.unit.packing.test_packing_session import BOX, LEAD, MUG, NUMBERS, PEN, order

EXPECTED = 0.30 + 0.40 * 2 + 0.02  # tare + two mugs + a pen
PHONE = "08712345000028"


def packed_session(**kw) -> Packer:
    session = Packer(order(), Actor("ann", "PACK-01"), **kw)
    for gtin in (MUG, MUG, PEN):
        assert session.scan_item(interpret(gtin)).ok
    return session


def test_a_weight_outside_the_tolerance_cannot_close_the_carton_not_even_twice():
    session = packed_session()
    for _ in range(2):
        assert session.close_refusal(True, BOX, 1.5, "scale") == "weight_out_of_tolerance"
        with pytest.raises(IllegalTransition, match="weight_out_of_tolerance"):
            session.close_carton(BOX, 1.5, "scale", NUMBERS, final=True)
    assert not session.closed and not session.finished
    assert session.close_refusal(True, BOX, EXPECTED, "scale") is None


def test_a_lead_allows_exactly_that_carton_at_that_weight_with_a_reason():
    session = packed_session()
    with pytest.raises(IllegalTransition, match="reason"):
        session.override_weight(LEAD, " ", BOX, 1.5, "scale")
    fact = session.override_weight(LEAD, "gift wrapping", BOX, 1.5, "scale")
    assert fact.kind == "pack.override"
    expected = {
        "scope": "weight",
        "lead": "Maria Jansen",
        "reason": "gift wrapping",
        "carton": 1,
        "package_type": "M",
        "weight_kg": 1.5,
        "expected_kg": EXPECTED,
        "weight_source": "scale",
        "problems": ["out_of_tolerance"],
    }
    assert {key: fact.payload[key] for key in expected} == expected
    assert session.close_refusal(True, BOX, 1.6, "scale") == "weight_out_of_tolerance"
    closed = session.close_carton(BOX, 1.5, "scale", NUMBERS, final=True)
    assert closed.fact.payload["weight_override"] == fact.uuid
    assert closed.fact.payload["weight_ok"] is False and session.finished


def test_a_weight_override_lapses_when_the_contents_change():
    session = packed_session()
    session.override_weight(LEAD, "scale drifts", BOX, 1.5, "scale")
    session.undo_last()
    assert session.close_refusal(False, BOX, 1.5, "scale") == "weight_out_of_tolerance"


def test_a_typed_weight_needs_a_lead_only_where_a_scale_is_configured():
    assert packed_session(has_scale=False).close_refusal(True, BOX, EXPECTED, "typed") is None
    session = packed_session(has_scale=True)
    assert session.close_refusal(True, BOX, EXPECTED, "scale") is None
    assert session.close_refusal(True, BOX, EXPECTED, "typed") == "typed_weight"
    fact = session.override_weight(LEAD, "scale broken", BOX, EXPECTED, "typed")
    assert fact.payload["problems"] == ["typed_weight"]
    closed = session.close_carton(BOX, EXPECTED, "typed", NUMBERS, final=True)
    assert closed.fact.payload["weight_source"] == "typed"
    assert closed.fact.payload["weight_override"] == fact.uuid


def test_an_override_of_a_typed_weight_does_not_cover_one_out_of_tolerance():
    session = packed_session(has_scale=True)
    session.override_weight(LEAD, "scale broken", BOX, EXPECTED, "typed")
    assert session.close_refusal(True, BOX, 2.0, "typed") == "weight_out_of_tolerance"


def test_a_weight_override_is_for_one_carton_only():
    session = packed_session()
    session.undo_last()  # the pen goes into a second carton
    session.override_weight(LEAD, "gift box", BOX, 2.0, "scale")
    session.close_carton(BOX, 2.0, "scale", NUMBERS, final=False)
    session.scan_item(interpret(PEN))
    assert session.close_refusal(True, BOX, 2.0, "scale") == "weight_out_of_tolerance"


def test_a_nonsense_weight_is_refused():
    session = packed_session()
    assert session.close_refusal(True, BOX, 0.0, "scale") == "bad_weight"
    assert session.close_refusal(True, BOX, EXPECTED, "guessed") == "bad_weight"


# ---- serial-required items ----------------------------------------------------------------
def phone_session(shipped=frozenset(), quantity: int = 2) -> Packer:
    base = order()
    phone = replace(
        base.lines[1],
        sku="PHO",
        name="Phone",
        gtins=(PHONE,),
        quantity=quantity,
        picked=quantity,
        expected=quantity,
        serial_required=True,
    )
    view = replace(base, lines=(base.lines[0], phone), shipped_serials=shipped)
    return Packer(view, Actor("ann", "PACK-01"))


def test_a_serial_required_item_waits_for_its_serial_and_is_not_packed_without_it():
    session = phone_session()
    verdict = session.scan_item(interpret(PHONE))
    assert (verdict.ok, verdict.reason, verdict.facts) == (True, "scan_serial", ())
    assert session.packed[2] == 0 and session.close_refusal(False) == "serial_missing"
    packed = session.scan_item(interpret("SN-0001"))
    assert (packed.reason, packed.quantity, session.packed[2]) == ("packed", 1, 1)
    assert packed.facts[0].payload["serial"] == "SN-0001"
    assert session.carton_items[-1].serial == "SN-0001"


def test_the_serial_comes_in_the_gs1_scan_or_as_a_gs1_serial_alone():
    session = phone_session()
    assert session.scan_item(interpret(f"01{PHONE}21A1")).reason == "packed"
    session.scan_item(interpret(PHONE))
    assert session.scan_item(interpret("(21)A2")).facts[0].payload["serial"] == "A2"
    assert [i.serial for i in session.carton_items] == ["A1", "A2"]


def test_the_item_again_or_a_tote_is_not_a_serial():
    session = phone_session()
    session.scan_item(interpret(PHONE))
    for scan in (PHONE, "T:0001", "C:CONFIRM", MUG):
        verdict = session.scan_item(interpret(scan))
        assert (verdict.ok, verdict.reason) == (False, "serial_expected"), scan
        assert verdict.facts[0].kind == "pack.refused"
    assert session.packed[2] == 0 and session.awaiting_serial is not None


def test_a_serial_packed_before_on_any_order_or_twice_is_refused():
    session = phone_session(shipped=frozenset({("PHO", "OLD-1")}))
    session.scan_item(interpret(PHONE))
    assert session.scan_item(interpret("OLD-1")).reason == "serial_shipped"
    assert session.scan_item(interpret("NEW-1")).reason == "packed"
    assert session.scan_item(interpret(f"01{PHONE}21NEW-1")).reason == "serial_repeated"
    assert session.scan_item(interpret(f"01{PHONE}21OLD-1")).reason == "serial_shipped"
    assert session.packed[2] == 1


def test_serial_items_go_in_one_by_one_and_undo_puts_a_waiting_one_aside():
    session = phone_session()
    assert session.scan_item(interpret(f"01{PHONE}302")).reason == "serial_one_by_one"
    session.scan_item(interpret(PHONE))
    assert session.undo_last().reason == "serial_cancelled"
    assert session.awaiting_serial is None and session.packed[2] == 0
    assert session.scan_item(interpret("SN-9")).reason == "not_a_product"


def test_a_serial_label_with_spaces_or_too_long_is_refused():
    session = phone_session()
    session.scan_item(interpret(PHONE))
    assert session.scan_item(interpret("SN 1")).reason == "serial_invalid"
    assert session.scan_item(interpret("X" * 41)).reason == "serial_invalid"
    assert session.scan_item(interpret("X" * 40)).reason == "packed"


def test_the_override_names_the_lead_and_its_fact_the_packer():
    # The override is the lead's; the session trusts the caller's badge + PIN check and records
    # the lead's name, never the packer's.
    fact = packed_session().override_weight(
        User("Zhou Wei", Role.LEAD, "1012"), "why", BOX, 2.0, "scale"
    )
    assert (fact.payload["lead"], fact.actor.user) == ("Zhou Wei", "ann")


def test_another_products_serial_or_a_broken_gs1_scan_is_not_taken_as_the_serial():
    session = phone_session()
    session.scan_item(interpret(PHONE))
    other = "04006381333931"  # in no order here
    assert session.scan_item(interpret(f"01{other}21X1")).reason == "serial_expected"
    assert session.scan_item(interpret("(01)08712345000029(21)X2")).reason == "invalid_scan"
    assert session.scan_item(interpret("4006381333932")).reason == "packed"  # digits: a serial
    assert session.carton_items[-1].serial == "4006381333932"
