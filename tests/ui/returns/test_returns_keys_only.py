"""The returns station with key events only, as a wedge scanner and a keypad give them: nothing
is clicked and no handler is called; every input is a key event into the window through the
application-wide wedge filter, at 1280x800, on the real shipped demo data. In Chinese."""

from __future__ import annotations

from PySide6.QtCore import QSize
from sqlalchemy import select

from db.schema import orders
from tests.integration.returns.shipped import shipped_orders
from tests.ui.packer.test_keys_only import WAIT_MS, Floor, scanner
from ui.returns.page import ReturnsPage


def _step(qtbot, window, text: str) -> tuple[str, str]:
    page = window.home
    with qtbot.waitSignal(page.verdict_shown, timeout=WAIT_MS) as shown:
        scanner(qtbot, window, text)
    return tuple(shown.args)


def test_a_parcel_returned_by_keys_alone(qtbot, shipped_central, tmp_path):
    central = shipped_central
    order = next(o for o in shipped_orders(central, lot_controlled=False) if len(o.lines) >= 2)
    first, second = list(order.lines)[:2]
    floor = Floor(qtbot, central, tmp_path)
    try:
        window = floor.station("RET-KEYS")
        window.resize(QSize(1280, 800))
        window.set_language("zh_CN")
        scanner(qtbot, window, "B:1017")
        qtbot.waitUntil(lambda: isinstance(window.home, ReturnsPage), timeout=WAIT_MS)
        assert _step(qtbot, window, order.tracking) == ("info", "parcel_open")
        assert _step(qtbot, window, order.gtins[first]) == ("info", "item_in_hand")
        assert _step(qtbot, window, "C:DAMAGED") == ("ok", "to_quarantine")
        assert _step(qtbot, window, order.gtins[second]) == ("info", "item_in_hand")
        assert _step(qtbot, window, "C:RESELL")[1] == "scan_location"
        where = window.home.where_label.text()
        assert _step(qtbot, window, f"L:{where}")[1] in ("resold", "resold_elsewhere")
        assert _step(qtbot, window, "C:CLOSE") == ("ok", "closed")
        with central.engine.connect() as conn:
            status = conn.execute(select(orders.c.status).where(orders.c.id == order.ref))
            everything = order.lines[first] + order.lines[second] == sum(order.lines.values()) == 2
            assert status.scalar() == ("returned" if everything else "partially_returned")
    finally:
        floor.stop()
