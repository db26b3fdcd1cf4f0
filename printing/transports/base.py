"""What every transport shares: the Protocol, the error, the status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class PrinterError(Exception):
    """The job did not reach the printer. `retryable`: trying later may help."""

    def __init__(self, message: str, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclass(frozen=True)
class PrinterStatus:
    ready: bool
    problems: tuple[str, ...] = ()  # e.g. ("paper out", "head open", "paused")

    def describe(self) -> str:
        return "ready" if self.ready else ", ".join(self.problems)


class Transport(Protocol):
    name: str

    def send(self, job: bytes) -> None:
        """Deliver one whole job, or raise PrinterError."""
        ...
