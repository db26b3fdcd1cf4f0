"""The packer's state and verdicts (app.steps.packing and app.steps.packing_close are the state
machine over them), in the picker's style: `PackState` is immutable, every step returns a
`Verdict` with the facts to record and the state to adopt once they are recorded.

`PackState` is everything the screen shows and the next step needs: the order as this station
knows it, what is packed per line, the carton being filled, a unit waiting for its serial, the
lead's overrides and the cartons closed so far. Its methods only read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from app.domain.events import Actor, Event
from app.domain.packing import (
    CartonLoad,
    PackageType,
    PackLine,
    PackOrderView,
    ShipmentNumbers,
    WeightCheck,
    WeightVerdict,
    expected_weight_kg,
    suggest_carton,
)
from app.scanning.interpret import Scan
from app.scanning.symbology import split_symbology

# A typed count is a few digits (a packer counts loose screws, not pallets); more digits are a
# scan of something else, never a count.
MAX_COUNT_DIGITS = 4


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


@dataclass(frozen=True)
class ClosedCarton:
    index: int
    count: int  # the label's "index/count": one more follows unless this carton finished the order
    final: bool
    package_type: PackageType
    weight_kg: float
    weight: WeightVerdict
    numbers: ShipmentNumbers
    items: tuple[CartonItem, ...]
    fact: Event


@dataclass(frozen=True, kw_only=True)
class PackState:
    order: PackOrderView
    actor: Actor
    weight_check: WeightCheck
    has_scale: bool = False  # a scale is configured here: a typed weight needs a lead
    packed: Mapping[int, int]  # line id → units packed (read-only; a step makes a new one)
    carton: int  # the number of the carton being filled (1, 2, …)
    carton_items: tuple[CartonItem, ...] = ()
    serials: frozenset[tuple[str, str]] = frozenset()  # (sku, serial) packed in this order
    override: Event | None = None  # a lead let the order close with open lines
    weight_override: Event | None = None  # ... or this carton close at this weight
    awaiting_serial: AwaitedSerial | None = None
    finished: bool = False
    closed: tuple[ClosedCarton, ...] = ()

    # ---- what the screen shows and the steps read -----------------------------------------
    def remaining(self, line: PackLine) -> int:
        return max(line.expected - self.packed[line.line_id], 0)

    def open_lines(self) -> list[PackLine]:
        return [line for line in self.order.lines if self.remaining(line)]

    def line(self, line_id: int) -> PackLine:
        return next(line for line in self.order.lines if line.line_id == line_id)

    def lines_for(self, gtin: str | None) -> list[PackLine]:
        """The order's lines of the product with this GTIN (one product may have several)."""
        return [line for line in self.order.lines if gtin and gtin in line.gtins]

    def no_barcode_line(self) -> PackLine | None:
        """The line a typed count goes to: the first open line of a product without a barcode
        (the screen names it: "No barcode: type the count of …")."""
        return next((line for line in self.open_lines() if line.no_barcode), None)

    def carton_units(self) -> list[tuple[float, int]]:
        weights = {line.line_id: line.unit_weight_kg for line in self.order.lines}
        return [(weights[item.line_id], item.quantity) for item in self.carton_items]

    def expected_kg(self, package_type: PackageType) -> float:
        return expected_weight_kg(self.carton_units(), package_type.tare_kg)

    def check_weight(self, package_type: PackageType, weight_kg: float) -> WeightVerdict:
        return self.weight_check.check(self.expected_kg(package_type), weight_kg)

    def suggested_carton(self) -> PackageType | None:
        """Smallest carton for what is left to pack plus what is in the carton already."""
        inside: dict[int, int] = {}
        for item in self.carton_items:
            inside[item.line_id] = inside.get(item.line_id, 0) + item.quantity
        loads = [
            CartonLoad(
                self.remaining(line) + inside.get(line.line_id, 0),
                line.unit_weight_kg,
                line.dimensions_cm,
            )
            for line in self.order.lines
        ]
        return suggest_carton(self.order.package_types, loads)

    def can_finish(self) -> bool:
        return not self.open_lines() or self.override is not None

    def with_packed(self, line_id: int, units: int) -> Mapping[int, int]:
        """`packed` with `units` more (or fewer, when negative) of one line."""
        packed = dict(self.packed)
        packed[line_id] += units
        return MappingProxyType(packed)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str  # an id the screen words (ui/packer/texts.py)
    state: PackState  # the state to adopt once `facts` are recorded
    line: PackLine | None = None
    quantity: int = 0  # units packed or taken out; for "count_too_many" the units still to pack
    detail: str = ""  # the scan's own error text, a serial, a GTIN, a typed count
    facts: tuple[Event, ...] = field(default=())
    closed: ClosedCarton | None = None  # the carton this step closed


def start(
    order: PackOrderView,
    actor: Actor,
    has_scale: bool = False,
    weight_check: WeightCheck | None = None,
) -> PackState:
    """Packing begins (or resumes after a restart) where the order's view stands: the units
    packed so far, the cartons closed, the serials already shipped."""
    return PackState(
        order=order,
        actor=actor,
        weight_check=weight_check or order.weight_check,
        has_scale=has_scale,
        packed=MappingProxyType({line.line_id: line.packed for line in order.lines}),
        carton=order.cartons_closed + 1,
        serials=frozenset(order.shipped_serials),
    )


def typed_count(scan: Scan) -> int | None:
    """The count in a typed number + Enter (or a scan of bare digits too short for any
    barcode), else None: "3" is a count, a GTIN or an order id is not."""
    if scan.kind != "unknown":
        return None
    text = split_symbology(scan.raw.strip())[1].strip()
    if text.isascii() and text.isdigit() and len(text) <= MAX_COUNT_DIGITS:
        return int(text)
    return None


def number_expected(state: PackState | None) -> str | None:
    """What digits + Enter typed at the packing station are, whatever has the focus: the serial
    a unit waits for, the count of an open line without a barcode, or the carton's weight once
    items are in it. None: no step expects a number now (the station says what it expects)."""
    if state is None or state.finished:
        return None
    if state.awaiting_serial is not None:
        return "serial"
    if state.no_barcode_line() is not None:
        return "count"
    return "weight" if state.carton_items else None
