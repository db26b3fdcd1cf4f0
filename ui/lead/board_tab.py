"""The Board tab: waves and pick lists with progress; drag a list onto a picker to reassign.

UI thread only: every change goes through `run(fn, *args)`, which the home sends to the
database worker; the board is reloaded when the change is done.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.lead.models import PickListModel, WaveModel, pick_list_ids
from ui.widgets import ElidedLabel


class PickerDropList(QListWidget):
    """The pickers on shift. Dropping pick lists on a name asks to reassign them to that picker."""

    dropped = Signal(list, str)  # pick list ids, picker name

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pickerDrop")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event) -> None:
        if pick_list_ids(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if self.itemAt(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        if self.accept_drop(event.mimeData(), item.text() if item else None):
            event.acceptProposedAction()

    def accept_drop(self, mime, picker: str | None) -> bool:
        ids = pick_list_ids(mime)
        if not ids or not picker:
            return False
        self.dropped.emit(ids, picker)
        return True


class ReassignDialog(QDialog):
    """Pick the picker who gets the selected lists (or the whole wave)."""

    def __init__(self, pickers: list[str], what: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reassign"))
        self.picker = QComboBox(objectName="reassignPicker")
        self.picker.addItems(pickers)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Give {what} to:").format(what=what)))
        layout.addWidget(self.picker)
        layout.addWidget(buttons)


SHOWN_REPLENISHMENTS = 4  # the most urgent; the clerk's move page lists them all


def _fixed_widths(view: QTableView, widths: dict[int, int]) -> None:
    """Fixed columns and one stretching column: measuring 2,000 rows on every refresh would
    cost the UI thread more than the refresh itself."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    for column, width in widths.items():
        header.resizeSection(column, width)
    stretch = next(c for c in range(view.model().columnCount()) if c not in widths)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class BoardTab(QWidget):
    """Waves on top, their pick lists below, pickers on the right as drop targets."""

    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self.pickers: list[str] = []
        self.waves = WaveModel(self)
        self.lists = PickListModel(self)
        self.wave_view = self._table(self.waves, "waveTable")
        self.wave_view.setMaximumHeight(220)
        # The wave's name whole; the counts share what is left.
        self.wave_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.wave_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._enable_wave_buttons()
        )
        self.list_view = self._table(self.lists, "boardTable")
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.setDragEnabled(True)
        self.list_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        # It takes the height left over: its preferred height must not make the tab taller
        # than a 1280×800 monitor now that a second row of wave actions sits above it.
        policy = self.list_view.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        self.list_view.setSizePolicy(policy)
        self.list_view.setMinimumHeight(3 * 44)  # the header and two lists at least
        # Narrow enough that the wave column keeps its room beside the pickers at 1280 px.
        _fixed_widths(self.list_view, {0: 100, 2: 130, 3: 190, 4: 125, 5: 110, 6: 140})
        self.picker_list = PickerDropList()
        self.picker_list.setMaximumWidth(260)
        self.picker_list.dropped.connect(self.reassign)
        self.summary = QLabel(objectName="boardSummary")
        self.buttons = {
            name: QPushButton(objectName="secondary")
            for name in ("reassign", "unassign", "hold", "resume", "cancel", "top_up", "rebalance")
        }
        self.buttons["reassign"].clicked.connect(self.ask_reassign)
        self.buttons["unassign"].clicked.connect(self.unassign)
        self.buttons["hold"].clicked.connect(lambda: self._wave_action("hold"))
        self.buttons["resume"].clicked.connect(lambda: self._wave_action("resume"))
        self.buttons["cancel"].clicked.connect(lambda: self._wave_action("cancel"))
        self.buttons["top_up"].clicked.connect(lambda: self._wave_action("top_up"))
        self.buttons["rebalance"].clicked.connect(self.preview_rebalance)
        # A re-balance's preview: the walking it saves, then Apply (docs/lead.md).
        self.rebalance = None
        self.rebalance_text = QLabel(objectName="rebalancePreview")
        self.rebalance_text.setWordWrap(True)
        self.apply_button = QPushButton(objectName="primary")
        self.apply_button.clicked.connect(self.apply_rebalance)
        self.close_button = QPushButton(objectName="secondary")
        self.close_button.clicked.connect(lambda: self.show_rebalance(None))
        self.pickers_title = QLabel(objectName="sectionTitle")
        self.pickers_title.setWordWrap(True)  # as wide as the pickers' list, not wider
        self.pickers_title.setMaximumWidth(260)
        # Open replenishments: how many and the most urgent few, on one line under the summary
        # (the whole list in its tooltip; the clerk's move page lists them all).
        self.replenishments: tuple = ()
        self.refill_line = ElidedLabel(objectName="boardReplenishments")
        self._lay_out()
        self.retranslate()
        self._enable_wave_buttons()

    def _table(self, model, name: str) -> QTableView:
        view = QTableView(objectName=name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(44)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.horizontalHeader().setMinimumHeight(44)
        return view

    def _lay_out(self) -> None:
        rows = (("reassign", "unassign", "hold", "resume", "cancel"), ("top_up", "rebalance"))
        actions = [QHBoxLayout(), QHBoxLayout(), QHBoxLayout()]
        for row, names in zip(actions, rows, strict=False):
            for name in names:
                row.addWidget(self.buttons[name])
            row.addStretch(1)
        # The re-balance preview on a line of its own, shown only while there is one.
        actions[2].addWidget(self.rebalance_text, 1)
        actions[2].addWidget(self.apply_button)
        actions[2].addWidget(self.close_button)
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.refill_line)
        left.addWidget(self.wave_view)
        for row in actions:
            left.addLayout(row)
        left.addWidget(self.list_view, 1)
        right = QVBoxLayout()
        right.addWidget(self.pickers_title)
        right.addWidget(self.picker_list, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right)

    def retranslate(self) -> None:
        texts = {
            "reassign": self.tr("Reassign…"),
            "unassign": self.tr("Unassign"),
            "hold": self.tr("Hold wave"),
            "resume": self.tr("Resume wave"),
            "cancel": self.tr("Cancel wave"),
            "top_up": self.tr("Top up wave"),
            "rebalance": self.tr("Re-balance…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.pickers_title.setText(self.tr("Drop lists on a picker"))
        self.apply_button.setText(self.tr("Apply"))
        self.close_button.setText(self.tr("Close"))
        self.show_rebalance(self.rebalance)
        self.waves.retranslate()
        self.lists.retranslate()
        self._summarise()

    def show_board(self, board) -> None:
        """A fresh board from the worker. Keeps the selection by pick list id."""
        selected = set(self.selected_list_ids())
        wave_row = self.wave_view.currentIndex().row()
        self.waves.set_rows(board.waves)
        self.lists.set_rows(board.rows)
        if 0 <= wave_row < len(board.waves):
            self.wave_view.selectRow(wave_row)
        for row, pick_list in enumerate(board.rows):
            if pick_list.id in selected:
                self.list_view.selectionModel().select(
                    self.lists.index(row, 0),
                    self.list_view.selectionModel().SelectionFlag.Select
                    | self.list_view.selectionModel().SelectionFlag.Rows,
                )
        self.replenishments = tuple(getattr(board, "replenishments", ()))
        if board.pickers != self.pickers:
            self.pickers = list(board.pickers)
            self.picker_list.clear()
            self.picker_list.addItems(self.pickers)
        self._summarise()
        self._enable_wave_buttons()

    def _enable_wave_buttons(self) -> None:
        """Top up a planned wave; re-balance a released one."""
        wave = self.selected_wave()
        self.buttons["top_up"].setEnabled(wave is not None and wave.status == "planned")
        self.buttons["rebalance"].setEnabled(wave is not None and wave.status == "released")

    def _summarise(self) -> None:
        self._show_replenishments()
        rows = self.lists.rows
        done = sum(r.done for r in rows)
        total = sum(r.total for r in rows)
        self.summary.setText(
            self.tr("{lists} pick lists on the floor · {done} of {total} lines picked").format(
                lists=len(rows), done=done, total=total
            )
        )

    def _show_replenishments(self) -> None:
        tasks = self.replenishments
        count = self.tr("Replenishments open: {count}").format(count=len(tasks))
        shown = [
            self.tr("{quantity} × {sku}: {source} → {target}").format(
                quantity=t.quantity, sku=t.sku, source=t.from_location, target=t.to_location
            )
            for t in tasks[:SHOWN_REPLENISHMENTS]
        ]
        if len(tasks) > SHOWN_REPLENISHMENTS:
            shown.append(self.tr("and {more} more").format(more=len(tasks) - SHOWN_REPLENISHMENTS))
        self.refill_line.setText(" · ".join([count, *shown]))

    def selected_list_ids(self) -> list[int]:
        rows = {i.row() for i in self.list_view.selectionModel().selectedRows()}
        return [self.lists.rows[r].id for r in sorted(rows) if r < len(self.lists.rows)]

    def selected_wave(self):
        row = self.wave_view.currentIndex().row()
        return self.waves.rows[row] if 0 <= row < len(self.waves.rows) else None

    def confirm(self, question: str) -> bool:
        """Asks before a change that cannot be undone (tests replace it)."""
        answer = QMessageBox.question(self, self.tr("Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes

    def reassign(self, list_ids: list[int], picker: str) -> None:
        self._run("reassign", list_ids, picker)

    def ask_reassign(self) -> None:
        ids, wave = self.selected_list_ids(), self.selected_wave()
        if not ids and wave is None:
            return
        what = (
            self.tr("{n} pick list(s)").format(n=len(ids))
            if ids
            else self.tr("wave {name}").format(name=wave.name)
        )
        dialog = ReassignDialog(self.pickers, what, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.picker.currentText():
            if ids:
                self.reassign(ids, dialog.picker.currentText())
            else:
                self._run("reassign_wave", wave.id, dialog.picker.currentText())

    def unassign(self) -> None:
        if ids := self.selected_list_ids():
            self._run("unassign", ids)

    def _wave_action(self, action: str) -> None:
        wave = self.selected_wave()
        if wave is None:
            return
        if action == "top_up":
            self._run("top_up", wave.id)
        elif action == "cancel":
            question = self.tr("Cancel wave {name}? Its orders give their stock back.")
            if self.confirm(question.format(name=wave.name)):
                self._run("cancel", wave.id, self.tr("cancelled from the board"))
        else:
            self._run(action, wave.id)

    def preview_rebalance(self) -> None:
        wave = self.selected_wave()
        if wave is not None:
            self._run("rebalance_preview", wave.id, done=self.show_rebalance)

    def show_rebalance(self, preview) -> None:
        """The preview's saving beside Apply (None: hide it)."""
        self.rebalance = preview
        for widget in (self.rebalance_text, self.apply_button, self.close_button):
            widget.setVisible(preview is not None)
        if preview is None:
            return
        self.apply_button.setEnabled(preview.worthwhile)
        figures = dict(
            wave=preview.wave,
            carts=len(preview.versions),
            before=f"{preview.before_m:.0f}",
            after=f"{preview.after_m:.0f}",
            saved=f"{preview.saved_m:.0f}",
            pct=f"{preview.saved_pct:.1f}",
        )
        if preview.worthwhile:
            text = self.tr(
                "Wave {wave}: walking saved {saved} m ({pct} %) · {carts} unstarted carts, "
                "{before} m → {after} m"
            )
        else:
            text = self.tr("Wave {wave}: no shorter carts · {carts} unstarted carts, {before} m")
        self.rebalance_text.setText(text.format(**figures))

    def apply_rebalance(self) -> None:
        if self.rebalance is not None and self.rebalance.worthwhile:
            self.apply_button.setEnabled(False)  # once; a refusal asks for a new preview
            self._run("rebalance_apply", self.rebalance, done=lambda _: self.show_rebalance(None))
