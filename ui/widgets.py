"""Small widgets every floor screen shares. UI thread only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.marks import ERROR_MARK, checked_html, html_text, mark_size

# A symbol as well as a colour, and always words: never colour alone. "ok" is a drawn check
# (ui/marks.py): the bundled font's "✔" reads as "√".
SYMBOLS = {"error": ERROR_MARK, "info": "›"}


class MessageBanner(QLabel):
    """One line (or two) telling the worker what happened and what to do next.

    The text is kept as a function, not a string, so that a language switch can render the
    message that is showing again in the new language (`retranslate`).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("message")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._text: Callable[[], str] | None = None
        self.clear()

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def show_message(self, kind: str, text: Callable[[], str]) -> None:
        self._text = text
        self._set_kind(kind)
        self.retranslate()

    def clear(self) -> None:
        self._text = None
        self._set_kind("none")
        self.setText("")

    def retranslate(self) -> None:
        if self._text is None:
            return
        ok = self.kind == "ok"  # only the check needs rich text (an image)
        self.setTextFormat(Qt.TextFormat.RichText if ok else Qt.TextFormat.PlainText)
        if ok:
            words = html_text(self._text())
            self.setText(checked_html(words, mark_size(self, 32), on_colour=True))
        else:
            self.setText(f"{SYMBOLS[self.kind]}  {self._text()}")

    def words(self) -> str:
        """The message as plain text, without its mark (what a screen reader should say)."""
        return self._text() if self._text is not None else ""

    def _set_kind(self, kind: str) -> None:
        # The stylesheet colours by the `kind` property; re-polish so the change shows.
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
