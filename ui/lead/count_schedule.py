"""One row of the Exceptions tab: schedule counts of a range of locations (docs/stock.md,
"Counting"), or today's counts by the ABC count plan ("Count plan"). A confirmed variance is
approved in the same tab, as its `count_variance` item.

UI thread only; the scheduling runs on the database worker (`run`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.messages import error_text
from ui.widgets import ElidedLabel


class CountSchedule(QWidget):
    """Two rows: a range of locations, then today's ABC counts; each says what came of it."""

    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self.first = QLineEdit(objectName="countFrom")
        self.last = QLineEdit(objectName="countTo")
        self.last.returnPressed.connect(self.schedule)
        self.schedule_button = QPushButton(objectName="countSchedule")
        self.schedule_button.clicked.connect(self.schedule)
        self.abc_button = QPushButton(objectName="countAbc")
        self.abc_button.clicked.connect(self.schedule_abc)
        # Elide (whole in the tooltip): a long refusal never widens the tab past the screen.
        self.result = ElidedLabel(objectName="countScheduled")
        self.abc_result = ElidedLabel(objectName="countAbcScheduled")
        ranged = QHBoxLayout()
        ranged.addWidget(self.first, 1)
        ranged.addWidget(self.last, 1)
        ranged.addWidget(self.schedule_button)
        ranged.addWidget(self.result, 2)
        abc = QHBoxLayout()
        abc.addWidget(self.abc_button)
        abc.addWidget(self.abc_result, 1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(ranged)
        rows.addLayout(abc)
        self._said = {self.result: lambda: "", self.abc_result: lambda: ""}
        self.retranslate()

    def retranslate(self) -> None:
        self.first.setPlaceholderText(self.tr("From location"))
        self.last.setPlaceholderText(self.tr("to location"))
        self.schedule_button.setText(self.tr("Schedule counts"))
        self.abc_button.setText(self.tr("Schedule today's ABC counts"))
        for label, text in self._said.items():
            label.setText(text())

    def schedule(self) -> None:
        first = self.first.text().strip()
        last = self.last.text().strip() or first
        self._run(
            "schedule_counts",
            first,
            last,
            done=self._scheduled,
            failed=lambda exc: self._say(self.result, lambda: error_text(exc)),
        )

    def schedule_abc(self) -> None:
        """Today's counts by the ABC plan; a second press the same day adds none."""
        self._run(
            "schedule_abc_counts",
            done=self._abc_scheduled,
            failed=lambda exc: self._say(self.abc_result, lambda: error_text(exc)),
        )

    def _scheduled(self, done) -> None:
        added, total = len(done.added), len(done.locations)
        self._say(
            self.result,
            lambda: self.tr("{added} new task(s), {total} location(s)").format(
                added=added, total=total
            ),
        )

    def _abc_scheduled(self, done) -> None:
        added, due, per_class = len(done.added), len(done.locations), done.per_class()
        self._say(
            self.abc_result,
            lambda: self.tr(
                "Today: {added} new count task(s) · {due} location(s) due (A {a} · B {b} · C {c})"
            ).format(added=added, due=due, a=per_class["A"], b=per_class["B"], c=per_class["C"]),
        )

    def _say(self, label: ElidedLabel, text) -> None:
        self._said[label] = text
        label.setText(text())
        label.setToolTip(text())
