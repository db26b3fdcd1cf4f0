"""A ZPL label printer on loopback TCP that is switched off when the carton closes: packing goes
on, and the label comes out once when the printer is back."""

from __future__ import annotations

from printing.transports import RawTcpTransport
from tests.integration.printing.fake_zpl_printer import FakeZplPrinter
from tests.ui.packer.conftest import Station


def test_the_label_prints_once_on_the_network_printer_when_it_is_switched_back_on(
    qtbot, central, tmp_path
):
    printer = FakeZplPrinter()  # not powered on: connections are refused
    transport = RawTcpTransport("127.0.0.1", printer.port, timeout=2, close_wait=0.2)
    station = Station(qtbot, central, tmp_path, transport, "zpl")
    try:
        order = station.order()
        station.scan(f"T:{order.tote}")
        station.pack_all(order)
        station.type_weight(station.expected_kg())
        assert "Packed" in station.close()
        job = station.home.last_jobs[0]
        qtbot.waitUntil(lambda: station.label_spooler.state(job) == "retrying", timeout=15000)
        qtbot.waitUntil(lambda: station.home.printer_line.isVisible(), timeout=15000)
        assert printer.printed == []
        printer.power_on()
        qtbot.waitUntil(lambda: station.label_spooler.state(job) == "printed", timeout=20000)
        station.label_spooler.wait_until_idle(15)
        (label,) = printer.printed
        sscc = station.home.state.closed[-1].numbers.sscc
        assert label.startswith(b"^XA") and sscc.encode() in label
        qtbot.waitUntil(lambda: not station.home.printer_line.isVisible(), timeout=15000)
        assert station.event_kinds(order).count("label.printed") == 1
    finally:
        station.stop()
        printer.power_off()
