"""The packing station's printer choice: the shared printer settings widget in a dialog.
UI thread only; looking for printers and test prints run on the widget's worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.printer_settings import LabelPrinterSettings, PrinterChoice, PrinterSettingsWidget


class PrinterDialog(QDialog):
    def __init__(
        self,
        find_printers: Callable[[], list[PrinterChoice]],
        test_print: Callable[[LabelPrinterSettings], str],
        initial: LabelPrinterSettings | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("printerDialog")
        self.settings_widget = PrinterSettingsWidget(find_printers, test_print, initial=initial)
        self.use_button = QPushButton(objectName="primary")
        self.cancel_button = QPushButton(objectName="secondary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.settings_widget)
        layout.addLayout(buttons)
        self.use_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()

    def chosen(self) -> LabelPrinterSettings:
        return self.settings_widget.settings()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Label printer for this station"))
        self.use_button.setText(self.tr("Use this printer"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
