"""The Slotting section of the Exceptions tab, beside the counts (the lead's stock-control
corner): where products should live, from the last days' picks (docs/routing.md "Slotting").
The lead chooses how many days to replay and how many moves at most, proposes (the moves with
the metres each saves, replayed with the exact router), then turns them into move tasks for the
stock clerk with one button. A section, not a tab: nine tabs do not fit a 1280 px tab bar.

UI thread only. Proposing replays thousands of routes and takes seconds: it runs on the
database worker (`run`); the buttons wait, the screen does not.

Several warehouses: the proposal is the chosen warehouse's (its picks, faces and locations), and
its tasks are made there. Choosing another warehouse forgets the proposal shown (`forget`); one
still being replayed for the warehouse left is dropped when it arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.lead.models import RowsModel, tr
from ui.messages import error_text
from ui.widgets import ElidedLabel

TABLE_HEIGHT = 160  # a header and three moves; the rest scroll: the exceptions come first


class MovesModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Product")), lambda m: m.sku),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Class")), lambda m: m.abc),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Picks")), lambda m: str(m.picks)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "From")), lambda m: m.from_location),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "To")), lambda m: m.to_location),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Swaps with")), lambda m: m.swap_with or ""),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Saves (m)")), lambda m: f"{m.saving_m:.0f}"),
            ],
            parent,
        )


class SlottingSection(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self.run_result = None  # the last proposal (app.services.slotting.SlottingRun)
        self.busy = False
        self.created: list[int] | None = None
        self._generation = 0  # bumped by `forget`: a proposal of an older one is dropped
        self.days = QSpinBox(minimum=1, maximum=366, value=30, objectName="slottingDays")
        self.max_moves = QSpinBox(minimum=1, maximum=500, value=20, objectName="slottingMoves")
        self.days_label, self.moves_label = QLabel(), QLabel()
        self.propose_button = QPushButton(objectName="primary")
        self.propose_button.clicked.connect(self.propose)
        self.create_button = QPushButton(objectName="primary", enabled=False)
        self.create_button.clicked.connect(self.create_tasks)
        self.moves = MovesModel(self)
        self.view = QTableView(objectName="slottingTable")
        self.view.setModel(self.moves)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(40)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setFixedHeight(TABLE_HEIGHT)
        self.view.hide()  # until there are moves to show
        # Elided (whole in the tooltip): a long refusal never widens the tab past the screen.
        self.summary = ElidedLabel(objectName="slottingSummary")
        self.result = ElidedLabel(objectName="slottingResult")
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        for widget in (self.days_label, self.days, self.moves_label, self.max_moves):
            row.addWidget(widget)
        row.addWidget(self.propose_button)
        row.addWidget(self.result, 1)
        plan = QHBoxLayout()  # two rows: one would be wider than 1280 px with the floor's type
        plan.addWidget(self.create_button)
        plan.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(plan)
        layout.addWidget(self.view)

    def retranslate(self) -> None:
        self.days_label.setText(self.tr("Days of picks"))
        self.moves_label.setText(self.tr("Moves at most"))
        self.propose_button.setText(self.tr("Propose moves"))
        self.create_button.setText(self.tr("Create move tasks"))
        self.moves.retranslate()
        self._show_summary()
        self._show_result()

    def propose(self) -> None:
        self.busy, self.created = True, None
        self._set_buttons()
        self._show_summary()
        self._show_result()
        generation = self._generation

        def done(run) -> None:
            if generation == self._generation:
                self.show_run(run)

        self._run(
            "slotting", self.days.value(), self.max_moves.value(), done=done, failed=self._failed
        )

    def forget(self) -> None:
        """Another warehouse was chosen: the proposal shown (or on its way) was the last one's."""
        self._generation += 1
        self.busy, self.run_result, self.created = False, None, None
        self.moves.set_rows([])
        self.view.hide()
        self._set_buttons()
        self._show_summary()
        self._show_result()

    def show_run(self, run) -> None:
        self.busy, self.run_result = False, run
        self.moves.set_rows(list(run.plan.moves))
        self.view.setVisible(bool(run.plan.moves))
        self._set_buttons()
        self._show_summary()

    def create_tasks(self) -> None:
        if self.run_result is None:
            return
        self.busy = True
        self._set_buttons()
        self._run("create_slotting_tasks", self.run_result, done=self._created, failed=self._failed)

    def _created(self, task_ids: list[int]) -> None:
        self.busy, self.created = False, task_ids
        self._set_buttons()
        self._show_result()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._set_buttons()
        self.result.setText(error_text(exc))

    def _set_buttons(self) -> None:
        has_moves = self.run_result is not None and bool(self.run_result.plan.moves)
        self.propose_button.setEnabled(not self.busy)
        self.create_button.setEnabled(not self.busy and has_moves and self.created is None)

    def _show_summary(self) -> None:
        run = self.run_result
        if self.busy and self.created is None:
            text = self.tr("Replaying the pick lists with the exact router…")
        elif run is None:
            text = self.tr(
                "Slotting: propose moves that bring fast movers and products ordered "
                "together nearer the depot."
            )
        else:
            text = self._run_text(run)
        self.summary.setText(text)

    def _run_text(self, run) -> str:
        plan, days = run.plan, run.days
        if not plan.pick_lists:  # a new site or a quiet spell: nothing was replayed
            return self.tr(
                "No pick lists picked in the last {days} days: nothing to replay. Try more days."
            ).format(days=days)
        current = f"{plan.current_m:.0f}"
        if not plan.moves:
            return self.tr(
                "No move within the limits shortens the walk of {lists} pick lists ({current} m)."
            ).format(lists=plan.pick_lists, current=current)
        return self.tr(
            "−{pct} %: {current} m → {proposed} m over {lists} pick lists of "
            "{days} days, {moves} moves, {locations} locations ({share} %)"
        ).format(
            lists=plan.pick_lists,
            days=days,
            current=current,
            proposed=f"{plan.proposed_m:.0f}",
            pct=f"{plan.saving_pct:.1f}",
            moves=plan.relocations,
            locations=plan.touched,
            share=f"{plan.moved_pct:.2f}",
        )

    def _show_result(self) -> None:
        if self.created is None:
            self.result.setText("")
            return
        self.result.setText(self.tr("{n} move task(s) created").format(n=len(self.created)))
