"""Station sync on the local PostgreSQL: push rate, ack-to-central latency, drain after offline.

Each scenario runs on its own copy of a demo database (CREATE DATABASE ... TEMPLATE). A single
station logs in as a site sets it up: its own login in the station role (db/roles.sql),
registered for it, pushing through the narrow door while `apply-facts` (the owner) applies; the
50-station rows use the owner's login (direct pushes: the sync engine's own scaling), with real
picking facts and appliers
(`pick.confirmed`, one fact per unit scanned) unless the row says `scan.refused` (a real picker
fact whose applier changes nothing: the sync engine's own cost).

    SHIPSHAPE_BENCH_PG_URL=postgresql://root@127.0.0.1:5432/test .venv/bin/python bench/sync.py
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import select, update  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.bootstrap import open_central  # noqa: E402
from app.cli.stations import _simulated_pickers, run_stations  # noqa: E402
from app.domain.events import Actor, Event  # noqa: E402
from app.errors import BadInput  # noqa: E402
from app.services import demo, facts, waves  # noqa: E402
from db.engine import make_engine, normalize_url  # noqa: E402
from db.fact_inbox import InboxApplier  # noqa: E402
from db.roles import station_login_url  # noqa: E402
from db.schema import pick_lists, pick_tasks, users  # noqa: E402
from db.station.headless import drain_store  # noqa: E402
from db.station.store import StationStore  # noqa: E402
from db.station.sync import SyncEngine, wait_until_drained  # noqa: E402
from db.uow import SqlUnitOfWork  # noqa: E402

SERVER = os.environ.get("SHIPSHAPE_BENCH_PG_URL") or os.environ.get(
    "SHIPSHAPE_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test"
)


BENCH_USER = "李娜"  # a demo picker


class Databases:
    """A demo database seeded once, copied fresh for every scenario, all dropped at the end."""

    def __init__(self) -> None:
        self.server = make_url(normalize_url(SERVER))
        self.admin = psycopg.connect(self._dsn(self.server.database), autocommit=True)
        self.names: list[str] = []
        self.template = self._create()
        central = open_central(self.url(self.template))
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _line: None)
        release_everything(central)
        _simulated_pickers(central, 50, central.setup_identity())
        central.close()

    def fresh(self, station: str = "bench-1") -> tuple[str, str]:
        """(owner URL, URL of a station login registered for `station`) of a new copy of the
        demo database."""
        name = self._create(template=self.template)
        login = "shipshape_bench_" + station.replace("-", "_")
        return self.url(name), station_login_url(self.url(name), login, station)

    def url(self, name: str) -> str:
        return self.server.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        for name in reversed(self.names):
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _create(self, template: str | None = None) -> str:
        name = f"shipshape_bench_sync_{uuid.uuid4().hex[:8]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        self.admin.execute(f'CREATE DATABASE "{name}"{copy}')
        self.names.append(name)
        return name

    def _dsn(self, database: str) -> str:
        url = self.server.set(drivername="postgresql", database=database)
        return url.render_as_string(hide_password=False)


@contextlib.contextmanager
def applier_running(owner_url: str):
    """`shipshape apply-facts` as a thread: what applies a station login's pushes."""
    engine = make_engine(owner_url)
    applier = InboxApplier(engine, poll_s=0.2)
    thread = threading.Thread(target=applier.run, daemon=True)
    thread.start()
    try:
        yield
    finally:
        applier.stop()
        thread.join(30)
        engine.dispose()


def release_everything(central) -> None:
    """Every allocated order on released carts of four, so fifty stations all find work."""
    while True:
        try:
            plan = waves.plan_wave(central.uow(), capacity=4)
            waves.save_wave(central.uow(), plan, release=True)
        except BadInput:
            return


def open_tasks(owner_url: str, count: int) -> list[tuple[int, int, int]]:
    """(pick_list_id, task_id, order_ref placeholder) of tasks to scan units against."""
    engine = make_engine(owner_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(pick_tasks.c.pick_list_id, pick_tasks.c.id).order_by(pick_tasks.c.id)
        ).all()
    engine.dispose()
    return [(rows[n % len(rows)][0], rows[n % len(rows)][1], 0) for n in range(count)]


