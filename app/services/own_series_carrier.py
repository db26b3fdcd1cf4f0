"""The own-series carrier: today's behaviour behind the carrier port. The tracking number comes
from our own series (the site's scheme for that carrier, handed out by the injected number
source) and the label is our generic one, which printing already renders: the purchase carries
no label bytes, so packing prints ours with the tracking number, exactly as for a bought label.

Pure: no I/O. The number source is where durability lives (central's counter, or the station's
block of numbers): it must give the same number for the same request again, as
`PackingBackend.allocate_numbers` does per order, so a carton closed again after a crash keeps
its number. Within one process the adapter also remembers what it issued per reference.
"""

from __future__ import annotations

from collections.abc import Callable
from threading import Lock

from app.domain.site import TrackingScheme
from app.errors import BadInput
from app.messages import message
from app.services.ports.carriers import LabelRequest, Purchase

NumberSource = Callable[[LabelRequest], str]


class OwnSeriesCarrier:
    """`CarrierLabels` for a carrier whose tracking numbers the site issues itself."""

    def __init__(self, carrier: str, numbers: NumberSource) -> None:
        self.carrier = carrier
        self._numbers = numbers
        self._issued: dict[str, Purchase] = {}
        self._lock = Lock()  # a station has one worker thread, but a bench may have more

    def buy_label(self, request: LabelRequest, reference: str) -> Purchase:
        with self._lock:
            found = self._issued.get(reference)
            if found is None:
                number = self._numbers(request)
                found = Purchase(reference, number, shipment_id=reference, label=None)
                self._issued[reference] = found
            return found

    def find_purchase(self, reference: str) -> Purchase | None:
        with self._lock:
            return self._issued.get(reference)


def counter_numbers(scheme: TrackingScheme, first: int | None = None) -> NumberSource:
    """A number source that counts up through a scheme's range, for tests, benches and a
    one-process demo; a station uses its durable block of numbers instead."""
    state = {"next": scheme.range.next if first is None else first}
    lock = Lock()

    def next_number(_request: LabelRequest) -> str:
        with lock:
            n = state["next"]
            if n > scheme.range.last:  # a range never wraps: reusing a number mixes up parcels
                raise BadInput(message("numbers.tracking_full", prefix=scheme.prefix, number=n,
                                       digits=scheme.digits))  # fmt: skip
            state["next"] = n + 1
        return scheme.number(n)

    return next_number
