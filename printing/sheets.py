"""Batch sheets of location, tote and badge labels (A4 / Letter, 3 x 8 cells of 70 x 37 mm
on A4, the common adhesive label sheet), so a site can label racks and totes from its layout
and its user list. Barcode contents come from app.scanning.codes (`L:`, `T:`, `B:`)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.errors import BadInput
from app.scanning.codes import badge_barcode, location_barcode, tote_barcode
from printing.barcodes import code128
from printing.fonts import label_font
from printing.pdf_parts import draw_bars, module_that_fits
from printing.textfit import fit

PAPERS = {"A4": A4, "Letter": LETTER}
COLUMNS, ROWS = 3, 8


def location_sheet(codes: list[str], paper: str = "A4") -> bytes:
    return _sheet([(code, "", _content(location_barcode, code)) for code in codes], paper)


def tote_sheet(codes: list[str], paper: str = "A4") -> bytes:
    return _sheet([(code, "TOTE", _content(tote_barcode, code)) for code in codes], paper)


def badge_sheet(users: list[tuple[str, str]], paper: str = "A4") -> bytes:
    """`users`: (name, badge) pairs."""
    return _sheet([(name, badge, _content(badge_barcode, badge)) for name, badge in users], paper)


def unit_sheet(codes: list[str], paper: str = "A4") -> bytes:
    """Load units (cages, pallets, trailers): `U:<code>`, one label each (docs/dispatch.md)."""
    return _sheet([(code, "LOAD UNIT", _content(unit_barcode, code)) for code in codes], paper)


def carrier_sheet(codes: list[str], paper: str = "A4") -> bytes:
    """The dock's carrier codes: `CARRIER:<code>`, scanned to bind a free unit."""
    return _sheet([(code, "CARRIER", _content(carrier_barcode, code)) for code in codes], paper)


def unit_barcode(code: str) -> str:
    return _plain_code("U:", code)


def carrier_barcode(code: str) -> str:
    return _plain_code("CARRIER:", code)


def _plain_code(prefix: str, code: str) -> str:
    code = code.strip()
    if not code or len(code) > 40 or not all(" " <= ch <= "~" for ch in code):
        raise ValueError(f"{code!r}: use 1 to 40 printable ASCII characters")
    return prefix + code


def read_codes(kind: str, source: str) -> list:
    """What goes on the sheet, read from the SOURCE the `print-sheets` command names."""
    if kind == "locations":
        from app.routing.layout import load_layout

        return [location.code for location in load_layout(source).locations]
    if kind == "totes" and "-" in source and not Path(source).exists():
        first, _, last = source.partition("-")
        if first.isdigit() and last.isdigit() and int(first) <= int(last):
            width = len(first)
            return [str(n).zfill(width) for n in range(int(first), int(last) + 1)]
        raise BadInput(f"{source}: a tote range is FIRST-LAST, e.g. 0001-0200")
    if kind in ("units", "carriers") and not Path(source).exists():
        return [code.strip() for code in source.split(",") if code.strip()]
    lines = _read_lines(source)
    if kind in ("totes", "units", "carriers"):
        return lines
    users = []
    for number, line in enumerate(lines, start=1):
        try:
            user = json.loads(line)
            users.append((str(user["name"]), str(user["badge"])))
        except (ValueError, KeyError, TypeError) as exc:
            raise BadInput(f'{source}: line {number}: expected {{"name", "badge"}} JSON') from exc
    return users


def _read_lines(source: str) -> list[str]:
    try:
        text = Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{source}: cannot read ({exc.strerror})") from exc
    return [line.strip() for line in text.splitlines() if line.strip()]


def _content(build, value: str) -> str:
    try:
        return build(value)
    except ValueError as exc:
        raise BadInput(str(exc)) from exc


def _sheet(cells: list[tuple[str, str, str]], paper: str) -> bytes:
    page_w, page_h = PAPERS[paper]
    cell_w, cell_h = page_w / COLUMNS, (page_h - 10 * mm) / ROWS
    out = io.BytesIO()
    font = label_font()
    pdf = Canvas(out, pagesize=(page_w, page_h), initialFontName=font)
    pdf.setCreator("Shipshape")
    for index, cell in enumerate(cells):
        if index and index % (COLUMNS * ROWS) == 0:
            pdf.showPage()
        column, row = index % COLUMNS, (index // COLUMNS) % ROWS
        x, top = column * cell_w, page_h - 5 * mm - row * cell_h
        _draw_cell(pdf, cell, x, top, cell_w, cell_h, font)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _draw_cell(pdf: Canvas, cell, x: float, top: float, w: float, h: float, font: str) -> None:
    title, caption, content = cell
    pad = 4 * mm
    fitted = fit([title], w - 2 * pad, 9 * mm, 16, 7)
    pdf.setFont(font, fitted.size)
    for i, line in enumerate(fitted.lines):
        pdf.drawString(x + pad, top - pad - fitted.size * (i + 0.85) * 1.18, line)
    if caption:
        pdf.setFont(font, 7)
        pdf.drawRightString(x + w - pad, top - pad - 6, caption)
    symbol = code128(content, "code")
    module = module_that_fits(symbol, w - 2 * pad)
    bars_w = len(symbol.modules) * module
    draw_bars(
        pdf, symbol, x + (w - bars_w) / 2, top - h + pad + 8, module, h - 2 * pad - 9 * mm - 8, 7
    )
