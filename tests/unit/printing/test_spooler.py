"""The spooler with the in-memory transport: durability, retries, no double prints, reprint."""

import threading

import pytest

from app.errors import BadInput, IllegalTransition
from printing.spooler import Spooler
from printing.transports import DummyTransport, FileTransport, PrinterError
from printing.transports.tcp9100 import parse_host_status

FAST = (0.01, 0.02)


@pytest.fixture
def events():
    return []


def make(tmp_path, transport, events=None, name="p1"):
    spooler = Spooler(
        transport,
        tmp_path / name,
        on_event=(events.append if events is not None else None),
        backoff=FAST,
    )
    spooler.start()
    return spooler


def test_prints_once_in_order_and_keeps_history(tmp_path, events):
    printer = DummyTransport()
    spooler = make(tmp_path, printer, events)
    for n in range(5):
        spooler.submit(f"job {n}".encode(), f"J{n}", f"Label {n}", user="ann")
    spooler.submit(b"job 0 again", "J0", "Label 0", user="ann")  # same request: nothing new
    assert spooler.wait_until_idle(5)
    spooler.stop()
    assert printer.jobs == [f"job {n}".encode() for n in range(5)]
    printed = [h for h in spooler.history() if h["event"] == "printed"]
    assert [h["job_id"] for h in printed] == ["J0", "J1", "J2", "J3", "J4"]
    assert all(h["user"] == "ann" and h["at"] for h in printed)
    assert ("J3", "printed") in [(e.job_id, e.state) for e in events]


def test_retries_with_back_off_until_the_printer_is_back(tmp_path, events):
    printer = DummyTransport(fail_times=3, reason="paper out")
    spooler = make(tmp_path, printer, events)
    spooler.submit(b"zpl", "J1", "Label", "ann", alternate=b"%PDF")
    assert spooler.wait_until_idle(5)
    spooler.stop()
    assert printer.jobs == [b"zpl"]
    retrying = [e for e in events if e.state == "retrying"]
    assert len(retrying) == 3 and "paper out" in retrying[0].message
    assert all(e.fallback_available for e in retrying)


def test_queued_jobs_survive_a_restart(tmp_path):
    offline = DummyTransport(fail_times=10**6)
    first = make(tmp_path, offline)
    first.submit(b"A", "J1", "Label", "ann")
    first.submit(b"B", "J2", "Label", "ann")
    first.stop()
    printer = DummyTransport()
    second = make(tmp_path, printer)  # the app started again, same spool folder
    assert second.wait_until_idle(5)
    second.stop()
    assert printer.jobs == [b"A", b"B"]
    assert second.state("J1") == "printed"


def test_a_job_cut_off_mid_send_waits_for_a_person(tmp_path):
    gate, release = threading.Event(), threading.Event()

    class Hanging(DummyTransport):
        def send(self, job):
            gate.set()
            release.wait(5)
            raise PrinterError("power cut")

    first = make(tmp_path, Hanging())
    first.submit(b"A", "J1", "Label", "ann")
    assert gate.wait(5)
    # Simulate a crash while sending: the state on disk says "sending".
    again = Spooler(DummyTransport(), tmp_path / "p1", backoff=FAST)
    release.set()
    first.stop()
    assert again.state("J1") == "uncertain"
    printer = DummyTransport()
    again.transport = printer
    again.start()
    assert again.wait_until_idle(2)
    assert printer.jobs == []  # not sent again on its own
    again.confirm("J1", printed=False, user="lead")
    assert again.wait_until_idle(5)
    again.stop()
    assert printer.jobs == [b"A"]


def test_reprint_on_demand_is_a_new_job(tmp_path):
    printer = DummyTransport()
    spooler = make(tmp_path, printer)
    spooler.submit(b"A", "J1", "Label", "ann")
    assert spooler.wait_until_idle(5)
    again = spooler.reprint("J1", user="bob")
    assert again.job_id == "J1.r1" and again.reprint_of == "J1"
    assert spooler.wait_until_idle(5)
    spooler.stop()
    assert printer.jobs == [b"A", b"A"]
    assert spooler.history()[-1]["user"] == "bob"


