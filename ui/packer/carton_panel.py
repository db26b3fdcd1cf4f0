"""The right side of the packing screen: the carton being filled, its weight and the actions.
A view only: `PackerHome` decides, this shows. UI thread only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.packing import PackageType
from app.steps.packing_state import PackState
from ui.packer.widgets import OverrideForm


class CartonPanel(QWidget):
    serial_typed = Signal(str)  # a serial typed + Enter: the same as scanning it
    count_typed = Signal(str)  # the count of an item without a barcode, typed + Enter

    def __init__(
        self, with_printer_button: bool, has_scale: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("cartonPanel")
        self.setFixedWidth(480)
        self.with_printer_button, self.has_scale = with_printer_button, has_scale
        self.title = QLabel(objectName="cartonTitle")
        self.serial = QLineEdit(objectName="serialField")  # shows while a serial is awaited
        self.serial.hide()
        self.serial.returnPressed.connect(self._serial_entered)
        self.count = QLineEdit(objectName="countField")  # shows while a no-barcode line is open
        self.count.setValidator(QIntValidator(1, 9999, self.count))
        self.count.hide()
        self.count.returnPressed.connect(self._count_entered)
        self.carton_type = QComboBox(objectName="cartonType")
        self.expected = QLabel(objectName="cartonExpected")
        self.weight = QLineEdit(objectName="cartonWeight")
        self.weight.setValidator(QDoubleValidator(0.0, 999.0, 3))
        self.weigh_button = QPushButton(objectName="secondary")
        self.close_button = QPushButton(objectName="primary")
        self.next_button = QPushButton(objectName="secondary")
        self.override_button = QPushButton(objectName="secondary")
        self.reprint_button = QPushButton(objectName="secondary")
        self.printer_button = QPushButton(objectName="secondary")
        self.override_form = OverrideForm()
        self.override_form.hide()
        title_row = (
            QHBoxLayout()
        )  # the count field shares the title's row: the screen keeps its size
        title_row.addWidget(self.title)
        title_row.addWidget(self.count, 1)
        weigh_row = QHBoxLayout()
        weigh_row.addWidget(self.weight, 1)
        weigh_row.addWidget(self.weigh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the page's margins suffice
        layout.addLayout(title_row)
        for widget in (self.serial, self.carton_type, self.expected):
            layout.addWidget(widget)
        layout.addLayout(weigh_row)
        layout.addWidget(self.close_button)
        # Two buttons a row: the whole panel fits a 1280×800 monitor under the top bar.
        for pair in (
            (self.next_button, self.override_button),
            (self.reprint_button, self.printer_button),
        ):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button, 1)
            layout.addLayout(row)
        layout.addWidget(self.override_form)
        layout.addStretch(1)
        self.show_actions(True)
        self.retranslate()

    def _actions(self) -> list[QPushButton]:
        return [
            self.close_button,
            self.next_button,
            self.override_button,
            self.reprint_button,
            self.printer_button,
        ]

    def retranslate(self) -> None:
        self.serial.setPlaceholderText(self.tr("Serial: scan it, or type + Enter"))
        self.count.setPlaceholderText(self.tr("Type the count + Enter"))
        if self.has_scale:
            self.weight.setPlaceholderText(self.tr("Scan C:WEIGH"))
        else:
            self.weight.setPlaceholderText(self.tr("kg (type it)"))
        self.weigh_button.setText(self.tr("Weigh"))
        self.next_button.setText(self.tr("Next carton"))
        self.close_button.setText(self.tr("Close carton"))
        self.override_button.setText(self.tr("Lead override"))
        self.reprint_button.setText(self.tr("Reprint label"))
        self.printer_button.setText(self.tr("Printer…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_actions(self, visible: bool) -> None:
        """The override form takes the buttons' place, so the screen keeps its size."""
        for button in self._actions():
            button.setVisible(visible)
        self.printer_button.setVisible(visible and self.with_printer_button)

    def _serial_entered(self) -> None:
        text = self.serial.text().strip()
        self.serial.clear()
        if text:
            self.serial_typed.emit(text)

    def _count_entered(self) -> None:
        text = self.count.text().strip()
        self.count.clear()
        if text:
            self.count_typed.emit(text)

    def fill_types(self, types: tuple[PackageType, ...], suggested: PackageType | None) -> None:
        self.carton_type.blockSignals(True)
        self.carton_type.clear()
        for package_type in types:
            self.carton_type.addItem(package_type.name, package_type)
        if suggested is not None:
            self.carton_type.setCurrentIndex(types.index(suggested))
        self.carton_type.blockSignals(False)

    def show_state(self, state: PackState | None, can_reprint: bool) -> None:
        packing = state is not None and not state.finished
        for widget in (
            self.close_button,
            self.next_button,
            self.override_button,
            self.weigh_button,
            self.weight,
            self.carton_type,
        ):
            widget.setEnabled(packing)
        self.reprint_button.setEnabled(can_reprint)
        awaiting = packing and state.awaiting_serial is not None
        if awaiting == self.serial.isHidden():
            # The serial field takes the buttons' place (none of them can act before the
            # serial is in), so the screen keeps its size.
            self.serial.setVisible(awaiting)
            if self.override_form.isHidden():
                self.show_actions(not awaiting)
            if awaiting:
                self.serial.setFocus()
        counting = packing and not awaiting and state.no_barcode_line() is not None
        if counting == self.count.isHidden():
            self.count.setVisible(counting)
            if counting:
                self.count.setFocus()  # a person's typed count lands here (see ui/wedge.py)
        package_type = self.carton_type.currentData()
        if state is not None and state.finished:
            last = state.closed[-1]
            self.title.setText(self.tr("Order packed"))
            self.expected.setText(
                self.tr("{count} carton(s) · tracking {tracking}").format(
                    count=last.index, tracking=last.numbers.tracking_number
                )
            )
        elif state is None or package_type is None:
            self.title.setText(self.tr("No carton open"))
            self.expected.setText("")
        else:
            self.title.setText(self.tr("Carton {n}").format(n=state.carton))
            self.expected.setText(
                self.tr("{items} items · expected {kg:.3f} kg").format(
                    items=sum(i.quantity for i in state.carton_items),
                    kg=state.expected_kg(package_type),
                )
            )
