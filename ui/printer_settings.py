"""Printer settings for a station: which printer, label format, size and resolution, test print.

Reusable by the packing station. The widget never waits: looking for printers (`lpstat`, a ZPL
printer's status) and test prints run on a worker thread (its own, unless one is given), and
their results come back by queued signal to the UI thread. It knows nothing of `printing/` (the
adapters are independent of the UI): the composition root passes two plain functions,

    find_printers() -> list[PrinterChoice]          # worker thread
    test_print(LabelPrinterSettings) -> str          # worker thread; returns what it did

Texts go through Qt's translator under the context "PrinterSettings" (see TEXTS).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.bridge import safe_emit
from ui.marks import show_marked
from ui.worker import DatabaseWorker, Worker

FORMATS = (("pdf", "PDF"), ("zpl", "ZPL"))
SIZES = (("4x6", "4 × 6 in"), ("100x150", "100 × 150 mm"))
RESOLUTIONS = (203, 300)
# English source texts, marked for lupdate; translated at run time in context "PrinterSettings".
TEXTS = {
    "printer": QT_TRANSLATE_NOOP("PrinterSettings", "Label printer"),
    "format": QT_TRANSLATE_NOOP("PrinterSettings", "Label format"),
    "size": QT_TRANSLATE_NOOP("PrinterSettings", "Label size"),
    "dpi": QT_TRANSLATE_NOOP("PrinterSettings", "Printer resolution (dpi)"),
    "refresh": QT_TRANSLATE_NOOP("PrinterSettings", "Look for printers"),
    "test": QT_TRANSLATE_NOOP("PrinterSettings", "Test print"),
    "looking": QT_TRANSLATE_NOOP("PrinterSettings", "Looking for printers…"),
    "found": QT_TRANSLATE_NOOP("PrinterSettings", "{n} printer(s) found."),
    "none": QT_TRANSLATE_NOOP(
        "PrinterSettings",
        "No printer found. Check that it is switched on and connected, then look again.",
    ),
    "failed": QT_TRANSLATE_NOOP("PrinterSettings", "Could not list printers: {error}"),
    "printing": QT_TRANSLATE_NOOP("PrinterSettings", "Sending a test label to {printer}…"),
    "printed": QT_TRANSLATE_NOOP("PrinterSettings", "Test label sent: {result}"),
    "print_failed": QT_TRANSLATE_NOOP(
        "PrinterSettings", "Test print failed: {error}. Check paper and cable, then try again."
    ),
    "choose": QT_TRANSLATE_NOOP("PrinterSettings", "Choose a printer first."),
}


def _t(key: str, **values: object) -> str:
    return QCoreApplication.translate("PrinterSettings", TEXTS[key]).format(**values)


@dataclass(frozen=True)
class PrinterChoice:
    name: str  # CUPS queue name, "host:port" of a ZPL printer, or a folder
    kind: str  # "cups", "zpl" (raw TCP 9100) or "file"
    state: str = ""  # as the printer reports it: idle, paper out, ...

    def label(self) -> str:
        return f"{self.name} ({self.kind}{', ' + self.state if self.state else ''})"


@dataclass(frozen=True)
class LabelPrinterSettings:
    printer: PrinterChoice | None
    label_format: str = "pdf"
    size: str = "4x6"
    dpi: int = 203


class PrinterSettingsWidget(QWidget):
    settings_changed = Signal(object)  # LabelPrinterSettings
    status_changed = Signal(str, str)  # (kind: info / ok / error, text)

    def __init__(
        self,
        find_printers: Callable[[], list[PrinterChoice]],
        test_print: Callable[[LabelPrinterSettings], str],
        worker: Worker | None = None,
        initial: LabelPrinterSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printerSettings")
        self._find_printers = find_printers
        self._test_print = test_print
        self._worker = worker or DatabaseWorker(self, name="shipshape-printer-settings")
        self._initial = initial or LabelPrinterSettings(None)
        self._message: tuple[str, str, dict] | None = None  # (kind, text key, values)
        self._build()
        self._load(self._initial)
        self.refresh()

    # ---- UI thread ----------------------------------------------------------------------
    def settings(self) -> LabelPrinterSettings:
        return LabelPrinterSettings(
            printer=self.printer_box.currentData(),
            label_format=self.format_box.currentData(),
            size=self.size_box.currentData(),
            dpi=self.dpi_box.currentData(),
        )

    def refresh(self) -> None:
        """Look for printers on the worker thread; the list fills in when the answer comes."""
        self.refresh_button.setEnabled(False)
        self._show("info", "looking")
        self._worker.submit(
            self._find_printers, on_success=self._show_printers, on_failure=self._list_failed
        )

    def test_print(self) -> None:
        settings = self.settings()
        if settings.printer is None:
            self._show("error", "choose")
            return
        self.test_button.setEnabled(False)
        self._show("info", "printing", printer=settings.printer.name)
        self._worker.submit(
            self._test_print, settings, on_success=self._printed, on_failure=self._print_failed
        )

    def _build(self) -> None:
        self.printer_box = QComboBox(objectName="printerBox")
        # Room for a long queue name and its state (the list arrives after the dialog shows):
        # a name cut short may be the wrong printer.
        self.printer_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.printer_box.setMinimumContentsLength(36)
        self.format_box = self._combo("formatBox", FORMATS)
        self.size_box = self._combo("sizeBox", SIZES)
        self.dpi_box = self._combo("dpiBox", [(dpi, str(dpi)) for dpi in RESOLUTIONS])
        self.refresh_button = QPushButton(objectName="refreshButton")
        self.test_button = QPushButton(objectName="testButton")
        self.status = QLabel(objectName="printerStatus", wordWrap=True)
        self._captions = {key: QLabel() for key in ("printer", "format", "size", "dpi")}
        form = QFormLayout()
        for key, box in (
            ("printer", self.printer_box),
            ("format", self.format_box),
            ("size", self.size_box),
            ("dpi", self.dpi_box),
        ):
            form.addRow(self._captions[key], box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.refresh_button.clicked.connect(self.refresh)
        self.test_button.clicked.connect(self.test_print)
        self.printer_box.currentIndexChanged.connect(self._printer_chosen)
        for box in (self.format_box, self.size_box, self.dpi_box):
            box.currentIndexChanged.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text again in the current language (Qt sends LanguageChange on a switch)."""
        for key, caption in self._captions.items():
            caption.setText(_t(key))
        self.refresh_button.setText(_t("refresh"))
        self.test_button.setText(_t("test"))
        if self._message:
            self._render_message()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _combo(self, name: str, items) -> QComboBox:
        box = QComboBox(objectName=name)
        for value, text in items:
            box.addItem(text, value)
        return box

    def _load(self, settings: LabelPrinterSettings) -> None:
        for box, value in (
            (self.format_box, settings.label_format),
            (self.size_box, settings.size),
            (self.dpi_box, settings.dpi),
        ):
            index = box.findData(value)
            if index >= 0:
                box.setCurrentIndex(index)

    def _show_printers(self, printers: list[PrinterChoice]) -> None:
        wanted = self.settings().printer or self._initial.printer
        self.printer_box.blockSignals(True)
        self.printer_box.clear()
        for printer in printers:
            self.printer_box.addItem(printer.label(), printer)
        names = [p.name for p in printers]
        if wanted is not None and wanted.name in names:
            self.printer_box.setCurrentIndex(names.index(wanted.name))
        self.printer_box.blockSignals(False)
        self.refresh_button.setEnabled(True)
        if printers:
            self._show("ok", "found", n=len(printers))
            self._changed()
        else:
            self._show("error", "none")

    def _list_failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self._show("error", "failed", error=error)

    def _printed(self, result: str) -> None:
        self.test_button.setEnabled(True)
        self._show("ok", "printed", result=result)

    def _print_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._show("error", "print_failed", error=error)

    def _printer_chosen(self) -> None:
        printer = self.printer_box.currentData()
        if printer is not None:  # a ZPL printer takes ZPL; everything else gets a PDF
            self.format_box.setCurrentIndex(
                self.format_box.findData("zpl" if printer.kind == "zpl" else "pdf")
            )
        self._changed()

    def _changed(self) -> None:
        safe_emit(self.settings_changed, self.settings())

    def _show(self, kind: str, key: str, **values: object) -> None:
        self._message = (kind, key, values)
        self._render_message()

    def _render_message(self) -> None:
        kind, key, values = self._message
        text = _t(key, **values)
        self.status.setProperty("kind", kind)
        if kind in ("ok", "error"):  # a mark as well as a colour: never colour alone
            show_marked(self.status, kind == "ok", text)
        else:
            self.status.setTextFormat(Qt.TextFormat.PlainText)
            self.status.setText(f"› {text}")
        safe_emit(self.status_changed, kind, text)
