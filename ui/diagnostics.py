"""Scanner & scale diagnostics: which devices are connected, every scan raw and interpreted, the
live weight and the last error, in type readable from a metre away. For every role.

    view = DiagnosticsView(bridge, wedge=wedge_filter)   # bridge: ui.bridge.DeviceBridge

UI thread only: everything arrives through the bridge's queued signals.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.scanning.interpret import Scan, describe_scan, interpret, visible_raw
from app.scanning.weights import Weight
from ui.bridge import DeviceBridge
from ui.marks import NBSP, checked_html, html_text, mark_size, show_marked
from ui.wedge import WedgeScanFilter

# Large type, dark on white; state in words and symbols as well as colour.
STYLE = """
QLabel#heading { font-size: 22px; font-weight: bold; color: #444444; margin-top: 8px; }
QLabel#lastRaw { font-size: 36px; font-family: monospace; }
QLabel#lastMeaning { font-size: 40px; font-weight: bold; }
QLabel#lastMeaning[ok="true"] { color: #0a6b2d; }
QLabel#lastMeaning[ok="false"] { color: #b00020; }
QLabel#weight { font-size: 56px; font-weight: bold; }
QLabel#lastError { font-size: 28px; color: #b00020; }
QTableWidget, QListWidget { font-size: 24px; }
"""
HISTORY = 50  # scans kept in the list: enough to see a pattern, small enough to read
KEYBOARD = "keyboard"


class DiagnosticsView(QWidget):
    def __init__(
        self,
        bridge: DeviceBridge,
        *,
        wedge: WedgeScanFilter | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("diagnostics")
        self._rows: dict[str, int] = {}
        self._build()
        # Bound methods of this QObject, never lambdas: a lambda would run on the device thread.
        bridge.scan.connect(self._on_serial_scan)
        bridge.weight.connect(self.show_weight)
        bridge.status.connect(self.show_status)
        if wedge is not None:
            self.show_status(KEYBOARD, "connected")
            wedge.scanned.connect(self._on_wedge_scan)

    def _build(self) -> None:
        self.setStyleSheet(STYLE)  # on this widget: wins over the application stylesheet
        layout = QVBoxLayout(self)
        self.devices = QTableWidget(0, 3)
        self.devices.setHorizontalHeaderLabels(
            [self.tr("Device"), self.tr("State"), self.tr("Last message")]
        )
        header = self.devices.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.devices.verticalHeader().hide()
        self.devices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.devices.setMaximumHeight(220)
        self.last_raw = self._label("lastRaw", self.tr("Scan something to test the scanner"))
        self.last_meaning = self._label("lastMeaning", "")
        self.weight = self._label("weight", self.tr("No scale reading"))
        self.last_error = self._label("lastError", self.tr("No errors"))
        self.history = QListWidget()
        self.history.setWordWrap(True)
        for title, widget in [
            (self.tr("Connected devices"), self.devices),
            (self.tr("Last scan"), self.last_raw),
            (None, self.last_meaning),
            (self.tr("Weight"), self.weight),
            (self.tr("Last error"), self.last_error),
            (self.tr("Recent scans"), self.history),
        ]:
            if title:
                layout.addWidget(self._label("heading", title))
            layout.addWidget(widget)

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- slots (UI thread) --------------------------------------------------------------------
    def show_scan(self, scan: Scan, device: str = "serial") -> None:
        meaning = describe_scan(scan)
        self.last_raw.setText(visible_raw(scan.raw))
        ok = scan.kind != "invalid"
        # Words and a symbol as well as colour: never colour alone.
        show_marked(self.last_meaning, ok, meaning)
        self.last_meaning.setProperty("ok", ok)
        self.last_meaning.style().unpolish(self.last_meaning)  # re-read the [ok=...] colour
        self.last_meaning.style().polish(self.last_meaning)
        if not ok:
            self._set_error(f"{device}: {scan.error}")
        stamp = time.strftime("%H:%M:%S")
        self.history.insertItem(0, f"{stamp}  {device}  {visible_raw(scan.raw)}  →  {meaning}")
        while self.history.count() > HISTORY:
            self.history.takeItem(self.history.count() - 1)

    @Slot(object)
    def show_weight(self, weight: Weight) -> None:
        reading = f"{weight.kg:.3f} kg"
        if weight.stable:
            stable = checked_html(html_text(self.tr("stable")), mark_size(self.weight, 40))
            self.weight.setTextFormat(Qt.TextFormat.RichText)
            self.weight.setText(html_text(reading) + NBSP * 3 + stable)
        else:
            self.weight.setTextFormat(Qt.TextFormat.PlainText)
            settling = self.tr("settling")
            self.weight.setText(f"{reading}   … {settling}")
        self.weight.setToolTip(weight.raw)  # what the scale sent, for whoever sets it up

    @Slot(str, str)
    def show_status(self, device: str, message: str) -> None:
        state, _, detail = message.partition(": ")
        row = self._rows.get(device)
        if row is None:
            row = self._rows[device] = self.devices.rowCount()
            self.devices.insertRow(row)
        shown_state = {"reconnected": "connected", "waiting": "not found"}.get(state, state)
        for column, text in enumerate([device, shown_state, message]):
            self.devices.setItem(row, column, QTableWidgetItem(text))
        if state in ("disconnected", "waiting", "error"):
            self._set_error(f"{device}: {detail or message}")

    def _set_error(self, text: str) -> None:
        self.last_error.setText(f"✖ {time.strftime('%H:%M:%S')}  {text}")

    @Slot(object)
    def _on_serial_scan(self, scan: Scan) -> None:
        self.show_scan(scan, "serial")

    @Slot(str)
    def _on_wedge_scan(self, text: str) -> None:
        self.show_scan(interpret(text), KEYBOARD)  # the filter already turned the GS stand-in to GS

    def state_of(self, device: str) -> str | None:
        """The state shown for `device` (for tests and the status bar)."""
        row = self._rows.get(device)
        return None if row is None else self.devices.item(row, 1).text()
