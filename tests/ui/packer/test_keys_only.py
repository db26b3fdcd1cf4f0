"""A whole pick list and a whole packing order with key events only: no mouse, no touch.

Nothing is clicked and no handler is called: every input is a key event into the window, through
the application-wide wedge filter, as on the floor. Scans arrive as a scanner's fast burst + Enter;
quantities and the carton's weight are typed slowly, as a person does, with no field tapped first.
The real demo data, the real backends (DatabaseWorker, spoolers) and no scale.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.scanning.dedupe import DEFAULT_WINDOW_S as DUPLICATE_WINDOW_S
from app.services.scripted_picking import next_input
from db.schema import events
from tests.ui.stations import station_on
from ui.main_window import MainWindow
from ui.packer import PackerHome
from ui.picker import PickerHome
from ui.wedge import WedgeScanFilter

WAIT_MS = 20_000
PERSON_GAP_MS = 90  # a person's keys: far slower than the wedge filter's 40 ms scanner gap


def _target(window):
    return QApplication.focusWidget() or window


_last_scanned: dict[str, float] = {}


def scanner(qtbot, window, text: str) -> None:
    """A wedge scanner: the keys back to back, then Enter, into whatever has the focus. A person
    scans the same code again no sooner than a moment later (a quicker repeat is a double read
    the filter drops)."""
    since = time.monotonic() - _last_scanned.get(text, -math.inf)
    if since < DUPLICATE_WINDOW_S + 0.05:
        qtbot.wait(int((DUPLICATE_WINDOW_S + 0.05 - since) * 1000) + 1)
    _last_scanned[text] = time.monotonic()
    target = _target(window)
    QTest.keyClicks(target, text)
    QTest.keyClick(target, Qt.Key.Key_Return)


def person_types(qtbot, window, text: str) -> None:
    """A person on the keypad: one key at a time, then Enter. No field is tapped first."""
    for char in text:
        QTest.keyClicks(_target(window), char)
        qtbot.wait(PERSON_GAP_MS)
    QTest.keyClick(_target(window), Qt.Key.Key_Enter)


class Floor:
    def __init__(self, qtbot, central, tmp_path):
        self.qtbot, self.central, self.tmp_path = qtbot, central, tmp_path
        self.wedge = WedgeScanFilter(QApplication.instance())
        QApplication.instance().installEventFilter(self.wedge)
        self.stations = []

    def station(self, name: str) -> MainWindow:
        station = station_on(self.central, name, self.tmp_path, window=True)
        window = station.window
        self.qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        self.qtbot.waitExposed(window)
        self.wedge.scanned.connect(window.handle_scan)
        self.wedge.number_typed.connect(window.handle_typed_number)
        self.stations.append(station)
        return window

    def leave(self, window: MainWindow) -> None:
        self.wedge.scanned.disconnect(window.handle_scan)
        self.wedge.number_typed.disconnect(window.handle_typed_number)
        window.hide()

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self.wedge)
        for station in self.stations:
            station.stop()

    def kinds(self) -> list[tuple[str, str | None]]:
        with self.central.engine.connect() as conn:
            rows = conn.execute(select(events.c.kind, events.c.order_ref).order_by(events.c.seq))
            return [tuple(row) for row in rows]


def pick_by_keys(qtbot, window) -> tuple[list, int]:
    """The picker's whole list; returns the cart and how many quantities were typed."""
    scanner(qtbot, window, "B:1001")
    qtbot.waitUntil(lambda: isinstance(window.home, PickerHome), timeout=WAIT_MS)
    home = window.home
    qtbot.waitUntil(lambda: home.state is not None, timeout=WAIT_MS)
    cart, typed = home.state.pick_list.cart, 0
    with qtbot.waitSignal(home.verdict_shown, timeout=WAIT_MS) as shown:
        person_types(qtbot, window, "5")  # no item in hand yet: red, and what is expected
    assert shown.args == ["error", "number_not_expected"]
    totes = {slot.order_ref: f"KEYS-{n:02d}" for n, slot in enumerate(cart, start=1)}
    while home.state.phase.value != "done":
        given = next_input(home.state, False, lambda slot: totes[slot.order_ref])
        with qtbot.waitSignal(home.verdict_shown, timeout=WAIT_MS) as shown:
            if isinstance(given, int):
                person_types(qtbot, window, str(given))
                typed += 1
            else:
                scanner(qtbot, window, given.raw)
        assert shown.args[0] != "error", (given, shown.args, home.banner.text())
        qtbot.waitUntil(lambda: not home._busy, timeout=WAIT_MS)
    return [(slot, totes[slot.order_ref]) for slot in cart], typed


