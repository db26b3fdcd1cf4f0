"""One row of the Exceptions tab: schedule counts of a range of locations (docs/stock.md,
"Counting"). A confirmed variance is approved in the same tab, as its `count_variance` item.

UI thread only; the scheduling runs on the database worker (`run`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.messages import error_text


class CountSchedule(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self.first = QLineEdit(objectName="countFrom")
        self.last = QLineEdit(objectName="countTo")
        self.last.returnPressed.connect(self.schedule)
        self.schedule_button = QPushButton(objectName="countSchedule")
        self.schedule_button.clicked.connect(self.schedule)
        self.result = QLabel(objectName="countScheduled")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.first, 1)
        row.addWidget(self.last, 1)
        row.addWidget(self.schedule_button)
        row.addWidget(self.result, 2)
        self._said = lambda: ""
        self.retranslate()

    def retranslate(self) -> None:
        self.first.setPlaceholderText(self.tr("Count from location"))
        self.last.setPlaceholderText(self.tr("to location"))
        self.schedule_button.setText(self.tr("Schedule counts"))
        self.result.setText(self._said())

    def schedule(self) -> None:
        first = self.first.text().strip()
        last = self.last.text().strip() or first
        self._run("schedule_counts", first, last, done=self._scheduled, failed=self._refused)

    def _scheduled(self, done) -> None:
        added, total = len(done.added), len(done.locations)
        self._say(
            lambda: self.tr("{added} new task(s), {total} location(s)").format(
                added=added, total=total
            )
        )

    def _refused(self, exc: BaseException) -> None:
        self._say(lambda: error_text(exc))

    def _say(self, text) -> None:
        self._said = text
        self.result.setText(text())
        self.result.setToolTip(text())
