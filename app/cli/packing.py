"""Packing station wiring (issue 7), for `shipshape run`: the carton printer (label and slip
through durable spoolers), the packer home for `home_factories`, and the printer choice.

Which printers: app/cli/packing_printers.py (the station's choice in QSettings, then
SHIPSHAPE_LABEL_PRINTER / SHIPSHAPE_SLIP_PRINTER / SHIPSHAPE_LABEL_FORMAT, then a file folder).
SHIPSHAPE_SPOOL_DIR is where the durable print jobs live (default ~/.shipshape/spool).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.cli.packing_printers import (
    STORED_KEYS,
    PrinterConfig,
    StationSpoolers,
    cups_printers,
    kind_and_name,
    printer_config,
    send_test_label,
    url_for,
)
from app.domain.events import Actor, Event
from app.domain.packing import PackOrderView
from app.domain.shipment_label import (
    ADDRESS_OPTIONAL,
    ADDRESS_REQUIRED,
    DEFAULT_LANGUAGE,
    Address,
    PackageInfo,
    ShipmentLabel,
)
from app.services.packing import ClosedCarton
from app.services.packing_central import CentralPackingBackend
from printing.slip import SlipItem
from printing.spooler import JobEvent
from printing.station import StationPrinter

FINAL = ("printed", "failed")  # spooler job states after which nothing more happens by itself
GROUP = "packing"  # QSettings group of the station's printer choice


def _address(fields: dict) -> Address:
    return Address(**{k: str(fields.get(k) or "") for k in ADDRESS_REQUIRED + ADDRESS_OPTIONAL})


class SpoolCartonPrinter:
    """Prints a closed carton's label and slip through durable spoolers (job id = the SSCC, so a
    request repeated after a crash prints nothing twice) and records `label.printed` when the
    printer took the label. `print_carton` runs on the database worker; `_on_event` on the
    spooler thread."""

    def __init__(
        self,
        station_printer: StationPrinter | None,
        ship_from: dict,
        record: Callable[[list[Event]], None],
        station: str,
        language: Callable[[], str] = lambda: DEFAULT_LANGUAGE,
    ) -> None:
        self.station_printer, self.ship_from = station_printer, _address(ship_from)
        self.record, self.station = record, station
        self.language = language  # the site's language, asked per carton: a change applies at once
        self._waiting: dict[str, Event] = {}  # label job id → its label.printed fact
        self._orders: dict[str, int] = {}  # label job id → order_ref, for reprint facts
        self.listeners: list[Callable[[JobEvent], None]] = []  # e.g. the screen's printer line

    def _printer(self) -> StationPrinter:
        if self.station_printer is None:  # set when the station's spoolers start
            raise RuntimeError("the station's printer is not started")
        return self.station_printer

    def print_carton(self, order: PackOrderView, carton: ClosedCarton, user: str) -> list[str]:
        label = ShipmentLabel(
            order_ref=order.order_id,
            carrier=order.carrier or "Carrier",
            service=order.service or "Standard",
            tracking_number=carton.numbers.tracking_number,
            ship_from=self.ship_from,
            ship_to=_address(order.ship_to),
            package=PackageInfo(carton.index, carton.count, round(carton.weight_kg, 3)),
            sscc=carton.numbers.sscc,
            language=self.language(),
        )
        label_job, slip_job = f"{carton.numbers.sscc}-label", f"{carton.numbers.sscc}-slip"
        payload = {"job_id": label_job, "sscc": carton.numbers.sscc, "carton": carton.index}
        self._orders[label_job] = order.order_ref
        self._waiting[label_job] = Event(
            "label.printed", payload, Actor(user, self.station), order.order_ref
        )
        self._printer().print_shipping_label(label, label_job, user)
        self._printer().print_packing_slip(
            order.order_id,
            _slip_items(order, carton),
            user,
            slip_job,
            ship_to=label.ship_to,
            packed_at=f"{carton.fact.occurred_at:%Y-%m-%d %H:%M} UTC",
            package=f"{carton.index}/{carton.count} SSCC {carton.numbers.sscc}",
            language=label.language,
        )
        return [label_job, slip_job]

    def reprint(self, job_id: str, user: str) -> str:
        """Print a label again (worker thread) and record who asked for it."""
        again = self._printer().label_spooler.reprint(job_id, user).job_id
        payload = {"job_id": again, "of": job_id, "sscc": job_id.split("-")[0]}
        order_ref = self._orders.get(job_id)  # unknown for labels from before a restart
        self.record([Event("label.reprinted", payload, Actor(user, self.station), order_ref)])
        return again

    def on_event(self, event: JobEvent) -> None:
        # Spooler thread: the label reached the printer (or the printer refused it for good);
        # make that a durable fact too. A refusal becomes a printer_failure for the lead.
        fact = self._waiting.pop(event.job_id, None) if event.state in FINAL else None
        if fact is not None and event.state == "failed":
            payload = fact.payload | {"printer": event.printer, "message": event.message}
            fact = Event("label.failed", payload, fact.actor, fact.order_ref)
        if fact is not None:
            self.record([fact])
        for listener in list(self.listeners):
            listener(event)


def _slip_items(order: PackOrderView, carton: ClosedCarton) -> list[SlipItem]:
    names = {line.line_id: (line.sku, line.name) for line in order.lines}
    quantities: dict[int, int] = defaultdict(int)
    for item in carton.items:
        quantities[item.line_id] += item.quantity
    return [SlipItem(*names[line_id], quantity) for line_id, quantity in quantities.items()]


def build_carton_printer(
    central, station: str, stored: dict | None = None, spool_dir=None, backend=None
):
    """The carton printer and its started spoolers (see app/cli/packing_printers.py). Its
    `label.printed` facts go through `backend` (the station store's outbox when there is one)."""
    backend = backend or CentralPackingBackend(central.uow, station)
    spool = Path(
        spool_dir or os.environ.get("SHIPSHAPE_SPOOL_DIR") or Path.home() / ".shipshape" / "spool"
    )
    printer = SpoolCartonPrinter(
        None,
        backend.settings()["ship_from"],
        backend.record,
        station,
        language=lambda: backend.settings().language(),
    )
    spoolers = StationSpoolers(spool, printer.on_event)
    printer.station_printer = spoolers.start(printer_config(stored or {}, spool))
    return printer, spoolers


def packer_home_factory(central, station: str, parts: dict, qsettings_factory=None):
    """`Role.PACKER` → function(user) → PackerHome, for `home_factories` in app/cli/run.py.
    Called before the sync thread starts (so the packing puller is registered in time); the
    returned function runs on the UI thread after sign-in, and the first packer starts the
    spoolers."""
    backend = station_packing_backend(central, station, parts) or CentralPackingBackend(
        central.uow, station
    )

    def make_home(user):
        from PySide6.QtCore import QSettings

        from ui.packer import PackerHome

        if "packing_printer" not in parts:
            settings = parts["packing_qsettings"] = (qsettings_factory or QSettings)()
            stored = {key: str(settings.value(f"{GROUP}/{key}", "")) for key in STORED_KEYS}
            printer, spoolers = build_carton_printer(central, station, stored, backend=backend)
            parts["packing_printer"], parts["station_spoolers"] = printer, spoolers
        home = PackerHome(
            backend,
            parts["worker"],
            user,
            station,
            parts["packing_printer"],
            printer_setup=lambda parent: open_printer_dialog(parent, parts),
            has_scale=station_has_scale(),
        )
        if "bridge" in parts:
            parts["bridge"].weight.connect(home.show_weight)
        return home

    return make_home


def station_has_scale() -> bool:
    """A scale is configured for this station (SHIPSHAPE_SCALE): then a typed carton weight
    needs a lead's override (docs/packing.md, check-weigh)."""
    from devices.station import DeviceSettings

    return DeviceSettings.from_env().scale is not None


def station_packing_backend(central, station: str, parts: dict):
    """Packing from the station store when one is configured (offline first), else None. The
    puller that fills the store joins the sync thread's pullers (start_station_sync)."""
    store = parts.get("station_store")
    if store is None:
        return None
    from db.station_packing import PackingPuller, StationPackingBackend

    def wake_sync() -> None:
        if "sync" in parts:
            parts["sync"].wake()

    def central_reachable() -> bool:
        # The sync thread's last round: an error means offline, so the worker does not wait
        # on a dead network. Before the first round, try.
        return "sync" not in parts or not parts["sync"].status.error

    parts.setdefault("pullers", []).append(PackingPuller(store))
    return StationPackingBackend(store, wake_sync, central.uow, station, central_reachable)


def open_printer_dialog(parent, parts: dict):
    """UI thread: the printer choice; on "use", remember it and switch on the worker thread."""
    from ui.packer.printer_dialog import PrinterDialog
    from ui.printer_settings import LabelPrinterSettings, PrinterChoice

    config = parts["station_spoolers"].config
    current = PrinterChoice(*reversed(kind_and_name(config.label_url)))

    def find_printers() -> list:
        others = [PrinterChoice(n, k, st) for k, n, st in cups_printers() if n != current.name]
        return [current, *others]

    def test_print(chosen) -> str:
        url = url_for(chosen.printer.kind, chosen.printer.name)
        return send_test_label(url, chosen.label_format, chosen.size, chosen.dpi)

    initial = LabelPrinterSettings(current, config.label_format, config.size, config.dpi)
    dialog = parts["printer_dialog"] = PrinterDialog(find_printers, test_print, initial, parent)
    dialog.accepted.connect(lambda: use_printer(dialog.chosen(), parts))
    dialog.open()
    return dialog


def use_printer(chosen, parts: dict) -> None:
    if chosen.printer is None:
        return
    config = replace(
        parts["station_spoolers"].config,
        label_url=url_for(chosen.printer.kind, chosen.printer.name),
        label_format=chosen.label_format,
        size=chosen.size,
        dpi=chosen.dpi,
    )
    settings = parts["packing_qsettings"]
    for key, value in config.as_settings().items():
        settings.setValue(f"{GROUP}/{key}", value)
    settings.sync()
    parts["worker"].submit(_switch, parts, config)


def _switch(parts: dict, config: PrinterConfig) -> None:
    # Worker thread, between two cartons: the next label goes to the new printer, and jobs
    # still queued move with the spool folder.
    parts["packing_printer"].station_printer = parts["station_spoolers"].start(config)


def stop_packing(parts: dict) -> None:
    if "station_spoolers" in parts:
        parts["station_spoolers"].stop()
