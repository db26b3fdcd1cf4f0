"""The carrier port's contract, held by both adapters: the own series (no I/O) and the carrier
API against the local server (real sockets). Packing may treat them the same way."""

from __future__ import annotations

import pytest

from app.services.ports.carriers import CarrierLabels, label_reference
from tests.integration.carriers.conftest import api_carrier, label_request, own_series_carrier


@pytest.fixture(params=["own", "api"])
def carrier(request) -> CarrierLabels:
    if request.param == "own":
        return own_series_carrier()
    return api_carrier(request.getfixturevalue("carrier_server"))


def test_a_label_is_bought_with_a_tracking_number(carrier):
    reference = label_reference("AMS", "WEB-1001", 1)
    purchase = carrier.buy_label(label_request(), reference)
    assert purchase.reference == reference
    assert purchase.tracking_number and purchase.shipment_id


def test_nothing_is_found_before_a_purchase(carrier):
    assert carrier.find_purchase(label_reference("AMS", "WEB-1001", 1)) is None


def test_the_purchase_is_found_by_its_reference(carrier):
    reference = label_reference("AMS", "WEB-1001", 1)
    bought = carrier.buy_label(label_request(), reference)
    assert carrier.find_purchase(reference) == bought


def test_buying_again_with_the_same_reference_gives_the_same_purchase(carrier):
    reference = label_reference("AMS", "WEB-1001", 1)
    first = carrier.buy_label(label_request(), reference)
    assert carrier.buy_label(label_request(), reference) == first


def test_each_carton_gets_its_own_purchase(carrier):
    one = carrier.buy_label(label_request(carton=1), label_reference("AMS", "WEB-1001", 1))
    two = carrier.buy_label(label_request(carton=2), label_reference("AMS", "WEB-1001", 2))
    assert one.shipment_id != two.shipment_id


def test_the_label_is_the_carriers_or_none_for_ours(carrier):
    purchase = carrier.buy_label(label_request(fmt="pdf"), label_reference("AMS", "WEB-1", 1))
    if purchase.label is None:  # own series: packing prints our generic label
        return
    assert purchase.label.format == "pdf" and purchase.label.data.startswith(b"%PDF")


def test_references_are_stable_per_carton_and_distinct_between_cartons():
    assert label_reference("AMS", "WEB-1001", 1) == label_reference("AMS", "WEB-1001", 1)
    found = {
        label_reference(s, o, c) for s in ("AMS", "RTM") for o in ("W-1", "W-2") for c in (1, 2)
    }
    assert len(found) == 8
