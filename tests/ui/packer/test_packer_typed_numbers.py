"""A number typed anywhere on the packer's screen reaches the step that expects it (the wedge
filter's `number_typed` calls `handle_typed_number`), or the station says it expects none now; a
typed weight on a station with a scale still needs a lead; C:REPRINT reprints."""

from __future__ import annotations

from tests.ui.packer.conftest import Station


def typed(station, text: str) -> str:
    station.home.handle_typed_number(text)
    return station.home.message.text()


def test_a_number_before_any_order_says_no_number_is_expected(station):
    message = typed(station, "12")
    assert "No number is expected now" in message and "Scan a tote" in message
    assert station.home.message.kind == "error"


def test_a_number_before_any_item_is_packed_is_no_weight(station):
    order = station.order()
    station.scan(f"T:{order.tote}")
    message = typed(station, "1.250")
    assert "No number is expected now" in message and "Scan the items" in message
    assert station.home.weight.text() == ""


def test_without_a_scale_the_instruction_asks_for_a_typed_weight_and_confirm_closes(station):
    order = station.order()
    station.scan(f"T:{order.tote}")
    station.pack_all(order)
    assert "Type the carton's weight" in station.home.message.text()
    message = typed(station, f"{station.expected_kg():.3f}")
    assert "typed" in message and "C:CONFIRM" in message
    assert "Packed" in station.scan("C:CONFIRM")
    assert station.status(order) == "packed"
    assert "Label sent again" in station.scan("C:REPRINT")


def test_a_typed_weight_with_a_scale_still_needs_a_lead(qtbot, central, tmp_path):
    station = Station(qtbot, central, tmp_path, has_scale=True)
    try:
        order = station.order()
        station.scan(f"T:{order.tote}")
        station.pack_all(order)
        assert "needs a lead" in typed(station, f"{station.expected_kg():.3f}")
        assert "has a scale" in station.scan("C:CONFIRM")
        assert station.home.override_form.isVisible()
        assert station.status(order) == "picked"
    finally:
        station.stop()