def pack_by_keys(qtbot, window, tote: str) -> PackerHome:
    """The packer's whole order, from the tote scan to the printed label; no scale."""
    scanner(qtbot, window, "B:1007")
    qtbot.waitUntil(lambda: isinstance(window.home, PackerHome), timeout=WAIT_MS)
    home = window.home
    assert not home.has_scale
    scanner(qtbot, window, f"T:{tote}")
    qtbot.waitUntil(lambda: home.state is not None, timeout=WAIT_MS)
    for line in home.view.lines:
        if line.no_barcode:
            _input(qtbot, home, lambda n=line.expected: person_types(qtbot, window, str(n)))
            continue
        for unit in range(line.expected - line.packed):
            _input(qtbot, home, lambda g=line.gtins[0]: scanner(qtbot, window, g))
            if home.state.awaiting_serial is not None:
                serial = f"(21)KEYS{line.line_id}U{unit}"
                _input(qtbot, home, lambda s=serial: scanner(qtbot, window, s))
    assert not home.state.open_lines()
    assert "weight" in home.message.text()  # no scale: the instruction asks for a typed weight
    kg = home.state.expected_kg(home.carton_type.currentData())
    _input(qtbot, home, lambda: person_types(qtbot, window, f"{kg:.3f}"), kind="info")
    assert home.weight.text() == f"{kg:.3f}"
    scanner(qtbot, window, "C:CONFIRM")
    qtbot.waitUntil(lambda: home.state.finished, timeout=WAIT_MS)
    return home


def _input(qtbot, home, give, kind: str = "ok") -> None:
    home.message.clear()
    give()
    qtbot.waitUntil(lambda: home.message.text() != "", timeout=WAIT_MS)
    assert home.message.kind == kind, home.message.text()


def test_a_pick_list_and_a_packing_order_by_key_events_only(qtbot, central, tmp_path, monkeypatch):
    monkeypatch.setenv("SHIPSHAPE_LABEL_PRINTER", f"file:{tmp_path / 'labels'}")
    monkeypatch.setenv("SHIPSHAPE_SPOOL_DIR", str(tmp_path / "spool"))
    monkeypatch.delenv("SHIPSHAPE_SCALE", raising=False)  # no scale: the weight is typed
    floor = Floor(qtbot, central, tmp_path)
    try:
        picker = floor.station("PICK-01")
        cart, typed = pick_by_keys(qtbot, picker)
        assert typed > 0  # quantities went in by typing, not only by repeated scans
        floor.leave(picker)
        packer = floor.station("PACK-01")
        first_order, tote = cart[0][0].order_ref, cart[0][1]
        pack_by_keys(qtbot, packer, tote)
        labels = tmp_path / "labels"
        qtbot.waitUntil(lambda: len(list(labels.glob("*.bin"))) == 2, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: ("label.printed", first_order) in floor.kinds(), timeout=WAIT_MS)
    finally:
        floor.stop()
    facts = floor.kinds()
    for slot, _tote in cart:
        assert ("pick.confirmed", slot.order_ref) in facts
    assert any(kind == "picklist.finished" for kind, _order in facts)
    assert ("pack.item", first_order) in facts
    assert ("package.closed", first_order) in facts
    assert ("label.printed", first_order) in facts
