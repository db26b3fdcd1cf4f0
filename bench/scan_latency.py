"""Scan latency: last byte written to a pty → parsed scan delivered on the Qt thread.

Ours: devices.scanner.SerialScanner (reads whatever is waiting, frames on CR/LF) → ui.bridge
queued signal. Baseline: a naive reader doing `readline()` with a 50 ms timeout, the usual first
attempt, which waits for LF while scanners end with CR. Both run with another Python thread busy
(a CPU-bound loop holding the GIL as much as it can), as a station's database worker might.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/scan_latency.py [--scans 10000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import serial  # noqa: E402
from PySide6.QtCore import QCoreApplication, QObject, Slot  # noqa: E402

from app.scanning.interpret import interpret  # noqa: E402
from devices import link  # noqa: E402
from devices.scanner import SerialScanner  # noqa: E402
from devices.simulators import VirtualSerialPort  # noqa: E402
from ui.bridge import DeviceBridge  # noqa: E402


class Receiver(QObject):
    """The UI-thread end: notes when each scan arrives."""

    def __init__(self, count: int):
        super().__init__()
        self.delivered = [0.0] * count
        self.arrived = threading.Event()

    @Slot(object)
    def on_scan(self, scan) -> None:
        self.delivered[int(scan.code)] = time.monotonic()
        self.arrived.set()


def busy(stop: threading.Event) -> None:
    """Another thread doing CPU work in Python: it competes for the GIL all the time."""
    while not stop.is_set():
        sum(i * i for i in range(2000))


class NaiveReader(threading.Thread):
    """Baseline: `readline()` with a timeout, then interpret and hand over through the bridge."""

    def __init__(self, path: str, bridge: DeviceBridge):
        super().__init__(daemon=True)
        self.port = serial.Serial(path, timeout=0.05)
        self.bridge = bridge
        self.stopping = False

    def run(self) -> None:
        while not self.stopping:
            line = self.port.readline().strip()
            if line:
                self.bridge.on_scan(interpret(line.decode()))

    def stop(self) -> None:
        self.stopping = True
        self.join(1)
        self.port.close()


def measure(
    app: QCoreApplication, reader_kind: str, count: int, switch_interval_s: float
) -> list[float]:
    link.PROMPT_SWITCH_INTERVAL_S = switch_interval_s  # what SerialLink.start() applies
    sys.setswitchinterval(switch_interval_s)
    port = VirtualSerialPort()
    bridge = DeviceBridge()
    receiver = Receiver(count)
    bridge.scan.connect(receiver.on_scan)
    if reader_kind == "ours":
        reader = SerialScanner(port.path, bridge.on_scan, duplicate_window_s=0)
        reader.start()
        reader.connected.wait(3)
    else:
        reader = NaiveReader(port.path, bridge)
        reader.start()
    written = [0.0] * count
    stop_busy = threading.Event()
    threading.Thread(target=busy, args=(stop_busy,), daemon=True).start()

    def write_scans() -> None:
        for index in range(count):
            receiver.arrived.clear()
            written[index] = time.monotonic()  # the write is one syscall: the clock starts here
            port.write(f"T:{index}\r".encode())
            receiver.arrived.wait(2)
            time.sleep(0.0005)  # a scanner never sends back to back: let the reader go idle
        app.quit()  # thread-safe in Qt 6

    writer = threading.Thread(target=write_scans, daemon=True)
    writer.start()
    app.exec()
    writer.join()
    stop_busy.set()
    reader.stop()
    port.close()
    lost = sum(1 for t in receiver.delivered if t == 0.0)
    if lost:
        raise SystemExit(f"{reader_kind}: {lost} scans never arrived")
    return [(d - w) * 1000 for d, w in zip(receiver.delivered, written, strict=True)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=10_000)
    parser.add_argument("--baseline-scans", type=int, default=300, help="the baseline is slow")
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication([])
    prompt, default = link.PROMPT_SWITCH_INTERVAL_S, sys.getswitchinterval()
    rows = [
        ("ours: SerialScanner + bridge", measure(app, "ours", args.scans, prompt)),
        ("ours, Python's 5 ms GIL switch", measure(app, "ours", args.scans // 5, default)),
        ("baseline: readline(timeout=50 ms)", measure(app, "naive", args.baseline_scans, default)),
    ]
    print(
        f"{'reader (another thread busy)':36} {'scans':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    )
    for name, values in rows:
        print(
            f"{name:36} {len(values):6d} {statistics.median(values):8.2f} "
            f"{percentile(values, 95):8.2f} {percentile(values, 99):8.2f} {max(values):8.2f}"
        )
    print(f"RESULT scan_latency_p99_ms {percentile(rows[0][1], 99):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
