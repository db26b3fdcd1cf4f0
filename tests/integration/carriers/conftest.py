"""A local carrier API per test (carriers.local_server, real sockets on 127.0.0.1) and the
requests the carrier tests send through both adapters."""

from __future__ import annotations

import pytest

from app.domain.site import NumberRange, TrackingScheme
from app.services.own_series_carrier import OwnSeriesCarrier, counter_numbers
from app.services.ports.carriers import LabelRequest, Parcel
from carriers.api import ApiCarrier
from carriers.local_server import LocalCarrierServer
from carriers.web import JsonWeb

SHIP_FROM = {"name": "Shipshape DC", "street1": "Dock 1", "city": "Rotterdam",
             "postal_code": "3011 AA", "country": "NL"}  # fmt: skip
SHIP_TO = {"name": "Ada Lovelace", "street1": "Main Street 1", "city": "Delft",
           "postal_code": "2611 AA", "country": "NL", "phone": "+31 15 000 0000"}  # fmt: skip
SCHEME = TrackingScheme("JD", 10, "mod10", "", NumberRange(1, 9_999_999_999))
TIMEOUT_S = 2.0  # a loaded 2-core test machine must not time a healthy answer out
SHORT_TIMEOUT_S = 0.3  # for the tests that slow the server down on purpose


def label_request(order_ref: str = "WEB-1001", carton: int = 1, fmt: str = "zpl", **changes) -> LabelRequest:  # fmt: skip
    fields = dict(carrier="LOCAL", service="Standard", ship_from=SHIP_FROM, ship_to=SHIP_TO,
                  parcel=Parcel(1.25, 30, 20, 10), order_ref=order_ref, carton_index=carton,
                  carton_count=None, label_format=fmt)  # fmt: skip
    fields.update(changes)
    return LabelRequest(**fields)


@pytest.fixture
def carrier_server():
    with LocalCarrierServer() as server:
        yield server


def api_carrier(server: LocalCarrierServer, timeout_s: float = TIMEOUT_S) -> ApiCarrier:
    return ApiCarrier("LOCAL", JsonWeb("LOCAL", server.base_url, server.api_key, timeout_s))


def own_series_carrier() -> OwnSeriesCarrier:
    return OwnSeriesCarrier("LOCAL", counter_numbers(SCHEME))
