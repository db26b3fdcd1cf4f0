"""The own-series carrier: our tracking numbers behind the carrier port, no label of its own."""

from __future__ import annotations

import pytest

from app.domain.site import NumberRange, TrackingScheme
from app.errors import BadInput
from app.services.own_series_carrier import OwnSeriesCarrier, counter_numbers
from app.services.ports.carriers import LabelRequest, Parcel, label_reference

S10 = TrackingScheme("RR", 8, "s10", "NL", NumberRange(1, 2))
REQUEST = LabelRequest("POST", "Parcel", {"name": "DC"}, {"name": "Ada"}, Parcel(1, 2, 3, 4),
                       "WEB-1", 1, 1)  # fmt: skip


def test_numbers_come_from_the_scheme_and_the_label_is_ours():
    carrier = OwnSeriesCarrier("POST", counter_numbers(S10))
    purchase = carrier.buy_label(REQUEST, label_reference("AMS", "WEB-1", 1))
    assert purchase.tracking_number == S10.number(1) == "RR000000014NL"
    assert purchase.label is None  # packing prints our generic label with this number


def test_the_number_source_is_asked_once_per_reference():
    asked = []

    def numbers(request: LabelRequest) -> str:
        asked.append(request.order_ref)
        return f"JD{len(asked):04d}"

    carrier = OwnSeriesCarrier("DHL", numbers)
    reference = label_reference("AMS", "WEB-1", 1)
    assert carrier.buy_label(REQUEST, reference) == carrier.buy_label(REQUEST, reference)
    assert asked == ["WEB-1"]


def test_a_range_that_runs_out_is_refused_never_wrapped():
    carrier = OwnSeriesCarrier("POST", counter_numbers(S10))
    carrier.buy_label(REQUEST, "r1")
    carrier.buy_label(REQUEST, "r2")
    with pytest.raises(BadInput, match="does not fit"):
        carrier.buy_label(REQUEST, "r3")
