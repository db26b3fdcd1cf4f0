"""Printing through a real CUPS spooler: `lp` into a private cupsd with a cups-pdf queue, then
check the PDF that comes out (it scans back, and its text is the label's)."""

import json
import uuid

import pytest

from app.cli import main
from app.domain.shipment_label import parse_shipment
from printing.labels import render_label_pdf
from printing.samples import CHINESE
from printing.spooler import Spooler
from printing.transports import LpTransport, PrinterError
from printing.transports.cups import list_printers
from tests.integration.printing.conftest import decode, pdf_fonts, pdf_text
from tests.integration.printing.private_cupsd import (
    PrivateCupsd,
    cups_pdf_output_folder,
    missing_parts,
    wait_for_output,
)

QUEUE = "shipshape-test-pdf"


@pytest.fixture(scope="module")
def cupsd():
    reason = missing_parts()
    if reason:
        pytest.skip(f"private cupsd: {reason}")
    server = PrivateCupsd()
    try:
        server.start()
        server.add_pdf_queue(QUEUE)
        yield server
    finally:
        server.stop()


def test_the_queue_is_listed(cupsd):
    queues = {q.name: q for q in list_printers(server=cupsd.server)}
    assert QUEUE in queues and queues[QUEUE].state in ("idle", "printing")


def test_a_label_printed_through_lp_comes_out_whole(cupsd, rasterise_pdf, tmp_path):
    title = f"shipshape-{uuid.uuid4().hex[:12]}"
    pdf = render_label_pdf(parse_shipment(CHINESE))
    spooler = Spooler(LpTransport(QUEUE, server=cupsd.server, title=title), tmp_path / "spool")
    spooler.start()
    spooler.submit(pdf, "SO-1001-1", "Label SO-1001 1/2", user="ann")
    assert spooler.wait_until_idle(60), cupsd.error_log()
    spooler.stop()
    assert spooler.state("SO-1001-1") == "printed"
    out = wait_for_output(cups_pdf_output_folder(), title)
    try:
        printed = out.read_bytes()
        assert decode(rasterise_pdf(printed, 203)) == {
            "SF1234567890123": "]C0",
            "(00)376130321109103420": "]C1",
        }
        # Ghostscript (inside cups-pdf) re-encodes the CJK glyphs without a text mapping, so only
        # the Latin text can be read back; the glyphs themselves are there and embedded.
        text = pdf_text(printed)
        assert "SO-1001" in text and "Shipshape DC East" in text
        assert all(row[-5] == "yes" for row in pdf_fonts(printed))
    finally:
        out.unlink()


def test_an_unknown_queue_is_a_permanent_error(cupsd):
    with pytest.raises(PrinterError) as caught:
        LpTransport("no-such-queue", server=cupsd.server).send(b"%PDF-1.4")
    assert not caught.value.retryable


def test_printers_command_lists_the_queue(cupsd, monkeypatch, capsys):
    monkeypatch.setenv("CUPS_SERVER", cupsd.server)  # lp and lpstat read it, as on a station
    assert main(["printers", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"name": QUEUE, "state": "idle", "default": False} in lines
