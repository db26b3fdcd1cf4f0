"""Device threads → UI thread.

Reader threads (devices/) call `on_scan`, `on_weight` and `on_status` as plain callbacks; the
signals they emit are delivered as queued calls on the thread this object lives in (the UI
thread), so slots connected to them may touch widgets. Nothing here blocks the caller.

Connect bound methods of QObjects (`view.show_scan`), never lambdas: PySide runs a lambda on the
emitting thread, which would be the device thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


def safe_emit(signal, *args) -> None:
    """`signal.emit(*args)`. (PySide6 6.12.0 leaked a reference to True on every emit on
    Python 3.11 and aborted the interpreter; pyproject.toml excludes that release.)"""
    signal.emit(*args)


class DeviceBridge(QObject):
    scan = Signal(object)  # app.scanning.interpret.Scan
    weight = Signal(object)  # app.scanning.weights.Weight
    status = Signal(str, str)  # (device name, message starting with a state word)

    # Called on a device's reader thread (any thread is fine).
    def on_scan(self, scan: object) -> None:
        safe_emit(self.scan, scan)

    def on_weight(self, weight: object) -> None:
        safe_emit(self.weight, weight)

    def on_status(self, device: str, message: str) -> None:
        safe_emit(self.status, device, message)
