"""The serial scanner reader on real ports: framing, noise, unplug / replug, sockets."""

import os
import shutil
import socket
import subprocess
import threading
import time

import pytest
import serial

from devices import ports
from devices.ports import open_port
from devices.scanner import SerialScanner
from devices.simulators import VirtualSerialPort


@pytest.fixture
def started():
    links = []

    def start(link):
        links.append(link)
        link.start()
        return link

    yield start
    for link in links:
        link.stop()


def test_split_reads_noise_and_line_ends_on_a_pty(recorder, started):
    port = VirtualSerialPort()
    scanner = started(SerialScanner(port.path, recorder.on_item, on_status=recorder.on_status))
    assert scanner.connected.wait(3)
    for chunk in [
        b"\r\n\x00]C1010950",
        b"1101020917\x1d10A",
        b"BC\r",
        b"\n\n\x07\r4006381",
        b"333931\n",
    ]:
        port.write(chunk)
        time.sleep(0.02)  # separate reads on the other side
    first, second = recorder.take(2)
    assert (first.gtin, first.lot, first.symbology) == ("09501101020917", "ABC", "GS1_128")
    assert (second.gtin, second.symbology) == ("04006381333931", None)
    assert recorder.nothing_more()
    port.close()


def test_loop_url_frames_scans(recorder, started):
    scanner = started(SerialScanner("loop://", recorder.on_item))
    assert scanner.connected.wait(3)
    scanner.write(b"T:0001\r\nB:10")
    scanner.write(b"01\rC:CONFIRM\n")
    assert [(s.kind, s.code) for s in recorder.take(3)] == [
        ("tote", "0001"),
        ("badge", "1001"),
        ("command", "CONFIRM"),
    ]


def test_port_is_opened_exclusively():
    port = VirtualSerialPort()
    first = open_port(port.path)
    try:
        with pytest.raises(serial.SerialException, match="exclusively"):
            open_port(port.path)
    finally:
        first.close()
        port.close()


def test_unplug_and_replug_by_stable_name(recorder, started, stable_name):
    port = VirtualSerialPort()
    path = stable_name(port.path)
    scanner = started(SerialScanner(path, recorder.on_item, on_status=recorder.on_status))
    recorder.wait_status("connected")
    port.write(b"L:A01-001-L-1\r")
    assert recorder.take(1)[0].code == "A01-001-L-1"
    port.write(b"L:HALF-A-SC")  # unplugged in the middle of a scan
    time.sleep(0.05)
    port.close()
    stable_name(None)
    recorder.wait_status("disconnected")
    time.sleep(2.5)  # long enough for the back-off to reach its one-second cap
    replugged = VirtualSerialPort()
    back_at = time.monotonic()
    stable_name(replugged.path)
    reconnected_at, _ = recorder.wait_status("reconnected")
    assert reconnected_at - back_at < 1.0  # resumes within a second of the port coming back
    assert scanner.connected.wait(1)
    for n in range(5):
        replugged.write(f"T:{n:04d}\r".encode())
    assert [s.code for s in recorder.take(5)] == ["0000", "0001", "0002", "0003", "0004"]
    assert recorder.nothing_more()  # the half scan never turns up, nothing is doubled
    replugged.close()


def test_duplicates_within_the_window_count_once(recorder, started):
    port = VirtualSerialPort()
    scanner = started(SerialScanner(port.path, recorder.on_item, duplicate_window_s=0.3))
    assert scanner.connected.wait(3)
    port.write(b"4006381333931\r4006381333931\r")
    time.sleep(0.6)
    port.write(b"4006381333931\r")
    assert len(recorder.take(2)) == 2
    assert recorder.nothing_more()
    port.close()


