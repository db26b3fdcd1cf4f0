"""Cartons of an API carrier, packed through the real packer screen against a real local HTTP
carrier (carriers/local_server.py), with real spoolers writing the label files: the label is
bought once and printed as the carrier made it; a carrier that does not answer leaves the carton
awaiting its label while the packer goes on, and the label prints by itself once it answers; a
refusal shows the carrier's reason and keeps the carton open."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.events import Actor
from app.services import site as site_settings
from carriers.local_server import Fault, LocalCarrierServer
from db.schema import exceptions, orders, packages, shipments
from printing.transports import FileTransport
from station.carriers import StationCarriers
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.ui.packer.conftest import PACKER, Station
from ui.packer import PackerHome
from ui.worker import SynchronousWorker

SERVICES = ("Standard", "Express", "Paket", "Parcel UK", "Express Worldwide", "Next Day",
            "Express Saver", "Ground", "2nd Day Air")  # fmt: skip
KEY_ENV = "SHIPSHAPE_TEST_CARRIER_KEY"
DEMO_SITE = Path(__file__).parents[3] / "resources" / "demo" / "site.json"


def sell_labels_through(central, server: LocalCarrierServer, timeout_s: float = 2) -> None:
    """Every demo carrier sells its labels through the local carrier's API."""
    document = json.loads(DEMO_SITE.read_text(encoding="utf-8"))
    for carrier in document["carriers"]:
        carrier["label_source"] = "api"
        carrier["api"] = {"base_url": server.base_url, "api_key_env": KEY_ENV,
                          "timeout_s": timeout_s}  # fmt: skip
    site_settings.save_site(central.uow(), document, Actor("test", "TEST"))


class CarrierStation(Station):
    """The packer home of tests/ui/packer/conftest.py, printing ZPL, with the station's carriers
    (the durable list of awaited labels in the spool folder) and a quick retrier."""

    def __init__(self, qtbot, central, tmp_path, server, label_format="zpl"):
        self.suffix = f".{label_format}"
        transport = FileTransport(tmp_path / "labels-out", self.suffix)
        super().__init__(qtbot, central, tmp_path, transport, label_format=label_format)
        self.home.close()
        self.carriers = StationCarriers(self.backend, tmp_path / "spool",
                                        {KEY_ENV: server.api_key}, backoff=(0.1, 0.2))  # fmt: skip
        self.carriers.start(self.printer)
        self.home = PackerHome(self.backend, SynchronousWorker(), PACKER, "PACK-01", self.printer,
                               carriers=self.carriers.desk,
                               label_events=self.carriers.listeners)  # fmt: skip
        qtbot.addWidget(self.home)
        self.home.resize(1280, 720)
        self.home.show()

    def files(self, folder) -> list:
        return sorted(folder.glob(f"*{self.suffix}")) if folder.exists() else []

    def pack_and_weigh(self, order) -> None:
        self.scan(f"T:{order.tote}")
        self.pack_all(order)
        self.type_weight(self.expected_kg())

    def stop(self) -> None:
        self.carriers.stop()
        super().stop()


@pytest.fixture
def server():
    with LocalCarrierServer(services=SERVICES) as server:
        yield server


@pytest.fixture
def station(qtbot, central, tmp_path, server):
    sell_labels_through(central, server)
    station = CarrierStation(qtbot, central, tmp_path, server)
    yield station
    station.stop()


def shipment_of(central, sscc: str) -> str:
    query = (
        select(shipments.c.tracking_number)
        .join(packages, packages.c.shipment_id == shipments.c.id)
        .where(packages.c.sscc == sscc)
    )
    with central.engine.connect() as conn:
        return conn.execute(query).scalar_one()


def closed_payloads(station, order) -> list[dict]:
    from db.schema import events

    query = select(events.c.payload).where(
        events.c.order_ref == order.order_ref, events.c.kind == "package.closed"
    )
    with station.central.engine.connect() as conn:
        return list(conn.execute(query).scalars())


def test_an_api_carriers_label_is_bought_once_and_printed_as_it_came(station, server):
    order = station.order()
    station.pack_and_weigh(order)
    message = station.close()
    assert "Packed" in message, message
    closed = station.home.state.closed[-1]
    reference = f"Shipshape Demo DC:{order.order_id}:1"
    assert server.purchases(reference) == 1
    station.qtbot.waitUntil(lambda: len(station.files(station.labels)) == 1, timeout=15000)
    (label,) = station.files(station.labels)
    tracking = closed.numbers.tracking_number
    assert tracking.startswith("LC") and tracking.encode() in label.read_bytes()
    assert label.read_bytes().startswith(b"^XA")  # the carrier's ZPL, raw
    (payload,) = closed_payloads(station, order)
    assert payload["label"] == "carrier" and payload["tracking_number"] == tracking
    assert payload["shipment_id"].startswith("shp_") and payload["label_reference"] == reference
    assert shipment_of(station.central, closed.numbers.sscc) == tracking
    assert station.status(order) == "packed"
    station.qtbot.waitUntil(lambda: "label.printed" in station.event_kinds(order), timeout=15000)


