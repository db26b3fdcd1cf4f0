"""Does a screen fit a station monitor? Checks used by tests/ui/test_fit.py.

A screen fits when its window's minimum size is no larger than the monitor and no visible text is
cut: for every visible label, button, field placeholder, tab and table header the text's width
(QFontMetrics.horizontalAdvance) must not exceed the room the widget gives it. A label that
elides on purpose ("…") and carries the whole text as a tooltip passes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QWidget,
)

SCREEN = QSize(1280, 800)
ELLIPSIS = "…"
CJK = 0x2E80  # from here on, scripts that wrap between characters
SLACK = 1  # rounding between the metrics and the painter


TEXT_WIDGETS = (QLabel, QAbstractButton, QLineEdit)


def settle(seconds: float = 0.1) -> None:
    """Let posted language changes, layout requests and worker callbacks arrive."""
    deadline = time.monotonic() + seconds
    while True:
        # Each round's new texts post layout requests that the next round carries out.
        for _ in range(4):
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        if time.monotonic() >= deadline:
            break
        time.sleep(0.01)


def fit_problems(window: QWidget, screen: QSize = SCREEN) -> list[str]:
    """Everything that does not fit `screen`, as readable lines (empty when the screen fits)."""
    problems = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > screen.width() or minimum.height() > screen.height():
        problems.append(f"window needs at least {minimum.width()}×{minimum.height()}")
    if window.width() > screen.width() or window.height() > screen.height():
        problems.append(f"window grew to {window.width()}×{window.height()}")
    for scroll in window.findChildren(QScrollArea, "screenScroll"):
        # The station window scrolls on small monitors; at the station monitor it must not.
        needed = scroll.widget().minimumSizeHint()
        room = scroll.viewport().size()
        if scroll.verticalScrollBar().isVisible():  # word wrap made it taller than its minimum
            problems.append(f"screen scrolls: {scroll.widget().height()} high in {room.height()}")
        if needed.width() > room.width() or needed.height() > room.height():
            problems.append(
                f"screen needs {needed.width()}×{needed.height()}, has {room.width()}×{room.height()}"
            )
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.isVisible() and widget.window().isVisible():
            problems += _clipped(widget, window)
    return problems


def _clipped(widget: QWidget, window: QWidget) -> list[str]:
    if _off_window(widget, window):
        return [f"{_name(widget)} lies outside the window"]
    if isinstance(widget, QLabel):
        return _label_clipped(widget)
    if isinstance(widget, QAbstractButton):
        return _button_clipped(widget)
    if isinstance(widget, QLineEdit) and not widget.text():
        return _too_wide(widget, widget.placeholderText(), _line_edit_room(widget))
    if isinstance(widget, QComboBox) and not widget.isEditable():
        return _combo_clipped(widget)
    if isinstance(widget, QTabBar):
        return _tabs_clipped(widget)
    if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
        return _header_clipped(widget)
    return []


def _off_window(widget: QWidget, window: QWidget) -> bool:
    """Part of a text-bearing widget lies outside the window, or outside its parent (which
    clips it), unless a scroll area shows it."""
    if widget.window() is not window or widget.width() == 0 or widget.height() == 0:
        return False
    if not isinstance(widget, TEXT_WIDGETS) or _inside_scroll_area(widget):
        return False
    corner = widget.mapTo(window, widget.rect().bottomRight())
    if corner.x() > window.width() + SLACK or corner.y() > window.height() + SLACK:
        return True
    parent = widget.parentWidget()
    if parent is None or widget.isWindow():
        return False
    bottom_right = widget.geometry().bottomRight()
    return bottom_right.x() > parent.width() + SLACK or bottom_right.y() > parent.height() + SLACK


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() == "qt_scrollarea_viewport" and not _is_screen_scroll(parent):
            return True
        parent = parent.parentWidget()
    return False


def _is_screen_scroll(viewport: QWidget) -> bool:
    """The station window's own scroll area: what it holds must fit without scrolling."""
    return viewport.parentWidget() is not None and (
        viewport.parentWidget().objectName() == "screenScroll"
    )


def _label_clipped(label: QLabel) -> list[str]:
    text = label.shown_text() if hasattr(label, "shown_text") else label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or "<" in text:
        return []
    if text.endswith(ELLIPSIS) and label.toolTip():
        return []  # elided on purpose, the whole text in the tooltip
    room = label.contentsRect().width() - 2 * label.margin() - label.indent() * 0
    if label.wordWrap():
        # Chinese wraps between any two characters; other scripts only between words.
        words = [w for w in text.split() if not any(ord(c) >= CJK for c in w)] or [""]
        longest = max(words, key=QFontMetrics(label.font()).horizontalAdvance)
        return _too_wide(label, longest, room) + _too_tall(label)
    return [line for part in text.split("\n") for line in _too_wide(label, part, room)]


def _too_tall(label: QLabel) -> list[str]:
    needed = label.heightForWidth(label.width()) if label.hasHeightForWidth() else -1
    if needed > label.height() + SLACK:
        return [f"{_name(label)} {label.text()!r} needs {needed}px high, has {label.height()}px"]
    return []


def _button_clipped(button: QAbstractButton) -> list[str]:
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    room = button.contentsRect().width() - icon
    hint = button.sizeHint().width()
    if hint > button.width() + SLACK and button.text():
        return [f"{_name(button)} {button.text()!r} needs {hint}px, has {button.width()}px"]
    return _too_wide(button, button.text().replace("&", ""), room)


def _line_edit_room(field: QLineEdit) -> int:
    """The width the field draws its text in, after the stylesheet's border and padding."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    rect = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    return rect.width() - margins.left() - margins.right() - 4  # Qt's horizontal margin, 2 a side


def _combo_clipped(box: QComboBox) -> list[str]:
    """The chosen item's text against the box's text area (without frame and arrow)."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    return _too_wide(box, box.currentText(), field.width())


def _tabs_clipped(bar: QTabBar) -> list[str]:
    problems = []
    for index in range(bar.count()):
        needed = bar.tabSizeHint(index).width()
        has = bar.tabRect(index).width()
        if needed > has + SLACK or bar.tabRect(index).right() > bar.width() + SLACK:
            problems.append(f"tab {bar.tabText(index)!r} needs {needed}px, has {has}px")
    return problems


def _header_clipped(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None:
        return []
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        # The section's own measure: text, padding and sort indicator under the stylesheet.
        needed = header.sectionSizeFromContents(section).width()
        if needed > header.sectionSize(section) + SLACK:
            problems.append(f"header {text!r} needs {needed}px, has {header.sectionSize(section)}")
    return problems


def _too_wide(widget: QWidget, text: str, room: int) -> list[str]:
    if not text:
        return []
    needed = QFontMetrics(widget.font()).horizontalAdvance(text)
    if needed > room + SLACK:
        return [f"{_name(widget)} {text!r} needs {needed}px, has {room}px"]
    return []


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def look_at(window: QWidget, name: str) -> list[str]:
    """Settle, save the screenshot when SHIPSHAPE_SCREENSHOTS=DIR is set, return the problems."""
    settle()
    # Always paint the window: painting polishes and lays out what a bare check may not have
    # reached yet (a wrapped label found taller only once painted pushed a row off screen).
    shot = window.grab()
    folder = os.environ.get("SHIPSHAPE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shot.save(str(Path(folder) / f"{name}.png"))
    return [f"{name}: {problem}" for problem in fit_problems(window)]
