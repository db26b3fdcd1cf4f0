"""Receiving with key events only, as a wedge scanner and a keypad give them: nothing is clicked
and no handler is called; every input is a key event into the window through the
application-wide wedge filter, at 1280x800, on the demo's announced receipt. In Chinese."""

from __future__ import annotations

from PySide6.QtCore import QSize

from tests.ui.packer.test_keys_only import WAIT_MS, Floor, person_types, scanner
from ui.clerk import ClerkHome
from ui.clerk.receiving import ReceivingPage

RECEIPT = "PO-4500012001"
COFFEE = "(01)08712345000202(17)270831(10)L2708R"  # FOD-10020, lot L2708R, on the receipt


def test_a_receipt_line_received_by_keys_alone(qtbot, demo_central, tmp_path):
    floor = Floor(qtbot, demo_central, tmp_path)
    try:
        window = floor.station("STOCK-KEYS")
        window.resize(QSize(1280, 800))
        window.set_language("zh_CN")
        scanner(qtbot, window, "B:1015")
        qtbot.waitUntil(lambda: isinstance(window.home, ClerkHome), timeout=WAIT_MS)
        scanner(qtbot, window, "C:RECEIVE")
        qtbot.waitUntil(lambda: isinstance(window.home.page, ReceivingPage), timeout=WAIT_MS)
        page = window.home.page
        scanner(qtbot, window, RECEIPT)
        qtbot.waitUntil(lambda: page.state.receipt is not None, timeout=WAIT_MS)
        scanner(qtbot, window, COFFEE)
        qtbot.waitUntil(lambda: page.state.in_hand is not None, timeout=WAIT_MS)
        person_types(qtbot, window, "12")
        qtbot.waitUntil(lambda: page.state.in_hand.quantity == 12, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: page.state.suggestion is not None, timeout=WAIT_MS)
        row = next(n for n, x in enumerate(page.lines.lines) if x.sku == "FOD-10020")
        assert page.lines.data(page.lines.index(row, 0)).startswith("FOD-10020\n")
        table = page.table
        assert table.viewport().rect().intersects(table.visualRect(page.lines.index(row, 0)))
        assert page.lines.lines[row].received == 12
    finally:
        floor.stop()
