"""Qt item models over the lead's rows (pick lists, waves, queue items, timeline entries).

UI thread only. Each model swaps its whole row list in one reset: the rows arrive already
computed from the database worker, so a refresh of 2,000 pick lists costs the UI thread only the
reset and the repaint of the visible rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

PICK_LISTS_MIME = "application/x-shipshape-pick-lists"

# Status words and colours. Always words as well as colour.
STATUS_COLOURS = {
    "planned": "#e8eefb",
    "released": "#fff4cc",
    "assigned": "#dff3e4",
    "picking": "#c8ecd3",
    "held": "#ffd9d9",
    "on_hold": "#ffd9d9",
    "done": "#eeeeee",
}


# Made once: a repaint asks for a background per visible cell.
BRUSHES = {status: QBrush(QColor(colour)) for status, colour in STATUS_COLOURS.items()}


def status_text(status: str) -> str:
    words = {
        "planned": QCoreApplication.translate("LeadStatus", "planned"),
        "released": QCoreApplication.translate("LeadStatus", "waiting"),
        "assigned": QCoreApplication.translate("LeadStatus", "assigned"),
        "picking": QCoreApplication.translate("LeadStatus", "picking"),
        "held": QCoreApplication.translate("LeadStatus", "on hold"),
        "on_hold": QCoreApplication.translate("LeadStatus", "on hold"),
        "done": QCoreApplication.translate("LeadStatus", "done"),
        "cancelled": QCoreApplication.translate("LeadStatus", "cancelled"),
    }
    return words.get(status, status)


def wave_status_text(status: str) -> str:
    """A wave's status. A released wave is on the floor, its lists waiting or being picked:
    "waiting" (what a released pick list is) would say nobody started."""
    if status == "released":
        return QCoreApplication.translate("LeadStatus", "released")
    return status_text(status)


def clock(moment: datetime | None) -> str:
    """Local wall-clock time for the desk; empty when unknown."""
    return "" if moment is None else moment.astimezone().strftime("%H:%M")


class RowsModel(QAbstractTableModel):
    """A read-only table of rows; `columns` are (header function, cell function)."""

    def __init__(
        self,
        columns: Sequence[tuple[Callable[[], str], Callable]],
        parent=None,
        key: Callable | None = None,
    ):
        super().__init__(parent)
        self._columns = list(columns)
        self._key = key  # a row's identity: same rows in the same order update in place
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        """New rows. When the same rows come back in the same order (a poll), only the changed
        ones are announced: the view keeps its scroll position and selection and repaints
        only what changed. Otherwise one reset."""
        rows = list(rows)
        if self._key is not None and [self._key(r) for r in rows] == [
            self._key(r) for r in self.rows
        ]:
            changed = [
                n for n, (old, new) in enumerate(zip(self.rows, rows, strict=True)) if old != new
            ]
            self.rows = rows
            for first, last in _runs(changed):  # only what changed gets repainted
                self.dataChanged.emit(
                    self.index(first, 0), self.index(last, len(self._columns) - 1)
                )
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]()
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](row)  # the tooltip: a cut cell in full
        if role == Qt.ItemDataRole.BackgroundRole:
            return BRUSHES.get(getattr(row, "status", ""))
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self.rows:
            last = self.index(len(self.rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] → [(1, 3), (7, 8)]."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def tr(text: str) -> Callable[[], str]:
    """A header that follows the language switch."""
    return lambda: QCoreApplication.translate("LeadColumns", text)


class PickListModel(RowsModel):
    """The board: one row per active pick list. Rows drag onto a picker to reassign them."""

    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "List")), lambda r: f"#{r.id}"),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Wave")), lambda r: r.wave),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Status")), lambda r: status_text(r.status)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Picker")), lambda r: r.assignee or "—"),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Progress")),
                    lambda r: f"{r.done} / {r.total}",
                ),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Started")), lambda r: clock(r.started)),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Done by")),
                    lambda r: clock(r.estimated_finish),
                ),
            ],
            parent,
            key=lambda r: r.id,
        )

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [PICK_LISTS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids = sorted({self.rows[i.row()].id for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(PICK_LISTS_MIME, json.dumps(ids).encode())
        return mime

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction


def pick_list_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(PICK_LISTS_MIME):
        return []
    return [int(i) for i in json.loads(bytes(mime.data(PICK_LISTS_MIME)).decode())]


class WaveModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Wave")), lambda w: w.name),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Status")),
                    lambda w: wave_status_text(w.status),
                ),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Lists")), lambda w: str(w.pick_lists)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Pickers")), lambda w: str(w.assignees)),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Progress")),
                    lambda w: f"{w.done} / {w.total}",
                ),
            ],
            parent,
            key=lambda r: r.id,
        )
