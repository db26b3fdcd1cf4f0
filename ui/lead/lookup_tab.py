"""The Order lookup tab: scan a tote or type an order, see everything that happened to it.

With several warehouses any order is found, wherever it is (a lead looking up a number must
find it); a number that fits several orders takes the chosen warehouse's. A line under the
heading names the order's warehouse, and says so plainly when it is not the one chosen.

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
from ui.widgets import MessageBanner


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


def status_text(status: str) -> str:
    """An order's status as the lead reads it (app/domain/orders.py OrderStatus)."""
    words = {
        "received": QCoreApplication.translate("OrderStatus", "received"),
        "on_hold": QCoreApplication.translate("OrderStatus", "on hold"),
        "allocated": QCoreApplication.translate("OrderStatus", "allocated"),
        "released": QCoreApplication.translate("OrderStatus", "released"),
        "picking": QCoreApplication.translate("OrderStatus", "picking"),
        "picked": QCoreApplication.translate("OrderStatus", "picked"),
        "packed": QCoreApplication.translate("OrderStatus", "packed"),
        "shipped": QCoreApplication.translate("OrderStatus", "shipped"),
        "exception": QCoreApplication.translate("OrderStatus", "exception"),
        "cancelled": QCoreApplication.translate("OrderStatus", "cancelled"),
        "partially_returned": QCoreApplication.translate("OrderStatus", "partially returned"),
        "returned": QCoreApplication.translate("OrderStatus", "returned"),
    }
    return words.get(status, status)


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
        self.where = MessageBanner()  # the order's warehouse (several warehouses only)
        self.where.hide()
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
        layout.addWidget(self.where)
        layout.addWidget(self.view, 1)
        self.shown = None
        self.retranslate()

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr("Scan a tote or type CHANNEL/ORDER_ID"))
        self.find_button.setText(self.tr("Find"))
        self.timeline.retranslate()
        self._heading()
        self.where.retranslate()

    def look_up(self, text: str | None = None) -> None:
        text = (text if isinstance(text, str) else self.query.text()).strip()
        if text:
            self.query.setText(text)
            self._run("timeline", text, done=self.show_timeline)

    def warehouse_changed(self) -> None:
        """The lead chose another warehouse: look the order shown up again (its line says
        whether it is the chosen warehouse's)."""
        if self.shown is not None:
            self._run("timeline", self.shown.order, done=self.show_timeline)

    def show_timeline(self, timeline) -> None:
        self.shown = timeline
        self.timeline.set_rows(timeline.entries)
        self._heading()
        self._where()

    def _where(self) -> None:
        shown = self.shown
        if shown is None or shown.chosen is None:  # a single site: nothing to say
            self.where.clear()
        elif shown.warehouse is None:
            self.where.show_message(
                "info",
                lambda: self.tr("Order {order} is not reserved in any warehouse yet.").format(
                    order=shown.order
                ),
            )
        elif shown.elsewhere:
            self.where.show_message(
                "error",
                lambda: self.tr(
                    "Order {order} is at {warehouse}, not at {chosen}: its work is {warehouse}'s."
                ).format(order=shown.order, warehouse=shown.warehouse, chosen=shown.chosen),
            )
        else:
            self.where.show_message(
                "info",
                lambda: self.tr("Order {order} is at {warehouse}.").format(
                    order=shown.order, warehouse=shown.warehouse
                ),
            )
        self.where.setVisible(self.where.kind != "none")

    def _heading(self) -> None:
        if self.shown is None:
            self.heading.setText("")
            return
        self.heading.setText(
            self.tr("Order {order} — now {status} — {n} steps").format(
                order=self.shown.order,
                status=status_text(self.shown.status),
                n=len(self.shown.entries),
            )
        )
