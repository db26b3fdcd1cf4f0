"""Which printers a packing station prints on, and changing them while it runs (the composition
root in station/ builds these; the packer screen's printer dialog switches them).

The station's own choice (made in the packer screen's printer dialog, kept in QSettings under
`packing/`) wins; then the environment (SHIPSHAPE_LABEL_PRINTER, SHIPSHAPE_SLIP_PRINTER,
SHIPSHAPE_LABEL_FORMAT); then a file folder beside the spool, so the demo prints into files.
Printer URLs are `transport_from_url`'s: lp:QUEUE, tcp://HOST[:PORT], file:/FOLDER, dummy:.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.domain.orders import Address
from app.domain.shipment_label import PackageInfo, ShipmentLabel
from printing.labels import render_label_pdf, render_label_zpl
from printing.spooler import Spooler
from printing.station import StationPrinter
from printing.transports import transport_from_url
from printing.transports.cups import list_printers

STORED_KEYS = ("label_printer", "label_format", "label_size", "label_dpi", "slip_printer")
SCHEMES = {"cups": "lp:", "zpl": "tcp://", "file": "file:"}


@dataclass(frozen=True)
class PrinterConfig:
    label_url: str
    label_format: str = "pdf"
    size: str = "4x6"
    dpi: int = 203
    slip_url: str | None = None  # None: slips go to the label printer's queue

    def as_settings(self) -> dict[str, str]:
        return {
            "label_printer": self.label_url,
            "label_format": self.label_format,
            "label_size": self.size,
            "label_dpi": str(self.dpi),
        }


def printer_config(stored: Mapping[str, str], spool: Path) -> PrinterConfig:
    env = os.environ
    return PrinterConfig(
        label_url=stored.get("label_printer")
        or env.get("SHIPSHAPE_LABEL_PRINTER")
        or f"file:{spool / 'printed'}",
        label_format=stored.get("label_format") or env.get("SHIPSHAPE_LABEL_FORMAT") or "pdf",
        size=stored.get("label_size") or "4x6",
        dpi=int(stored.get("label_dpi") or 203),
        slip_url=stored.get("slip_printer") or env.get("SHIPSHAPE_SLIP_PRINTER") or None,
    )


def url_for(kind: str, name: str) -> str:
    """A printer from the settings dialog (`PrinterChoice` kind and name) as a URL."""
    return SCHEMES[kind] + name


def kind_and_name(url: str) -> tuple[str, str]:
    for kind, scheme in SCHEMES.items():
        if url.startswith(scheme):
            return kind, url[len(scheme) :]
    return "file", url


class StationSpoolers:
    """The label (and slip) spoolers of one station; `switch` moves to other printers without
    losing a job: the new spooler takes over the same durable spool folder."""

    def __init__(self, spool: Path, on_label_event: Callable) -> None:
        self.spool, self.on_label_event = spool, on_label_event
        self.spoolers: list[Spooler] = []
        self.printer: StationPrinter | None = None
        self.config: PrinterConfig | None = None

    def start(self, config: PrinterConfig) -> StationPrinter:
        self.stop()
        label = Spooler(
            transport_from_url(config.label_url), self.spool / "labels", self.on_label_event
        )
        self.spoolers = [label]
        if config.slip_url:
            self.spoolers.append(Spooler(transport_from_url(config.slip_url), self.spool / "slips"))
        self.printer = StationPrinter(
            label, config.label_format, config.size, config.dpi, slip_spooler=self.spoolers[-1]
        )
        for spooler in self.spoolers:
            spooler.start()
        self.config = config
        return self.printer

    def stop(self) -> None:
        for spooler in self.spoolers:
            spooler.stop()
        self.spoolers = []


def cups_printers() -> list[tuple[str, str, str]]:
    """(kind, name, state) of the CUPS queues; none when CUPS is not installed."""
    try:
        return [("cups", q.name, q.state) for q in list_printers()]
    except Exception:  # noqa: BLE001 - no lpstat, no cupsd: offer the other printers
        return []


def send_test_label(url: str, label_format: str, size: str, dpi: int) -> str:
    """Render a sample label and send it straight to the printer (worker thread)."""
    address = Address("Shipshape test", "Havenweg 12", "Rotterdam", "3089 JB", "NL")
    label = ShipmentLabel(
        "TEST", "Test", "Standard", "TEST0000000001", address, address, PackageInfo(1, 1, 1.0)
    )
    render = render_label_zpl if label_format == "zpl" else render_label_pdf
    transport_from_url(url).send(render(label, size, dpi))
    return f"{url}, {label_format.upper()}"
