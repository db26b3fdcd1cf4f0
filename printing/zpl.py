"""ZPL II output of a label plan.

Which ZPL we emit, and why (docs/printing.md says more):
- `^CI28` (UTF-8), `^PW`/`^LL` in dots for the label size at the printer's resolution.
- Code 128 as `^BC` in mode N with explicit subsets: leading digits in C (`>;`), then at most one
  switch to B (`>6`), or B from the start (`>:`). GS1-128 is `>;>8` + the 20 digits: Start C,
  FNC1, AI 00 + SSCC. A printer reads this exactly, offline renderers do too (some mis-encode
  `>5`, so we never switch *to* C), and the bars are the very ones the PDF draws, so the width is
  known in advance and we choose whole-dot modules that fit.
- Text the printer's resident font 0 surely has (printable Latin-1) goes as `^A0` text; any
  other script (CJK, Cyrillic, ...) is drawn from our bundled font into a `^GFA` graphic, so it
  prints on every printer, with no font download.
"""

from __future__ import annotations

import functools

from PIL import Image, ImageDraw, ImageFont

from printing.barcodes import subset_c_prefix
from printing.fonts import FONT_PATH
from printing.label_layout import Bars, Box, LabelPlan, Text

ZPL_SPECIAL = {"^": r"\5E", "~": r"\7E", "\\": r"\5C"}
BC_INVOCATION = {">": ">0", "^": "><", "~": ">="}


def plan_to_zpl(plan: LabelPlan) -> bytes:
    parts = [f"^XA^CI28^PW{plan.width}^LL{plan.height}^LH0,0"]
    for item in plan.items:
        if isinstance(item, Text):
            parts.append(_text(item))
        elif isinstance(item, Box):
            parts.append(f"^FO{item.x},{item.y}^GB{item.w},{item.h},{min(item.w, item.h)}^FS")
        elif isinstance(item, Bars):
            parts.append(_barcode(item))
    parts.append("^PQ1^XZ\n")
    return "\n".join(parts).encode("utf-8")


def field_data(text: str) -> str:
    """`^FH\\^FD...`: escape the characters ZPL would take as commands."""
    return "^FH\\^FD" + "".join(ZPL_SPECIAL.get(ch, ch) for ch in text)


def code128_field(data: str, gs1: bool) -> str:
    """The ^FD content for ^BC mode N, the same symbol as `barcodes.code128`: `>;` starts subset
    C, `>6` switches to B, `>:` starts B, `>8` is FNC1. In B, `>`, `^` and `~` are written as
    their invocation codes `>0`, `><`, `>=` (ZPL II guide, ^BC, Table 6)."""
    c_len = subset_c_prefix(data)
    rest = "".join(BC_INVOCATION.get(ch, ch) for ch in data[c_len:])
    if not c_len:
        return (">:>8" if gs1 else ">:") + rest
    head = (">;>8" if gs1 else ">;") + data[:c_len]
    return head + (">6" + rest if rest else "")


def _barcode(bars: Bars) -> str:
    return (
        f"^FO{bars.x},{bars.y}^BY{bars.module}"
        f"^BCN,{bars.height},N,N,N,N^FD{code128_field(bars.data, bars.gs1)}^FS"
    )


def printer_font_has(text: str) -> bool:
    return all(" " <= ch <= "~" or "\xa0" <= ch <= "\xff" for ch in text)


def _text(item: Text) -> str:
    if printer_font_has(item.text):
        # ^FB keeps the printer's font inside the box even if its metrics differ from ours.
        align = "C" if item.centred else "L"
        block = f"^FB{item.width},1,0,{align},0" if item.width else ""
        return f"^FO{item.x},{item.y}^A0N,{item.size},{item.size}{block}{field_data(item.text)}^FS"
    image = _rasterise(item.text, item.size)
    x = item.x + ((item.width - image.width) // 2 if item.centred else 0)
    return f"^FO{x},{item.y}{graphic_field(image)}"


def graphic_field(image: Image.Image) -> str:
    """`^GFA` of a 1-bit image (ZPL: a set bit prints black)."""
    row_bytes = (image.width + 7) // 8
    data = image.tobytes()  # mode "1", rows padded to whole bytes, 1 = white: invert below
    inverted = bytes(b ^ 0xFF for b in data)
    total = row_bytes * image.height
    return f"^GFA,{total},{total},{row_bytes},{inverted.hex().upper()}^FS"


@functools.lru_cache(maxsize=4096)
def _rasterise(text: str, size: int) -> Image.Image:
    """Draw `text` at `size` dots, black on white, 1 bit per dot (cached: names repeat)."""
    font = _pil_font(size)
    right = font.getbbox(text)[2]
    width = (max(1, right) + 7) // 8 * 8  # whole bytes per row: no padding bits to invert
    image = Image.new("1", (width, max(1, round(size * 1.2))), 1)
    ImageDraw.Draw(image).text((0, 0), text, font=font, fill=0)
    return image


@functools.lru_cache(maxsize=64)
def _pil_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_PATH), size, index=0)
