"""A packing station's carton printer: a closed carton's shipping label and packing slip go to
durable spoolers (printing/spooler.py), and the label's fate becomes a fact (`label.printed`,
`label.failed`, `label.reprinted`) recorded through the station's packing backend.

Which printers: printing/station_printers.py (the station's choice in QSettings, then
SHIPSHAPE_LABEL_PRINTER / SHIPSHAPE_SLIP_PRINTER / SHIPSHAPE_LABEL_FORMAT, then a file folder).
SHIPSHAPE_SPOOL_DIR is where the durable print jobs live (default ~/.shipshape/spool).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

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
from app.services.ports import PackingBackend
from app.services.ports.carriers import AwaitedLabel, CarrierLabel, LabelFormat
from app.steps.packing_state import ClosedCarton
from printing.slip import SlipItem
from printing.spooler import JobEvent
from printing.station import StationPrinter
from printing.station_printers import StationSpoolers, printer_config

FINAL = ("printed", "failed")  # spooler job states after which nothing more happens by itself


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
        ship_from: Callable[[], dict],
        record: Callable[[list[Event]], None],
        station: str,
        language: Callable[[], str] = lambda: DEFAULT_LANGUAGE,
    ) -> None:
        # The site's address and language, asked per carton: a lead's change applies at once.
        self.station_printer, self.ship_from = station_printer, ship_from
        self.record, self.station = record, station
        self.language = language
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
            ship_from=_address(self.ship_from()),
            ship_to=_address(order.ship_to),
            package=PackageInfo(carton.index, carton.count, round(carton.weight_kg, 3)),
            sscc=carton.numbers.sscc,
            language=self.language(),
        )
        label_job = f"{carton.numbers.sscc}-label"
        self._expect(label_job, order.order_ref, carton.numbers.sscc, carton.index, user)
        self._printer().print_shipping_label(label, label_job, user)
        return [label_job, self.print_slip(order, carton, user, label.language)]

    def print_slip(
        self, order: PackOrderView, carton: ClosedCarton, user: str, language: str | None = None
    ) -> str:
        slip_job = f"{carton.numbers.sscc}-slip"
        self._printer().print_packing_slip(
            order.order_id,
            _slip_items(order, carton),
            user,
            slip_job,
            ship_to=_address(order.ship_to),
            packed_at=f"{carton.fact.occurred_at:%Y-%m-%d %H:%M} UTC",
            package=f"{carton.index}/{carton.count} SSCC {carton.numbers.sscc}",
            language=language or self.language(),
        )
        return slip_job

    def label_format(self) -> LabelFormat:
        return "pdf" if self._printer().label_format == "pdf" else "zpl"

    def print_carrier_label(self, label: CarrierLabel, awaited: AwaitedLabel) -> str:
        """The carrier's label bytes, exactly as they came (ZPL raw, or the PDF file), as job
        `<SSCC>-label` (a retry after a crash prints nothing twice). Any thread."""
        job = f"{awaited.sscc}-label"
        self._expect(job, awaited.order_ref, awaited.sscc, awaited.carton, awaited.user)
        title = f"Label {awaited.order_id} {awaited.carton}/{awaited.count}"
        self._printer().label_spooler.submit(label.data, job, title, awaited.user, kind="label")
        return job

    def _expect(self, job: str, order_ref: int, sscc: str, carton: int, user: str) -> None:
        """The label.printed fact to record once the printer took the label."""
        payload = {"job_id": job, "sscc": sscc, "carton": carton}
        self._orders[job] = order_ref
        self._waiting[job] = Event("label.printed", payload, Actor(user, self.station), order_ref)

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


def spool_folder(spool_dir: str | Path | None = None) -> Path:
    """Where the station's durable print jobs live."""
    default = Path.home() / ".shipshape" / "spool"
    return Path(spool_dir or os.environ.get("SHIPSHAPE_SPOOL_DIR") or default)


def carton_printer_for(backend: PackingBackend, station: str) -> SpoolCartonPrinter:
    """The station's carton printer before its printers are attached (`station_printer`): the
    site's ship-from address and language, `label.printed` facts through `backend`. Tests,
    benches and screenshots attach spoolers of their own."""
    return SpoolCartonPrinter(
        None,
        lambda: backend.settings().ship_from(),
        backend.record,
        station,
        language=lambda: backend.settings().language(),
    )


def build_carton_printer(
    backend: PackingBackend,
    station: str,
    stored: dict | None = None,
    spool_dir: str | Path | None = None,
) -> tuple[SpoolCartonPrinter, StationSpoolers]:
    """The carton printer and its started spoolers (printers: printing/station_printers.py).
    Its `label.printed` facts go through `backend` (the station store's outbox when there is
    one). Runs on the UI thread when the first packer signs in."""
    spool = spool_folder(spool_dir)
    printer = carton_printer_for(backend, station)
    spoolers = StationSpoolers(spool, printer.on_event)
    printer.station_printer = spoolers.start(printer_config(stored or {}, spool))
    return printer, spoolers
