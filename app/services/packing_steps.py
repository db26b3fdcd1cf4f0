"""What the packer's steps return and keep: a verdict, an item in the carton, a unit waiting for
its serial, a closed carton; and how a typed count is read. Pure: no I/O
(`app.services.packing.PackingSession` uses them)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.events import Event
from app.domain.packing import PackageType, PackLine, ShipmentNumbers, WeightVerdict
from app.scanning.interpret import Scan
from app.scanning.symbology import split_symbology

# A typed count is a few digits (a packer counts loose screws, not pallets); more digits are a
# scan of something else, never a count.
MAX_COUNT_DIGITS = 4


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str
    line: PackLine | None = None
    quantity: int = 0  # units packed or taken out; for "count_too_many" the units still to pack
    detail: str = ""  # the scan's own error text, a serial, a GTIN, a typed count
    facts: tuple[Event, ...] = ()


@dataclass(frozen=True)
class CartonItem:
    line_id: int
    sku: str
    quantity: int
    serial: str | None = None


@dataclass(frozen=True)
class AwaitedSerial:
    """A unit of a serial-required product was scanned (or, without a barcode, counted) without
    its serial: the next scan must be the serial (or the item's GS1 barcode with AI 21) before it
    counts as packed."""

    line: PackLine
    gtin: str  # "" for a unit of a product without a barcode, counted by typing 1
    raw: str
    typed: bool = False


@dataclass
class ClosedCarton:
    index: int
    count: int  # the label's "index/count": one more follows unless this carton finished the order
    final: bool
    package_type: PackageType
    weight_kg: float
    weight: WeightVerdict
    numbers: ShipmentNumbers
    items: list[CartonItem]
    fact: Event


def typed_count(scan: Scan) -> int | None:
    """The count in a typed number + Enter (or a scan of bare digits too short for any
    barcode), else None: "3" is a count, a GTIN or an order id is not."""
    if scan.kind != "unknown":
        return None
    text = split_symbology(scan.raw.strip())[1].strip()
    if text.isascii() and text.isdigit() and len(text) <= MAX_COUNT_DIGITS:
        return int(text)
    return None


def number_expected(session) -> str | None:
    """What digits + Enter typed at the packing station are, whatever has the focus: the serial
    a unit waits for, the count of an open line without a barcode, or the carton's weight once
    items are in it. None: no step expects a number now (the station says what it expects)."""
    if session is None or session.finished:
        return None
    if session.awaiting_serial is not None:
        return "serial"
    if session.no_barcode_line() is not None:
        return "count"
    return "weight" if session.carton_items else None
