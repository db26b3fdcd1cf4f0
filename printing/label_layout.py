"""Where everything goes on a shipping label, in printer dots, shared by the PDF and ZPL output.

Laying out once in dots keeps both outputs alike and puts every barcode module on whole dots.
y grows downwards from the top edge (as in ZPL); the PDF renderer flips it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from app.domain.shipment_label import ShipmentLabel
from app.errors import BadInput
from printing import barcodes
from printing.barcodes import Symbol
from printing.captions import caption
from printing.textfit import fit

SIZES_MM = {"4x6": (101.6, 152.4), "100x150": (100.0, 150.0)}


@dataclass(frozen=True, slots=True)
class Text:
    x: int
    y: int  # top of the line
    size: int  # font size (em height) in dots
    text: str
    width: int = 0  # the box the line was fitted to (ZPL keeps the printer's font inside it)
    centred: bool = False


@dataclass(frozen=True, slots=True)
class Box:
    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True, slots=True)
class Bars:
    x: int  # left edge of the first bar (the quiet zone lies left of it)
    y: int
    module: int  # dots per module
    height: int
    symbol: Symbol
    data: str  # what the symbol encodes (ZPL sends this to the printer's own encoder)
    gs1: bool = False


@dataclass(frozen=True, slots=True)
class LabelPlan:
    width: int
    height: int
    dpi: int
    items: list[Text | Box | Bars]
    size_mm: tuple[float, float]  # the label stock itself (the PDF page size)


def page_dots(size: str, dpi: int) -> tuple[int, int]:
    if size not in SIZES_MM:
        raise BadInput(f"--size {size!r}: choose one of {', '.join(SIZES_MM)}")
    w_mm, h_mm = SIZES_MM[size]
    return round(w_mm / 25.4 * dpi), round(h_mm / 25.4 * dpi)


# Row boundaries as fractions of the label height: header, ship-to, package row, two barcodes.
ROWS = (0.0, 0.17, 0.5, 0.57, 0.78, 1.0)
MIN_TEXT_IN = 0.05  # smallest text we shrink to (about 10 dots at 203 dpi): still legible


def plan_label(label: ShipmentLabel, size: str = "4x6", dpi: int = 203) -> LabelPlan:
    width, height = page_dots(size, dpi)
    plan = _Planner(width, height, dpi)
    rows = [round(height * f) for f in ROWS]
    _header(plan, label, rows[0], rows[1])
    plan.rule(rows[1])
    words = functools.partial(caption, label.language)
    plan.captioned_block(
        words("ship_to"), label.ship_to.lines(), plan.margin, rows[1], plan.inner, rows[2], 0.2
    )
    plan.rule(rows[2])
    _package_row(plan, label, rows[2], rows[3])
    plan.rule(rows[3])
    plan.caption(words("tracking"), plan.margin, rows[3] + plan.gap)
    plan.barcode(
        barcodes.code128(label.tracking_number),
        label.tracking_number,
        rows[3],
        rows[4],
        target_mm=0.375,
        gs1=False,
        field="tracking_number",
    )
    if label.sscc:
        plan.rule(rows[4])
        plan.caption(words("sscc"), plan.margin, rows[4] + plan.gap)
        plan.barcode(
            barcodes.gs1_128_sscc(label.sscc),
            "00" + label.sscc,
            rows[4],
            rows[5],
            target_mm=0.5,
            gs1=True,
            field="sscc",
        )
    return LabelPlan(width, height, dpi, plan.items, SIZES_MM[size])


def _header(plan: _Planner, label: ShipmentLabel, top: int, bottom: int) -> None:
    """Ship-from address on the left, carrier and service on the right."""
    split = plan.margin + round(plan.inner * 0.58)
    plan.captioned_block(
        caption(label.language, "from"),
        label.ship_from.lines(),
        plan.margin,
        top,
        split - plan.margin - plan.gap,
        bottom,
        0.12,
    )
    plan.block(
        [label.carrier, label.service],
        split,
        top + plan.margin,
        plan.width - plan.margin - split,
        bottom - top - 2 * plan.margin,
        0.2,
    )


def _package_row(plan: _Planner, label: ShipmentLabel, top: int, bottom: int) -> None:
    package, words = label.package, functools.partial(caption, label.language)
    cells = (
        (words("order", order=label.order_ref), 0.5),
        (words("package", index=package.index, count=package.count), 0.22),
        (words("weight", weight=f"{package.weight_kg:g}"), 0.28),
    )
    x = plan.margin
    for text, share in cells:
        w = round(plan.inner * share)
        plan.block([text], x, top + plan.gap, w - plan.gap, bottom - top - 2 * plan.gap, 0.13)
        x += w


class _Planner:
    """Collects layout items; sizes given as fractions of an inch are turned into dots here."""

    def __init__(self, width: int, height: int, dpi: int) -> None:
        self.width, self.height, self.dpi = width, height, dpi
        self.margin = round(0.08 * dpi)
        self.gap = round(0.04 * dpi)
        self.caption_size = round(0.085 * dpi)
        self.caption_h = round(self.caption_size * 1.2)
        self.inner = width - 2 * self.margin
        self.items: list[Text | Box | Bars] = []

    def caption(self, text: str, x: int, y: int) -> None:
        self.items.append(Text(x, y, self.caption_size, text))

    def rule(self, y: int) -> None:
        self.items.append(
            Box(self.margin, y - 1, self.width - 2 * self.margin, max(2, self.dpi // 100))
        )

    def block(self, paragraphs: list[str], x: int, y: int, w: int, h: int, max_in: float) -> None:
        """Paragraphs wrapped and shrunk (down to MIN_TEXT_IN) to fit the box."""
        fitted = fit(paragraphs, w, h, round(max_in * self.dpi), round(MIN_TEXT_IN * self.dpi))
        for i, line in enumerate(fitted.lines):
            y_line = round(y + i * fitted.line_pitch)
            # Round the size down, never up: the line was measured to fit at fitted.size.
            self.items.append(Text(x, y_line, int(fitted.size), line, width=w))

    def captioned_block(
        self,
        caption: str,
        paragraphs: list[str],
        x: int,
        top: int,
        w: int,
        bottom: int,
        max_in: float,
    ) -> None:
        self.caption(caption, x, top + self.gap)
        y = top + self.gap + self.caption_h
        self.block(paragraphs, x, y, w, bottom - y - self.gap, max_in)

    def barcode(
        self,
        symbol: Symbol,
        data: str,
        top: int,
        bottom: int,
        target_mm: float,
        gs1: bool,
        field: str,
    ) -> None:
        available = self.width - self.margin  # quiet zones are white already: half margins
        preferred = barcodes.preferred_module_dots(self.dpi, target_mm, min_mm=0.25)
        module = barcodes.module_dots(symbol, available, preferred, field)
        bars_w = len(symbol.modules) * module
        x = (self.width - bars_w) // 2  # centred: quiet zones on both sides stay inside the label
        text_size = round(0.11 * self.dpi)
        bar_top = top + self.gap + self.caption_h
        bar_h = bottom - bar_top - text_size - 2 * self.gap
        self.items.append(Bars(x, bar_top, module, bar_h, symbol, data, gs1))
        self.items.append(
            Text(
                self.margin // 2,
                bar_top + bar_h + self.gap // 2,
                text_size,
                symbol.human_text,
                width=available,
                centred=True,
            )
        )
