"""Small widgets every floor screen shares. UI thread only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

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


class ElidedLabel(QLabel):
    """One line that ends in "…" when it is wider than its room, the whole text in the tooltip.

    A long product name then never widens the window past the screen, and is never cut mid-word
    without a sign that more follows.
    """

    def __init__(self, parent: QWidget | None = None, objectName: str = ""):  # noqa: N803 - Qt's
        super().__init__(parent, objectName=objectName)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self._elide()

    def text(self) -> str:  # the whole text, as set; what shows may end in "…"
        return self._full

    def full_text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
