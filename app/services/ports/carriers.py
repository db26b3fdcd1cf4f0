"""The carrier port: what packing needs from a carrier to give a carton its tracking number and,
where the carrier makes one, its label.

Two adapters implement it (docs/carriers.md): `app.services.own_series_carrier.OwnSeriesCarrier`
(tracking numbers from our own series, our generic label printed as today) and
`carriers.api.ApiCarrier` (a multi-carrier label API: create shipment → buy a rate → label).
Packing treats both the same: `buy_label` once per carton, print `purchase.label` when there is
one, else our own label with `purchase.tracking_number`.

A label is bought **once** per `reference` (stable per carton: `label_reference`). A station
that lost an answer asks `find_purchase(reference)` — `buy_label` does so itself before buying —
so retrying after `CarrierUnavailable` never buys a second label.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal, Protocol

from app.errors import CarrierRefused, CarrierUnavailable

LabelFormat = Literal["zpl", "pdf"]
LABEL_FORMATS: tuple[LabelFormat, ...] = ("zpl", "pdf")


@dataclass(frozen=True)
class Parcel:
    """The closed carton as weighed: kg and cm."""

    weight_kg: float
    length_cm: float
    width_cm: float
    height_cm: float


@dataclass(frozen=True)
class LabelRequest:
    """One carton's label. Addresses are the site's and the order's dicts (name, company,
    street1, street2, city, region, postal_code, country, phone), as packing already has them."""

    carrier: str  # the site's carrier code
    service: str
    ship_from: dict[str, str]
    ship_to: dict[str, str]
    parcel: Parcel
    order_ref: str  # the order id people and the carrier see
    carton_index: int  # 1-based
    carton_count: int | None  # None while the order's last carton is not known yet
    label_format: LabelFormat = "zpl"


@dataclass(frozen=True)
class CarrierLabel:
    format: LabelFormat
    data: bytes  # exactly what goes to the printer (ZPL) or the PDF file


@dataclass(frozen=True)
class Purchase:
    """A bought label. `label` is None when the carrier makes none (our own series): packing
    prints our generic label with this tracking number instead."""

    reference: str
    tracking_number: str
    shipment_id: str  # the carrier's id for it (ours for the own series)
    label: CarrierLabel | None


def label_reference(site: str, order_ref: str, carton_index: int) -> str:
    """The idempotency reference of one carton's label: the same carton on any station, after
    any restart, gives the same reference; no two cartons share one."""
    return f"{site}:{order_ref}:{carton_index}"


class CarrierLabels(Protocol):
    """A carrier, as packing sees it. Runs on the station's worker thread (an API adapter does
    network I/O with short timeouts); never on the UI thread.

    Raises `CarrierUnavailable` when the carrier cannot answer now (network down, timeout, 5xx):
    the carton waits for its label and the same call is retried later with the same reference.
    Raises `CarrierRefused` when the carrier answered no (4xx, with its reason): a person must
    fix something (the address, the weight) first.
    """

    def buy_label(self, request: LabelRequest, reference: str) -> Purchase:
        """The label for this carton, bought once: a second call with the same reference returns
        the purchase already made (looked up first), never a new one."""
        ...

    def find_purchase(self, reference: str) -> Purchase | None:
        """The purchase made with this reference, or None when none was made."""
        ...


@dataclass(frozen=True)
class AwaitedLabel:
    """A closed carton whose label the carrier has not sold yet."""

    reference: str  # label_reference(site, order, carton): the same on every retry
    request: LabelRequest
    order_ref: int
    order_id: str
    sscc: str
    carton: int
    count: int
    user: str
    station: str

    def document(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_document(cls, doc: dict[str, Any]) -> AwaitedLabel:
        request = dict(doc["request"])
        request["parcel"] = Parcel(**request["parcel"])
        return cls(**(doc | {"request": LabelRequest(**request)}))


class AwaitedLabels(Protocol):
    """The durable list of cartons awaiting their label (a station restart keeps it)."""

    def add(self, label: AwaitedLabel) -> None: ...
    def remove(self, reference: str) -> None: ...
    def all(self) -> list[AwaitedLabel]: ...


__all__ = [
    "AwaitedLabel",
    "AwaitedLabels",
    "LABEL_FORMATS",
    "CarrierLabel",
    "CarrierLabels",
    "CarrierRefused",
    "CarrierUnavailable",
    "LabelFormat",
    "LabelRequest",
    "Parcel",
    "Purchase",
    "label_reference",
]
