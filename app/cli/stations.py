"""`shipshape simulate` (a load generator of headless stations) and `shipshape stations`."""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from app.bootstrap import Central, open_central, redacted
from app.cli.common import add_database_option, emit_json
from app.domain.users import SetUp
from app.errors import BadInput
from app.services import sync, users
from db.load_check import last_event_seq, max_connections, stock_units, stored_fact_uuids

# What the headless stations record: the picker's (cart set-up, confirmations by tote scan,
# undo, finish), then the packer's and the loader's (`simulate --warehouses`).
RECORDED_KINDS = (
    "tote.bound",
    "pick.confirmed",
    "pick.undone",
    "picklist.finished",
    "pack.started",
    "pack.item",
    "package.closed",
    "dispatch.loaded",
    "dispatch.refused",
)
SIM_BADGE_BASE = 990000  # simulated pickers get badges 990001, 990002, ...


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "simulate",
        help="load test: N headless stations record M pick facts each and sync them",
        description="Runs N station processes, each with its own station store, recording M pick "
        "facts against released work and syncing them to central; prints facts/s and sync "
        "latency, then checks central against every acknowledged fact (exit 1 on a difference).",
    )
    p.add_argument("--stations", type=int, required=True, metavar="N")
    p.add_argument("--facts", type=int, required=True, metavar="M", help="facts per station")
    p.add_argument("--stores", type=Path, help="folder for the station stores (default: temp)")
    p.add_argument(
        "--warehouses",
        type=int,
        default=1,
        metavar="W",
        help="1 (default): the stations work on central's released work as it is; more: "
        "warehouses SIM1..SIMW are set up (or reused) with orders of their own, and N stations "
        "run in each (docs/sync.md)",
    )
    p.add_argument(
        "--packers",
        type=int,
        metavar="K",
        help="with --warehouses 2 or more: how many of each warehouse's N stations pack the "
        "orders its pickers finished (default N/6, rounded down)",
    )
    p.add_argument(
        "--loaders",
        type=int,
        metavar="L",
        help="with --warehouses 2 or more: how many of each warehouse's N stations load the "
        "cartons its packers closed onto a cage (default N/6, rounded down); the rest pick",
    )
    p.add_argument(
        "--pace",
        type=float,
        default=0.0,
        metavar="S",
        help="seconds each station waits between scans, as a picker walks (default 0: flat out)",
    )
    p.add_argument(
        "--poll",
        action="store_true",
        help="stations poll every second instead of listening for NOTIFY (PostgreSQL)",
    )
    add_database_option(p)
    p.set_defaults(func=_simulate)
    p = sub.add_parser("stations", help="every station's sync state (online, waiting, last sync)")
    p.add_argument("--json", action="store_true", help="one JSON object per station")
    add_database_option(p)
    p.set_defaults(func=_stations)


def _simulate(args) -> int:
    if args.stations < 1 or args.facts < 0:
        raise BadInput("--stations must be at least 1 and --facts at least 0")
    if args.warehouses < 1 or args.pace < 0:
        raise BadInput("--warehouses must be at least 1 and --pace at least 0")
    if args.warehouses == 1 and (args.packers or args.loaders):
        raise BadInput("--packers and --loaders need --warehouses 2 or more")
    if args.warehouses > 1:
        from app.cli.simulate_sites import simulate_sites

        return simulate_sites(args)
    central = open_central(args.database)
    names = _simulated_pickers(central, args.stations, central.setup_identity())
    listen = not args.poll and _connections_allow_listen(central, args.stations)
    stock_before, since = _stock_units(central), last_event_seq(central.engine)
    print(
        f"simulate: {args.stations} stations x {args.facts} facts on {redacted(central.url)}"
        f" ({_how_woken(listen, args.poll)})"
    )
    with tempfile.TemporaryDirectory(prefix="shipshape-sim-") as scratch:
        folder = args.stores or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        runs = run_stations(central.url, folder, names, args.facts, listen, pace_s=args.pace)
        elapsed = time.perf_counter() - started
    acknowledged = [uuid for run in runs for uuid in run.acknowledged]
    _print_speed(runs, len(acknowledged), elapsed)
    return _check(central, runs, stock_before, since)


