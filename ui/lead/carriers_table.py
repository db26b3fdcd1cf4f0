"""The Settings tab's carriers: one editable row per carrier, the numbers left beside each.

UI thread only. The table holds text as the lead typed it; `document()` turns the rows into the
`carriers` list of a `shipshape.site/1` document without judging it: `parse_site` (on the
worker) checks every field and names the first bad one, so there is one set of rules.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from app.domain.site import CHECKS, Carrier
from app.services.site import RangeLeft

# (document key, header). Tracking keys sit under "tracking" in the document.
COLUMNS = (
    ("code", QT_TRANSLATE_NOOP("LeadColumns", "Code")),
    ("name", QT_TRANSLATE_NOOP("LeadColumns", "Name")),
    ("services", QT_TRANSLATE_NOOP("LeadColumns", "Services")),
    ("cutoffs", QT_TRANSLATE_NOOP("LeadColumns", "Cut-offs")),
    ("prefix", QT_TRANSLATE_NOOP("LeadColumns", "Prefix")),
    ("digits", QT_TRANSLATE_NOOP("LeadColumns", "Digits")),
    ("check", QT_TRANSLATE_NOOP("LeadColumns", "Check")),
    ("suffix", QT_TRANSLATE_NOOP("LeadColumns", "Suffix")),
    ("next", QT_TRANSLATE_NOOP("LeadColumns", "Next")),
    ("last", QT_TRANSLATE_NOOP("LeadColumns", "Last")),
    ("left", QT_TRANSLATE_NOOP("LeadColumns", "Left")),
)
KEYS = [key for key, _ in COLUMNS]
LISTS = ("services", "cutoffs")  # typed comma-separated
TRACKING = ("prefix", "digits", "check", "suffix", "next", "last")
STRETCH = ("services",)  # the longest text takes the room the other columns leave
LEFT = KEYS.index("left")
# A Chinese keyboard types the full-width comma; both separate.
SEPARATOR = re.compile("[,，]")
LOW_BRUSH, LOW_TEXT = QBrush(QColor("#b00020")), QBrush(QColor("#ffffff"))
PROBLEM_BRUSH = QBrush(QColor("#ffd9d9"))


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down of fixed choices (the tracking check: mod10, s10, none)."""

    def __init__(self, choices: tuple[str, ...], parent=None):
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        editor = QComboBox(parent)
        editor.addItems(list(self._choices))
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentText(str(index.data() or self._choices[0]))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText())


class CarriersTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("carriersTable")
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(38)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegateForColumn(KEYS.index("check"), ChoiceDelegate(CHECKS, self))
        header = self.horizontalHeader()
        for column, key in enumerate(KEYS):
            stretch = key in STRETCH
            mode = (
                QHeaderView.ResizeMode.Stretch
                if stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.retranslate()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Header and three rows: the tab's word-wrapped banner makes the station window size
        the tab by its preferred heights, so the table asks little and takes what is left."""
        return QSize(super().sizeHint().width(), 40 + 3 * 38)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("LeadColumns", title) for _, title in COLUMNS]
        )
        for row in range(self.rowCount()):
            self._show_left(row, self.item(row, LEFT).data(Qt.ItemDataRole.UserRole))

    # ---- filling ------------------------------------------------------------------------------
    def set_carriers(self, carriers: tuple[Carrier, ...], ranges: list[RangeLeft]) -> None:
        """The saved carriers (edits are dropped), each with where its numbers stand."""
        left = {r.series: r for r in ranges}
        self.setRowCount(0)
        for carrier in carriers:
            scheme = carrier.tracking
            texts = {
                "code": carrier.code,
                "name": carrier.name,
                "services": ", ".join(carrier.services),
                "cutoffs": ", ".join(carrier.cutoffs),
                "prefix": scheme.prefix,
                "digits": str(scheme.digits),
                "check": scheme.check,
                "suffix": scheme.suffix,
                "next": str(scheme.range.next),
                "last": str(scheme.range.last),
            }
            self._append(texts, left.get(carrier.code))

    def add_carrier(self) -> None:
        """A new empty row, ready to type in (a new carrier's numbers start at 1)."""
        self._append({"check": "mod10", "next": "1"}, None)
        row = self.rowCount() - 1
        self.setCurrentCell(row, 0)
        self.editItem(self.item(row, 0))

    def remove_carrier(self) -> None:
        """Remove the selected row (saved only with the rest, by Save)."""
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)

    def _append(self, texts: dict[str, str], left: RangeLeft | None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for column, key in enumerate(KEYS):
            item = QTableWidgetItem(texts.get(key, ""))
            item.setToolTip(item.text())  # a long list of services elides in its cell
            if key == "left":  # where the counter stands is central's, not an edit
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, column, item)
        self._show_left(row, left)

    def _show_left(self, row: int, left: RangeLeft | None) -> None:
        """Numbers left, and in white on red with the word when the range runs low."""
        item = self.item(row, LEFT)
        item.setData(Qt.ItemDataRole.UserRole, left)
        if left is None:
            item.setText("")
            return
        text = f"{left.left:,}"
        if left.low:
            text = QCoreApplication.translate("LeadSettings", "LOW: {n}").format(n=text)
        item.setText(text)
        item.setBackground(LOW_BRUSH if left.low else QBrush())
        item.setForeground(LOW_TEXT if left.low else QBrush())

    # ---- reading ------------------------------------------------------------------------------
    def document(self) -> list[dict[str, Any]]:
        return [self._carrier(row) for row in range(self.rowCount())]

    def _carrier(self, row: int) -> dict[str, Any]:
        texts = {key: self.item(row, column).text().strip() for column, key in enumerate(KEYS)}
        for key in LISTS:
            texts_list = [part.strip() for part in SEPARATOR.split(texts[key])]
            texts[key] = [part for part in texts_list if part]  # type: ignore[assignment]
        carrier: dict[str, Any] = {key: texts[key] for key in ("code", "name", *LISTS)}
        carrier["tracking"] = {key: texts[key] for key in TRACKING}
        return carrier

    def mark_problem(self, row: int, key: str | None) -> None:
        """Tint the cell (or the whole row) a refusal names, so the eye finds it."""
        self.clear_problem()
        columns = [KEYS.index(key)] if key in KEYS else range(len(KEYS) - 1)
        for column in columns:
            if 0 <= row < self.rowCount():
                self.item(row, column).setBackground(PROBLEM_BRUSH)
        if 0 <= row < self.rowCount():
            self.setCurrentCell(row, columns[0])

    def clear_problem(self) -> None:
        for row in range(self.rowCount()):
            for column in range(len(KEYS) - 1):  # the Left column keeps its own colours
                self.item(row, column).setBackground(QBrush())
