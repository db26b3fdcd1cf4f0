"""What a packing station prints, in one call each: the glue between the packing use case and
the spooler. The integrator can declare a `LabelPrinter` Protocol in app/services/ports/ with
these two methods; this class implements it.

    printer = StationPrinter(label_spooler, label_format="zpl", size="4x6", dpi=203,
                             slip_spooler=office_spooler)
    printer.print_shipping_label(label, job_id="SO-1001-1", user="ann")
    printer.print_packing_slip("SO-1001", items, user="ann", job_id="SO-1001-slip")

Rendering runs on the calling thread (a worker, never the UI thread); sending runs on each
printer's spooler thread.
"""

from __future__ import annotations

from app.domain.shipment_label import ShipmentLabel
from app.errors import BadInput
from printing.labels import render_label_pdf, render_label_zpl
from printing.slip import SlipItem, render_packing_slip
from printing.spool_store import JobRecord
from printing.spooler import Spooler


class StationPrinter:
    def __init__(
        self,
        label_spooler: Spooler,
        label_format: str = "pdf",
        size: str = "4x6",
        dpi: int = 203,
        slip_spooler: Spooler | None = None,
        paper: str = "A4",
    ) -> None:
        if label_format not in ("pdf", "zpl"):
            raise BadInput(f"label format {label_format!r}: choose pdf or zpl")
        self.label_spooler = label_spooler
        self.label_format, self.size, self.dpi = label_format, size, dpi
        self.slip_spooler = slip_spooler or label_spooler
        self.paper = paper

    def print_shipping_label(self, label: ShipmentLabel, job_id: str, user: str) -> JobRecord:
        """Queue the label; for a ZPL printer keep a PDF copy for `Spooler.divert`."""
        title = f"Label {label.order_ref} {label.package.index}/{label.package.count}"
        pdf = render_label_pdf(label, self.size, self.dpi)
        if self.label_format == "pdf":
            return self.label_spooler.submit(pdf, job_id, title, user, kind="label")
        zpl = render_label_zpl(label, self.size, self.dpi)
        return self.label_spooler.submit(zpl, job_id, title, user, kind="label", alternate=pdf)

    def print_packing_slip(
        self, order_ref: str, items: list[SlipItem], user: str, job_id: str, **details
    ) -> JobRecord:
        """`details`: ship_to, packed_at, package (see `render_packing_slip`)."""
        slip = render_packing_slip(order_ref, items, user, paper=self.paper, **details)
        return self.slip_spooler.submit(slip, job_id, f"Packing slip {order_ref}", user, "slip")
