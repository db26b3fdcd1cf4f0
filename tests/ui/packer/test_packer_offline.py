"""`shipshape run --station-store`: the packer home built by the composition root packs an order
while central cannot be reached, prints its label, and the order reaches central once the
network is back."""

from __future__ import annotations

from sqlalchemy import select

from db.schema import orders
from db.station.packing import PackingPuller, StationPackingBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.ui.packer.conftest import PACKER, pack_and_close
from tests.ui.stations import packing_pullers, station_on, unreachable_central


def test_the_packer_home_packs_offline_from_the_station_store(
    qtbot, central, tmp_path, monkeypatch
):
    labels = tmp_path / "labels"
    monkeypatch.setenv("SHIPSHAPE_LABEL_PRINTER", f"file:{labels}")
    monkeypatch.setenv("SHIPSHAPE_SPOOL_DIR", str(tmp_path / "spool"))
    order = pick_into_tote(central, released_orders(central, 2)[0], "0801")
    store = StationStore(tmp_path / "station.sqlite", "PACK-01")
    offline = unreachable_central(tmp_path)  # the network is down
    station = station_on(offline, "PACK-01", tmp_path, store=store)
    (puller,) = packing_pullers(station)  # registered before the sync thread starts
    assert isinstance(puller, PackingPuller)
    SyncEngine(store, central.engine, pullers=[puller], listen=False).sync_once()  # earlier on
    home = station.packing.make_home(PACKER)
    qtbot.addWidget(home)
    try:
        assert isinstance(home.backend, StationPackingBackend)
        pack_and_close(qtbot, home, order)
        qtbot.waitUntil(lambda: len(list(labels.glob("*"))) == 2, timeout=20000)  # label, slip
        waiting = lambda: {fact.kind for _id, fact in store.pending(1000)}  # noqa: E731
        qtbot.waitUntil(lambda: "label.printed" in waiting(), timeout=15000)
        assert {"pack.started", "pack.item", "package.closed"} <= waiting()
    finally:
        station.stop()
        offline.close()
    SyncEngine(store, central.engine, pullers=[puller], listen=False).sync_once()  # back online
    assert store.waiting() == 0
    with central.engine.connect() as conn:
        status = conn.execute(select(orders.c.status).where(orders.c.id == order.order_ref))
        assert status.scalar() == "packed"
