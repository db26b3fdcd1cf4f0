"""A transport that keeps what it was sent: tests assert on exactly the bytes a printer would get."""

from __future__ import annotations

import threading

from printing.transports.base import PrinterError


class DummyTransport:
    def __init__(self, name: str = "dummy", fail_times: int = 0, reason: str = "offline") -> None:
        self.name = name
        self.jobs: list[bytes] = []
        self.fail_times = fail_times  # the next N sends fail (retryable), as if switched off
        self.reason = reason
        self._lock = threading.Lock()

    def send(self, job: bytes) -> None:
        with self._lock:
            if self.fail_times > 0:
                self.fail_times -= 1
                raise PrinterError(f"{self.name}: {self.reason}")
            self.jobs.append(bytes(job))
