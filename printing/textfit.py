"""Wrap and shrink text into a box so a long field never runs off a label.

Works in any unit (points for PDF, printer dots for ZPL): sizes and box are in the same unit.
Breaks at spaces where it can and between any two characters where it must (CJK has no spaces).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from printing.fonts import text_width

LEADING = 1.18  # line pitch as a multiple of the font size
ELLIPSIS = "…"

Measure = Callable[[str, float], float]


@dataclass(frozen=True)
class FittedText:
    size: float
    lines: list[str]

    @property
    def line_pitch(self) -> float:
        return self.size * LEADING


def wrap(text: str, size: float, width: float, measure: Measure = text_width) -> list[str]:
    """Greedy line breaking of one paragraph to `width` (one pass, widths added up per char)."""
    lines: list[str] = []
    line, line_w = "", 0.0
    for ch in text:
        ch_w = measure(ch, size)
        if not line or line_w + ch_w <= width:
            line, line_w = line + ch, line_w + ch_w
            continue
        cut = line.rfind(" ")
        if cut > 0 and ch != " ":  # move the unfinished word to the next line
            lines.append(line[:cut])
            line = line[cut + 1 :] + ch
            line_w = measure(line, size)
        else:
            lines.append(line.rstrip())
            line, line_w = ("", 0.0) if ch == " " else (ch, ch_w)
    if line.strip():
        lines.append(line.rstrip())
    return lines


def fit(
    paragraphs: list[str],
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    measure: Measure = text_width,
) -> FittedText:
    """The largest size (in 0.5 steps) at which all paragraphs fit; at `min_size`, what fits.

    Binary search over the sizes: fewer lines never need a larger size, so it is monotone."""

    paragraphs = [p for p in paragraphs if p.strip()]
    unit_widths = [measure(p, 1.0) for p in paragraphs]

    def lines_at(size: float) -> list[str]:
        # Most paragraphs fit on one line: only the others need wrapping.
        return [
            line
            for p, unit in zip(paragraphs, unit_widths, strict=True)
            for line in ([p] if unit * size <= width else wrap(p, size, width, measure))
        ]

    if max(unit_widths, default=0) * max_size <= width and (
        len(paragraphs) * max_size * LEADING <= height
    ):
        return FittedText(size=max_size, lines=paragraphs)  # the common case: no search

    steps = max(0, int((max_size - min_size) / 0.5))
    low, high = 0, steps  # index i means max_size - 0.5 * i; find the smallest i that fits
    while low < high:
        mid = (low + high) // 2
        size = max_size - 0.5 * mid
        if len(lines_at(size)) * size * LEADING <= height:
            high = mid
        else:
            low = mid + 1
    size = max_size - 0.5 * low
    lines = lines_at(size)
    room = max(1, int(height // (size * LEADING)))
    if len(lines) > room:  # the field limits make this rare; still never overflow the label
        last = lines[room - 1]
        while last and measure(last + ELLIPSIS, size) > width:
            last = last[:-1]
        lines = lines[: room - 1] + [last + ELLIPSIS]
    return FittedText(size=size, lines=lines)
