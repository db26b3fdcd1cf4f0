"""The labels the local carrier server hands out: a small 4x6 label as ZPL or PDF with the
tracking code as a Code 128, as a carrier's label would carry it. Test double only: a real
carrier draws its own; we only pass its bytes on to the printer."""

from __future__ import annotations

import io

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas


def _plain(text: str) -> str:
    """ZPL field data without its command characters (a test label needs no escaping)."""
    return "".join(c for c in text if c not in "^~" and c.isprintable())[:60]


def zpl_label(tracking: str, carrier: str, service: str, ship_to: dict) -> bytes:
    lines = [ship_to.get("name", ""), ship_to.get("street1", ""),
             f"{ship_to.get('zip', '')} {ship_to.get('city', '')}", ship_to.get("country", "")]  # fmt: skip
    fields = "".join(
        f"^FO60,{90 + 40 * n}^A0N,32,32^FD{_plain(line)}^FS" for n, line in enumerate(lines)
    )
    zpl = (
        "^XA^CI28^PW812^LL1218"
        f"^FO60,30^A0N,40,40^FD{_plain(carrier)} {_plain(service)}^FS{fields}"
        f"^FO60,420^BY3^BCN,220,Y,N,N^FD{_plain(tracking)}^FS^XZ"
    )
    return zpl.encode("utf-8")


def pdf_label(tracking: str, carrier: str, service: str, ship_to: dict) -> bytes:
    out = io.BytesIO()
    page = Canvas(out, pagesize=(4 * inch, 6 * inch))
    page.setFont("Helvetica-Bold", 14)
    page.drawString(0.3 * inch, 5.5 * inch, f"{carrier} {service}")
    page.setFont("Helvetica", 11)
    lines = [ship_to.get("name", ""), ship_to.get("street1", ""),
             f"{ship_to.get('zip', '')} {ship_to.get('city', '')}", ship_to.get("country", "")]  # fmt: skip
    for n, line in enumerate(lines):
        page.drawString(
            0.3 * inch, (5.1 - 0.22 * n) * inch, line.encode("latin-1", "replace").decode("latin-1")
        )
    barcode = Code128(tracking, barWidth=0.015 * inch, barHeight=1.0 * inch, quiet=True)
    barcode.drawOn(page, 0.2 * inch, 2.2 * inch)
    page.drawString(0.3 * inch, 1.95 * inch, tracking)
    page.showPage()
    page.save()
    return out.getvalue()
