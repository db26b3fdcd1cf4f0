"""Shipping labels per second, PDF and ZPL, beside a naive way of making the same labels.

1,000 labels in four scripts (English, accented Latin, Chinese, Cyrillic), every one with its
own order, tracking number and recipient name, so no cache hides the work a real day has.
Ours: `printing.labels.render_label_pdf/zpl`. The naive baselines are what a first version
tends to do: PDF -- load the TrueType font for every label and draw reportlab's Code 128 widget;
ZPL -- draw the whole label into one bitmap and send it as a single ^GFA graphic. Each figure is
the best of --rounds (the machine is shared: the best round is the least disturbed one).

    .venv/bin/python bench/labels.py [--labels 1000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import copy
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402
from reportlab.graphics.barcode.code128 import Code128  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from app.domain.shipment_label import ShipmentLabel, parse_shipment  # noqa: E402
from printing import fonts, zpl  # noqa: E402
from printing.fonts import FONT_PATH  # noqa: E402
from printing.label_layout import Bars, Text, plan_label  # noqa: E402
from printing.labels import render_label_pdf, render_label_zpl  # noqa: E402
from printing.samples import ALL  # noqa: E402
from printing.zpl import graphic_field  # noqa: E402

SCRIPTS = ("ascii", "accented", "chinese", "cyrillic")
TARGETS = {"pdf": 50, "zpl": 2000}


def make_labels(count: int) -> list[ShipmentLabel]:
    labels = []
    for n in range(count):
        data = copy.deepcopy(ALL[SCRIPTS[n % len(SCRIPTS)]])
        data["order_ref"] = f"SO-{100000 + n}"
        data["tracking_number"] = f"1Z{n:016d}"
        data["ship_to"]["name"] += f" {n}"
        labels.append(parse_shipment(data))
    return labels


def naive_pdf(label: ShipmentLabel) -> bytes:
    font = TTFont(f"naive{id(label)}", str(FONT_PATH), subfontIndex=0)  # loaded every time
    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=(288, 432))
    pdf.setFont(font.fontName, 10)
    lines = [
        *label.ship_from.lines(),
        label.carrier,
        label.service,
        *label.ship_to.lines(),
        label.order_ref,
        f"{label.package.index}/{label.package.count}",
    ]
    for i, line in enumerate(lines):
        pdf.drawString(10, 420 - 12 * i, line)
    Code128(label.tracking_number, barWidth=0.9, barHeight=60).drawOn(pdf, 10, 110)
    Code128("\xf1" + "00" + (label.sscc or ""), barWidth=1.2, barHeight=60).drawOn(pdf, 10, 20)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def naive_zpl(label: ShipmentLabel) -> bytes:
    plan = plan_label(label)
    image = Image.new("1", (plan.width, plan.height), 0)
    draw = ImageDraw.Draw(image)
    for item in plan.items:
        if isinstance(item, Text):
            font = ImageFont.truetype(str(FONT_PATH), max(1, item.size), index=0)
            draw.text((item.x, item.y), item.text, font=font, fill=1)
        elif isinstance(item, Bars):
            for start, run in item.symbol.bar_runs():
                x = item.x + start * item.module
                draw.rectangle([x, item.y, x + run * item.module - 1, item.y + item.height], fill=1)
    return f"^XA^PW{plan.width}^LL{plan.height}^FO0,0{graphic_field(image)}^XZ".encode()


def rate(render, labels, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        # Forget what the last round cached (text bitmaps, text widths): every round is a new day.
        zpl._text_graphic.cache_clear()
        zpl._glyph.cache_clear()
        fonts._unit_width.cache_clear()
        started = time.perf_counter()
        for label in labels:
            render(label)
        best = min(best, time.perf_counter() - started)
    return len(labels) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    labels = make_labels(args.labels)
    render_label_pdf(labels[0]), render_label_zpl(labels[0])  # font registered once, as in the app
    few = labels[: max(4, args.labels // 20)]  # the naive ways are slow: time fewer labels
    rows = [
        ("PDF", "ours", len(labels), rate(render_label_pdf, labels, args.rounds)),
        ("PDF", "naive: font loaded per label", len(few), rate(naive_pdf, few, 1)),
        ("ZPL", "ours", len(labels), rate(render_label_zpl, labels, args.rounds)),
        ("ZPL", "naive: whole label as one bitmap", len(few), rate(naive_zpl, few, 1)),
    ]
    print(f"{'format':<7}{'way':<36}{'labels':>8}{'labels/s':>12}{'target':>9}")
    for fmt, way, count, per_s in rows:
        target = TARGETS[fmt.lower()] if way == "ours" else ""
        print(f"{fmt:<7}{way:<36}{count:>8}{per_s:>12.0f}{target:>9}".rstrip())
    print(f"RESULT labels_pdf_per_s {rows[0][3]:.0f} labels/s")
    print(f"RESULT labels_zpl_per_s {rows[2][3]:.0f} labels/s")


if __name__ == "__main__":
    main()
