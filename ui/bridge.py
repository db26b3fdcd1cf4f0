"""The one way from another thread into the UI thread: `MainThreadBridge.run_on_main(fn, *args)`.

Device reader threads (devices/), the sync thread (db/station/sync.py), printer spoolers
(printing/spooler.py) and the database worker (ui/worker.py) never touch a widget. They call
`run_on_main` (any thread; it never blocks), and the bridge's queued signal runs `fn(*args)`
later on the thread the bridge lives in (at once when called there): the UI thread, where `fn` may touch widgets. A bound
method of a widget deleted meanwhile is skipped, so a late report cannot reach a closed screen.

`DeviceBridge` fans device reports out as signals (the window, the diagnostics screen and the
packer's weight display each connect): its callbacks hand the emit to `run_on_main`, so the
signals fire on the UI thread and every slot connected to them runs there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal


def safe_emit(signal, *args) -> None:
    """`signal.emit(*args)`. (PySide6 6.12.0 leaked a reference to True on every emit on
    Python 3.11 and aborted the interpreter; pyproject.toml excludes that release.)"""
    signal.emit(*args)


class MainThreadBridge(QObject):
    """Runs callables on the UI thread. Make it on the UI thread (or anywhere once the
    QApplication exists: it moves itself to the application's thread)."""

    # (callable, args): emitted on any thread, delivered queued on the bridge's thread.
    _call = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QCoreApplication.instance()
        if parent is None and app is not None and self.thread() is not app.thread():
            self.moveToThread(app.thread())
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def run_on_main(self, fn: Callable[..., Any], *args: Any) -> None:
        """Any thread: run `fn(*args)` on the UI thread soon; returns at once. Called on the UI
        thread itself it runs at once, as a signal emitted there would."""
        if QThread.currentThread() == self.thread():
            self._run(fn, args)
        else:
            safe_emit(self._call, fn, args)

    def _run(self, fn: Callable[..., Any], args: tuple) -> None:
        # UI thread (queued connection).
        owner = getattr(fn, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # the screen it was meant for is gone
        fn(*args)


_shared: MainThreadBridge | None = None
_shared_lock = threading.Lock()


def main_thread() -> MainThreadBridge:
    """The application's shared bridge (made on first use, after the QApplication exists)."""
    global _shared
    with _shared_lock:
        if _shared is None or not shiboken6.isValid(_shared):
            _shared = MainThreadBridge()
        return _shared


def run_on_main(fn: Callable[..., Any], *args: Any) -> None:
    """Any thread: `fn(*args)` on the UI thread, through the shared bridge."""
    main_thread().run_on_main(fn, *args)


class DeviceBridge(QObject):
    scan = Signal(object)  # app.scanning.interpret.Scan
    weight = Signal(object)  # app.scanning.weights.Weight
    status = Signal(str, str)  # (device name, message starting with a state word)

    def __init__(
        self, parent: QObject | None = None, bridge: MainThreadBridge | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge or MainThreadBridge(self)

    # Called on a device's reader thread (any thread is fine).
    def on_scan(self, scan: object) -> None:
        self.bridge.run_on_main(self.scan.emit, scan)

    def on_weight(self, weight: object) -> None:
        self.bridge.run_on_main(self.weight.emit, weight)

    def on_status(self, device: str, message: str) -> None:
        self.bridge.run_on_main(self.status.emit, device, message)
