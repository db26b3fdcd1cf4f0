"""A packing station's printers and packer home: the carton printer starts with the first packer
who signs in, the packer screen's printer dialog switches printers while the station runs.

UI thread unless a method says otherwise. The carton printer itself is printing's
(printing/carton_printer.py); which printers, printing/station_printers.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from app.domain.users import User
from app.services.ports import PackingBackend
from printing.carton_printer import SpoolCartonPrinter, build_carton_printer, spool_folder
from printing.station_printers import (
    STORED_KEYS,
    PrinterConfig,
    StationSpoolers,
    cups_printers,
    kind_and_name,
    send_test_label,
    url_for,
)
from station.carriers import StationCarriers
from ui.bridge import DeviceBridge
from ui.packer import PackerHome
from ui.packer.printer_dialog import PrinterDialog
from ui.printer_settings import LabelPrinterSettings, PrinterChoice
from ui.worker import Worker

GROUP = "packing"  # QSettings group of the station's printer choice


class PackingStation:
    """What a packer home needs besides its backend: the station's printers and scale."""

    def __init__(
        self,
        backend: PackingBackend,
        station: str,
        worker: Worker,
        devices: DeviceBridge,
        has_scale: bool,
        printer_settings: Callable[[], QSettings] = QSettings,
        spool_dir: str | None = None,
    ) -> None:
        self.backend, self.station, self.worker = backend, station, worker
        self.devices, self.has_scale = devices, has_scale
        self.printer_settings, self.spool_dir = printer_settings, spool_dir
        self.printer: SpoolCartonPrinter | None = None  # started by the first packer
        self.spoolers: StationSpoolers | None = None
        self.qsettings: QSettings | None = None
        self.dialog: PrinterDialog | None = None  # the printer choice, while it is open
        # API carriers' labels, and the cartons awaiting theirs (kept beside the print jobs)
        self.carriers = StationCarriers(backend, spool_folder(spool_dir))

    def make_home(self, user: User) -> PackerHome:
        """`Role.PACKER`'s home factory (after sign-in); the first packer starts the spoolers."""
        if self.printer is None:
            self.qsettings = self.printer_settings()
            stored = {key: str(self.qsettings.value(f"{GROUP}/{key}", "")) for key in STORED_KEYS}
            self.printer, self.spoolers = build_carton_printer(
                self.backend, self.station, stored, self.spool_dir
            )
            self.carriers.start(self.printer)  # labels a restart left awaiting print by themselves
        home = PackerHome(
            self.backend,
            self.worker,
            user,
            self.station,
            self.printer,
            printer_setup=self.open_printer_dialog,
            has_scale=self.has_scale,
            carriers=self.carriers.desk,
            label_events=self.carriers.listeners,
        )
        self.devices.weight.connect(home.show_weight)
        return home

    def open_printer_dialog(self, parent: QWidget) -> None:
        """The printer choice; on "use", remember it and switch on the worker thread."""
        config = self._config()
        current = PrinterChoice(*reversed(kind_and_name(config.label_url)))

        def find_printers() -> list:
            others = [PrinterChoice(n, k, st) for k, n, st in cups_printers() if n != current.name]
            return [current, *others]

        def test_print(chosen) -> str:
            url = url_for(chosen.printer.kind, chosen.printer.name)
            return send_test_label(url, chosen.label_format, chosen.size, chosen.dpi)

        initial = LabelPrinterSettings(current, config.label_format, config.size, config.dpi)
        dialog = self.dialog = PrinterDialog(find_printers, test_print, initial, parent)
        dialog.accepted.connect(lambda: self.use_printer(dialog.chosen()))
        dialog.open()

    def use_printer(self, chosen: LabelPrinterSettings) -> None:
        if chosen.printer is None or self.qsettings is None:
            return
        config = replace(
            self._config(),
            label_url=url_for(chosen.printer.kind, chosen.printer.name),
            label_format=chosen.label_format,
            size=chosen.size,
            dpi=chosen.dpi,
        )
        for key, value in config.as_settings().items():
            self.qsettings.setValue(f"{GROUP}/{key}", value)
        self.qsettings.sync()
        self.worker.submit(self._switch, config)

    def _switch(self, config: PrinterConfig) -> None:
        # Worker thread, between two cartons: the next label goes to the new printer, and jobs
        # still queued move with the spool folder.
        assert self.printer is not None and self.spoolers is not None
        self.printer.station_printer = self.spoolers.start(config)

    def _config(self) -> PrinterConfig:
        if self.spoolers is None or self.spoolers.config is None:
            raise RuntimeError("the station's printers are not started")
        return self.spoolers.config

    def stop(self) -> None:
        self.carriers.stop()
        if self.spoolers is not None:
            self.spoolers.stop()
