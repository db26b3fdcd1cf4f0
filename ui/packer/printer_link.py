"""What the packing screen needs from the printers: the carton printer (called on the worker
thread) and the queued hand-over of spooler events to the UI thread."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal

from app.domain.packing import PackOrderView
from app.services.packing import ClosedCarton


class CartonPrinter(Protocol):
    """Prints a closed carton's shipping label and packing slip (on the worker thread; the
    spoolers send them on their own threads). Returns the print job ids, label first."""

    def print_carton(self, order: PackOrderView, carton: ClosedCarton, user: str) -> list[str]: ...
    def reprint(self, job_id: str, user: str) -> str: ...


def forget(listeners: list, listener) -> None:
    if listener in listeners:
        listeners.remove(listener)


class PrinterEvents(QObject):
    """Spooler thread → UI thread: `job` is emitted from the spooler's thread (any thread is
    fine) and delivered queued to the home's slot."""

    job = Signal(object)  # printing.spooler.JobEvent
