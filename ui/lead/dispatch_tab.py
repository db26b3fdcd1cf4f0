"""The Dispatch tab: each carrier at the dock (units, parcels loaded, parcels still waiting) and
the end-of-day close of one carrier, with its manifest written and left-behind parcels sent to
the Exceptions tab.

UI thread only; the dock and the close run on the database worker (`run`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
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
from ui.lead.transfers_section import TransfersSection


class DockModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Carrier")), lambda r: r.carrier),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Load units")), lambda r: ", ".join(r.units)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Loaded")), lambda r: str(r.loaded)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Not loaded yet")), lambda r: str(r.waiting)),
            ],
            parent,
            key=lambda r: r.carrier,
        )


class DispatchTab(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self.dock = DockModel(self)
        self.view = QTableView(objectName="dockTable")
        self.view.setModel(self.dock)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(40)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.clicked.connect(self._pick_row)
        self.carrier = QLineEdit(objectName="closeCarrier")
        self.carrier.returnPressed.connect(self.close_carrier)
        self.close_button = QPushButton(objectName="primary")
        self.close_button.clicked.connect(self.close_carrier)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.result = QLabel(objectName="boardSummary")
        self.result.setWordWrap(True)
        self.transfers = TransfersSection(run)  # transfers leave from the dock as well
        row = QHBoxLayout()
        row.addWidget(self.carrier, 1)
        row.addWidget(self.close_button)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.transfers, 1)
        self.closed = None  # (manifest, paths written) of the last close here
        self.retranslate()

    def retranslate(self) -> None:
        self.carrier.setPlaceholderText(self.tr("Carrier to close (code or name)"))
        self.close_button.setText(self.tr("Close carrier"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.dock.retranslate()
        self.transfers.retranslate()
        self._show_result()

    def refresh(self) -> None:
        self._run("dock", done=self.dock.set_rows)
        self.transfers.refresh()

    def _pick_row(self, index) -> None:
        self.carrier.setText(self.dock.rows[index.row()].carrier)

    def close_carrier(self) -> None:
        carrier = self.carrier.text().strip()
        if carrier:
            self._run("close_carrier", carrier, done=self._closed)

    def _closed(self, result) -> None:
        self.closed = result
        self._show_result()
        self.refresh()

    def _show_result(self) -> None:
        if self.closed is None:
            self.result.setText("")
            return
        manifest, written = self.closed
        text = self.tr(
            "{carrier} closed: manifest {manifest}, {parcels} parcels ({kg} kg), {orders} "
            "orders shipped, {left} left behind (see Exceptions)."
        ).format(
            carrier=manifest.carrier,
            manifest=manifest.code,
            parcels=len(manifest.parcels),
            kg=f"{manifest.weight_kg:.1f}",
            orders=manifest.orders_shipped,
            left=len(manifest.left_behind),
        )
        if written:
            text += " " + self.tr("Manifest: {path}").format(path=written[0])
        self.result.setText(text)
