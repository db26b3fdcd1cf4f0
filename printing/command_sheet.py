"""The command barcode sheet: one Code 128 barcode per command, with big captions.

Pinned at each station so everything on the picker and packer screens works by scanning alone.
The barcode contents come from app.scanning.codes, the same place the interpreter reads them.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from app.scanning.codes import COMMANDS, COMMANDS_BY_ROLE, command_barcode
from printing.fonts import label_font

# Simplified Chinese captions for the floor (ARCHITECTURE: English and Simplified Chinese).
CAPTIONS_ZH = {
    "CONFIRM": "确认",
    "SHORT": "缺货",
    "NEXT": "下一个",
    "SKIP": "跳过",
    "UNDO": "撤销上一次扫描；退货：撤回上一件",
    "LOGOUT": "退出登录",
    "WEIGH": "称重",
    "CANCEL": "取消",
    "NOT_FOUND": "找不到货品",
    "EMPTY": "库位空",
    "DAMAGED": "货品损坏",
    "WRONG_ITEM": "库位货品错误",
    "REPRINT": "重新打印标签",
    "PRINTER": "选择打印机",
    "OVERRIDE": "主管授权",
    "RECEIVE": "收货上架",
    "COUNT": "盘点库位",
    "MOVE": "移库",
    "CLOSE": "关闭收货单、盘点或退货包裹",
    "RESELL": "退货：可再售，回库存",
    "MISSING": "退货：预告的货品不在包裹里",
}
ROLE_HEADINGS = {
    "picker": ("Picker", "拣货员"),
    "packer": ("Packer", "包装员"),
    "lead override": (
        "Lead override: scan your badge, type PIN + Enter, reason + Enter",
        "主管授权：扫描工牌，输入密码并回车，输入原因并回车",
    ),
    "loader": (
        "Loader: C:UNDO then the parcel takes it off the unit",
        "装车员：扫 C:UNDO 再扫包裹，即从装载单元卸下",
    ),
    "clerk": (
        "Stock clerk: C:RECEIVE, C:COUNT or C:MOVE chooses the job",
        "库管员：扫 C:RECEIVE、C:COUNT 或 C:MOVE 选择作业",
    ),
    "returns": (
        "Returns clerk: scan the parcel, then each item and its condition",
        "退货员：扫描包裹，再扫每件货品及其状况",
    ),
}

COLUMNS, ROWS = 2, 4
MODULE = 0.5 * mm  # one bar module: wide enough for any handheld scanner at arm's length
BAR_HEIGHT = 18 * mm


def write_command_sheet(out: str | Path) -> Path:
    """Write the sheet (A4, two columns) to `out` and return its path: one section per role
    (picker, packer, lead override), each starting on a page of its own under its heading."""
    out = Path(out)
    pdf = canvas.Canvas(str(out), pagesize=A4)
    pdf.setTitle("Shipshape command barcodes")
    for role, names in COMMANDS_BY_ROLE.items():
        for first in range(0, len(names), COLUMNS * ROWS):
            _draw_page(pdf, role, names[first : first + COLUMNS * ROWS])
    pdf.save()
    return out


def _draw_page(pdf: canvas.Canvas, role: str, names: tuple[str, ...]) -> None:
    width, height = A4
    margin = 15 * mm
    english, chinese = ROLE_HEADINGS[role]
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(margin, height - margin, english)
    pdf.setFont(label_font(), 14)  # the bundled font, embedded: Helvetica has no CJK glyphs
    pdf.drawString(margin, height - margin - 7 * mm, chinese)
    cell_w = (width - 2 * margin) / COLUMNS
    cell_h = (height - 2 * margin - 14 * mm) / ROWS
    top = height - margin - 14 * mm
    for slot, name in enumerate(names):
        x = margin + (slot % COLUMNS) * cell_w
        y = top - (slot // COLUMNS + 1) * cell_h
        _draw_cell(pdf, name, x, y, cell_w)
    pdf.showPage()


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
