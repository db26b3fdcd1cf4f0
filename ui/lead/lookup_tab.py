"""The Order lookup tab: scan a tote or type an order, see everything that happened to it.

UI thread only; the timeline is read on the database worker.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.lead.models import RowsModel, tr
from ui.messages import message_text


def step_text(what: str) -> str:
    words = {
        "order.received": QCoreApplication.translate("LeadTimeline", "Imported"),
        "order.allocated": QCoreApplication.translate("LeadTimeline", "Stock reserved"),
        "order.released": QCoreApplication.translate("LeadTimeline", "Released to the floor"),
        "order.picking": QCoreApplication.translate("LeadTimeline", "Picking started"),
        "order.picked": QCoreApplication.translate("LeadTimeline", "Picked"),
        "order.packed": QCoreApplication.translate("LeadTimeline", "Packed"),
        "order.shipped": QCoreApplication.translate("LeadTimeline", "Shipped"),
        "order.on_hold": QCoreApplication.translate("LeadTimeline", "Put on hold"),
        "order.exception": QCoreApplication.translate("LeadTimeline", "Exception"),
        "order.cancelled": QCoreApplication.translate("LeadTimeline", "Cancelled"),
        "pick": QCoreApplication.translate("LeadTimeline", "Pick"),
        "pick (open)": QCoreApplication.translate("LeadTimeline", "Pick (still open)"),
        "pack.item": QCoreApplication.translate("LeadTimeline", "Item packed"),
        "package.closed": QCoreApplication.translate("LeadTimeline", "Carton closed"),
        "pack.override": QCoreApplication.translate("LeadTimeline", "Lead override at packing"),
        "label.printed": QCoreApplication.translate("LeadTimeline", "Label printed"),
        "shipment": QCoreApplication.translate("LeadTimeline", "Shipment"),
    }
    return words.get(what) or area_text(what)


def area_text(what: str) -> str:
    """Any other kind by the part of the work it belongs to; the Details say what happened."""
    area = what.split(".", 1)[0]
    areas = {
        "order": QCoreApplication.translate("LeadTimeline", "Order"),
        "pick": QCoreApplication.translate("LeadTimeline", "Picking"),
        "picklist": QCoreApplication.translate("LeadTimeline", "Picking"),
        "tote": QCoreApplication.translate("LeadTimeline", "Picking"),
        "scan": QCoreApplication.translate("LeadTimeline", "Scan"),
        "pack": QCoreApplication.translate("LeadTimeline", "Packing"),
        "package": QCoreApplication.translate("LeadTimeline", "Packing"),
        "label": QCoreApplication.translate("LeadTimeline", "Label"),
        "exception": QCoreApplication.translate("LeadTimeline", "Lead decision"),
        "wave": QCoreApplication.translate("LeadTimeline", "Wave"),
        "user": QCoreApplication.translate("LeadTimeline", "People"),
        "stock": QCoreApplication.translate("LeadTimeline", "Stock"),
        "dispatch": QCoreApplication.translate("LeadTimeline", "Dispatch"),
    }
    return areas.get(area, QCoreApplication.translate("LeadTimeline", "Set-up"))


def stamp(moment) -> str:
    return "" if moment is None else moment.astimezone().strftime("%m-%d %H:%M:%S")


class TimelineModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "When")), lambda e: stamp(e.at)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "What")), lambda e: step_text(e.what)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Who")), lambda e: e.who),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Where")), lambda e: e.where),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Details")), lambda e: message_text(e.detail)),
            ],
            parent,
        )


class LookupTab(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self.query = QLineEdit(objectName="orderLookup")
        self.query.returnPressed.connect(self.look_up)
        self.find_button = QPushButton(objectName="primary")
        self.find_button.clicked.connect(self.look_up)
        self.heading = QLabel(objectName="boardSummary")
        self.timeline = TimelineModel(self)
        self.view = QTableView(objectName="timelineTable")
        self.view.setModel(self.timeline)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(40)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        search = QHBoxLayout()
        search.addWidget(self.query, 1)
        search.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.shown = None
        self.retranslate()

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr("Scan a tote or type CHANNEL/ORDER_ID"))
        self.find_button.setText(self.tr("Find"))
        self.timeline.retranslate()
        self._heading()

    def look_up(self, text: str | None = None) -> None:
        text = (text if isinstance(text, str) else self.query.text()).strip()
        if text:
            self.query.setText(text)
            self._run("timeline", text, done=self.show_timeline)

    def show_timeline(self, timeline) -> None:
        self.shown = timeline
        self.timeline.set_rows(timeline.entries)
        self._heading()

    def _heading(self) -> None:
        if self.shown is None:
            self.heading.setText("")
            return
        self.heading.setText(
            self.tr("Order {order} — now {status} — {n} steps").format(
                order=self.shown.order, status=self.shown.status, n=len(self.shown.entries)
            )
        )
