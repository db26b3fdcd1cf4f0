"""The station store and sync thread against a SQLite central: push, replay, status, pull."""

from __future__ import annotations

import threading
import time

from sqlalchemy import update

from app.bootstrap import open_central
from app.services import sync as sync_service
from app.services.picking_central import CentralPickingBackend
from db.schema import stock
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from tests.integration.sync.support import (
    START_ON_HAND,
    assert_exactly_once,
    register_applier,
    seed_site,
    taken,
)


def test_recorded_facts_reach_central_once_and_status_says_so(tmp_path, sqlite_url, monkeypatch):
    register_applier(monkeypatch)
    central = open_central(sqlite_url)
    stock_id = seed_site(central, tmp_path / "site")
    store = StationStore(tmp_path / "station.sqlite", "station-1")
    store.record(taken(stock_id, 1200))
    assert store.waiting() == 1200
    statuses = []
    engine = SyncEngine(store, central.engine, on_status=statuses.append, poll_s=0.2).start()
    try:
        assert wait_until_drained(engine, 20)
    finally:
        engine.stop()
    assert_exactly_once(central, store.acknowledged(), stock_id)
    assert statuses[-1].online and statuses[-1].waiting == 0 and statuses[-1].last_sync
    [row] = sync_service.station_table(central.uow())
    assert (row["name"], row["facts_waiting"], row["facts_pushed"]) == ("station-1", 0, 1200)
    assert row["online"]


def test_a_replay_after_a_crash_before_marking_sent_changes_nothing(
    tmp_path, sqlite_url, monkeypatch
):
    register_applier(monkeypatch)
    central = open_central(sqlite_url)
    stock_id = seed_site(central, tmp_path / "site")
    store = StationStore(tmp_path / "station.sqlite", "station-1")
    store.record(taken(stock_id, 50))
    engine = SyncEngine(store, central.engine)
    engine.sync_once()
    # The crash: central committed, the station never wrote down that it did.
    with store._write() as db:
        db.execute("UPDATE outbox SET sent_at = NULL")
    engine.sync_once()
    assert store.waiting() == 0
    assert_exactly_once(central, store.acknowledged(), stock_id)


def test_offline_facts_wait_and_status_shows_offline(tmp_path, sqlite_url, monkeypatch):
    register_applier(monkeypatch)
    central = open_central(sqlite_url)
    stock_id = seed_site(central, tmp_path / "site")
    store = StationStore(tmp_path / "station.sqlite", "station-1")
    unreachable = open_central(f"sqlite:///{tmp_path}/no/such/dir/central.sqlite", upgrade=False)
    store.record(taken(stock_id, 10))
    offline = threading.Event()
    engine = SyncEngine(
        store,
        unreachable.engine,
        on_status=lambda s: offline.set() if not s.online else None,
        backoff=(0.01, 0.05),
    ).start()
    assert offline.wait(5)
    engine.stop()
    assert store.waiting() == 10 and engine.status.waiting == 10 and not engine.status.online
    assert "OperationalError" in engine.status.error
    SyncEngine(store, central.engine).sync_once()
    assert_exactly_once(central, store.acknowledged(), stock_id)
    with central.engine.connect() as conn:
        on_hand = conn.execute(stock.select().where(stock.c.id == stock_id)).first().on_hand
    assert on_hand == START_ON_HAND - 10


def test_pull_follows_a_claimed_list_and_sees_it_taken_away(tmp_path, sqlite_url):
    central = open_central(sqlite_url)
    from app.services import demo

    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _: None)
    store = StationStore(tmp_path / "station.sqlite", "station-1")
    store.follow("Jan de Boer")
    engine = SyncEngine(store, central.engine)
    engine.sync_once()
    assert store.work() == []
    with central.uow() as uow:
        jan = next(u for u in uow.users.all() if u.name == "Jan de Boer")
    list_id = CentralPickingBackend(central.uow, "station-1").my_pick_list(jan).id
    engine._must_pull = True
    engine.sync_once()
    [work] = store.work("Jan de Boer")
    assert work["id"] == list_id and work["tasks"] and not work["taken_away"]
    with central.engine.begin() as conn:  # the lead gives it to someone else
        from db.schema import pick_lists

        conn.execute(update(pick_lists).where(pick_lists.c.id == list_id).values(assignee_id=None))
    taken_away = []
    engine.on_work = taken_away.extend
    engine._must_pull = True
    engine.sync_once()
    assert taken_away == [list_id]
    assert store.work()[0]["taken_away"]


def test_an_idle_station_keeps_reporting_so_the_lead_sees_it_online(tmp_path, sqlite_url):
    central = open_central(sqlite_url)
    store = StationStore(tmp_path / "station.sqlite", "pick-07")
    store.set_meta("user", "Pia")  # signed in (StationPickingBackend does this)
    engine = SyncEngine(store, central.engine, poll_s=0.05)
    engine.sync_once()
    time.sleep(0.06)
    engine.sync_once()
    [row] = sync_service.station_table(central.uow())
    assert (row["name"], row["user_name"], row["online"]) == ("pick-07", "Pia", True)
    assert row["last_sync_at"] is not None  # nothing waiting: in sync
    seen = row["last_seen"]
    time.sleep(0.06)
    engine.sync_once()
    [row] = sync_service.station_table(central.uow())
    assert row["last_seen"] > seen


def test_facts_sent_a_week_ago_are_pruned_and_unsent_ones_never(tmp_path):
    store = StationStore(tmp_path / "station.sqlite", "station-1")
    store.record(taken(1, 30))
    ids = [row_id for row_id, _fact in store.pending(30)]
    eight_days_ago = time.time() - 8 * 24 * 3600
    store.mark_sent(ids[:10], when=eight_days_ago)
    store.mark_sent(ids[10:20])  # just now
    assert store.prune_sent() == 10
    assert store.waiting() == 10 and store.sent_through() == ids[19]
    assert len(store.acknowledged()) == 20
    store.mark_sent(ids[20:], when=eight_days_ago)  # the newest sent fact stays regardless
    store.prune_sent(older_than_s=0)
    assert store.sent_through() == ids[-1] and store.waiting() == 0
