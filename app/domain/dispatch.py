"""Dispatch: what a loader sees of a packed carton, the carrier rule, and a manifest. Pure.

A **load unit** (a cage, pallet or trailer: barcode `U:<code>`) carries one carrier's parcels.
It is bound to its carrier at the dock: the loader scans the unit, then the carrier's code
(`CARRIER:<code>`, from the dock's command sheet) the first time the unit is used that day. The
binding holds until that carrier's collection is closed, so the next loader scanning the same
cage is told its carrier and goes straight to parcels.

`serves(bound, order_carrier, site)` is the one rule for "this parcel goes with this carrier":
an order names its carrier by code or name, case and spaces aside (`Carrier.serves`). Until a
site's settings are stored, the unit's carrier string itself is both code and name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.site import SiteSettings

UNIT_PREFIX = "U:"
CARRIER_PREFIX = "CARRIER:"
MAX_CODE = 40


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def serves(bound: str, order_carrier: str, site: SiteSettings | None = None) -> bool:
    """Does the carrier a unit is bound to (a code or name) take this order's parcels?"""
    carrier = site.carrier(bound) if site is not None else None
    if carrier is not None:
        return carrier.serves(order_carrier)
    return bool(_plain(bound)) and _plain(bound) == _plain(order_carrier)


def same_carrier(a: str, b: str, site: SiteSettings | None = None) -> bool:
    """Two carrier strings (a unit's binding, a close's `--carrier`) name the same carrier."""
    return serves(a, b, site) or serves(b, a, site)


def collection_cutoff(cutoffs: tuple[str, ...], at: datetime) -> datetime:
    """The cut-off a close at `at` collects for: the latest of the carrier's daily cut-offs
    ("HH:MM", site time: the local time of the machine that closes) at or before `at`; `at`
    itself when none has passed yet today (an early close collects what is packed so far)."""
    local = at.astimezone()
    today = [
        local.replace(hour=int(c[:2]), minute=int(c[3:]), second=0, microsecond=0) for c in cutoffs
    ]
    passed = [moment for moment in today if moment <= local]
    return max(passed) if passed else at


def unit_code(raw: str) -> str | None:
    """`U:CAGE-07` → `CAGE-07`; None for anything else."""
    return _after(raw, UNIT_PREFIX)


def carrier_code(raw: str) -> str | None:
    """`CARRIER:SF` → `SF` (a carrier's name may have spaces: `CARRIER:SF Express`)."""
    code = _after(raw, CARRIER_PREFIX)
    return " ".join(code.split()) if code else None


def _after(raw: str, prefix: str) -> str | None:
    text = raw.strip()
    if not text.upper().startswith(prefix):
        return None
    value = text[len(prefix) :].strip()
    return value[:MAX_CODE] if value and value.isprintable() else None


@dataclass(frozen=True)
class Carton:
    """One carton of an order, as the loader's screen lists them."""

    carton: int
    sscc: str | None
    tracking_number: str
    weight_kg: float | None
    status: str  # packed | loaded | shipped
    unit: str | None = None


@dataclass(frozen=True)
class ParcelView:
    """A packed carton, read fresh from central (or the station's copy) for each load scan:
    everything the load check needs, and the order's other cartons for "still missing"."""

    package_id: int
    order_ref: int
    channel: str
    order_id: str
    order_status: str
    carrier: str  # as the order names it
    service: str
    carton: int
    sscc: str | None
    tracking_number: str
    weight_kg: float | None
    status: str  # packed | loaded | shipped
    unit: str | None  # the unit it is on, when loaded
    cartons: tuple[Carton, ...] = ()

    @property
    def ref(self) -> str:
        return f"{self.channel}/{self.order_id}"

    def missing(self, loaded_now: frozenset[int] = frozenset()) -> list[int]:
        """The order's cartons not on a unit yet, once this one is (`loaded_now`: cartons this
        station loaded that central may not know yet)."""
        return [
            c.carton
            for c in self.cartons
            if c.status == "packed" and c.carton != self.carton and c.carton not in loaded_now
        ]


@dataclass(frozen=True)
class ManifestParcel:
    package_id: int
    order_ref: int
    channel: str
    order_id: str
    carton: int
    sscc: str | None
    tracking_number: str
    weight_kg: float
    unit: str
    service: str = ""