def make_facts(kind: str, tasks: list[tuple], station: str) -> list[Event]:
    actor = Actor(BENCH_USER, station)
    if kind == "scan.refused":
        return [Event(kind, {"pick_list_id": t[0], "reason": "bench"}, actor) for t in tasks]
    return [
        Event(kind, {"pick_list_id": t[0], "task_id": t[1], "quantity": 1}, actor) for t in tasks
    ]


def drain_after_offline(dbs: Databases, kind: str, count: int, folder: Path) -> float:
    """`count` facts queued while the station could not reach central (no sync thread could
    connect); then central is back: time until all of them are in."""
    owner, station_url = dbs.fresh()
    hold_every_list(owner, BENCH_USER)
    store = StationStore(folder / f"drain-{uuid.uuid4().hex[:6]}.sqlite", "bench-1")
    store.record(make_facts(kind, open_tasks(owner, count), "bench-1"))
    with applier_running(owner):
        started = time.perf_counter()
        sync = SyncEngine(store, make_engine(station_url)).start()
        assert wait_until_drained(sync, 900), "did not drain"  # pushed, and applied
        elapsed = time.perf_counter() - started
        sync.stop()
    return elapsed


def hold_every_list(owner_url: str, user: str) -> None:
    """The single-station scenarios' picker holds the lists their facts are about (as a picker
    always does), so no fact counts as reassigned work."""
    engine = make_engine(owner_url)
    with engine.begin() as conn:
        user_id = select(users.c.id).where(users.c.name == user).scalar_subquery()
        conn.execute(update(pick_lists).values(assignee_id=user_id, status="picking"))
    engine.dispose()


def direct_per_fact(dbs: Databases, kind: str, count: int) -> float:
    """Baseline: each scan applied straight to central in its own transaction (facts/s)."""
    owner, _station_url = dbs.fresh()
    hold_every_list(owner, BENCH_USER)
    engine = make_engine(owner)
    batch = make_facts(kind, open_tasks(owner, count), "bench-direct")
    started = time.perf_counter()
    for fact in batch:
        facts.apply_facts(SqlUnitOfWork(engine), [fact])
    elapsed = time.perf_counter() - started
    engine.dispose()
    return count / elapsed


def online_latency(dbs: Databases, folder: Path, rate: float, seconds: float, wake: bool) -> list:
    """A station recording `rate` pick facts/s while online; ack-to-central times in ms."""
    owner, station_url = dbs.fresh("bench-online")
    hold_every_list(owner, BENCH_USER)
    store = StationStore(folder / f"online-{uuid.uuid4().hex[:6]}.sqlite", "bench-online")
    with applier_running(owner):
        sync = SyncEngine(store, make_engine(station_url), poll_s=1.0).start()
        tasks = open_tasks(owner, int(rate * seconds))
        for task in tasks:
            store.record(make_facts("pick.confirmed", [task], "bench-online"))
            if wake:
                sync.wake()
            time.sleep(1 / rate)
        assert wait_until_drained(sync, 60)
        sync.stop()
    return sorted(s * 1000 for s in store.latencies())


def fifty_stations(dbs: Databases, folder: Path, per_station: int, kind: str) -> float:
    owner, _station_url = dbs.fresh()
    station_url = owner  # 50 logins' worth of set-up is not what this row measures
    central = open_central(owner)
    names = _simulated_pickers(central, 50, central.setup_identity())
    central.close()
    started = time.perf_counter()
    runs = run_stations(station_url, folder, names, per_station, listen=False, kind=kind)
    elapsed = time.perf_counter() - started
    assert all(run.drained for run in runs)
    return sum(len(run.acknowledged) for run in runs) / elapsed


def fifty_push_together(dbs: Databases, folder: Path, per_station: int) -> float:
    """50 stations whose outboxes filled while offline push at once (one process each): what
    central absorbs, without 50 stations' recording work competing for this machine's CPUs."""
    owner, _station_url = dbs.fresh()
    station_url = owner  # direct pushes: what central absorbs from 50 at once
    central = open_central(owner)
    names = _simulated_pickers(central, 50, central.setup_identity())
    central.close()
    stores = []
    for n, (name, tasks) in enumerate(deal_lists(owner, names).items(), start=1):
        station = f"push-{n:03d}"
        store = StationStore(folder / f"{station}.sqlite", station)
        actor = Actor(name, station)
        store.record(
            Event("pick.confirmed", {"pick_list_id": lst, "task_id": task, "quantity": 1}, actor)
            for lst, task in (tasks[i % len(tasks)] for i in range(per_station))
        )
        store.close()
        stores.append((str(folder / f"{station}.sqlite"), station))
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["db.station.headless"])
    with ProcessPoolExecutor(max_workers=len(stores), mp_context=context) as pool:
        futures = [pool.submit(drain_store, station_url, path, name) for path, name in stores]
        runs = [future.result() for future in futures]
    total = per_station * len(stores)
    assert sum(pushed for _s, _f, pushed in runs) == total, "not drained"
    return total / (max(end for _s, end, _p in runs) - min(start for start, _e, _p in runs))


