"""Lines and units per hour, one row per picker and packer, fastest first, in the KPIs tab.

A table rather than a bar chart: a chart of ten people gave each bar a few pixels, elided their
names and stacked the figures on top of each other; rows keep big type and scroll. UI thread
only; the figures come with the KPI report (docs/lead.md, "KPIs").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

NUMBERS = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RatesPanel(QWidget):
    """A title over the table (the title also says when there is nothing to show)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(objectName="sectionTitle")
        self.table = QTableWidget(0, 4, objectName="ratesTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names take the rest
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        self._rates: list | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Role"), self.tr("Lines/h"), self.tr("Units/h")]
        )
        self.fill(self._rates)

    def fill(self, rates: list | None) -> None:
        """`rates`: the report's (user, kind, lines_per_hour, units_per_hour); None: no range
        chosen yet."""
        self._rates = rates
        if rates is None:
            self.title.setText(self.tr("Choose a range"))
        elif not rates:
            self.title.setText(self.tr("Lines and units per hour: nobody picked or packed"))
        else:
            self.title.setText(self.tr("Lines and units per hour"))
        shown = sorted(rates or [], key=lambda r: (r.kind != "pick", -r.lines_per_hour, r.user))
        self.table.setRowCount(len(shown))
        kinds = {"pick": self.tr("picker"), "pack": self.tr("packer")}
        for row, rate in enumerate(shown):
            cells = (
                rate.user,
                kinds.get(rate.kind, rate.kind),
                f"{rate.lines_per_hour:.1f}",
                f"{rate.units_per_hour:.1f}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(NUMBERS)
                self.table.setItem(row, column, item)