@dataclass(frozen=True)
class LeftBehind:
    channel: str
    order_id: str
    carton: int
    order_ref: int = 0
    sscc: str | None = None
    packed_at: datetime | None = None  # a carton packed after the cut-off waits for the next


@dataclass(frozen=True)
class Manifest:
    """A carrier's closed collection: what the driver signs for, per load unit."""

    code: str  # the manifest id, printed as Code 128
    carrier: str
    closed_at: datetime
    closed_by: str
    station: str
    parcels: tuple[ManifestParcel, ...]
    orders_shipped: int
    left_behind: tuple[LeftBehind, ...] = field(default=())

    @property
    def weight_kg(self) -> float:
        return round(sum(p.weight_kg for p in self.parcels), 3)

    def units(self) -> dict[str, list[ManifestParcel]]:
        """Load unit → its parcels, units in name order (one manifest page each)."""
        by_unit: dict[str, list[ManifestParcel]] = {}
        for parcel in sorted(self.parcels, key=lambda p: (p.unit, p.order_id, p.carton)):
            by_unit.setdefault(parcel.unit, []).append(parcel)
        return by_unit

    def document(self) -> dict:
        """The manifest as JSON (stored centrally; the CSV and PDF are made from it)."""
        return {
            "manifest_id": self.code,
            "carrier": self.carrier,
            "closed_at": self.closed_at.isoformat(),
            "closed_by": self.closed_by,
            "station": self.station,
            "parcels": len(self.parcels),
            "orders_shipped": self.orders_shipped,
            "weight_kg": self.weight_kg,
            "units": [
                {"unit": unit, "parcels": [_parcel_document(p) for p in parcels]}
                for unit, parcels in self.units().items()
            ],
            "left_behind": [
                {"channel": x.channel, "order_id": x.order_id, "carton": x.carton}
                for x in self.left_behind
            ],
        }

    def csv_rows(self) -> list[list[str]]:
        """Header + one row per parcel, the same data as the PDF's tables."""
        rows = [list(CSV_HEADER)]
        for unit, parcels in self.units().items():
            for p in parcels:
                rows.append(
                    [
                        self.code,
                        self.carrier,
                        unit,
                        p.channel,
                        p.order_id,
                        str(p.carton),
                        p.sscc or "",
                        p.tracking_number,
                        f"{p.weight_kg:.3f}",
                    ]
                )
        return rows


CSV_HEADER = (
    "manifest_id",
    "carrier",
    "unit",
    "channel",
    "order_id",
    "carton",
    "sscc",
    "tracking_number",
    "weight_kg",
)


def _parcel_document(p: ManifestParcel) -> dict:
    return {
        "channel": p.channel,
        "order_id": p.order_id,
        "carton": p.carton,
        "sscc": p.sscc,
        "tracking_number": p.tracking_number,
        "weight_kg": p.weight_kg,
        "service": p.service,
    }


def manifest_from_document(doc: dict) -> Manifest:
    """A stored manifest back (reprints)."""
    parcels = tuple(
        ManifestParcel(
            0,
            0,
            p["channel"],
            p["order_id"],
            int(p["carton"]),
            p.get("sscc"),
            p["tracking_number"],
            float(p["weight_kg"]),
            u["unit"],
            p.get("service", ""),
        )
        for u in doc["units"]
        for p in u["parcels"]
    )
    left = tuple(
        LeftBehind(x["channel"], x["order_id"], int(x["carton"])) for x in doc["left_behind"]
    )
    return Manifest(
        doc["manifest_id"],
        doc["carrier"],
        datetime.fromisoformat(doc["closed_at"]),
        doc["closed_by"],
        doc["station"],
        parcels,
        int(doc["orders_shipped"]),
        left,
    )


def manifest_code(carrier: str, day: datetime, number: int) -> str:
    """`MF-SF-20261204-0007`: carrier, day and a site-wide number (Code 128 encodes it)."""
    letters = "".join(ch for ch in carrier.upper() if ch.isascii() and ch.isalnum())[:8] or "X"
    return f"MF-{letters}-{day:%Y%m%d}-{number:04d}"
