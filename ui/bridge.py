"""Device threads → UI thread.

Reader threads (devices/) call `on_scan`, `on_weight` and `on_status` as plain callbacks; the
signals they emit are delivered as queued calls on the thread this object lives in (the UI
thread), so slots connected to them may touch widgets. Nothing here blocks the caller.

Connect bound methods of QObjects (`view.show_scan`), never lambdas: PySide runs a lambda on the
emitting thread, which would be the device thread.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def _emit_drops_a_reference_to_true() -> bool:
    """PySide6 6.12.0 on Python 3.11 returns `True` from `SignalInstance.emit` without owning a
    reference: every emit takes one reference from `True`, and after a few hundred emits the
    interpreter aborts ("bool_dealloc: deallocating True"). Measure it once, here."""
    if sys.version_info >= (3, 12):  # True is immortal there: nothing can go wrong
        return False
    probe, emits = _Probe(), 100
    before = sys.getrefcount(True)
    for _ in range(emits):
        probe.fired.emit()
    leaks = sys.getrefcount(True) - before <= -emits // 2
    for _ in range(emits if leaks else 0):  # give back what the probe itself took
        _incref_true()
    return leaks


def _incref_true() -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


_GIVE_BACK_TRUE = _emit_drops_a_reference_to_true()


def safe_emit(signal, *args) -> None:
    """`signal.emit(*args)`, giving back the reference a faulty PySide takes from True."""
    signal.emit(*args)
    if _GIVE_BACK_TRUE:
        _incref_true()


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
