"""The packing screen's parts: the order's lines with what is packed, and the lead override form.
UI thread only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.packing import PackLine
from ui.marks import ok_icon

# Red means an error everywhere on the floor: an open line is the normal state, in dark ink.
DONE_GREEN, PROBLEM_RED, OPEN_INK = "#0a6b2d", "#b00020", "#37474f"


def line_colour(done: bool, short: bool) -> str:
    """Done green, a short pick red, open (still to scan) neutral."""
    return DONE_GREEN if done else PROBLEM_RED if short else OPEN_INK


PALETTE = ["#0b3d91", "#0a6b2d", "#8a4b00", "#6a1b9a", "#00695c", "#ad1457"]


def placeholder_image(line: PackLine, size: int = 64) -> QPixmap:
    """No product photos yet: a coloured tile with the SKU's first letters, the same per SKU."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(PALETTE[sum(map(ord, line.sku)) % len(PALETTE)]))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#ffffff"))
    font = QFont()
    font.setPixelSize(size // 3)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, line.sku[:3])
    painter.end()
    return pixmap


class LinesTable(QTableWidget):
    """One row per order line: picture, SKU and name, packed / to pack, done mark."""

    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("packLines")
        self.verticalHeader().setVisible(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setIconSize(QSize(64, 64))
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultSectionSize(80)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Packed"), ""])

    def show_lines(self, lines: tuple[PackLine, ...], packed: dict[int, int]) -> None:
        self.setRowCount(len(lines))
        for row, line in enumerate(lines):
            item = QTableWidgetItem(f"{line.sku}\n{line.name}")
            item.setIcon(placeholder_image(line))
            self.setItem(row, 0, item)
            self.update_line(row, line, packed[line.line_id])

    def update_line(self, row: int, line: PackLine, packed: int) -> None:
        count = QTableWidgetItem(f"{packed} / {line.expected}")
        count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        done = packed >= line.expected
        if done:
            mark = QTableWidgetItem(ok_icon(), self.tr("done"))
        elif line.short:
            mark = QTableWidgetItem(self.tr("⚠ {picked} picked").format(picked=line.picked))
        elif line.no_barcode:
            mark = QTableWidgetItem(self.tr("⌨ type the count"))
        else:
            mark = QTableWidgetItem(self.tr("open"))
        mark.setForeground(QColor(line_colour(done, line.short)))
        for column, cell in ((1, count), (2, mark)):
            self.setItem(row, column, cell)


class OverrideForm(QWidget):
    """A shift lead's badge, PIN and reason: to close an order with lines still open
    (`purpose` "open_lines") or a carton at a weight the check-weigh refused ("weight")."""

    submitted = Signal(str, str, str)  # badge, pin, reason
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overrideForm")
        self.purpose = "open_lines"
        self.title = QLabel(objectName="overrideTitle")
        self.title.setWordWrap(True)
        self.badge = QLineEdit(objectName="overrideBadge")
        self.pin = QLineEdit(objectName="overridePin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(objectName="overrideReason")
        self.ok = QPushButton(objectName="primary")
        self.cancel = QPushButton(objectName="secondary")
        row = QHBoxLayout()
        row.addWidget(self.ok)
        row.addWidget(self.cancel)
        why = QHBoxLayout()  # PIN and reason side by side: the form fits a 1280×800 screen
        why.addWidget(self.pin, 1)
        why.addWidget(self.reason, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.badge)
        layout.addLayout(why)
        layout.addLayout(row)
        self.ok.clicked.connect(self._submit)
        self.reason.returnPressed.connect(self._submit)
        self.pin.returnPressed.connect(self.reason.setFocus)  # PIN + Enter, reason + Enter
        self.cancel.clicked.connect(self.cancelled)
        self.retranslate()

    def set_purpose(self, purpose: str) -> None:
        self.purpose = purpose
        self.retranslate()

    def retranslate(self) -> None:
        if self.purpose == "weight":
            self.title.setText(self.tr("Lead override: ship this carton at this weight"))
        else:
            self.title.setText(self.tr("Lead override: close with open lines"))
        self.badge.setPlaceholderText(self.tr("Lead badge (scan it)"))
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.ok.setText(self.tr("Allow"))
        self.cancel.setText(self.tr("Cancel"))

    def clear(self) -> None:
        for field in (self.badge, self.pin, self.reason):
            field.clear()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _submit(self) -> None:
        self.submitted.emit(self.badge.text().strip(), self.pin.text(), self.reason.text().strip())
