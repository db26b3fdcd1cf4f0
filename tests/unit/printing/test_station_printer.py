import pytest

from app.domain.shipment_label import parse_shipment
from app.errors import BadInput
from printing.samples import CHINESE
from printing.slip import SlipItem
from printing.spooler import Spooler
from printing.station import StationPrinter
from printing.transports import DummyTransport


def spooler(tmp_path, name, transport):
    s = Spooler(transport, tmp_path / name, backoff=(0.01,))
    s.start()
    return s


def test_zpl_label_with_a_pdf_copy_and_a_slip_on_the_office_printer(tmp_path):
    zebra, office = DummyTransport(fail_times=10**6), DummyTransport()
    labels, slips = spooler(tmp_path, "zebra", zebra), spooler(tmp_path, "office", office)
    printer = StationPrinter(labels, "zpl", slip_spooler=slips)
    job = printer.print_shipping_label(parse_shipment(CHINESE), "SO-1001-1", "ann")
    assert job.has_alternate and job.title == "Label SO-1001 1/2"
    printer.print_packing_slip("SO-1001", [SlipItem("SKU-1", "Mug", 2)], "ann", "SO-1001-slip")
    labels.divert("SO-1001-1", slips, "ann")  # the Zebra is down: its PDF copy goes to the office
    assert slips.wait_until_idle(10)
    labels.stop()
    slips.stop()
    assert [job[:4] for job in office.jobs] == [b"%PDF", b"%PDF"]
    assert zebra.jobs == []


def test_pdf_label_printer(tmp_path):
    laser = DummyTransport()
    labels = spooler(tmp_path, "laser", laser)
    StationPrinter(labels, "pdf", "100x150").print_shipping_label(
        parse_shipment(CHINESE), "J1", "ann"
    )
    assert labels.wait_until_idle(10)
    labels.stop()
    assert laser.jobs[0].startswith(b"%PDF")
    with pytest.raises(BadInput, match="pdf or zpl"):
        StationPrinter(labels, "png")
