"""What the packing screen needs from the printers: the carton printer (called on the worker
thread). Spooler events reach the screen through the UI-thread bridge (ui/bridge.py)."""

from __future__ import annotations

from typing import Protocol

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
