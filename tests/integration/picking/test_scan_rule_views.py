"""The products' scan rules reach the picker's view: from central, and on a station working from
its own store while offline (the pulled product copy carries them, and they override a snapshot
saved before a product became lot-controlled)."""

from __future__ import annotations

import json

from sqlalchemy import select, update

from app.domain.users import Role, User
from db.engine import make_engine
from db.schema import products
from db.station.backend import StationPickingBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine
from db.uow import SqlUnitOfWork
from tests.integration.picking.test_central_picking import PIA, backend


def flags_by_sku(central) -> dict[str, tuple[bool, bool]]:
    with central.engine.connect() as conn:
        rows = conn.execute(
            select(products.c.sku, products.c.lot_controlled, products.c.no_barcode)
        )
        return {sku: (bool(lot), bool(loose)) for sku, lot, loose in rows}


def set_flags(central, sku: str, **values) -> None:
    with central.engine.begin() as conn:
        conn.execute(update(products).where(products.c.sku == sku).values(**values))


def test_the_central_view_carries_each_products_scan_rules(demo_central):
    task = backend(demo_central).my_pick_list(PIA).tasks[0]
    set_flags(demo_central, task.sku, no_barcode=True, lot_controlled=True)
    view = backend(demo_central).my_pick_list(PIA)
    flags = flags_by_sku(demo_central)
    assert all((t.lot_controlled, t.no_barcode) == flags[t.sku] for t in view.tasks)
    assert any(t.lot_controlled and t.lot for t in view.tasks), "demo lots are lot-controlled"
    changed = next(t for t in view.tasks if t.id == task.id)
    assert changed.no_barcode and changed.lot_controlled


def offline_station(demo_central, tmp_path):
    """A station that pulled once, then lost the network: it serves the list from its store."""
    store = StationStore(tmp_path / "station.sqlite", "PICK-21")
    online = StationPickingBackend(store, lambda: None, demo_central.uow, "PICK-21")
    claimed = online.my_pick_list(PIA)
    sync = SyncEngine(store, demo_central.engine)
    sync.sync_once()
    dead = make_engine(f"sqlite:///{tmp_path / 'gone' / 'central.sqlite'}")
    offline = StationPickingBackend(store, lambda: None, lambda: SqlUnitOfWork(dead), "PICK-21")
    return store, sync, offline, claimed


def test_offline_the_stations_view_and_product_copy_carry_the_scan_rules(demo_central, tmp_path):
    store, _sync, offline, claimed = offline_station(demo_central, tmp_path)
    copy = {doc["sku"]: doc for doc in store.cached("product").values()}
    flags = flags_by_sku(demo_central)
    assert all((copy[s]["lot_controlled"], copy[s]["no_barcode"]) == f for s, f in flags.items())
    view = offline.my_pick_list(User(PIA.name, Role.PICKER, PIA.badge))
    assert view.id == claimed.id
    assert [(t.lot_controlled, t.no_barcode) for t in view.tasks] == [
        flags[t.sku] for t in view.tasks
    ]
    assert any(t.lot_controlled for t in view.tasks)


def test_a_snapshot_without_the_rules_takes_them_from_the_pulled_product_copy(
    demo_central, tmp_path
):
    store, sync, offline, claimed = offline_station(demo_central, tmp_path)
    plain = next(t for t in claimed.tasks if not t.lot_controlled)
    set_flags(demo_central, plain.sku, lot_controlled=True)
    sync._must_pull = True  # as the poll would: the product change arrives
    sync.sync_once()
    with store._write() as db:  # a snapshot saved by an older version: no flags at all
        (snapshot,) = db.execute("SELECT snapshot FROM work").fetchone()
        old = json.loads(snapshot)
        for task in old["tasks"]:
            task.pop("lot_controlled"), task.pop("no_barcode")
        db.execute("UPDATE work SET snapshot = ?", (json.dumps(old),))
    view = offline.my_pick_list(User(PIA.name, Role.PICKER, PIA.badge))
    assert next(t for t in view.tasks if t.id == plain.id).lot_controlled
    flags = flags_by_sku(demo_central)
    assert all(t.lot_controlled == flags[t.sku][0] for t in view.tasks)
