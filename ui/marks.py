"""The "done / all right" mark, drawn, for every floor screen.

The bundled font (WenQuanYi Micro Hei) draws "✔" and "✓" as a thin "√" that reads as a square
root, so the mark is a drawn check (resources/icons/ok-*.svg): an icon for table and list
items, an <img> for labels that show rich text. "✖" (error) reads well in the font and stays
a character. UI thread only.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
OK_ON_COLOUR = ICONS / "ok-white.svg"  # on the green verdict banner
OK_ON_WHITE = ICONS / "ok-green.svg"  # on a light background
ERROR_MARK = "✖"
NBSP = "\u00a0"  # rich text collapses plain spaces


def ok_icon() -> QIcon:
    return QIcon(str(OK_ON_WHITE))


def waiting_icon() -> QIcon:
    """An empty circle: a place still waiting (a cart slot without its tote)."""
    return QIcon(str(ICONS / "waiting.svg"))


def ok_html(pixels: int, on_colour: bool = False) -> str:
    """The check as an <img> about as tall as the text around it."""
    path = OK_ON_COLOUR if on_colour else OK_ON_WHITE
    return f'<img src="{path.as_uri()}" width="{pixels}" height="{pixels}" align="middle">'


def checked_html(words_html: str, pixels: int, on_colour: bool = False) -> str:
    """Rich text: the check, then words already made safe with `html_text`."""
    return ok_html(pixels, on_colour) + NBSP * 2 + words_html


def mark_size(label, default: int = 24) -> int:
    """The check as tall as the label's type (its style sheet's font-size, once polished)."""
    return label.font().pixelSize() if label.font().pixelSize() > 0 else default


def html_text(text: str) -> str:
    """Plain words for a rich-text label: markup characters shown, never interpreted."""
    return escape(text, quote=False).replace("\n", "<br>")


def is_ok_html(text: str) -> bool:
    """Whether a label's text starts with the drawn check (for tests and the screen reader)."""
    return text.startswith('<img src="') and "/ok-" in text.split(">", 1)[0]


def show_marked(label, ok: bool, text: str, on_colour: bool = False) -> None:
    """`text` on a QLabel after the drawn check (ok) or "✖" (not ok); plain text stays plain."""
    if not ok:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(f"{ERROR_MARK} {text}")
        return
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(checked_html(html_text(text), mark_size(label), on_colour))
