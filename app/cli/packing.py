"""Packing station wiring (issue 7), for `shipshape run`: the label and slip printers behind
spoolers, and the packer home for `home_factories`.

Printers come from the environment (see docs/packing.md):
  SHIPSHAPE_LABEL_PRINTER  lp:QUEUE | tcp://HOST[:PORT] | file:/FOLDER | dummy:  (default a file
                           folder beside the spool, so the demo prints into files)
  SHIPSHAPE_SLIP_PRINTER   the same forms, for the A4 packing slip (default: the label printer's queue)
  SHIPSHAPE_LABEL_FORMAT   pdf or zpl (default pdf)
  SHIPSHAPE_SPOOL_DIR      where the durable print jobs live
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
    Address,
    PackageInfo,
    ShipmentLabel,
)
from app.services.packing import ClosedCarton
from app.services.packing_central import CentralPackingBackend
from printing.slip import SlipItem
from printing.spooler import JobEvent, Spooler
from printing.station import StationPrinter
from printing.transports import transport_from_url


def _address(fields: dict) -> Address:
    return Address(**{k: str(fields.get(k) or "") for k in ADDRESS_REQUIRED + ADDRESS_OPTIONAL})


class SpoolCartonPrinter:
    """Prints a closed carton's label and slip through durable spoolers (job id = the SSCC, so a
    request repeated after a crash prints nothing twice) and records `label.printed` when the
    printer took the label. `print_carton` runs on the database worker; `_on_event` on the
    spooler thread."""

    def __init__(
        self,
        station_printer: StationPrinter,
        ship_from: dict,
        record: Callable[[list[Event]], None],
        station: str,
    ) -> None:
        self.station_printer, self.ship_from = station_printer, _address(ship_from)
        self.record, self.station = record, station
        self._waiting: dict[str, Event] = {}  # label job id → its label.printed fact
        self.listeners: list[Callable[[JobEvent], None]] = []  # e.g. the screen's printer line

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
        )
        label_job, slip_job = f"{carton.numbers.sscc}-label", f"{carton.numbers.sscc}-slip"
        payload = {"job_id": label_job, "sscc": carton.numbers.sscc, "carton": carton.index}
        self._waiting[label_job] = Event(
            "label.printed", payload, Actor(user, self.station), order.order_ref
        )
        self.station_printer.print_shipping_label(label, label_job, user)
        self.station_printer.print_packing_slip(
            order.order_id,
            _slip_items(order, carton),
            user,
            slip_job,
            ship_to=label.ship_to,
            package=f"{carton.index}/{carton.count} SSCC {carton.numbers.sscc}",
        )
        return [label_job, slip_job]

    def reprint(self, job_id: str, user: str) -> str:
        return self.station_printer.label_spooler.reprint(job_id, user).job_id

    def on_event(self, event: JobEvent) -> None:
        # Spooler thread: the label reached the printer; make that a durable fact too.
        fact = self._waiting.pop(event.job_id, None) if event.state == "printed" else None
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


def build_carton_printer(central, station: str, spool_dir: Path | None = None):
    """The spoolers (started) and the carton printer, from the environment."""
    backend = CentralPackingBackend(central.uow, station)
    spool = Path(
        spool_dir or os.environ.get("SHIPSHAPE_SPOOL_DIR") or Path.home() / ".shipshape" / "spool"
    )
    label_url = os.environ.get("SHIPSHAPE_LABEL_PRINTER") or f"file:{spool / 'printed'}"
    slip_url = os.environ.get("SHIPSHAPE_SLIP_PRINTER")  # unset: slips go to the label printer
    label_format = os.environ.get("SHIPSHAPE_LABEL_FORMAT", "pdf")
    printer = SpoolCartonPrinter(None, backend.settings()["ship_from"], backend.record, station)
    label_spooler = Spooler(
        transport_from_url(label_url), spool / "labels", on_event=printer.on_event
    )
    spoolers = [label_spooler]
    if slip_url:
        spoolers.append(Spooler(transport_from_url(slip_url), spool / "slips"))
    printer.station_printer = StationPrinter(label_spooler, label_format, slip_spooler=spoolers[-1])
    for spooler in spoolers:
        spooler.start()
    return printer, spoolers


def packer_home_factory(central, station: str, parts: dict):
    """`Role.PACKER` → function(user) → PackerHome, for `home_factories` in app/cli/run.py."""

    def make_home(user):
        from ui.packer import PackerHome
        from ui.worker import DatabaseWorker

        if "packing_printer" not in parts:  # first packer sign-in: start the spoolers
            printer, spoolers = build_carton_printer(central, station)
            parts["packing_printer"], parts["spoolers"] = printer, spoolers
            parts["packing_worker"] = DatabaseWorker(name="shipshape-packing")
        backend = CentralPackingBackend(central.uow, station)
        home = PackerHome(backend, parts["packing_worker"], user, station, parts["packing_printer"])
        if "bridge" in parts:
            parts["bridge"].weight.connect(home.show_weight)
        return home

    return make_home


def stop_packing(parts: dict) -> None:
    for spooler in parts.get("spoolers", []):
        spooler.stop()
