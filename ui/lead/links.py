"""The "Shop and ERP links" section of the lead's Stations tab: each integration endpoint's
queue, the parked messages, and Send again / Drop for one of them (docs/integrations.md).

UI thread only; the rows come from `LeadConsole.links` on the database worker (the stations
poll), and the two actions run there too, through `run`, as the signed-in lead.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.lead.models import RowsModel, tr

SET_UP_COMMAND = "shipshape integrations --set endpoints.json --badge B --pin P"
PARKED_BACKGROUND = QBrush(QColor("#b00020"))  # strong red, with white words on it
PARKED_TEXT = QBrush(QColor("#ffffff"))


def when(moment: datetime | None) -> str:
    """Today's time as HH:MM, an older one with its date; "never" when none."""
    if moment is None:
        return QCoreApplication.translate("LeadLinks", "never")
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


class LinksModel(RowsModel):
    """One row per endpoint; an endpoint with parked messages in strong red."""

    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Link")), lambda r: r.name),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Kind")), lambda r: r.kind),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Waiting")), lambda r: str(r.waiting)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Parked")), lambda r: str(r.parked)),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Last delivery")),
                    lambda r: when(r.last_delivery),
                ),
            ],
            parent,
            key=lambda r: r.name,
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and self.rows[index.row()].parked:
            if role == Qt.ItemDataRole.BackgroundRole:
                return PARKED_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return PARKED_TEXT
        return super().data(index, role)


class ParkedModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Link")), lambda r: r.endpoint),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Message")), lambda r: r.kind),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Order")), lambda r: r.order or "–"),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Tries")), lambda r: str(r.tries)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Last error")), lambda r: r.last_error),
            ],
            parent,
            key=lambda r: (r.endpoint, r.id),
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.rows[index.row()].last_error  # a long error in full
        return super().data(index, role)


def _table(model, name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view


def fit_rows(view: QTableView, rows: int) -> None:
    header = view.horizontalHeader().sizeHint().height()
    body = view.verticalHeader().defaultSectionSize() * max(rows, 1)
    view.setFixedHeight(header + body + 2 * view.frameWidth())


class LinksSection(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self.links = None  # the last Links from the worker
        self.title = QLabel(objectName="linksTitle")
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.none_set = QLabel(objectName="linksNone")
        self.none_set.setWordWrap(True)
        self.endpoints = LinksModel(self)
        self.endpoint_view = _table(self.endpoints, "linksTable")
        self.parked = ParkedModel(self)
        self.parked_view = _table(self.parked, "parkedTable")
        header = self.parked_view.horizontalHeader()
        for column in range(4):  # the last error takes what is left, wrapped
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.parked_view.setWordWrap(True)
        self.parked_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.parked_view.selectionModel().selectionChanged.connect(self._enable)
        self.send_button = QPushButton(objectName="primary")
        self.send_button.clicked.connect(self.send_again)
        self.drop_button = QPushButton()
        self.drop_button.clicked.connect(self.drop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.drop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.none_set)
        layout.addWidget(self.endpoint_view)
        layout.addWidget(self.parked_view, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_links(None)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Shop and ERP links"))
        self.none_set.setText(
            self.tr("No shop or ERP links are set up. Set them with: {command}").format(
                command=SET_UP_COMMAND
            )
        )
        self.send_button.setText(self.tr("Send again"))
        self.drop_button.setText(self.tr("Drop"))
        self.endpoints.retranslate()
        self.parked.retranslate()

    def show_links(self, links) -> None:
        """New rows from the poll (None: not read yet)."""
        self.links = links
        endpoints = links.endpoints if links else []
        self.endpoints.set_rows(endpoints)
        fit_rows(self.endpoint_view, len(endpoints))  # every endpoint in sight, never scrolled
        self.parked.set_rows(links.parked if links else [])
        self.none_set.setVisible(links is not None and not endpoints)
        self.endpoint_view.setVisible(bool(endpoints))
        self.parked_view.setVisible(bool(endpoints))
        self.send_button.setVisible(bool(endpoints))
        self.drop_button.setVisible(bool(endpoints))
        self._enable()

    def selected(self):
        rows = self.parked_view.selectionModel().selectedRows()
        return self.parked.rows[rows[0].row()] if rows else None

    def _enable(self, *_) -> None:
        chosen = self.selected() is not None
        self.send_button.setEnabled(chosen)
        self.drop_button.setEnabled(chosen)

    def send_again(self) -> None:
        row = self.selected()
        if row is not None:
            self._run("send_again", row.endpoint, row.id)

    def drop(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = self.tr(
            "Drop the {kind} message of order {order} for {link}? It will not be sent again."
        ).format(kind=row.kind, order=row.order or "–", link=row.endpoint)
        if self.confirm(question):
            self._run("drop_message", row.endpoint, row.id)

    def confirm(self, question: str) -> bool:
        """Yes/No from the lead (tests replace it)."""
        answer = QMessageBox.question(self, self.tr("Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes
