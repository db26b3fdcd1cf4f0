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
import math
import re
from dataclasses import replace

from PIL import Image, ImageDraw, ImageFont, features

from app.domain.safe_text import without_controls
from printing.barcodes import subset_c_prefix
from printing.fonts import FONT_PATH
from printing.label_layout import Bars, Box, LabelPlan, Text

ZPL_SPECIAL = {"^": r"\5E", "~": r"\7E", "\\": r"\5C"}
BC_INVOCATION = {">": ">0", "^": "><", "~": ">="}
ZPL_ESCAPES = str.maketrans(ZPL_SPECIAL)
COMPLEX_SCRIPT = re.compile("[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f]")


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
    """`^FH\\^FD...`: escape the characters ZPL would take as commands, and drop control
    bytes (an ESC or a CR in a stored name must not reach the printer's command parser)."""
    return "^FH\\^FD" + without_controls(text).translate(ZPL_ESCAPES)


def code128_field(data: str, gs1: bool) -> str:
    """The ^FD content for ^BC mode N, the same symbol as `barcodes.code128`: `>;` starts subset
    C, `>6` switches to B, `>:` starts B, `>8` is FNC1. In B, `>`, `^` and `~` are written as
    their invocation codes `>0`, `><`, `>=` (ZPL II guide, ^BC, Table 6)."""
    data = without_controls(data)  # not encodable in subset B, and never a printer command
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
    """Printable Latin-1: what the resident font 0 surely draws under ^CI28."""
    return text.isascii() or all(" " <= ch <= "~" or "\xa0" <= ch <= "\xff" for ch in text)


def _text(item: Text) -> str:
    item = replace(item, text=without_controls(item.text))  # both paths: ^FD and the graphic
    if printer_font_has(item.text):
        # ^FB keeps the printer's font inside the box even if its metrics differ from ours.
        align = "C" if item.centred else "L"
        block = f"^FB{item.width},1,0,{align},0" if item.width else ""
        return f"^FO{item.x},{item.y}^A0N,{item.size},{item.size}{block}{field_data(item.text)}^FS"
    width, graphic = _text_graphic(item.text, item.size)
    x = item.x + ((item.width - width) // 2 if item.centred else 0)
    return f"^FO{x},{item.y}{graphic}"


def graphic_field(image: Image.Image) -> str:
    """`^GFA` of a 1-bit image whose set bits are ink (as ZPL prints them)."""
    row_bytes = (image.width + 7) // 8
    total = row_bytes * image.height
    return f"^GFA,{total},{total},{row_bytes},{image.tobytes().hex().upper()}^FS"


@functools.lru_cache(maxsize=4096)
def _text_graphic(text: str, size: int) -> tuple[int, str]:
    """(width, ^GFA field) of `text` drawn at `size` dots (cached: names and cities repeat)."""
    height = max(1, round(size * 1.2))
    if COMPLEX_SCRIPT.search(text):  # letters join or reorder: let the shaping engine lay it out
        font = _pil_font(size, complex_script=True)
        image = Image.new("1", (_whole_bytes(font.getbbox(text)[2]), height), 0)
        ImageDraw.Draw(image).text((0, 0), text, font=font, fill=1)  # set bit = ink, as in ^GF
    else:  # set glyph by glyph from a cache: 2-3x faster, the same pixels for these scripts
        glyphs = [_glyph(ch, size) for ch in text]
        image = Image.new("1", (_whole_bytes(sum(g[3] for g in glyphs)), height), 0)
        x = 0.0
        for bitmap, left, top, advance in glyphs:
            if bitmap is not None:
                image.paste(1, (round(x) + left, top), bitmap)
            x += advance
    return image.width, graphic_field(image)


@functools.lru_cache(maxsize=8192)
def _glyph(ch: str, size: int) -> tuple[Image.Image | None, int, int, float]:
    """(bitmap, left, top, advance) of one character; no bitmap for a space."""
    font = _pil_font(size, complex_script=False)
    left, top, right, bottom = font.getbbox(ch)
    if right <= left or bottom <= top:
        return None, 0, 0, font.getlength(ch)
    bitmap = Image.new("1", (right - left, bottom - top), 0)
    ImageDraw.Draw(bitmap).text((-left, -top), ch, font=font, fill=1)
    return bitmap, left, top, font.getlength(ch)


def _whole_bytes(width: float) -> int:
    """Round a row up to whole bytes, so no padding bit is ever printed."""
    return (max(1, math.ceil(width)) + 7) // 8 * 8


@functools.lru_cache(maxsize=128)
def _pil_font(size: int, complex_script: bool) -> ImageFont.FreeTypeFont:
    # Basic layout is 2-3x faster and right for Latin, Cyrillic, Greek and CJK; scripts whose
    # letters join or reorder (Hebrew, Arabic, Indic, Thai) need the shaping engine.
    engine = ImageFont.Layout.RAQM if complex_script else ImageFont.Layout.BASIC
    if engine == ImageFont.Layout.RAQM and not features.check("raqm"):
        engine = ImageFont.Layout.BASIC
    return ImageFont.truetype(str(FONT_PATH), size, index=0, layout_engine=engine)
