"""The packing slip (A4 or Letter): order, items with quantities, who packed it, a barcode of
the order reference. `render_packing_slip(...) -> bytes`, any worker thread."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain.shipment_label import DEFAULT_LANGUAGE, Address
from app.errors import BadInput
from printing.barcodes import code128
from printing.captions import caption
from printing.fonts import label_font
from printing.pdf_parts import BarcodeFlowable

PAPERS = {"A4": A4, "Letter": LETTER}


@dataclass(frozen=True)
class SlipItem:
    sku: str
    description: str
    quantity: int


def render_packing_slip(
    order_ref: str,
    items: list[SlipItem],
    packed_by: str,
    ship_to: Address | None = None,
    paper: str = "A4",
    packed_at: str = "",
    package: str = "",
    language: str = DEFAULT_LANGUAGE,
) -> bytes:
    """`language`: of the printed captions (the site's setting); names and addresses print
    as given."""
    words = functools.partial(caption, language)
    if paper not in PAPERS:
        raise BadInput(f"paper {paper!r}: choose one of {', '.join(PAPERS)}")
    font = label_font()
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=13, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=22)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=PAPERS[paper],
        title=words("slip_title", order=order_ref),
        creator="Shipshape",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        initialFontName=font,
    )
    story = [
        Paragraph(escape(words("slip_heading", order=order_ref)), title),
        Spacer(0, 4 * mm),
        BarcodeFlowable(code128(order_ref, "order_ref")),
        Spacer(0, 4 * mm),
    ]
    if ship_to:
        story.append(Paragraph("<br/>".join(escape(line) for line in ship_to.lines()), body))
        story.append(Spacer(0, 4 * mm))
    table = _items_table(items, body, font, words)
    story += [table, Spacer(0, 6 * mm)]
    packed = words("packed_by", user=packed_by) + (
        words("packed_at", time=packed_at) if packed_at else ""
    )
    packed += words("slip_package", package=package) if package else ""
    story.append(Paragraph(escape(packed), body))
    # The canvas starts in our font too, so no unembedded Helvetica is left in the file.
    doc.build(story, canvasmaker=functools.partial(Canvas, initialFontName=font))
    return out.getvalue()


def _items_table(items: list[SlipItem], body: ParagraphStyle, font: str, words) -> Table:
    def cell(text: str) -> Paragraph:
        return Paragraph(escape(text), body)

    rows = [[cell(words("sku")), cell(words("item")), cell(words("quantity"))]]
    rows += [[cell(i.sku), cell(i.description), cell(str(i.quantity))] for i in items]
    rows.append(["", cell(words("total")), cell(str(sum(i.quantity for i in items)))])
    table = Table(rows, colWidths=[40 * mm, None, 20 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), font),  # the empty cell too: no Helvetica
            ]
        )
    )
    return table
