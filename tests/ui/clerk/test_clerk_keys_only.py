"""The stock clerk's three jobs with key events only, as a wedge scanner and a keypad give them.

Nothing is clicked and no handler is called: every input is a key event into the window through
the application-wide wedge filter, at 1280x800, with the real demo data and backends. Receiving
in English, then counting and moving in Chinese.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from sqlalchemy import select

from db.schema import product_gtins, products
from tests.ui.packer.test_keys_only import WAIT_MS, Floor, person_types, scanner
from ui.clerk import ClerkHome

RECEIPT, SKU = "PO-4500012001", "ELE-10087"  # a demo receipt expecting 48 of this cable
SHELF, OTHER_SHELF = "A01-001-L-3", "A01-001-L-4"


def _gtin(central, sku: str) -> str:
    with central.engine.connect() as conn:
        query = select(product_gtins.c.gtin).join(products).where(products.c.sku == sku)
        return conn.execute(query).scalars().first()


def _on_hand(central, location: str, sku: str) -> int:
    with central.uow() as uow:
        item = uow.stock.get(location, sku, "")
    return 0 if item is None else item.on_hand


def _step(qtbot, window, give, text: str) -> tuple[str, str]:
    page = window.home.page
    with qtbot.waitSignal(page.verdict_shown, timeout=WAIT_MS) as shown:
        give(qtbot, window, text)
    return tuple(shown.args)


def _job(qtbot, window, job: str) -> None:
    scanner(qtbot, window, f"C:{job}")
    qtbot.waitUntil(lambda: window.home.job == job, timeout=WAIT_MS)


def test_receive_count_and_move_by_keys_alone(qtbot, central, tmp_path):
    floor = Floor(qtbot, central, tmp_path)
    try:
        window = floor.station("STOCK-KEYS")
        window.resize(QSize(1280, 800))
        gtin = _gtin(central, SKU)
        scanner(qtbot, window, "B:1015")
        qtbot.waitUntil(lambda: isinstance(window.home, ClerkHome), timeout=WAIT_MS)
        before = _on_hand(central, SHELF, SKU)
        # Receive: the receipt, one cable scanned, 4 typed in hand, the shelf scanned.
        assert _step(qtbot, window, scanner, RECEIPT)[0] != "error"
        assert _step(qtbot, window, scanner, gtin)[0] != "error"
        assert _step(qtbot, window, person_types, "4")[0] != "error"
        assert _step(qtbot, window, scanner, f"L:{SHELF}")[0] != "error"
        qtbot.waitUntil(lambda: _on_hand(central, SHELF, SKU) == before + 4, timeout=WAIT_MS)
        window.set_language("zh_CN")
        # Count that shelf: the cable scanned once, the whole figure typed, closed, confirmed.
        _job(qtbot, window, "COUNT")
        assert _step(qtbot, window, scanner, f"L:{SHELF}")[0] != "error"
        assert _step(qtbot, window, scanner, gtin)[0] != "error"
        assert _step(qtbot, window, person_types, str(before + 4))[0] != "error"
        assert _step(qtbot, window, scanner, "C:CLOSE")[0] != "error"
        assert _step(qtbot, window, scanner, "C:CONFIRM")[0] != "error"
        # Move one cable to the next shelf.
        _job(qtbot, window, "MOVE")
        assert _step(qtbot, window, scanner, f"L:{SHELF}")[0] != "error"
        assert _step(qtbot, window, scanner, gtin)[0] != "error"
        assert _step(qtbot, window, scanner, f"L:{OTHER_SHELF}")[0] != "error"
        qtbot.waitUntil(lambda: _on_hand(central, OTHER_SHELF, SKU) == 1, timeout=WAIT_MS)
        assert _on_hand(central, SHELF, SKU) == before + 3
    finally:
        floor.stop()
