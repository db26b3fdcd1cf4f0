"""The diagnostics screen fed by real reader threads through the bridge."""

import sys
import threading

from PySide6.QtCore import QObject, Slot

from app.scanning.interpret import interpret
from app.scanning.weights import parse_weight
from devices.scale import SerialScale
from devices.scanner import SerialScanner
from devices.simulators import ScaleSimulator, VirtualSerialPort
from ui.bridge import DeviceBridge
from ui.diagnostics import DiagnosticsView
from ui.marks import is_ok_html
from ui.wedge import WedgeScanFilter


def test_scans_from_a_serial_scanner_show_raw_and_interpreted(qtbot):
    bridge = DeviceBridge()
    view = DiagnosticsView(bridge)
    qtbot.addWidget(view)
    port = VirtualSerialPort()
    scanner = SerialScanner(port.path, bridge.on_scan, on_status=bridge.on_status)
    scanner.start()
    try:
        qtbot.waitUntil(lambda: view.state_of("scanner") == "connected", timeout=3000)
        port.write(b"]C10109501101020917\x1d10ABC\r")
        qtbot.waitUntil(lambda: "09501101020917" in view.last_meaning.text(), timeout=3000)
        assert view.last_raw.text() == "]C10109501101020917<GS>10ABC"
        assert "lot ABC" in view.last_meaning.text() and is_ok_html(view.last_meaning.text())
        port.write(b"4006381333932\r")
        qtbot.waitUntil(lambda: "check digit" in view.last_error.text(), timeout=3000)
        assert view.last_meaning.text().startswith("✖ invalid")
        assert view.history.count() == 2
        port.close()
        qtbot.waitUntil(lambda: view.state_of("scanner") == "disconnected", timeout=3000)
        assert "went away" in view.last_error.text()
    finally:
        scanner.stop()


def test_weight_from_a_simulated_scale(qtbot):
    bridge = DeviceBridge()
    view = DiagnosticsView(bridge)
    qtbot.addWidget(view)
    simulator = ScaleSimulator("sics")
    simulator.set_weight(2.5, stable=False)
    scale = SerialScale(
        simulator.path, bridge.on_weight, on_status=bridge.on_status, poll_interval_s=0.05
    )
    scale.start()
    try:
        qtbot.waitUntil(lambda: "2.500 kg" in view.weight.text(), timeout=3000)
        assert "settling" in view.weight.text()
        assert view.state_of("scale") == "connected"
    finally:
        scale.stop()
        simulator.close()


class ThreadRecorder(QObject):
    """A slot that notes which thread it ran on."""

    def __init__(self):
        super().__init__()
        self.threads = []

    @Slot(object)
    def record(self, _item):
        self.threads.append(threading.current_thread())


def test_bridge_delivers_device_callbacks_on_the_ui_thread(qtbot):
    bridge = DeviceBridge()
    recorder = ThreadRecorder()
    bridge.scan.connect(recorder.record)
    bridge.weight.connect(recorder.record)
    worker = threading.Thread(
        target=lambda: (
            bridge.on_scan(interpret("C:CONFIRM")),
            bridge.on_weight(parse_weight("S S 1 kg")),
        )
    )
    worker.start()
    worker.join()
    assert recorder.threads == []  # queued, not run on the device thread
    qtbot.waitUntil(lambda: len(recorder.threads) == 2, timeout=1000)
    assert recorder.threads == [threading.main_thread()] * 2


def test_keyboard_scans_appear_too(qtbot):
    bridge = DeviceBridge()
    wedge = WedgeScanFilter()
    view = DiagnosticsView(bridge, wedge=wedge)
    qtbot.addWidget(view)
    assert view.state_of("keyboard") == "connected"
    wedge.scanned.emit("T:0001")
    assert "tote" in view.last_meaning.text() and "keyboard" in view.history.item(0).text()


def test_many_emits_leave_true_alone():
    """PySide6 6.12.0 on Python 3.11 loses a reference to True per emit; a station scanning all
    day would abort. The bridge gives it back (ui.bridge.safe_emit)."""
    bridge = DeviceBridge()
    before = sys.getrefcount(True)
    for _ in range(10_000):
        bridge.on_status("scanner", "connected")
    assert abs(sys.getrefcount(True) - before) < 100
