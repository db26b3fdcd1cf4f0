"""Keyboard-wedge scanners: an application-wide key filter (UI thread only).

Every printable key press is held back for a moment and fed to the pure burst detector from
app.scanning.burst. A scanner's burst becomes one `scanned(str)` signal and none of its keys reach
a text field; a person's keys are replayed, in order, to the widget that had the focus, about
`max_gap_s` (40 ms) later, which nobody notices. Install it once:

    wedge = WedgeScanFilter()
    app.installEventFilter(wedge)
    wedge.scanned.connect(sign_in_view.on_badge_scan)
"""

from __future__ import annotations

import math
import time

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from app.scanning.burst import BurstDetector, Typing, WedgeScan, WedgeSettings
from app.scanning.dedupe import DEFAULT_WINDOW_S, DuplicateFilter
from app.scanning.keypad import KeypadNumber
from ui.bridge import safe_emit

GS = "\x1d"
_MODIFIERS_THAT_MAKE_SHORTCUTS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)

_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
}


class WedgeScanFilter(QObject):
    scanned = Signal(str)  # the scan text, without the scanner's prefix and suffix
    number_typed = Signal(str)  # digits a person typed + Enter outside any text field

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        settings: WedgeSettings | None = None,
        duplicate_window_s: float = DEFAULT_WINDOW_S,
    ):
        super().__init__(parent)
        self._detector = BurstDetector(settings)
        self._duplicates = DuplicateFilter(duplicate_window_s)
        self._keypad = KeypadNumber()
        self._held: list[tuple[QObject, QKeyEvent]] = []  # (target, copy) in arrival order
        self._replaying = False
        self._last_key_seen = 0.0
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setTimerType(Qt.TimerType.PreciseTimer)
        self._quiet.setInterval(math.ceil(self._detector.settings.max_gap_s * 1000) + 2)
        self._quiet.timeout.connect(self._on_quiet)

    @property
    def settings(self) -> WedgeSettings:
        return self._detector.settings

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() in _MODIFIER_KEYS:
            return False  # Shift before a capital letter is part of a scan: keep holding
        key_text = self._scannable_text(event)
        if key_text is None:
            self._release_all()  # keep order: held keys land before this one
            return False
        target = QApplication.focusWidget() or watched
        self._held.append((target, _copy(event)))
        self._last_key_seen = time.monotonic()
        self._apply(self._detector.feed(key_text, _pressed_at(event)))
        if self._detector.holding:
            self._quiet.start()
        return True

    def _scannable_text(self, event: QKeyEvent) -> str | None:
        """The key's text if a scanner could have sent it, else None (pass it straight on)."""
        text = event.text()
        if text == GS:  # Ctrl+] on many scanners: the GS1 separator
            return text
        if len(text) != 1 or event.isAutoRepeat():
            return None
        if event.modifiers() & _MODIFIERS_THAT_MAKE_SHORTCUTS:
            return None
        if text in ("\r", "\n", "\t") or text.isprintable():
            return "\r" if text == "\n" else text
        return None

    def _on_quiet(self) -> None:
        if time.monotonic() - self._last_key_seen < self.settings.max_gap_s:
            self._quiet.start()  # the timer fired a hair early: look again shortly
            return
        self._apply(self._detector.flush(math.inf))  # quiet for long enough: decide now

    def _apply(self, decisions: list[WedgeScan | Typing]) -> None:
        for decision in decisions:
            if isinstance(decision, WedgeScan):
                self._held.clear()  # the detector consumed every held key
                self._quiet.stop()
                if self._duplicates.accept(decision.text, time.monotonic()):
                    safe_emit(self.scanned, decision.text)
            else:
                count = len(decision.keys)
                self._replay(self._held[:count])
                del self._held[:count]

    def _release_all(self) -> None:
        self._quiet.stop()
        if self._detector.holding:
            self._apply(self._detector.flush(math.inf))

    def _replay(self, held: list[tuple[QObject, QKeyEvent]]) -> None:
        self._replaying = True
        try:
            for target, event in held:
                if not shiboken6.isValid(target) or self._typed_number(target, event):
                    continue
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def _typed_number(self, target: QObject, event: QKeyEvent) -> bool:
        """Digits + Enter a person typed where no text field takes them: one number for the
        step that expects it (`number_typed`), so nobody has to tap a field first."""
        if _takes_text(target):
            self._keypad.reset()
            return False
        taken, number = self._keypad.feed("\r" if event.text() == "\n" else event.text())
        if number is not None:
            safe_emit(self.number_typed, number)
        return taken


def _takes_text(widget: QObject) -> bool:
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QAbstractSpinBox)


def _pressed_at(event: QKeyEvent) -> float:
    """When the key was pressed, in seconds. The window system's timestamp when there is one:
    keys a person typed while the UI thread was busy arrive back to back, but their timestamps
    keep the person's rhythm, so they are never taken for a scan. Else the monotonic clock."""
    stamp = event.timestamp()
    return stamp / 1000.0 if stamp else time.monotonic()


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )
