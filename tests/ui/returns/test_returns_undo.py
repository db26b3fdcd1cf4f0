"""C:UNDO on the returns page through its real widgets (docs/returns.md, "Taking an item back"):
scan the parcel, an item, its condition, then C:UNDO — the screen says what was undone and what
to do next, and central holds the parcel as if the item had not been taken."""

from __future__ import annotations

from sqlalchemy import func, select

from app.scanning.interpret import interpret
from db.schema import order_lines, quarantine, return_lines
from tests.integration.returns.shipped import shipped_orders
from tests.ui.returns.test_returns_page import central_page, rows


def returned(central, order) -> int:
    query = select(func.sum(order_lines.c.returned)).where(order_lines.c.order_id == order.ref)
    return rows(central, query)[0][0]


def test_scan_an_item_then_undo_it_on_the_page(qtbot, shipped_central):
    central = shipped_central
    order = shipped_orders(central, lot_controlled=False)[0]
    sku = next(iter(order.lines))
    page = central_page(qtbot, central)
    page.handle_scan(interpret(order.tracking))
    page.handle_scan(interpret(order.gtins[sku]))
    page.handle_scan(interpret("C:DAMAGED"))
    assert page.banner.kind == "ok" and "QUARANTINE" in page.banner.text()
    assert "1 damaged" in page.lines.data(page.lines.index(0, 3))
    assert returned(central, order) == 1
    page.handle_scan(interpret("C:UNDO"))
    assert page.banner.kind == "ok", page.banner.text()
    assert "UNDONE" in page.banner.text() and sku in page.banner.text()
    assert "cage" in page.banner.text()  # what to do with the unit now
    assert page.lines.data(page.lines.index(0, 3)) == "–"
    assert rows(central, select(return_lines)) == [] and rows(central, select(quarantine)) == []
    assert returned(central, order) == 0
    page.buttons["UNDO"].click()  # nothing left to undo on this parcel
    assert page.banner.kind == "error" and "nothing to undo" in page.banner.text()
    page.handle_scan(interpret("C:CLOSE"))
    assert page.banner.kind == "error"  # nothing taken in: the parcel does not close empty


def test_a_resold_unit_undone_on_the_page_is_taken_off_its_shelf(qtbot, shipped_central):
    central = shipped_central
    order = shipped_orders(central, lot_controlled=False)[0]
    sku = next(iter(order.lines))
    page = central_page(qtbot, central)
    page.handle_scan(interpret(order.tracking))
    page.handle_scan(interpret(order.gtins[sku]))
    page.handle_scan(interpret("C:RESELL"))
    where = page.where_label.text()
    page.handle_scan(interpret(f"L:{where}"))
    assert page.banner.kind == "ok" and returned(central, order) == 1
    page.buttons["UNDO"].click()  # the button does what C:UNDO does
    assert page.banner.kind == "ok" and f"Take it off {where}" in page.banner.text()
    assert rows(central, select(return_lines)) == [] and returned(central, order) == 0
