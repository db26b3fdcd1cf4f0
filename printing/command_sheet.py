"""The command barcode sheet: one Code 128 barcode per command, with big captions.

Pinned at each station so everything on the picker and packer screens works by scanning alone.
The barcode contents come from app.scanning.codes, the same place the interpreter reads them.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from app.scanning.codes import COMMANDS, command_barcode
from printing.fonts import label_font

# Simplified Chinese captions for the floor (ARCHITECTURE: English and Simplified Chinese).
CAPTIONS_ZH = {
    "CONFIRM": "确认", "SHORT": "缺货", "NEXT": "下一个", "SKIP": "跳过",
    "UNDO": "撤销", "LOGOUT": "退出登录", "WEIGH": "称重", "CANCEL": "取消",
    "NOT_FOUND": "找不到货品",
}  # fmt: skip

COLUMNS, ROWS = 2, 4
MODULE = 0.5 * mm  # one bar module: wide enough for any handheld scanner at arm's length
BAR_HEIGHT = 18 * mm


def write_command_sheet(out: str | Path) -> Path:
    """Write the sheet (A4, two columns) to `out` and return its path."""
    out = Path(out)
    cjk_font = label_font()  # the bundled font, embedded: CID fonts print as empty boxes
    pdf = canvas.Canvas(str(out), pagesize=A4)
    pdf.setTitle("Shipshape command barcodes")
    width, height = A4
    margin = 15 * mm
    title = "Shipshape command barcodes  /  "
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(margin, height - margin, title)
    pdf.setFont(cjk_font, 16)  # Helvetica has no CJK glyphs
    title_width = pdfmetrics.stringWidth(title, "Helvetica-Bold", 16)
    pdf.drawString(margin + title_width, height - margin, "命令条码")
    cell_w = (width - 2 * margin) / COLUMNS
    cell_h = (height - 2 * margin - 12 * mm) / ROWS
    top = height - margin - 12 * mm
    for index, name in enumerate(COMMANDS):
        if index and index % (COLUMNS * ROWS) == 0:
            pdf.showPage()
        slot = index % (COLUMNS * ROWS)
        x = margin + (slot % COLUMNS) * cell_w
        y = top - (slot // COLUMNS + 1) * cell_h
        _draw_cell(pdf, name, x, y, cell_w)
    pdf.showPage()
    pdf.save()
    return out


def _draw_cell(pdf: canvas.Canvas, name: str, x: float, y: float, cell_w: float) -> None:
    """One command: caption on top, barcode, then its text and what it does (small)."""
    barcode = Code128(command_barcode(name), barWidth=MODULE, barHeight=BAR_HEIGHT, quiet=1)
    bar_x = x + (cell_w - barcode.width) / 2  # quiet zones are part of barcode.width
    pdf.setFont("Helvetica-Bold", 26)
    pdf.drawCentredString(x + cell_w / 2, y + BAR_HEIGHT + 26 * mm, name)
    pdf.setFont(label_font(), 20)
    pdf.drawCentredString(x + cell_w / 2, y + BAR_HEIGHT + 18 * mm, CAPTIONS_ZH.get(name, ""))
    barcode.drawOn(pdf, bar_x, y + 12 * mm)
    pdf.setFont("Courier", 11)
    pdf.drawCentredString(x + cell_w / 2, y + 8 * mm, command_barcode(name))
    pdf.setFont("Helvetica", 9)
    pdf.drawCentredString(x + cell_w / 2, y + 3 * mm, COMMANDS[name])
