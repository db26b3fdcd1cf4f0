"""The one bundled font every label and document uses, registered once per process.

WenQuanYi Micro Hei covers Latin, Cyrillic, Greek and CJK, so an address in any of them prints
from one face; reportlab embeds the subset a PDF uses (reportlab's CID fonts such as STSong-Light
are never embedded and print as empty boxes on many printers, so we never use them).
"""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WQYMicroHei"
FONT_PATH = Path(
    os.environ.get(
        "SHIPSHAPE_LABEL_FONT",
        Path(__file__).resolve().parents[1] / "resources" / "fonts" / "wqy-microhei.ttc",
    )
)
_lock = threading.Lock()


@functools.cache
def _registered() -> TTFont:
    if not FONT_PATH.is_file():
        raise FileNotFoundError(
            f"label font {FONT_PATH} is missing: restore resources/fonts/ from the repository "
            "or point SHIPSHAPE_LABEL_FONT at a TrueType file with CJK glyphs"
        )
    font = TTFont(FONT_NAME, str(FONT_PATH), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return font


def label_font() -> str:
    """Register the font (first call, any thread) and return its reportlab name."""
    with _lock:
        _registered()
    return FONT_NAME


@functools.cache
def _char_widths() -> tuple[dict[int, float], float]:
    label_font()
    face = _registered().face
    return {cp: w / 1000.0 for cp, w in face.charWidths.items()}, face.defaultWidth / 1000.0


def text_width(text: str, size: float) -> float:
    """Width of `text` set at `size` (points or dots: the unit of `size`), from the font metrics."""
    return _unit_width(text) * size


@functools.lru_cache(maxsize=65536)
def _unit_width(text: str) -> float:
    # Cached: label texts repeat (ship-from lines, carriers, captions, single characters).
    widths, default = _char_widths()
    return sum(widths.get(ord(ch), default) for ch in text)


def covers(text: str) -> bool:
    """True when the font has a glyph for every character (else the label would show boxes)."""
    label_font()
    cmap = _registered().face.charToGlyph
    return all(ord(ch) in cmap or ch.isspace() for ch in text)
