"""The Exceptions tab: short picks, packing problems, printer failures, late and held orders.

UI thread only. The lead picks an item, a resolution the item allows, writes a note, resolves;
the resolution runs on the database worker and the queue reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.lead.queue_order import kind_counts
from ui.lead.count_schedule import CountSchedule
from ui.lead.models import RowsModel, clock, tr
from ui.lead.slotting_section import SlottingSection
from ui.messages import message_text
from ui.widgets import ElidedLabel


def kind_text(kind: str) -> str:
    words = {
        "short_pick": QCoreApplication.translate("LeadExceptions", "Short pick"),
        "pack_mismatch": QCoreApplication.translate("LeadExceptions", "Packing mismatch"),
        "pack_override": QCoreApplication.translate("LeadExceptions", "Packing override"),
        "printer_failure": QCoreApplication.translate("LeadExceptions", "Printer failure"),
        "late": QCoreApplication.translate("LeadExceptions", "Late order"),
        "at_risk": QCoreApplication.translate("LeadExceptions", "Will be late"),
        "numbers_low": QCoreApplication.translate("LeadExceptions", "Numbers running low"),
        "hold": QCoreApplication.translate("LeadExceptions", "Order on hold"),
        "weight_mismatch": QCoreApplication.translate("LeadExceptions", "Parcel weight off"),
        "serial_duplicate": QCoreApplication.translate(
            "LeadExceptions", "Serial number packed twice"
        ),
        "tote_conflict": QCoreApplication.translate("LeadExceptions", "Tote used twice"),
        "reassigned_offline": QCoreApplication.translate(
            "LeadExceptions", "Picked offline after reassignment"
        ),
        "fact_failed": QCoreApplication.translate("LeadExceptions", "Station record not applied"),
        "pin_locked": QCoreApplication.translate("LeadExceptions", "PIN locked (wrong PINs)"),
        "waiting_for_stock": QCoreApplication.translate("LeadExceptions", "Waiting for stock"),
        "pick_task_gone": QCoreApplication.translate(
            "LeadExceptions", "Picked for a cancelled wave"
        ),
        "left_behind": QCoreApplication.translate("LeadExceptions", "Parcel left behind"),
        "load_on_hold": QCoreApplication.translate("LeadExceptions", "Loaded, order on hold"),
        "load_cancelled": QCoreApplication.translate("LeadExceptions", "Loaded, order cancelled"),
        "load_twice": QCoreApplication.translate("LeadExceptions", "Parcel on two units"),
        "load_wrong_unit": QCoreApplication.translate("LeadExceptions", "Parcel on wrong unit"),
        "load_after_close": QCoreApplication.translate("LeadExceptions", "Loaded after close"),
        "unload_after_close": QCoreApplication.translate("LeadExceptions", "Unloaded after close"),
        "load_unknown": QCoreApplication.translate("LeadExceptions", "Unknown parcel loaded"),
        "receipt_difference": QCoreApplication.translate("LeadExceptions", "Receipt differences"),
        "receipt_unknown": QCoreApplication.translate("LeadExceptions", "Unknown receipt"),
        "return_flagged": QCoreApplication.translate("LeadExceptions", "Returned item flagged"),
        "return_unknown": QCoreApplication.translate(
            "LeadExceptions", "Return of an unknown order"
        ),
        "return_undo_refused": QCoreApplication.translate(
            "LeadExceptions", "Return undo not carried out"
        ),
        "stock_mismatch": QCoreApplication.translate(
            "LeadExceptions", "Stock moved that was not free: count"
        ),
        "count_variance": QCoreApplication.translate("LeadExceptions", "Count variance"),
        "count_unknown_location": QCoreApplication.translate(
            "LeadExceptions", "Count of an unknown location"
        ),
    }
    return words.get(kind, kind)


def resolution_text(resolution: str) -> str:
    words = {
        "reallocate": QCoreApplication.translate("LeadExceptions", "Pick from another location"),
        "backorder": QCoreApplication.translate("LeadExceptions", "Backorder the rest"),
        "mark_damaged": QCoreApplication.translate("LeadExceptions", "Mark damaged (write off)"),
        "cancel_line": QCoreApplication.translate("LeadExceptions", "Cancel the missing units"),
        "acknowledge": QCoreApplication.translate("LeadExceptions", "Checked, close it"),
        "prioritise": QCoreApplication.translate("LeadExceptions", "Make it urgent"),
        "cancel_order": QCoreApplication.translate("LeadExceptions", "Cancel the order"),
        "release_hold": QCoreApplication.translate("LeadExceptions", "Release for allocation"),
        "retry": QCoreApplication.translate("LeadExceptions", "Apply it again"),
        "unlock_pin": QCoreApplication.translate("LeadExceptions", "Unlock the PIN now"),
        "retry_allocation": QCoreApplication.translate("LeadExceptions", "Allocate it now"),
        "next_collection": QCoreApplication.translate(
            "LeadExceptions", "Ship with the next collection"
        ),
        "pull_parcel": QCoreApplication.translate("LeadExceptions", "Parcel pulled off the unit"),
        "approve_count": QCoreApplication.translate(
            "LeadExceptions", "Approve: set stock to the second count"
        ),
        "recount": QCoreApplication.translate("LeadExceptions", "Count it again"),
    }
    return words.get(resolution, resolution)


class QueueModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Problem")), lambda q: kind_text(q.kind)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Order")), lambda q: q.order or "—"),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "What happened")),
                    lambda q: message_text(q.summary),
                ),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Since")), lambda q: clock(q.since)),
            ],
            parent,
            key=lambda q: q.key,
        )


class ExceptionsTab(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self._items: list = []  # the whole queue; the table shows the kinds the filter lets by
        self.queue = QueueModel(self)
        self.view = QTableView(objectName="exceptionTable")
        self.view.setModel(self.queue)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(44)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._offer_choices)
        self.choice = QComboBox(objectName="resolution")
        self.note = QLineEdit(objectName="resolutionNote")
        self.resolve_button = QPushButton(objectName="primary", enabled=False)
        self.resolve_button.clicked.connect(self.resolve)
        # One line: the counts per kind elide (whole in the tooltip), so a long list of kinds
        # never pushes the resolution row below a 1280×800 screen.
        self.count = ElidedLabel(objectName="boardSummary")
        self.kind_filter = QComboBox(objectName="exceptionKindFilter")
        self.kind_filter.currentIndexChanged.connect(self._filter_changed)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.kind_filter)
        actions = QHBoxLayout()
        actions.addWidget(self.choice, 2)
        actions.addWidget(self.note, 3)
        actions.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.counts = CountSchedule(run)  # count_variance items are approved above
        layout.addWidget(self.counts)
        self.slotting = SlottingSection(run)  # its moves are the clerk's tasks, like counts
        layout.addWidget(self.slotting)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setPlaceholderText(self.tr("Note (why, what you checked)"))
        self.resolve_button.setText(self.tr("Resolve"))
        self.counts.retranslate()
        self.slotting.retranslate()
        self.queue.retranslate()
        self._fill_filter()
        self._offer_choices()
        self._count()

    def show_queue(self, items) -> None:
        self._items = list(items)
        self._fill_filter()
        self._show_filtered()

    @property
    def total(self) -> int:
        return len(self._items)

    def show_kind(self, kind: str | None) -> None:
        """Show only one kind of problem (None: all of them)."""
        index = self.kind_filter.findData(kind)
        self.kind_filter.setCurrentIndex(max(index, 0))

    def _filter_changed(self, _index: int) -> None:
        self._show_filtered()

    def _show_filtered(self) -> None:
        current, kind = self.current(), self.kind_filter.currentData()
        shown = [item for item in self._items if kind is None or item.kind == kind]
        self.queue.set_rows(shown)
        keys = [item.key for item in shown]
        if current is not None and current.key in keys:
            self.view.selectRow(keys.index(current.key))
        self._offer_choices()
        self._count()

    def _fill_filter(self) -> None:
        """One entry per kind in the queue, with its count; the chosen kind stays chosen."""
        chosen = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("All problems ({n})").format(n=len(self._items)), None)
        for kind, n in kind_counts(self._items):
            self.kind_filter.addItem(f"{kind_text(kind)} ({n})", kind)
        self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(chosen), 0))
        self.kind_filter.blockSignals(False)

    def _count(self) -> None:
        counts = " · ".join(f"{kind_text(k)} {n}" for k, n in kind_counts(self._items))
        text = self.tr("{n} open problem(s)").format(n=len(self._items))
        self.count.setText(f"{text}: {counts}" if counts else text)

    def current(self):
        row = self.view.currentIndex().row()
        return self.queue.rows[row] if 0 <= row < len(self.queue.rows) else None

    def _offer_choices(self, *_args) -> None:
        item = self.current()
        chosen = self.choice.currentData()
        self.choice.clear()
        for resolution in item.choices if item else ():
            self.choice.addItem(resolution_text(resolution), resolution)
        preferred = chosen if chosen is not None else (item.suggested if item else None)
        if preferred is not None and self.choice.findData(preferred) >= 0:
            self.choice.setCurrentIndex(self.choice.findData(preferred))
        self.resolve_button.setEnabled(item is not None)

    def choose(self, resolution: str) -> None:
        self.choice.setCurrentIndex(self.choice.findData(resolution))

    def resolve(self) -> None:
        item = self.current()
        if item is None or self.choice.currentData() is None:
            return
        self._run(
            "resolve",
            item.key,
            self.choice.currentData(),
            self.note.text().strip(),
            done=self._resolved,
        )

    def _resolved(self, _outcome) -> None:
        self.note.clear()
