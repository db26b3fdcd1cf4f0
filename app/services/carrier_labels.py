"""Carton labels from a carrier API, at carton close and later (docs/carriers.md).

`CarrierDesk` is a packing station's view of its carriers: for each order's carrier either
None (our own series: packing's path as before) or the `CarrierLabels` adapter that sells the
carton's label. The composition root (station/carriers.py) builds the adapters; this module
only uses the port.

When the carrier cannot answer (`CarrierUnavailable`), the carton still closes: it *awaits its
label*. `AwaitedLabel` is everything needed to buy and print that label later without the
screen (the request, the reference, the carton's SSCC and order), kept in a durable list
(`AwaitedLabels`, carriers/awaiting.py) before the carton's fact is recorded; a background
retrier calls `buy_awaited` with the same reference until the carrier sells it.

Worker threads only (the station's database worker at close, the retrier's own thread later).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from app.domain.events import Actor, Event
from app.domain.fact_payloads import LabelBought
from app.domain.site import Carrier, SiteSettings
from app.errors import CarrierUnavailable
from app.services.ports.carriers import (
    AwaitedLabel,
    AwaitedLabels,
    CarrierLabel,
    CarrierLabels,
    LabelFormat,
    LabelRequest,
    Purchase,
)


class CarrierPrinter(Protocol):
    """What printing a bought label needs (printing/carton_printer.py implements it)."""

    def label_format(self) -> LabelFormat: ...
    def print_carrier_label(self, label: CarrierLabel, awaited: AwaitedLabel) -> str: ...


AdapterFor = Callable[[Carrier], CarrierLabels]


class CarrierDesk:
    """A station's carriers: the site's settings (asked each time: a lead's change applies at
    the next carton), an adapter per API carrier, the durable list of awaited labels and the
    retrier's wake-up."""

    def __init__(
        self,
        site: Callable[[], SiteSettings],
        adapter_for: AdapterFor,
        awaited: AwaitedLabels,
        wake: Callable[[], None] = lambda: None,
    ) -> None:
        self.site, self.adapter_for, self.awaited, self.wake = site, adapter_for, awaited, wake
        # Carriers whose last call got no answer: a carton closes awaiting its label at once
        # instead of waiting out the timeouts again; the retrier's next answer clears it.
        self.silent: set[str] = set()

    def api_carrier(self, order_carrier: str) -> CarrierLabels | None:
        """The adapter that sells this order's labels; None for an own-series carrier."""
        carrier = self.site().carrier(order_carrier)
        if carrier is None or carrier.label_source != "api":
            return None
        return self.adapter_for(carrier)

    def by_code(self, code: str) -> CarrierLabels | None:
        return self.api_carrier(code)

    def buy(self, carrier: CarrierLabels, request: LabelRequest, reference: str) -> Purchase:
        """`buy_label`, remembering whether the carrier answered (CarrierUnavailable goes up)."""
        try:
            purchase = carrier.buy_label(request, reference)
        except CarrierUnavailable:
            self.silent.add(request.carrier)
            raise
        self.silent.discard(request.carrier)
        return purchase


def buy_awaited(
    desk: CarrierDesk,
    printer: CarrierPrinter,
    record: Callable[[list[Event]], None],
    awaited: AwaitedLabel,
) -> Purchase:
    """Retrier thread: buy the awaited label (the same reference: bought once), print it, record
    `label.bought`, then take it off the list. Raises CarrierUnavailable (try again later) or
    CarrierRefused (a person must fix something) and leaves it on the list."""
    carrier = desk.by_code(awaited.request.carrier)
    if carrier is None:  # the site made it an own-series carrier meanwhile: ask no API
        raise LookupError(f"carrier {awaited.request.carrier} sells no labels now")
    purchase = desk.buy(carrier, awaited.request, awaited.reference)
    if purchase.label is not None:
        printer.print_carrier_label(purchase.label, awaited)
    record([bought_fact(awaited, purchase)])
    desk.awaited.remove(awaited.reference)
    return purchase


def bought_fact(awaited: AwaitedLabel, purchase: Purchase) -> Event:
    payload = LabelBought(
        reference=awaited.reference,
        sscc=awaited.sscc,
        carton=awaited.carton,
        carrier=awaited.request.carrier,
        tracking_number=purchase.tracking_number,
        shipment_id=purchase.shipment_id,
    )
    return payload.fact(Actor(awaited.user, awaited.station), awaited.order_ref)
