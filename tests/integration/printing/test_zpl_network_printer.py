"""The spooler against a ZPL printer on loopback TCP 9100 that is off, drops a job mid-way and
runs out of paper: every label comes out once, in order, none lost and none doubled."""

import time

import pytest

from app.domain.shipment_label import parse_shipment
from printing.labels import render_label_zpl
from printing.samples import shipment
from printing.spooler import Spooler
from printing.transports import PrinterError, RawTcpTransport
from tests.integration.printing.fake_zpl_printer import FakeZplPrinter


@pytest.fixture
def printer():
    fake = FakeZplPrinter()
    yield fake
    fake.power_off()


def labels(count):
    return [
        render_label_zpl(parse_shipment(shipment(order_ref=f"SO-{n}", tracking_number=f"T{n:08d}")))
        for n in range(count)
    ]


def wait_for(events, predicate, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(predicate(e) for e in list(events)):
            return
        time.sleep(0.02)
    raise AssertionError(f"no such event in {[(e.job_id, e.state, e.message) for e in events]}")


def test_off_then_paper_out_then_dropped_jobs_all_print_exactly_once(printer, tmp_path):
    events = []
    transport = RawTcpTransport("127.0.0.1", printer.port, timeout=2, close_wait=2)
    spooler = Spooler(transport, tmp_path / "spool", on_event=events.append, backoff=(0.05, 0.1))
    spooler.start()
    jobs = labels(6)
    for n, job in enumerate(jobs):
        spooler.submit(job, f"SO-{n}-1", f"Label SO-{n}", user="ann", alternate=b"%PDF")

    wait_for(events, lambda e: e.state == "retrying" and "no status" in e.message)  # refused
    printer.paper_out = True
    printer.power_on()
    wait_for(events, lambda e: e.state == "retrying" and "paper out" in e.message)
    assert printer.printed == []
    printer.drop_next = 2  # the next two jobs are cut off half-way
    printer.paper_out = False

    assert spooler.wait_until_idle(30)
    spooler.stop()
    assert printer.printed == [job.rstrip() for job in jobs]  # each once, in order
    assert [e for e in events if e.state == "retrying" and "not delivered" in e.message]
    assert all(spooler.state(f"SO-{n}-1") == "printed" for n in range(6))


def test_host_status_reports_head_open(printer):
    printer.power_on()
    printer.head_open = True
    transport = RawTcpTransport("127.0.0.1", printer.port, timeout=2)
    assert transport.status().problems == ("head open",)
    with pytest.raises(PrinterError, match="head open"):
        transport.send(b"^XA^XZ")
    printer.head_open = False
    transport.send(b"^XA^FDok^FS^XZ")
    assert printer.printed == [b"^XA^FDok^FS^XZ"]


def test_a_switched_off_printer_is_a_retryable_error(printer):
    transport = RawTcpTransport("127.0.0.1", printer.port, timeout=1, check_status=False)
    with pytest.raises(PrinterError, match="not delivered") as caught:
        transport.send(b"^XA^XZ")
    assert caught.value.retryable