def test_divert_sends_the_pdf_copy_elsewhere_and_never_prints_here(tmp_path):
    zebra = DummyTransport(fail_times=10**6, reason="head open")
    laser = DummyTransport()
    zpl_spooler = make(tmp_path, zebra, name="zebra")
    pdf_spooler = make(tmp_path, laser, name="laser")
    zpl_spooler.submit(b"^XA^XZ", "J1", "Label", "ann", alternate=b"%PDF-1.4")
    copy = zpl_spooler.divert("J1", pdf_spooler, user="ann")
    assert pdf_spooler.wait_until_idle(5)
    zebra.fail_times = 0
    zpl_spooler.submit(b"next", "J2", "Label", "ann")
    assert zpl_spooler.wait_until_idle(5)
    zpl_spooler.stop()
    pdf_spooler.stop()
    assert copy.job_id == "J1.pdf" and laser.jobs == [b"%PDF-1.4"]
    assert zebra.jobs == [b"next"] and zpl_spooler.state("J1") == "diverted"
    with pytest.raises(IllegalTransition):
        zpl_spooler.cancel("J1", "ann")


def test_bad_job_ids_and_unknown_jobs_are_refused(tmp_path):
    spooler = Spooler(DummyTransport(), tmp_path / "p")
    with pytest.raises(BadInput, match="print job id"):
        spooler.submit(b"x", "../etc/passwd", "t", "u")
    with pytest.raises(BadInput, match="unknown"):
        spooler.reprint("nope", "u")


def test_a_permanent_error_fails_the_job_and_the_next_one_goes(tmp_path, events):
    class Once(DummyTransport):
        def send(self, job):
            if job == b"bad":
                raise PrinterError("queue does not exist", retryable=False)
            super().send(job)

    printer = Once()
    spooler = make(tmp_path, printer, events)
    spooler.submit(b"bad", "J1", "t", "u")
    spooler.submit(b"good", "J2", "t", "u")
    assert spooler.wait_until_idle(5)
    spooler.stop()
    assert spooler.state("J1") == "failed" and printer.jobs == [b"good"]


def test_file_transport_writes_whole_files(tmp_path):
    transport = FileTransport(tmp_path / "out", suffix=".zpl")
    transport.send(b"^XA^XZ")
    transport.send(b"^XA^XZ")
    files = sorted((tmp_path / "out").iterdir())
    assert [f.read_bytes() for f in files] == [b"^XA^XZ", b"^XA^XZ"]
    assert all(f.suffix == ".zpl" for f in files)


def test_host_status_flags():
    ok = b"\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n"
    assert parse_host_status(ok).ready
    bad = ok.replace(b"030,0,0,", b"030,1,1,").replace(b"001,0,0,", b"001,0,1,")
    assert parse_host_status(bad).problems == ("paper out", "paused", "head open")


def test_transports_from_station_settings(tmp_path):
    from printing.transports import LpTransport, RawTcpTransport, transport_from_url

    assert isinstance(transport_from_url("lp:office"), LpTransport)
    zebra = transport_from_url("tcp://10.0.0.7")
    assert isinstance(zebra, RawTcpTransport) and (zebra.host, zebra.port) == ("10.0.0.7", 9100)
    assert transport_from_url("tcp://zebra:6101").port == 6101
    assert transport_from_url("tcp://zebra?status=no").check_status is False
    assert transport_from_url(f"file:{tmp_path}").folder == tmp_path
    with pytest.raises(BadInput, match="lp:QUEUE"):
        transport_from_url("usb:/dev/lp0")


def test_an_unexpected_error_does_not_stop_the_spooler(tmp_path, events):
    class Buggy(DummyTransport):
        calls = 0

        def send(self, job):
            self.calls += 1
            if self.calls == 1:
                raise RuntimeError("driver bug")
            super().send(job)

    printer = Buggy()
    spooler = make(tmp_path, printer, events)
    spooler.submit(b"A", "J1", "t", "u")
    assert spooler.wait_until_idle(5)
    spooler.stop()
    assert printer.jobs == [b"A"]
    assert any("driver bug" in e.message for e in events if e.state == "retrying")
