"""The packer's checks through the real screen: a weight outside the tolerance (or typed on a
station with a scale) needs a lead's badge, PIN and reason, closing again changes nothing; a
serial-required item is packed only with its serial (scanned, or typed + Enter)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from app.scanning.weights import Weight
from db.schema import events, exceptions, order_lines, products
from tests.integration.packing.packing_site import released_orders
from tests.ui.packer.conftest import Station
from ui.marks import is_ok_html


def close_and_stay_open(station, order) -> str:
    message = station.close()
    assert station.status(order) == "picked" and not station.home.state.finished
    return message


def exception_rows(station) -> list:
    """The exception rows packing wrote (the demo's orders its stock cannot cover wait as
    waiting_for_stock items from the start: not packing's)."""
    with station.central.engine.connect() as conn:
        return conn.execute(
            select(exceptions.c.kind, exceptions.c.status, exceptions.c.details).where(
                exceptions.c.kind != "waiting_for_stock"
            )
        ).all()


def test_a_weight_off_by_half_a_kilo_ships_only_with_a_lead_badge_pin_and_reason(station):
    order = station.order()
    station.scan(f"T:{order.tote}")
    station.pack_all(order)
    station.type_weight(station.expected_kg() + 0.5)
    message = close_and_stay_open(station, order)
    assert "expected" in message and "lead" in message and station.home.message.kind == "error"
    form = station.home.override_form
    assert form.isVisible() and "weight" in form.title.text()
    assert "expected" in station.scan("C:CONFIRM")  # closing twice is no way round it
    assert station.status(order) == "picked"
    station.scan("B:1011")  # the lead scans their badge into the form
    assert form.badge.text() == "1011"
    form.submitted.emit("1011", "0000", "gift box")
    assert "do not match" in station.home.message.text() and station.status(order) == "picked"
    form.submitted.emit("1011", "694907", "gift box")
    assert "Packed" in station.home.message.text(), station.home.message.text()
    assert station.status(order) == "packed"
    ((kind, status, details),) = exception_rows(station)  # no weight_mismatch left open
    assert (kind, status, details["scope"], details["lead"]) == (
        "pack_override",
        "resolved",
        "weight",
        "Maria Jansen",
    )
    assert "pack.override" in station.event_kinds(order)


def test_weighing_again_within_the_tolerance_needs_no_lead(station):
    order = station.order()
    station.scan(f"T:{order.tote}")
    station.pack_all(order)
    station.type_weight(station.expected_kg() + 0.5)
    close_and_stay_open(station, order)
    station.type_weight(station.expected_kg())  # an item was missing: put in, weighed again
    assert "Packed" in station.close()
    assert exception_rows(station) == []


def test_a_typed_weight_on_a_station_with_a_scale_needs_a_lead_the_scale_does_not(
    qtbot, central, tmp_path
):
    station = Station(qtbot, central, tmp_path, has_scale=True)
    try:
        order = station.order()
        station.scan(f"T:{order.tote}")
        station.pack_all(order)
        assert station.home.weight.placeholderText() == "Scan C:WEIGH"
        station.type_weight(station.expected_kg())
        assert "has a scale" in close_and_stay_open(station, order)
        assert station.home.override_form.isVisible()
        station.home.show_weight(Weight(station.expected_kg(), True, "kg", "S S 1 kg"))
        assert "taken from the scale" in station.scan("C:WEIGH")
        assert not station.home.override_form.isVisible()
        assert "Packed" in station.scan("C:CONFIRM")
        with central.engine.connect() as conn:
            closed = conn.execute(
                select(events.c.payload).where(events.c.kind == "package.closed")
            ).scalar_one()
        assert closed["weight_source"] == "scale" and closed["weight_override"] is None
    finally:
        station.stop()


def serial_order(station):
    """The demo order `station.order()` picks, its first line's product now serial-required."""
    ref = released_orders(station.central, 2)[0]
    with station.central.engine.begin() as conn:
        product = (
            select(order_lines.c.product_id)
            .where(order_lines.c.order_id == ref)
            .order_by(order_lines.c.line_no)
            .limit(1)
        )
        conn.execute(
            update(products)
            .where(products.c.id == product.scalar_subquery())
            .values(serial_required=True)
        )
    order = station.order(quantity=2)
    assert order.order_ref == ref and order.lines[0].serial_required
    return order


def type_serial(station, text: str) -> str:
    field = station.home.panel.serial
    assert field.isVisible()
    station.qtbot.keyClicks(field, text)
    station.qtbot.keyClick(field, Qt.Key.Key_Return)
    return station.home.message.text()


def test_a_serial_required_item_asks_for_its_serial_and_refuses_one_used_already(station):
    order = serial_order(station)
    line = order.lines[0]
    station.scan(f"T:{order.tote}")
    assert "serial" in station.scan(line.gtin) and station.home.panel.serial.isVisible()
    assert station.home.state.packed[line.line_id] == 0
    assert "serial number of the last item" in station.scan("C:CONFIRM")
    assert "Finish this order first" in station.scan("T:0999")
    assert "packed" in type_serial(station, "SN-0001")
    assert not station.home.panel.serial.isVisible()
    station.scan(line.gtin)
    assert "in this order already" in station.scan("SN-0001")
    assert station.home.message.kind == "error" and station.home.tones.played[-1] == "error"
    assert "packed" in station.scan("SN-0002")
    for other in order.lines[1:]:
        for text in other.unit_scans():
            assert is_ok_html(station.scan(text))
    station.type_weight(station.expected_kg())
    assert "Packed" in station.close()
    with station.central.engine.connect() as conn:
        items = select(events.c.payload).where(events.c.kind == "pack.item")
        serials = [p["serial"] for p in conn.execute(items).scalars() if p["sku"] == line.sku]
    assert serials == ["SN-0001", "SN-0002"]
