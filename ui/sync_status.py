"""Sync status on screen: a station's own state (bottom bar) and every station's, for the lead.

`SyncStatusBridge.report` is what the sync thread calls (any thread); it hands the emit to the
UI-thread bridge (ui/bridge.py), so the signal fires on the UI thread, where `SyncStatusWidget.show_status` paints it: online or offline in colour AND
words, how many facts wait to sync, and when central last confirmed them. `StationsTable` is a
model/view of `app.services.sync.station_table` rows for the lead console to embed.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView

from ui.bridge import MainThreadBridge


class SyncStatusBridge(QObject):
    changed = Signal(object)  # app.services.sync.SyncStatus

    def __init__(self, parent: QObject | None = None, bridge: MainThreadBridge | None = None):
        super().__init__(parent)
        self.bridge = bridge or MainThreadBridge(self)

    def report(self, status: object) -> None:  # called on the sync thread
        self.bridge.run_on_main(self.changed.emit, status)


def _clock(moment: datetime | None) -> str | None:
    return moment.astimezone().strftime("%H:%M:%S") if moment else None


class SyncStatusWidget(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.status = None
        self._paint()

    def show_status(self, status) -> None:
        self.status = status
        self._paint()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._paint()
        super().changeEvent(event)

    def _paint(self) -> None:
        status = self.status
        online = bool(status and status.online)
        state = self.tr("● Online") if online else self.tr("● Offline")
        waiting = status.waiting if status else 0
        last = _clock(status.last_sync if status else None)
        parts = [
            state,
            self.tr("waiting to sync: %1").replace("%1", str(waiting)),
            self.tr("last sync %1").replace("%1", last) if last else self.tr("not synced yet"),
        ]
        self.setText("  ·  ".join(parts))
        self.setProperty("state", "online" if online else "offline")
        self.setToolTip(status.error if status and status.error else "")
        self.style().unpolish(self)
        self.style().polish(self)


class StationsModel(QAbstractTableModel):
    """Rows of `app.services.sync.station_table`: one per station."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            self.tr("Station"),
            self.tr("User"),
            self.tr("State"),
            self.tr("Waiting"),
            self.tr("Last sync"),
        ]

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:
        return 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            from PySide6.QtGui import QColor

            return QColor("#0a6b2d" if row["online"] else "#b00020")
        return None

    def _cell(self, row: dict, column: int) -> str:
        if column == 0:
            return row["name"]
        if column == 1:
            return row["user_name"] or "–"
        if column == 2:
            return self.tr("● Online") if row["online"] else self.tr("● Offline")
        if column == 3:
            return str(row["facts_waiting"])
        return _clock(row["last_sync_at"]) or self.tr("never")


class StationsTable(QTableView):
    """Every station's sync state for the lead. Feed it with `set_rows(station_table(uow))`
    from the database worker's callback (on the UI thread)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("stationsTable")
        self.stations = StationsModel(self)
        self.setModel(self.stations)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)

    def set_rows(self, rows: list[dict]) -> None:
        self.stations.set_rows(rows)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.stations.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
            self.viewport().update()
        super().changeEvent(event)
