"""A headless station process for the kill -9 test: records facts and syncs until killed.

`run_station` runs in a process forked from a forkserver that has imported everything already,
so fifty kills cost seconds, not minutes. It appends `<uuid>\n` to `ack_path` after each fact
is durable (the moment an operator would hear the OK tone): the test checks none of them is
ever lost.
"""

from __future__ import annotations

import os

from app.services import fact_appliers
from db.engine import make_engine
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from tests.integration.sync.support import KIND, take_stock, taken


def run_station(store_path: str, url: str, stock_id: int, count: int, ack_path: str) -> None:
    fact_appliers.APPLIERS[KIND] = fact_appliers.one_by_one(take_stock)
    store = StationStore(store_path, "station-1")
    engine = SyncEngine(store, make_engine(url), poll_s=0.2, backoff=(0.01, 0.1)).start()
    acks = os.open(ack_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    for _ in range(0, count, 5):
        chunk = taken(stock_id, 5)
        store.record(chunk)
        os.write(acks, "".join(f"{fact.uuid}\n" for fact in chunk).encode())
        engine.wake()
    if not wait_until_drained(engine, 60):
        raise SystemExit("facts still waiting after 60 s")
    engine.stop()
