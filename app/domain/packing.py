"""Packing: what a packer sees of an order, carton types, the check-weigh rule, the carton
suggestion and the carrier tracking number series. Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.gs1 import check_digit
from app.errors import BadInput
from app.messages import message

# A product without dimensions in the product master has its volume estimated from its weight at
# a typical e-commerce density (4 litres per kg, i.e. 0.25 kg/l). Boxes of goods never fill a
# carton completely (odd shapes, padding, room to close the flaps): only 80 % of it is usable.
CM3_PER_KG = 4000.0
FILL_FACTOR = 0.8


@dataclass(frozen=True)
class PackageType:
    code: str
    name: str
    length_cm: float
    width_cm: float
    height_cm: float
    tare_kg: float

    @property
    def volume_cm3(self) -> float:
        return self.length_cm * self.width_cm * self.height_cm


@dataclass(frozen=True)
class WeightCheck:
    """Warn when the scale disagrees with the expected weight by more than the larger of the
    two tolerances (a light parcel is not held to 5 % of 200 g, a heavy one not to 50 g)."""

    tolerance_pct: float = 5.0
    tolerance_kg: float = 0.050

    def allowed_kg(self, expected_kg: float) -> float:
        return max(expected_kg * self.tolerance_pct / 100.0, self.tolerance_kg)

    def check(self, expected_kg: float, actual_kg: float) -> WeightVerdict:
        difference = actual_kg - expected_kg
        ok = abs(difference) <= self.allowed_kg(expected_kg)
        return WeightVerdict(expected_kg, actual_kg, difference, ok, self.allowed_kg(expected_kg))


@dataclass(frozen=True)
class WeightVerdict:
    expected_kg: float
    actual_kg: float
    difference_kg: float
    ok: bool
    allowed_kg: float


@dataclass(frozen=True)
class PackLine:
    """One order line as the packer packs it. `expected` is what must go into cartons now: the
    ordered quantity, or what was picked when a lead allowed a partial shipment."""

    line_id: int
    sku: str
    name: str
    gtins: tuple[str, ...]
    quantity: int
    picked: int
    packed: int  # already packed in earlier sessions (e.g. a carton closed before a restart)
    unit_weight_kg: float
    expected: int
    serial_required: bool = False  # each unit is packed with its serial (AI 21 or a 2nd scan)
    dimensions_cm: tuple[float, float, float] | None = None  # of one unit, when the master has it
    no_barcode: bool = False  # no GTIN on the item (product master): the packer types its count

    @property
    def short(self) -> bool:
        return self.picked < self.quantity


@dataclass(frozen=True)
class PackOrderView:
    """Everything the packing screen needs for one order, loaded once when the tote is scanned."""

    order_ref: int  # orders.id: facts carry it as order_ref
    order_id: str
    channel: str
    status: str
    carrier: str
    service: str
    ship_to: dict
    lines: tuple[PackLine, ...]
    tote: str | None = None
    flags: tuple[str, ...] = ()  # why the order needs care: "short_pick", "on_hold", "exception"
    partial_allowed: bool = False  # a lead allowed it to ship short
    cartons_closed: int = 0
    package_types: tuple[PackageType, ...] = ()
    shipped_serials: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # (sku, serial)
    tracking_number: str | None = None  # the order's shipment, once its first carton closed
    reason: str = ""
    weight_check: WeightCheck = field(default_factory=WeightCheck)  # the site's tolerance

    @property
    def blocked(self) -> bool:
        """Flagged and not allowed to ship partially: a lead must look at it first."""
        return bool(self.flags) and not self.partial_allowed


@dataclass(frozen=True)
class ShipmentNumbers:
    tracking_number: str
    sscc: str


# A carton closed while its carrier's API could not sell the label (docs/carriers.md): packed,
# but its shipment reads this instead of a tracking number until `label.bought` brings the
# carrier's. The hyphen keeps it from ever being read as a scanned tracking number.
AWAITING_LABEL = "AWAITING-"


def awaiting_label_number(sscc: str) -> str:
    return f"{AWAITING_LABEL}{sscc}"


def awaits_label(tracking_number: str | None) -> bool:
    return bool(tracking_number) and str(tracking_number).startswith(AWAITING_LABEL)


def expected_weight_kg(units: list[tuple[float, int]], tare_kg: float) -> float:
    """(unit weight, quantity) pairs plus the empty carton."""
    return round(tare_kg + sum(w * q for w, q in units), 3)


@dataclass(frozen=True)
class CartonLoad:
    """Units of one product going into a carton, for the carton suggestion."""

    quantity: int
    unit_weight_kg: float
    dimensions_cm: tuple[float, float, float] | None = None

    @property
    def volume_cm3(self) -> float:
        if self.dimensions_cm is None:
            return self.quantity * self.unit_weight_kg * CM3_PER_KG
        length, width, height = self.dimensions_cm
        return self.quantity * length * width * height


def suggest_carton(
    types: list[PackageType] | tuple[PackageType, ...], loads: list[CartonLoad]
) -> PackageType | None:
    """The smallest carton whose usable volume holds the units' volume (real dimensions where the
    product master has them, else estimated from the weight) and in which every unit fits, its
    sides against the carton's sides; the largest when none does (the packer then splits into
    several cartons)."""
    if not types:
        return None
    needed = sum(load.volume_cm3 for load in loads if load.quantity > 0)
    shapes = [load.dimensions_cm for load in loads if load.quantity > 0 and load.dimensions_cm]
    by_size = sorted(types, key=lambda t: t.volume_cm3)
    for carton in by_size:
        inside = (carton.length_cm, carton.width_cm, carton.height_cm)
        if carton.volume_cm3 * FILL_FACTOR >= needed and all(fits(s, inside) for s in shapes):
            return carton
    return by_size[-1]


def fits(unit: tuple[float, float, float], carton: tuple[float, float, float]) -> bool:
    """A unit fits when, both sorted longest side first, no side of it exceeds the carton's
    (turned any way, the longest side must fit the carton's longest, and so on)."""
    return all(
        u <= c
        for u, c in zip(sorted(unit, reverse=True), sorted(carton, reverse=True), strict=True)
    )


@dataclass(frozen=True)
class TrackingSeries:
    """A carrier's tracking number series: prefix + zero-padded number + mod-10 check digit.
    Real carrier APIs are out of scope; the series is what a carrier assigns a shipper."""

    prefix: str = "SHP"
    digits: int = 10

    def number(self, n: int) -> str:
        if not 0 < n < 10**self.digits:
            raise BadInput(
                message("numbers.tracking_full", prefix=self.prefix, number=n, digits=self.digits)
            )
        body = str(n).zfill(self.digits)
        return f"{self.prefix}{body}{check_digit(body)}"

    @classmethod
    def from_setting(cls, value: dict | None) -> TrackingSeries:
        value = value or {}
        prefix = str(value.get("prefix", "SHP"))
        if not prefix.isascii() or not prefix.isalnum():
            raise BadInput(message("numbers.tracking_prefix", prefix=prefix))
        return cls(prefix, int(value.get("digits", 10)))
