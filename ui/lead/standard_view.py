"""Each picker-hour as a percentage of the labour standard (docs/lead.md "Labour standards"):
one row per picker and clock hour, newest first, in the KPIs tab. UI thread only; the figures
come with the KPI report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.labour import PickerPerformance

BELOW, ABOVE = QColor("#8a1c1c"), QColor("#0a6b2d")
FAIR = (85.0, 115.0)  # outside this band a figure is coloured (and always shown as a number)


class StandardTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 3, parent, objectName="standardTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setMinimumWidth(300)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Picker"), self.tr("Hour"), self.tr("Standard")])

    def fill(self, performance: list[PickerPerformance]) -> None:
        hours = [h for p in performance for h in p.hours]
        hours.sort(key=lambda h: (h.hour, h.user), reverse=True)
        self.setRowCount(len(hours))
        for row, h in enumerate(hours):
            when = h.hour.astimezone().strftime("%m-%d %H:00")
            cells = (h.user, when, f"{h.percent:.0f} %")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    if not FAIR[0] <= h.percent <= FAIR[1]:
                        item.setForeground(QBrush(BELOW if h.percent < FAIR[0] else ABOVE))
                self.setItem(row, column, item)


class StandardPanel(QWidget):
    """A line of summary over the table; the KPIs tab shows it in place of the due chart."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel(objectName="kpiFigure", wordWrap=True)
        self.table = StandardTable()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._performance: list[PickerPerformance] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.table.retranslate()
        self.fill(self._performance)

    def fill(self, performance: list[PickerPerformance]) -> None:
        self._performance = performance
        self.table.fill(performance)
        average = average_percent(performance)
        self.summary.setText(
            self.tr("Picker-hours vs standard: {percent} on average ({n})").format(
                percent="—" if average is None else f"{average:.0f} %",
                n=sum(len(p.hours) for p in performance),
            )
        )


def average_percent(performance: list[PickerPerformance]) -> float | None:
    """The mean over every picker-hour of the range (None: no picks)."""
    hours = [h.percent for p in performance for h in p.hours]
    return sum(hours) / len(hours) if hours else None