def deal_lists(owner_url: str, names: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Every pick list dealt to the 50 pickers in turn; each picker's (list, task) pairs."""
    engine = make_engine(owner_url)
    with engine.begin() as conn:
        query = select(users.c.name, users.c.id).where(users.c.name.in_(names))
        ids = {name: user_id for name, user_id in conn.execute(query)}
        lists = conn.execute(select(pick_lists.c.id).order_by(pick_lists.c.id)).scalars().all()
        dealt = {list_id: names[n % len(names)] for n, list_id in enumerate(lists)}
        for list_id, name in dealt.items():
            conn.execute(
                update(pick_lists)
                .where(pick_lists.c.id == list_id)
                .values(assignee_id=ids[name], status="picking")
            )
        rows = conn.execute(select(pick_tasks.c.pick_list_id, pick_tasks.c.id)).all()
    engine.dispose()
    tasks: dict[str, list[tuple[int, int]]] = {name: [] for name in names}
    for list_id, task_id in rows:
        tasks[dealt[list_id]].append((list_id, task_id))
    return tasks


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=10_000, help="facts queued offline")
    parser.add_argument("--per-station", type=int, default=200, help="facts per station of 50")
    args = parser.parse_args()
    dbs = Databases()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            engine_only = args.facts / drain_after_offline(dbs, "scan.refused", args.facts, folder)
            say(f"one station, scan.refused: {engine_only:.0f} facts/s")
            drain_s = drain_after_offline(dbs, "pick.confirmed", args.facts, folder)
            one_station = args.facts / drain_s
            say(f"one station, pick.confirmed: {one_station:.0f} facts/s")
            base_engine = direct_per_fact(dbs, "scan.refused", 1000)
            base_pick = direct_per_fact(dbs, "pick.confirmed", 1000)
            say(f"baselines: {base_engine:.0f}, {base_pick:.0f} facts/s")
            rows += [
                ("facts/s, one station, scan.refused", engine_only, base_engine),
                ("facts/s, one station, pick.confirmed", one_station, base_pick),
            ]
            woken = online_latency(dbs, folder, rate=20, seconds=10, wake=True)
            polled = online_latency(dbs, folder, rate=20, seconds=10, wake=False)
            say(f"p95: {p95(woken):.0f} ms, polled {p95(polled):.0f} ms")
            rows.append(("ack->central p95 ms (20 facts/s online)", p95(woken), p95(polled)))
            fifty = fifty_push_together(dbs, folder, args.per_station * 5)
            say(f"50 stations pushing together, pick.confirmed: {fifty:.0f} facts/s")
            live = fifty_stations(dbs, folder, args.per_station, "pick.confirmed")
            say(f"50 stations recording and syncing live: {live:.0f} facts/s")
            rows.append(("facts/s, 50 stations pushing together", fifty, float("nan")))
            rows.append(("facts/s, 50 stations picking live, this box", live, float("nan")))
            rows.append(
                (f"drain {args.facts} facts after offline, s", drain_s, args.facts / base_pick)
            )
    finally:
        dbs.drop_all()
    print(f"{'scenario':<50} {'outbox + sync':>14} {'baseline':>10}")
    for name, ours, base in rows:
        print(f"{name:<50} {ours:>14.1f} {base:>10.1f}")
    print("baseline: facts/s and drain = each fact applied directly in its own transaction;")
    print("          latency = the same station without the wake-up on record (1 s polling)")
    print(f"RESULT sync_facts_per_s_one_station {one_station:.0f} facts/s")
    print(f"RESULT sync_facts_per_s_50_stations {fifty:.0f} facts/s")
    print(f"RESULT sync_ack_to_central_p95_ms {p95(woken):.0f} ms")
    print(f"RESULT sync_drain_10k_s {drain_s:.1f} s")


if __name__ == "__main__":
    main()