def run_stations(
    url: str,
    folder: Path,
    names: list[str],
    facts: int,
    listen: bool,
    kind: str = "pick.confirmed",
    homes: Sequence[str | None] | None = None,
    pace_s: float = 0.0,
    together: bool = False,
    jobs: Sequence | None = None,
) -> list:
    """One process per station (forked from a server that has imported everything once).
    `homes`: each station's warehouse (a code), in the order of `names`; None: no limit.
    `pace_s`: each station's pause between recorded steps. `together`: the stations begin
    recording together, once all have started up and pulled their first copy of the site.
    `jobs`: each station's `db.station.headless_dock.Job` (None: every one picks)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["db.station.headless"])
    from db.station.headless import run_station

    homes = homes or [None] * len(names)
    jobs = jobs or [None] * len(names)
    for pattern in (
        "*.ready",
        "*.done",
        "*.failed",
        "*.conveyor",
    ):  # an earlier run's, in a folder given
        for mark in folder.glob(pattern):  # again
            mark.unlink()
    with ProcessPoolExecutor(max_workers=len(names), mp_context=context) as pool:
        futures = [
            pool.submit(
                run_station,
                url,
                str(folder / f"sim-{n:03d}.sqlite"),
                f"sim-{n:03d}",
                name,
                facts,
                listen,
                kind,
                home,
                pace_s,
                len(names) if together else 0,
                job,
            )
            for n, (name, home, job) in enumerate(zip(names, homes, jobs, strict=True), start=1)
        ]
        return [future.result() for future in futures]


def _print_speed(runs: list, total: int, elapsed: float) -> None:
    latencies = sorted(ms * 1000 for run in runs for ms in run.latencies_s)
    print(
        f"{total} facts acknowledged and on central in {elapsed:.1f} s: {total / elapsed:.0f} facts/s"
    )
    if len(latencies) >= 2:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        print(
            f"ack -> central latency: p50 {cuts[49]:.0f} ms, p95 {cuts[94]:.0f} ms, "
            f"p99 {cuts[98]:.0f} ms, max {latencies[-1]:.0f} ms"
        )


def _check(central: Central, runs: list, stock_before: int, since: int = 0) -> int:
    """Central must hold every acknowledged fact exactly once, and stock must have moved by
    exactly the units those facts took. Facts stored up to event `since` are an earlier run's."""
    acknowledged = {uuid for run in runs for uuid in run.acknowledged}
    stations = [run.station for run in runs]
    stored = stored_fact_uuids(central.engine, stations, RECORDED_KINDS, since)
    missing = len(acknowledged - set(stored))
    duplicated = sum(1 for count in stored.values() if count > 1)
    unexpected = len(set(stored) - acknowledged)
    moved, expected = stock_before - _stock_units(central), sum(run.units for run in runs)
    print(
        f"check: {len(acknowledged)} acknowledged, {len(stored)} on central, {missing} missing, "
        f"{duplicated} duplicated, {unexpected} unexpected; stock moved {moved} units "
        f"(facts say {expected})"
    )
    undrained = [run.station for run in runs if not run.drained]
    if undrained:
        print(f"still waiting to sync: {', '.join(undrained)}")
    ok = not (missing or duplicated or unexpected or undrained) and moved == expected
    print("OK: central matches every station" if ok else "MISMATCH: central differs (see above)")
    return 0 if ok else 1


def _simulated_pickers(central: Central, count: int, setup: SetUp) -> list[str]:
    """A load test is the site owner's: it registers its pickers as the set-up identity."""
    names = [f"Sim picker {n:03d}" for n in range(1, count + 1)]
    with central.uow() as uow:
        known = {user.name for user in uow.users.all()}
    for n, name in enumerate(names, start=1):
        if name not in known:
            badge = str(SIM_BADGE_BASE + n)
            users.save_user(central.uow(), name, "picker", badge, None, by=setup)
    return names


def _connections_allow_listen(central: Central, stations: int) -> bool:
    """Each station holds one connection, plus one to LISTEN: keep well inside the server's
    max_connections (the rest of the floor needs connections too)."""
    limit = max_connections(central.engine)
    return limit is not None and stations * 2 <= limit - 20


def _how_woken(listen: bool, poll: bool) -> str:
    if listen:
        return "LISTEN/NOTIFY"
    return "polling: --poll" if poll else "polling: too few connections to LISTEN"


def _stock_units(central: Central) -> int:
    return stock_units(central.engine)


def _stations(args) -> int:
    central = open_central(args.database)
    rows = sync.station_table(central.uow())
    if args.json:
        for row in rows:
            emit_json(_station_json(row))
        return 0
    print(f"{'station':<20} {'user':<20} {'state':<8} {'waiting':>8} {'pushed':>9}  last sync")
    for row in rows:
        state = "online" if row["online"] else "offline"
        last = row["last_sync_at"].isoformat(timespec="seconds") if row["last_sync_at"] else "never"
        print(
            f"{row['name']:<20} {row['user_name'] or '-':<20} {state:<8} "
            f"{row['facts_waiting']:>8} {row['facts_pushed']:>9}  {last}"
        )
    return 0


def _station_json(row: dict) -> dict:
    def moment(value):
        return value.isoformat() if value else None

    return {
        "station": row["name"],
        "kind": row["kind"],
        "user": row["user_name"],
        "online": row["online"],
        "facts_waiting": row["facts_waiting"],
        "facts_pushed": row["facts_pushed"],
        "last_sync": moment(row["last_sync_at"]),
        "last_seen": moment(row["last_seen"]),
    }
