"""Sync under faults against the real PostgreSQL, as the least-privileged station role.

Each test ends with the exact count check: every acknowledged fact is on central exactly once
and stock moved exactly once per fact.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import threading
import time

from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from db.engine import make_engine
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from tests.integration.sync.proxy import CuttableProxy
from tests.integration.sync.station_child import run_station
from tests.integration.sync.support import (
    STATION_LOGIN,
    assert_exactly_once,
    register_applier,
    seed_site,
    station_role_url,
    taken,
)


def central_and_station(pg_url, tmp_path, monkeypatch):
    register_applier(monkeypatch)
    central = open_central(pg_url)
    stock_id = seed_site(central, tmp_path / "site")
    return central, stock_id, station_role_url(pg_url)


def record_while(stop: threading.Event, store, engine, stock_id, chunk=40) -> None:
    while not stop.is_set():
        store.record(taken(stock_id, chunk))
        engine.wake()
        time.sleep(0.02)


def test_network_cut_mid_push_100_times(pg_url, tmp_path, monkeypatch, applier):
    central, stock_id, station_url = central_and_station(pg_url, tmp_path, monkeypatch)
    server = make_url(station_url)
    proxy = CuttableProxy((server.host or "127.0.0.1", server.port or 5432))
    through_proxy = server.set(host="127.0.0.1", port=proxy.port).render_as_string(False)
    store = StationStore(tmp_path / "station.sqlite", "station-1")
    engine = SyncEngine(
        store, make_engine(through_proxy), batch_size=50, poll_s=0.1, backoff=(0.005, 0.05)
    )
    engine.start()
    stop = threading.Event()
    recorder = threading.Thread(target=record_while, args=(stop, store, engine, stock_id, 10))
    recorder.start()
    rng = random.Random(9)
    try:
        while proxy.cuts < 100:
            time.sleep(rng.uniform(0.01, 0.06))
            proxy.cut()
        stop.set()
        recorder.join()
        assert wait_until_drained(engine, 60)
        # The last cut may have hit the pull after the last push: online again within a round.
        deadline = time.monotonic() + 10
        while not engine.status.online and time.monotonic() < deadline:
            engine.wake()
            time.sleep(0.05)
        assert engine.status.online
    finally:
        stop.set()
        engine.stop()
        proxy.close()
    assert len(store.acknowledged()) > 1000
    assert_exactly_once(central, store.acknowledged(), stock_id)


def test_station_killed_at_random_50_times_then_finishes(pg_url, tmp_path, monkeypatch, applier):
    central, stock_id, station_url = central_and_station(pg_url, tmp_path, monkeypatch)
    store_path, acks = str(tmp_path / "station.sqlite"), tmp_path / "acks.txt"
    processes = multiprocessing.get_context("forkserver")
    processes.set_forkserver_preload(["tests.integration.sync.station_child"])
    rng = random.Random(50)
    for _ in range(50):
        heard = acks.stat().st_size if acks.exists() else 0
        child = processes.Process(
            target=run_station, args=(store_path, station_url, stock_id, 5000, str(acks))
        )
        child.start()
        while not acks.exists() or acks.stat().st_size == heard:  # recording: kill at random
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.2))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
    survivor = processes.Process(
        target=run_station, args=(store_path, station_url, stock_id, 0, str(acks))
    )
    survivor.start()
    survivor.join(90)
    assert survivor.exitcode == 0
    store = StationStore(store_path, "station-1")
    acknowledged = store.acknowledged()
    assert set(acks.read_text().split()) <= set(acknowledged), "the store lost an acknowledged fact"
    assert store.waiting() == 0
    assert_exactly_once(central, acknowledged, stock_id)


def test_backends_terminated_during_sync(pg_url, tmp_path, monkeypatch, applier):
    central, stock_id, station_url = central_and_station(pg_url, tmp_path, monkeypatch)
    store = StationStore(tmp_path / "station.sqlite", "station-1")
    engine = SyncEngine(store, make_engine(station_url), poll_s=0.1, backoff=(0.005, 0.05))
    engine.start()
    stop = threading.Event()
    recorder = threading.Thread(target=record_while, args=(stop, store, engine, stock_id))
    recorder.start()
    terminated = 0
    rng = random.Random(3)
    try:
        with central.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as admin:
            while terminated < 30:
                time.sleep(rng.uniform(0.01, 0.05))
                terminated += admin.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        " WHERE usename = :user AND datname = current_database()"
                    ),
                    {"user": STATION_LOGIN},
                ).scalar()
        stop.set()
        recorder.join()
        assert wait_until_drained(engine, 60)
    finally:
        stop.set()
        engine.stop()
    assert_exactly_once(central, store.acknowledged(), stock_id)
