"""A label printer's transport that only notes when the label bytes reached it: where the
packing benches stop the clock (shared by bench/packing.py and bench/carrier_labels.py)."""

from __future__ import annotations

import threading
import time


class TimedTransport:
    name = "timed"

    def __init__(self) -> None:
        self.sent = threading.Event()
        self.at = 0.0

    def send(self, job: bytes) -> None:
        self.at = time.perf_counter()
        self.sent.set()
