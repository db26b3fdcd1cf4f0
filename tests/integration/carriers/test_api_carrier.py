"""The carrier-API adapter against the local carrier server: labels that scan, refusals with the
carrier's reason, and every way of not answering as CarrierUnavailable within the timeout."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from app.errors import BadInput, CarrierRefused, CarrierUnavailable
from app.services.ports.carriers import Parcel, label_reference
from carriers.api import KG_TO_OZ, ApiCarrier, ApiSettings
from carriers.local_server import Fault, LocalCarrierServer
from carriers.web import JsonWeb
from tests.integration.carriers.conftest import (
    SHORT_TIMEOUT_S,
    TIMEOUT_S,
    api_carrier,
    label_request,
)
from tests.integration.printing.conftest import decode, need, rasterise_zpl_batch

REF = label_reference("AMS", "WEB-1001", 1)


def test_pdf_label_scans_as_the_tracking_number(carrier_server):
    need("pdftoppm", "poppler-utils")
    purchase = api_carrier(carrier_server).buy_label(label_request(fmt="pdf"), REF)
    png = subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", "-mono", "-"],
                         input=purchase.label.data, capture_output=True, check=True).stdout  # fmt: skip
    found = decode(Image.open(io.BytesIO(png)))
    assert found == {purchase.tracking_number: "]C0"}


def test_zpl_label_scans_as_the_tracking_number(carrier_server, tmp_path):
    purchase = api_carrier(carrier_server).buy_label(label_request(fmt="zpl"), REF)
    assert purchase.label.format == "zpl" and purchase.label.data.startswith(b"^XA")
    images = rasterise_zpl_batch({"label": (purchase.label.data, "4x6", 203)}, tmp_path)
    assert purchase.tracking_number in decode(images["label"])


def test_the_purchase_carries_the_reference_and_the_idempotency_key(carrier_server):
    api_carrier(carrier_server).buy_label(label_request(), REF)
    sent = {operation: (headers, body) for operation, headers, body in carrier_server.seen}
    assert json.loads(sent["create"][1])["shipment"]["reference"] == REF
    assert sent["buy"][0]["Idempotency-Key"] == REF
    assert carrier_server.purchase_counts() == {REF: 1}


def test_a_refusal_carries_the_carriers_reason(carrier_server):
    request = label_request(ship_to={"name": "Ada", "city": "Delft", "country": "NL"})
    with pytest.raises(CarrierRefused) as refused:
        api_carrier(carrier_server).buy_label(request, REF)
    assert "to_address street1 is missing" in refused.value.reason
    assert refused.value.message.id == "carrier.refused"
    assert carrier_server.purchase_counts() == {}


def test_an_injected_422_on_buy_is_a_refusal_and_buys_nothing(carrier_server):
    carrier_server.add_fault(Fault("refuse_422", on="buy", reason="weight exceeds 30 kg"))
    with pytest.raises(CarrierRefused, match="weight exceeds 30 kg"):
        api_carrier(carrier_server).buy_label(label_request(), REF)
    assert carrier_server.purchase_counts() == {}


def test_a_carton_fixed_after_a_refusal_is_bought_as_fixed(carrier_server):
    carrier = api_carrier(carrier_server)
    with pytest.raises(CarrierRefused, match="parcel weighs over 30 kg"):
        carrier.buy_label(label_request(parcel=Parcel(31.0, 60, 40, 40)), REF)
    purchase = carrier.buy_label(label_request(parcel=Parcel(18.0, 60, 40, 40)), REF)
    shipment = carrier_server.book.shipments[purchase.shipment_id]
    assert shipment["parcel"]["weight"] == round(18.0 * KG_TO_OZ, 1)
    assert carrier_server.purchase_counts() == {REF: 1}


def test_a_service_the_carrier_does_not_offer_is_refused(carrier_server):
    with pytest.raises(CarrierRefused, match="no rate for service Overnight"):
        api_carrier(carrier_server).buy_label(label_request(service="Overnight"), REF)


def test_a_wrong_api_key_is_refused(carrier_server):
    carrier = ApiCarrier("LOCAL", JsonWeb("LOCAL", carrier_server.base_url, "wrong", TIMEOUT_S))
    with pytest.raises(CarrierRefused, match="API key is not valid"):
        carrier.buy_label(label_request(), REF)


@pytest.mark.parametrize("on", ["lookup", "create", "buy", "label"])
def test_a_500_is_unavailable_then_the_retry_buys_once(carrier_server, on):
    carrier = api_carrier(carrier_server)
    carrier_server.add_fault(Fault("status_500", on=on))
    with pytest.raises(CarrierUnavailable) as unavailable:
        carrier.buy_label(label_request(), REF)
    assert unavailable.value.message.id == "carrier.unavailable"
    assert carrier.buy_label(label_request(), REF).tracking_number
    assert carrier_server.purchase_counts() == {REF: 1}


def test_a_slow_answer_times_out_within_the_timeout(carrier_server):
    carrier = api_carrier(carrier_server, SHORT_TIMEOUT_S)
    carrier_server.add_fault(Fault("slow", on="buy", delay_s=5 * SHORT_TIMEOUT_S))
    started = time.monotonic()
    with pytest.raises(CarrierUnavailable):
        carrier.buy_label(label_request(), REF)
    assert time.monotonic() - started < 4 * SHORT_TIMEOUT_S
    assert carrier.buy_label(label_request(), REF).tracking_number  # bought while we waited
    assert carrier_server.purchase_counts() == {REF: 1}


def test_a_refused_connection_is_unavailable_until_the_carrier_is_back():
    server = LocalCarrierServer().start()
    try:
        carrier = api_carrier(server)
        server.stop()
        with pytest.raises(CarrierUnavailable, match="cannot be reached"):
            carrier.buy_label(label_request(), REF)
        server.start()
        assert carrier.buy_label(label_request(), REF).tracking_number
    finally:
        server.stop()


def test_an_address_that_does_not_resolve_is_unavailable():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    carrier = ApiCarrier("LOCAL", JsonWeb("LOCAL", f"http://127.0.0.1:{port}/v2", "k", TIMEOUT_S))
    with pytest.raises(CarrierUnavailable):
        carrier.find_purchase(REF)


def test_the_api_key_comes_from_the_environment_or_a_file_and_is_never_shown(tmp_path):
    settings = ApiSettings("http://127.0.0.1:9/v2", api_key_env="SHIPSHAPE_CARRIER_KEY")
    assert settings.api_key({"SHIPSHAPE_CARRIER_KEY": " sk_live_1 \n"}) == "sk_live_1"
    key_file = tmp_path / "carrier.key"
    key_file.write_text("sk_file_2\n")
    from_file = ApiSettings("http://127.0.0.1:9/v2", api_key_file=str(key_file))
    assert from_file.api_key({}) == "sk_file_2"
    with pytest.raises(BadInput, match="SHIPSHAPE_CARRIER_KEY"):
        settings.api_key({})
    web = JsonWeb("LOCAL", "http://127.0.0.1:9/v2", "sk_live_1", 1.0)
    assert "sk_live_1" not in repr(web) and "sk_live_1" not in repr(vars(settings))


def test_stations_buying_the_same_carton_at_once_buy_it_once(carrier_server):
    carriers = [api_carrier(carrier_server) for _ in range(4)]
    with ThreadPoolExecutor(4) as pool:
        bought = list(
            pool.map(lambda c: c.buy_label(label_request(), REF).tracking_number, carriers)
        )
    assert len(set(bought)) == 1
    assert carrier_server.purchase_counts() == {REF: 1}
