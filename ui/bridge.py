"""Device threads → UI thread.

Reader threads (devices/) call `on_scan`, `on_weight` and `on_status` as plain callbacks; the
signals they emit are delivered as queued calls on the thread this object lives in (the UI
thread), so slots connected to them may touch widgets. Nothing here blocks the caller.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DeviceBridge(QObject):
    scan = Signal(object)  # app.scanning.interpret.Scan
    weight = Signal(object)  # app.scanning.weights.Weight
    status = Signal(str, str)  # (device name, message starting with a state word)

    # Called on a device's reader thread (any thread is fine).
    def on_scan(self, scan: object) -> None:
        self.scan.emit(scan)

    def on_weight(self, weight: object) -> None:
        self.weight.emit(weight)

    def on_status(self, device: str, message: str) -> None:
        self.status.emit(device, message)
