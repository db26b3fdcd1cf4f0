"""The packing screen with an order holding a product without a barcode (the demo's loose
hardware): the screen says to type its count, the count field or a typed number + Enter packs
it, never more than remains, and the order closes without a lead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from db.schema import events
from tests.integration.packing.packing_site import loose_hardware_order
from ui.marks import is_ok_html


def type_count(station, text: str) -> str:
    field = station.home.panel.count
    assert field.isVisible() and field.hasFocus()
    station.qtbot.keyClicks(field, text)
    station.qtbot.keyClick(field, Qt.Key.Key_Return)
    return station.home.message.text()


def test_an_order_with_loose_hardware_packs_end_to_end_without_a_lead(station):
    order = loose_hardware_order(station.central, "0961", count=4)
    loose = next(line for line in order.lines if line.no_barcode)
    opened = station.scan(f"T:{order.tote}")
    assert f"No barcode: type the count of {loose.sku}" in opened
    assert station.home.panel.count.isVisible()
    for line in order.lines:
        if not line.no_barcode:
            for text in line.unit_scans():
                assert is_ok_html(station.scan(text))
    assert "No barcode: type the count" in station.home.message.text()  # all that is left

    too_many = type_count(station, "5")
    assert "more than the 4" in too_many and station.home.message.kind == "error"
    assert station.home.tones.played[-1] == "error"
    assert is_ok_html(type_count(station, "3"))
    assert is_ok_html(station.scan("1"))  # a typed number + Enter at the scanner, too
    assert not station.home.panel.count.isVisible()
    assert "Type the carton's weight" in station.home.message.text()

    station.type_weight(station.expected_kg())
    assert "Packed" in station.close()
    assert station.status(order) == "packed" and "pack.override" not in station.event_kinds(order)
    with station.central.engine.connect() as conn:
        items = select(events.c.payload).where(
            events.c.kind == "pack.item", events.c.order_ref == order.order_ref
        )
        typed = [p for p in conn.execute(items).scalars() if p["no_barcode"]]
    assert [(p["quantity"], p["confirmed_by"]) for p in typed] == [
        (3, "typed_no_barcode"),
        (1, "typed_no_barcode"),
    ]


def test_an_item_with_a_barcode_cannot_be_typed_in(station):
    order = station.order("0962")
    station.scan(f"T:{order.tote}")
    first = order.lines[0]
    assert not station.home.panel.count.isVisible()
    station.scan(first.gtin)  # the order is started: a typed number is no order id
    assert "is not an item" in station.scan("1")
    assert station.home.state.packed[first.line_id] == 1
