"""A serial barcode scanner: bytes → framed lines → duplicate window → interpreted scans."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection

from app.scanning.dedupe import DEFAULT_WINDOW_S, DuplicateFilter
from app.scanning.framing import LineFramer
from app.scanning.interpret import Scan, interpret
from devices.link import SerialLink, StatusCallback

ScanCallback = Callable[[Scan], None]  # runs on the reader thread: hand it to ui/bridge.py


class SerialScanner(SerialLink):
    def __init__(
        self,
        port_spec: str,
        on_scan: ScanCallback,
        *,
        name: str = "scanner",
        baudrate: int = 9600,
        on_status: StatusCallback | None = None,
        prefix: bytes = b"",
        suffix: bytes = b"",
        gs1_separator: str | None = None,
        known_locations: Collection[str] | None = None,
        duplicate_window_s: float = DEFAULT_WINDOW_S,
    ):
        super().__init__(port_spec, name=name, baudrate=baudrate, on_status=on_status)
        self._on_scan = on_scan
        self._framer = LineFramer(prefix=prefix, suffix=suffix)
        self._duplicates = DuplicateFilter(duplicate_window_s)
        self.gs1_separator = gs1_separator
        self.known_locations = known_locations

    def handle_bytes(self, data: bytes) -> None:
        for line in self._framer.feed(data):
            if self._duplicates.accept(line, time.monotonic()):
                scan = interpret(
                    line, gs1_separator=self.gs1_separator, known_locations=self.known_locations
                )
                self._on_scan(scan)

    def on_disconnected(self) -> None:
        self._framer.reset()  # half a scan from before the unplug can never be completed
