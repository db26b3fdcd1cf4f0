"""The carrier's manifest (A4): one page per load unit — carrier, date, parcel count, total
weight, a table of the parcels with tracking numbers and weights, a Code 128 of the manifest id
and a line for the driver's signature. `render_manifest_pdf(manifest) -> bytes`, any worker
thread; `write_manifest(manifest, pdf_path)` also writes the same data as CSV and JSON beside it.

A page holds about 40 rows; a unit with more parcels continues on the next page (its header
repeated), so a 2,000-parcel trailer prints whole.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.domain.dispatch import Manifest, ManifestParcel
from printing.barcodes import QUIET_MODULES, code128
from printing.fonts import label_font
from printing.pdf_parts import OFFICE_MODULE, draw_bars

ROWS_PER_PAGE = 40
ROW = 5.2 * mm
MARGIN = 16 * mm
COLUMNS = (  # heading, x offset from the margin (mm)
    ("#", 0),
    ("Order", 10),
    ("Carton", 62),
    ("SSCC", 80),
    ("Tracking number", 124),
    ("kg", 166),
)


def render_manifest_pdf(manifest: Manifest) -> bytes:
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4, pageCompression=1)
    pdf.setTitle(f"Manifest {manifest.code}")
    pdf.setCreator("Shipshape")
    for unit, parcels in manifest.units().items():
        chunks = [parcels[i : i + ROWS_PER_PAGE] for i in range(0, len(parcels), ROWS_PER_PAGE)]
        for n, chunk in enumerate(chunks):
            _page(pdf, manifest, unit, parcels, chunk, n * ROWS_PER_PAGE, (n + 1, len(chunks)))
            pdf.showPage()
    pdf.save()
    return out.getvalue()


def _page(pdf, manifest, unit, parcels, chunk, first, page) -> None:
    font = label_font()
    width, height = A4
    top = height - MARGIN
    pdf.setFont(font, 18)
    pdf.drawString(MARGIN, top - 6 * mm, f"Manifest {manifest.code}")
    pdf.setFont(font, 11)
    weight = sum(p.weight_kg for p in parcels)
    lines = (
        f"Carrier: {manifest.carrier}    Date: {manifest.closed_at:%Y-%m-%d %H:%M} UTC",
        f"Load unit: {unit}    Parcels: {len(parcels)}    Total weight: {weight:.2f} kg",
        f"Closed by {manifest.closed_by} at {manifest.station}    Page {page[0]}/{page[1]}",
    )
    for i, text in enumerate(lines):
        pdf.drawString(MARGIN, top - (14 + 6 * i) * mm, text)
    symbol = code128(manifest.code, "manifest_id")
    bars_x = width - MARGIN - symbol.width_with_quiet_zones * OFFICE_MODULE
    draw_bars(
        pdf,
        symbol,
        bars_x + QUIET_MODULES * OFFICE_MODULE,
        top - 22 * mm,
        OFFICE_MODULE,
        14 * mm,
        8,
    )
    _table(pdf, chunk, first, top - 40 * mm, font)
    pdf.setFont(font, 11)
    pdf.line(MARGIN + 60 * mm, MARGIN + 8 * mm, width - MARGIN, MARGIN + 8 * mm)
    pdf.drawString(MARGIN, MARGIN + 9 * mm, "Driver's signature:")
    pdf.drawString(MARGIN + 60 * mm, MARGIN + 3 * mm, "Name, date and time of collection")


def _table(pdf, chunk: list[ManifestParcel], first: int, y: float, font: str) -> None:
    pdf.setFont(font, 9)
    for heading, x in COLUMNS:
        pdf.drawString(MARGIN + x * mm, y, heading)
    pdf.line(MARGIN, y - 1.5 * mm, A4[0] - MARGIN, y - 1.5 * mm)
    for i, p in enumerate(chunk):
        row_y = y - (i + 1) * ROW
        cells = (
            str(first + i + 1),
            f"{p.channel}/{p.order_id}"[:30],
            str(p.carton),
            p.sscc or "",
            p.tracking_number,
            f"{p.weight_kg:.2f}",
        )
        for (_, x), text in zip(COLUMNS, cells, strict=True):
            pdf.drawString(MARGIN + x * mm, row_y, text)


def manifest_csv(manifest: Manifest) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(manifest.csv_rows())
    return out.getvalue()


def write_manifest(manifest: Manifest, pdf_path: str | Path) -> list[Path]:
    """The PDF at `pdf_path`, and `.csv` and `.json` beside it; the paths written."""
    pdf = Path(pdf_path).expanduser()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(render_manifest_pdf(manifest))
    csv_path, json_path = pdf.with_suffix(".csv"), pdf.with_suffix(".json")
    csv_path.write_text(manifest_csv(manifest), encoding="utf-8")
    document = json.dumps(manifest.document(), ensure_ascii=False, indent=2)
    json_path.write_text(document + "\n", encoding="utf-8")
    return [pdf, csv_path, json_path]
