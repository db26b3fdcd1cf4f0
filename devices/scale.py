"""A serial scale: MT-SICS (polled with `SI`) or continuous output, weights in kg."""

from __future__ import annotations

import time
from collections.abc import Callable

from app.scanning.framing import LineFramer
from app.scanning.weights import ScaleError, Weight, parse_weight
from devices.link import SerialLink, StatusCallback

WeightCallback = Callable[[Weight], None]  # runs on the reader thread: hand it to ui/bridge.py
PROTOCOLS = ("sics", "continuous")


class SerialScale(SerialLink):
    def __init__(
        self,
        port_spec: str,
        on_weight: WeightCallback,
        *,
        name: str = "scale",
        protocol: str = "sics",
        baudrate: int = 9600,
        on_status: StatusCallback | None = None,
        poll_interval_s: float = 0.25,
    ):
        if protocol not in PROTOCOLS:
            raise ValueError(f"unknown scale protocol {protocol!r}: use one of {PROTOCOLS}")
        super().__init__(port_spec, name=name, baudrate=baudrate, on_status=on_status)
        self.protocol = protocol
        self.poll_interval_s = poll_interval_s
        self._on_weight = on_weight
        self._framer = LineFramer()
        self._next_poll = 0.0

    def handle_bytes(self, data: bytes) -> None:
        for line in self._framer.feed(data):
            try:
                weight = parse_weight(line)
            except ScaleError as exc:
                self.report(f"error: {exc}")
                continue
            if weight is not None:
                self._on_weight(weight)

    def on_idle(self) -> None:
        # MT-SICS answers only when asked: `SI` = the current weight, stable or not.
        if self.protocol == "sics" and time.monotonic() >= self._next_poll:
            self._next_poll = time.monotonic() + self.poll_interval_s
            self.write(b"SI\r\n")

    def on_connected(self) -> None:
        self._next_poll = 0.0

    def on_disconnected(self) -> None:
        self._framer.reset()
