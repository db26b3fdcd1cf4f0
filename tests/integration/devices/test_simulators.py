"""The demo simulators as a person runs them: `python -m devices.simulators ...`."""

import subprocess
import sys

from devices.scale import SerialScale
from devices.scanner import SerialScanner


def start(*args):
    process = subprocess.Popen(
        [sys.executable, "-m", "devices.simulators", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    banner = process.stdout.readline()
    return process, banner.split(" on ", 1)[1].split(";", 1)[0]


def test_scanner_simulator_sends_typed_lines_as_scans(recorder):
    process, path = start("scanner")
    scanner = SerialScanner(path, recorder.on_item)
    scanner.start()
    try:
        assert scanner.connected.wait(3)
        process.stdin.write("]E04006381333931\n")
        process.stdin.flush()
        assert recorder.take(1)[0].gtin == "04006381333931"
    finally:
        scanner.stop()
        process.stdin.close()
        process.wait(5)


def test_scale_simulator_takes_weights_from_stdin(recorder):
    process, path = start("scale")
    scale = SerialScale(path, recorder.on_item, poll_interval_s=0.05)
    scale.start()
    try:
        process.stdin.write("1.5d\n")
        process.stdin.flush()
        for _ in range(100):
            weight = recorder.take(1)[0]
            if weight.kg == 1.5:
                break
        assert (weight.kg, weight.stable) == (1.5, False)
    finally:
        scale.stop()
        process.stdin.close()
        process.wait(5)
