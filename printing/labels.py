"""Shipping labels as PDF or ZPL: the API the packing station and the `label` command call.

    render_label_pdf(label, size="4x6", dpi=203) -> bytes
    render_label_zpl(label, size="4x6", dpi=203) -> bytes

Both draw the same `LabelPlan` (printing/label_layout.py). Pure functions of their input: safe to
call from any worker thread, never from the UI thread (a PDF takes a few milliseconds).
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from app.domain.shipment_label import ShipmentLabel
from printing.captions import caption
from printing.fonts import label_font, text_width
from printing.label_layout import Bars, Box, LabelPlan, Text, plan_label
from printing.zpl import plan_to_zpl

ASCENT = 0.80  # baseline position below the top of a line, as a fraction of the font size


def render_label_pdf(label: ShipmentLabel, size: str = "4x6", dpi: int = 203) -> bytes:
    """A one-page PDF of the label, laid out on the dot grid of a `dpi` printer."""
    title = caption(label.language, "label_title", order=label.order_ref)
    return plan_to_pdf(plan_label(label, size, dpi), title=title)


def render_label_zpl(label: ShipmentLabel, size: str = "4x6", dpi: int = 203) -> bytes:
    """ZPL II for a `dpi` thermal printer, UTF-8 (^CI28)."""
    return plan_to_zpl(plan_label(label, size, dpi))


def plan_to_pdf(plan: LabelPlan, title: str = "Label") -> bytes:
    scale = 72.0 / plan.dpi  # points per printer dot
    # The page is the label stock exactly (4x6 in = 288x432 pt); the dot grid starts top left.
    page_w, page_h = (mm * 72.0 / 25.4 for mm in plan.size_mm)
    out = io.BytesIO()
    font = label_font()  # also the canvas's initial font, so no unembedded Helvetica appears
    pdf = Canvas(out, pagesize=(page_w, page_h), pageCompression=1, initialFontName=font)
    pdf.setTitle(title)
    pdf.setCreator("Shipshape")
    for item in plan.items:
        if isinstance(item, Text):
            pt = item.size * scale
            baseline = page_h - (item.y + item.size * ASCENT) * scale
            x = item.x * scale
            if item.centred:
                x += (item.width * scale - text_width(item.text, pt)) / 2
            pdf.setFont(font, pt)
            pdf.drawString(x, baseline, item.text)
        elif isinstance(item, Box):
            pdf.rect(
                item.x * scale,
                page_h - (item.y + item.h) * scale,
                item.w * scale,
                item.h * scale,
                stroke=0,
                fill=1,
            )
        elif isinstance(item, Bars):
            _draw_bars(pdf, item, scale, page_h)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _draw_bars(pdf: Canvas, bars: Bars, scale: float, page_h: float) -> None:
    bottom = page_h - (bars.y + bars.height) * scale
    for start, run in bars.symbol.bar_runs():
        x = (bars.x + start * bars.module) * scale
        pdf.rect(x, bottom, run * bars.module * scale, bars.height * scale, stroke=0, fill=1)