def test_a_pdf_label_printer_gets_the_carriers_pdf(qtbot, central, tmp_path, server):
    sell_labels_through(central, server)
    station = CarrierStation(qtbot, central, tmp_path, server, label_format="pdf")
    try:
        order = station.order()
        station.pack_and_weigh(order)
        assert "Packed" in station.close()
        station.qtbot.waitUntil(lambda: len(station.files(station.labels)) == 1, timeout=15000)
        (label,) = station.files(station.labels)
        assert label.read_bytes().startswith(b"%PDF")
        assert station.home.state.closed[-1].numbers.tracking_number.startswith("LC")
    finally:
        station.stop()


def test_a_carrier_that_does_not_answer_leaves_the_carton_awaiting_its_label(station, server):
    first, second = station.order("0301", n=0), station.order("0302", n=1)
    server.stop()
    station.pack_and_weigh(first)
    message = station.close()
    assert "waiting for its label; it prints by itself" in message, message
    assert f"order {first.order_id}" in station.home.label_line.text()
    assert station.home.label_line.isVisible()
    assert "waiting for its label" in station.scan("C:REPRINT")  # nothing to print again yet
    assert station.status(first) == "packed"
    sscc = station.home.state.closed[-1].numbers.sscc
    assert shipment_of(station.central, sscc) == f"AWAITING-{sscc}"
    assert awaiting_items(station.central) == ["open"]
    # The packer goes on at once with the next order (its carton awaits its label too).
    station.pack_and_weigh(second)
    assert "waiting for its label" in station.close()
    assert station.home.state.order.order_id == second.order_id
    assert station.status(second) == "packed"
    assert station.files(station.labels) == []
    assert len(station.carriers.awaited.all()) == 2
    server.start()  # the carrier answers again: both labels print by themselves, bought once
    station.qtbot.waitUntil(lambda: len(station.files(station.labels)) == 2, timeout=15000)
    for order in (first, second):
        assert server.purchases(f"Shipshape Demo DC:{order.order_id}:1") == 1
        assert "label.bought" in station.event_kinds(order)
    station.qtbot.waitUntil(lambda: station.home.label_line.text() == "", timeout=15000)
    assert not station.home.label_line.isVisible()
    assert shipment_of(station.central, sscc).startswith("LC")
    assert awaiting_items(station.central) == ["resolved", "resolved"]
    assert station.carriers.awaited.all() == []


def test_a_carrier_that_times_out_is_not_waited_for_again_at_the_next_carton(station, server):
    sell_labels_through(station.central, server, timeout_s=0.5)
    first, second = two_orders_of_one_carrier(station)
    server.add_fault(Fault("slow", on="lookup", delay_s=3), times=20)
    station.pack_and_weigh(first)
    assert "waiting for its label" in station.close()
    asked = len(server.seen)
    station.pack_and_weigh(second)
    start = time.monotonic()
    assert "waiting for its label" in station.close()
    assert time.monotonic() - start < 0.5  # the packer does not wait out a timeout again
    assert len(server.seen) - asked <= 1  # at most the retrier's own try meanwhile
    server.clear_faults()
    station.qtbot.waitUntil(lambda: len(station.files(station.labels)) == 2, timeout=20000)
    for order in (first, second):
        assert server.purchases(f"Shipshape Demo DC:{order.order_id}:1") == 1


def test_a_refusal_shows_the_carriers_reason_and_keeps_the_carton_open(station, server):
    order = station.order()
    server.add_fault(Fault("refuse_422", on="create", reason="to_address street1 is missing"))
    station.pack_and_weigh(order)
    message = station.close()
    assert "refused the label: to_address street1 is missing" in message, message
    assert station.home.state.closed == () and station.home.state.carton_items
    assert station.status(order) == "picked"
    assert "Packed" in station.close()  # fixed (here: the carrier takes it now) and closed again
    assert server.purchases(f"Shipshape Demo DC:{order.order_id}:1") == 1


def test_a_station_restart_keeps_retrying_the_cartons_awaiting_their_label(
    station, server, tmp_path
):
    order = station.order()
    server.stop()
    station.pack_and_weigh(order)
    assert "waiting for its label" in station.close()
    station.carriers.stop()  # the station stops; its list of awaited labels stays on disk
    restarted = StationCarriers(station.backend, tmp_path / "spool", {KEY_ENV: server.api_key},
                                backoff=(0.1, 0.2))  # fmt: skip
    assert [a.order_id for a in restarted.awaited.all()] == [order.order_id]
    server.start()
    restarted.start(station.printer)
    try:
        station.qtbot.waitUntil(lambda: len(station.files(station.labels)) == 1, timeout=15000)
        station.qtbot.waitUntil(lambda: restarted.awaited.all() == [], timeout=15000)
    finally:
        restarted.stop()
    assert server.purchases(f"Shipshape Demo DC:{order.order_id}:1") == 1


def two_orders_of_one_carrier(station):
    refs = released_orders(station.central, 2)
    with station.central.engine.connect() as conn:
        rows = conn.execute(select(orders.c.id, orders.c.carrier).where(orders.c.id.in_(refs)))
        by_carrier: dict[str, list[int]] = {}
        for ref, carrier in rows:
            by_carrier.setdefault(carrier, []).append(ref)
    pair = next(sorted(refs) for refs in by_carrier.values() if len(refs) >= 2)
    return [pick_into_tote(station.central, ref, f"03{n:02d}") for n, ref in enumerate(pair[:2])]


def awaiting_items(central) -> list[str]:
    query = select(exceptions.c.status).where(exceptions.c.kind == "awaiting_label")
    with central.engine.connect() as conn:
        return list(conn.execute(query).scalars())
