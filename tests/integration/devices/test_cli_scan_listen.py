"""`shipshape scan-listen` as a user runs it: a subprocess on a pty, JSON lines on stdout."""

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import zxingcpp
from PIL import Image

from app.scanning.codes import COMMANDS
from devices.simulators import VirtualSerialPort


class Listener:
    def __init__(self, *args):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "scan-listen", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.stdout, self.stderr = queue.Queue(), queue.Queue()
        for stream, sink in (
            (self.process.stdout, self.stdout),
            (self.process.stderr, self.stderr),
        ):
            threading.Thread(
                target=lambda s=stream, q=sink: [q.put(x) for x in s], daemon=True
            ).start()

    def scan(self, timeout=10):
        return json.loads(self.stdout.get(timeout=timeout))

    def wait_stderr(self, words, timeout=10):
        deadline = time.monotonic() + timeout
        while True:
            line = self.stderr.get(timeout=max(0.01, deadline - time.monotonic()))
            if words in line:
                return line

    def interrupt(self):
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(10)


def test_scan_listen_prints_json_lines_and_survives_unplug(stable_name):
    port = VirtualSerialPort()
    listener = Listener(stable_name(port.path), "--json")
    try:
        listener.wait_stderr("listening on")
        port.write(b"]C10109501101020917\x1d10AB")
        time.sleep(0.05)
        port.write(b"C\r\n\r\n]E04006381333931\r")
        first, second = listener.scan(), listener.scan()
        assert (first["kind"], first["gtin"], first["lot"]) == ("product", "09501101020917", "ABC")
        assert (second["symbology"], second["gtin"]) == ("EAN_13", "04006381333931")
        port.close()
        stable_name(None)
        assert "disconnected" in listener.wait_stderr("waiting for it to come back")
        replugged = VirtualSerialPort()
        stable_name(replugged.path)
        listener.wait_stderr("listening again")
        replugged.write(b"L:A01-001-L-1\n")
        assert listener.scan()["code"] == "A01-001-L-1"
        assert listener.stdout.empty()
        assert listener.interrupt() == 0
        replugged.close()
    finally:
        if listener.process.poll() is None:
            listener.process.kill()


def test_scan_listen_human_output_on_a_loop_url():
    # loop:// echoes what is written to it; nothing is written, so nothing is printed.
    listener = Listener("loop://", "--baud", "115200")
    try:
        listener.wait_stderr("listening on loop://")
        assert listener.interrupt() == 0
        assert listener.stdout.empty()
    finally:
        if listener.process.poll() is None:
            listener.process.kill()


def test_command_sheet_scans_back(tmp_path):
    pdf = tmp_path / "commands.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "command-sheet", "--out", str(pdf)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(p for p in os.listdir(tmp_path) if p.startswith("page"))
    found = {
        (barcode.text, barcode.format.name)
        for page in pages
        for barcode in zxingcpp.read_barcodes(Image.open(tmp_path / page))
    }
    assert found == {(f"C:{name}", "Code128") for name in COMMANDS}
