"""The packing station as `shipshape run --station-store` builds it (station root, station store,
central unreachable) with an API carrier: the station reads the carrier's key from its
environment, a carton closes awaiting its label while the carrier is down, the label prints by
itself once the carrier answers, and central learns both facts at the next sync."""

from __future__ import annotations

from sqlalchemy import select

from carriers.local_server import LocalCarrierServer
from db.schema import exceptions, packages, shipments
from db.station.store import StationStore
from db.station.sync import SyncEngine
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.ui.packer.conftest import PACKER, pack_and_close
from tests.ui.packer.test_packer_carrier_api import KEY_ENV, SERVICES, sell_labels_through
from tests.ui.stations import packing_pullers, station_on, unreachable_central


def test_an_offline_station_prints_an_awaited_label_by_itself(
    qtbot, central, tmp_path, monkeypatch
):
    labels = tmp_path / "labels"
    monkeypatch.setenv("SHIPSHAPE_LABEL_PRINTER", f"file:{labels}")
    monkeypatch.setenv("SHIPSHAPE_LABEL_FORMAT", "zpl")
    monkeypatch.setenv("SHIPSHAPE_SPOOL_DIR", str(tmp_path / "spool"))
    server = LocalCarrierServer(services=SERVICES).start()
    monkeypatch.setenv(KEY_ENV, server.api_key)
    sell_labels_through(central, server)
    order = pick_into_tote(central, released_orders(central, 2)[0], "0801")
    store = StationStore(tmp_path / "station.sqlite", "PACK-01")
    offline = unreachable_central(tmp_path)
    station = station_on(offline, "PACK-01", tmp_path, store=store)
    (puller,) = packing_pullers(station)
    SyncEngine(store, central.engine, pullers=[puller], listen=False).sync_once()
    home = station.packing.make_home(PACKER)
    qtbot.addWidget(home)
    home.show()
    server.stop()
    try:
        pack_and_close(qtbot, home, order)
        qtbot.waitUntil(lambda: "waiting for its label" in home.message.text(), timeout=20000)
        assert "waiting for its label" in home.label_line.text()
        assert home.label_line.isVisible()
        server.start()
        station.packing.carriers.retrier.wake()
        qtbot.waitUntil(lambda: len(list(labels.glob("*"))) == 2, timeout=20000)  # label, slip
        qtbot.waitUntil(lambda: home.label_line.text() == "", timeout=20000)
        assert not home.label_line.isVisible()
        waiting = {fact.kind for _id, fact in store.pending(1000)}
        assert {"package.closed", "label.bought"} <= waiting
    finally:
        station.stop()
        offline.close()
        server.stop()
    assert server.purchases(f"Shipshape Demo DC:{order.order_id}:1") == 1
    SyncEngine(store, central.engine, pullers=[puller], listen=False).sync_once()  # back online
    with central.engine.connect() as conn:
        tracking = conn.execute(
            select(shipments.c.tracking_number)
            .join(packages, packages.c.shipment_id == shipments.c.id)
            .where(shipments.c.order_id == order.order_ref)
        ).scalar_one()
        items = conn.execute(
            select(exceptions.c.status).where(exceptions.c.kind == "awaiting_label")
        ).all()
    assert tracking.startswith("LC") and [row.status for row in items] == ["resolved"]
