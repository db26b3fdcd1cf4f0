"""The keyboard-wedge filter with real key events: a fast burst is a scan, typing is text."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from app.scanning.burst import WedgeSettings
from ui.wedge import WedgeScanFilter


@pytest.fixture
def field_and_filter(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    wedge = WedgeScanFilter(QApplication.instance())
    QApplication.instance().installEventFilter(wedge)
    yield field, wedge
    QApplication.instance().removeEventFilter(wedge)


def scanner_types(qtbot, widget, text):
    """What a wedge scanner does: the keys back to back, then Enter."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_a_fast_burst_is_a_scan_and_never_lands_in_the_field(qtbot, field_and_filter):
    field, wedge = field_and_filter
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as signal:
        scanner_types(qtbot, field, "B:1001")
    assert signal.args == ["B:1001"]
    qtbot.wait(100)
    assert field.text() == ""


def test_capital_letters_with_shift_are_part_of_the_scan(qtbot, field_and_filter):
    field, wedge = field_and_filter
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as signal:
        qtbot.keyClick(field, Qt.Key.Key_Shift)  # some scanners press Shift on its own first
        scanner_types(qtbot, field, "L:A01-001-L-1")
    assert signal.args == ["L:A01-001-L-1"]
    assert field.text() == ""


def test_slow_typing_lands_in_the_field_in_order(qtbot, field_and_filter):
    field, wedge = field_and_filter
    scans = []
    wedge.scanned.connect(scans.append)
    for char in "1001":
        qtbot.keyClick(field, char)
        qtbot.wait(90)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # a non-printable key keeps its place in line
    qtbot.keyClicks(field, "2")
    qtbot.waitUntil(lambda: field.text() == "1002", timeout=1000)
    assert scans == []


def test_enter_typed_by_a_person_reaches_the_field(qtbot, field_and_filter):
    field, wedge = field_and_filter
    qtbot.keyClick(field, "7")
    qtbot.wait(80)
    with qtbot.waitSignal(field.returnPressed, timeout=1000):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "7"


def test_gs1_separator_stand_in_becomes_gs(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    wedge = WedgeScanFilter(settings=WedgeSettings(gs1_separator="~"))
    field.installEventFilter(wedge)  # on one widget: the same filter, a smaller scope
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as signal:
        scanner_types(qtbot, field, "0109501101020917~10ABC")
    assert signal.args == ["0109501101020917\x1d10ABC"]


def test_keys_from_the_window_system_path(qtbot, field_and_filter):
    """Real keyboards reach the QWindow first, then the focused widget: the same outcome."""
    field, wedge = field_and_filter
    window = field.window().windowHandle()
    assert window is not None
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as signal:
        for char in "T:0001":
            QTest.keyClick(window, char)
        QTest.keyClick(window, Qt.Key.Key_Return)
    assert signal.args == ["T:0001"] and field.text() == ""
    for char in "42":
        QTest.keyClick(window, char)
        qtbot.wait(80)
    qtbot.waitUntil(lambda: field.text() == "42", timeout=1000)


def test_keys_typed_while_the_ui_was_busy_are_still_typing(qtbot, field_and_filter):
    """A person types "1001" + Enter during a 1 s stall: the events arrive back to back, but
    their window-system timestamps are 150 ms apart."""
    field, wedge = field_and_filter
    scans = []
    wedge.scanned.connect(scans.append)
    for n, (key, text) in enumerate(
        [
            (Qt.Key.Key_1, "1"),
            (Qt.Key.Key_0, "0"),
            (Qt.Key.Key_0, "0"),
            (Qt.Key.Key_1, "1"),
            (Qt.Key.Key_Return, "\r"),
        ]
    ):
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(50_000 + 150 * n)
        QApplication.sendEvent(field, event)
    qtbot.waitUntil(lambda: field.text() == "1001", timeout=1000)
    assert scans == []


def test_the_same_code_twice_within_the_window_counts_once(qtbot, field_and_filter):
    field, wedge = field_and_filter
    scans = []
    wedge.scanned.connect(scans.append)
    scanner_types(qtbot, field, "4006381333931")
    scanner_types(qtbot, field, "4006381333931")  # a double trigger pull
    assert scans == ["4006381333931"]
    qtbot.wait(400)
    scanner_types(qtbot, field, "4006381333931")  # the next item, a moment later
    assert scans == ["4006381333931"] * 2
    assert field.text() == ""


def person_types(qtbot, widget, text):
    for char in text:
        qtbot.keyClick(widget, char)
        qtbot.wait(90)
    qtbot.keyClick(widget, Qt.Key.Key_Enter)


def test_digits_typed_outside_any_field_are_one_number_for_the_step(qtbot, field_and_filter):
    _field, wedge = field_and_filter
    button = QPushButton("Confirm")
    qtbot.addWidget(button)
    button.show()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    clicks = []
    button.clicked.connect(lambda: clicks.append(True))
    with qtbot.waitSignal(wedge.number_typed, timeout=2000) as signal:
        person_types(qtbot, button, "2.75")
    assert signal.args == ["2.75"]
    assert clicks == []  # Enter went to the number, not to the focused button


def test_digits_typed_into_a_field_stay_in_the_field(qtbot, field_and_filter):
    field, wedge = field_and_filter
    numbers = []
    wedge.number_typed.connect(numbers.append)
    person_types(qtbot, field, "12")
    qtbot.waitUntil(lambda: field.text() == "12", timeout=1000)
    assert numbers == []


def test_letters_typed_outside_a_field_are_no_number(qtbot, field_and_filter):
    _field, wedge = field_and_filter
    button = QPushButton("Confirm")
    qtbot.addWidget(button)
    button.show()
    button.setFocus()
    numbers = []
    wedge.number_typed.connect(numbers.append)
    person_types(qtbot, button, "1a2")
    qtbot.wait(100)
    assert numbers == ["2"]  # the letter dropped what came before it