def _scanner_server(scans_on_connect, connections=1):
    """A TCP 'scanner' (like a serial device server) that sends scans as soon as a client
    connects, then closes the connection."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve():
        for payload in scans_on_connect[:connections]:
            client, _ = server.accept()
            client.sendall(payload)
            time.sleep(0.3)
            client.close()
        server.close()

    threading.Thread(target=serve, daemon=True).start()
    return server.getsockname()[1]


def test_socket_url_keeps_the_first_scan_and_reconnects(recorder, started):
    port = _scanner_server([b"4006381333931\r", b"96385074\r"], connections=2)
    started(
        SerialScanner(f"socket://127.0.0.1:{port}", recorder.on_item, on_status=recorder.on_status)
    )
    assert recorder.take(1)[0].gtin == "04006381333931"  # sent the instant we connected
    recorder.wait_status("disconnected")
    recorder.wait_status("reconnected")
    assert recorder.take(1)[0].gtin == "00000096385074"


def test_unknown_usb_id_waits_and_says_so(recorder, started):
    started(SerialScanner("ffff:fffe", recorder.on_item, on_status=recorder.on_status))
    _, message = recorder.wait_status("waiting")
    assert "ffff:fffe" in message


def _socat(tmp_path):
    device, feeder = tmp_path / "scanner", tmp_path / "feeder"
    process = subprocess.Popen(
        ["socat", f"pty,link={device},raw,echo=0", f"pty,link={feeder},raw,echo=0"],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 5
    while not (device.exists() and feeder.exists()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return process, str(device), str(feeder)


@pytest.mark.skipif(
    shutil.which("socat") is None, reason="socat not installed (.ci/apt-packages.txt)"
)
def test_socat_link_unplug_replug(recorder, started, tmp_path):
    process, device, feeder = _socat(tmp_path)
    started(SerialScanner(device, recorder.on_item, on_status=recorder.on_status))
    recorder.wait_status("connected")
    with open(feeder, "wb", buffering=0) as out:
        out.write(b"C:NEXT\r\n")
    assert recorder.take(1)[0].code == "NEXT"
    process.terminate()
    process.wait()
    recorder.wait_status("disconnected")
    process, device, feeder = _socat(tmp_path)
    recorder.wait_status("reconnected")
    with open(feeder, "wb", buffering=0) as out:
        out.write(b"C:UNDO\r\n")
    assert recorder.take(1)[0].code == "UNDO"
    process.terminate()
    process.wait()


def test_a_scan_waiting_before_the_port_is_opened_is_kept(recorder, started):
    """pyserial flushes the input on open; a scan sent while we were (re)connecting survives.
    A plain os.openpty(), as another program would make it: not even in raw mode yet."""
    master, slave = os.openpty()
    try:
        os.write(master, b"]E04006381333931\r")
        time.sleep(0.05)
        started(SerialScanner(os.ttyname(slave), recorder.on_item))
        assert recorder.take(1)[0].gtin == "04006381333931"
    finally:
        os.close(master)
        os.close(slave)


def test_usb_id_finds_the_port_it_is_plugged_into(recorder, started, monkeypatch):
    """VID:PID is looked up among the system's ports (faked here: a pty has no USB ids)."""
    port = VirtualSerialPort()

    class FakeUsbPort:
        device, vid, pid = port.path, 0x05E0, 0x1200

    monkeypatch.setattr(ports.list_ports, "comports", lambda: [FakeUsbPort()])
    assert ports.resolve_port("05e0:1200") == port.path
    started(SerialScanner("05E0:1200", recorder.on_item, on_status=recorder.on_status))
    recorder.wait_status("connected")
    port.write(b"B:1001\r")
    assert recorder.take(1)[0].code == "1001"
    port.close()


def test_a_failing_consumer_does_not_stop_the_reader(recorder, started):
    def on_scan(scan):
        if scan.code == "BAD":
            raise RuntimeError("the screen fell over")
        recorder.on_item(scan)

    port = VirtualSerialPort()
    scanner = started(SerialScanner(port.path, on_scan, on_status=recorder.on_status))
    assert scanner.connected.wait(3)
    port.write(b"T:BAD\r")
    _, message = recorder.wait_status("error")
    assert "the screen fell over" in message
    port.write(b"T:GOOD\r")
    assert recorder.take(1)[0].code == "GOOD"
    port.close()
