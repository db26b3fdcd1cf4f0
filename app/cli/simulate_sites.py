"""`shipshape simulate --warehouses W`: N headless stations in each of the warehouses SIM1..SIMW,
all at once on one central, with the lead's board loaded every second meanwhile.

Prints per warehouse and in total: facts/s, ack -> central latency, the board's load time; then
the check of `shipshape simulate` (every acknowledged fact on central exactly once, stock moved
by exactly the units the facts took) for every station, per warehouse too, and that no station
touched another warehouse's work or holds its stock in its store.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from pathlib import Path

from app.bootstrap import Central, open_central, redacted
from app.cli.stations import (
    SIM_BADGE_BASE,
    _check,
    _connections_allow_listen,
    _how_woken,
    run_stations,
)
from app.domain.users import Role, SetUp, User
from app.errors import BadInput
from app.services import sim_sites, users
from app.services.lead.board import load_board
from db.load_check import last_event_seq, location_homes, stock_units, work_homes
from db.sim_work import SimAllocation

BOARD_EVERY_S = 1.0


def simulate_sites(args) -> int:
    if args.stations > 999 or args.warehouses > 9:
        raise BadInput("--warehouses goes up to 9 and --stations to 999 with it")
    central = open_central(args.database)
    codes = _set_up(central, args)
    names = _site_pickers(central, codes, args.stations, central.setup_identity())
    homes = [code for code in codes for _ in range(args.stations)]
    listen = not args.poll and _connections_allow_listen(central, len(names))
    before = {code: stock_units(central.engine, code) for code in codes}
    total_before, since = stock_units(central.engine), last_event_seq(central.engine)
    print(
        f"simulate: {len(codes)} warehouses x {args.stations} stations x {args.facts} facts"
        f"{f', {args.pace:g} s between scans' if args.pace else ''}"
        f" ({_how_woken(listen, args.poll)})"
    )
    board = BoardTimer(central)
    with tempfile.TemporaryDirectory(prefix="shipshape-sim-") as scratch:
        folder = args.stores or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        board.start()
        started = time.perf_counter()
        try:
            runs = run_stations(central.url, folder, names, args.facts, listen,
                                homes=homes, pace_s=args.pace, together=True)  # fmt: skip
        finally:
            elapsed = time.perf_counter() - started
            board.stop()
    _report(codes, runs, board, elapsed)
    status = _check(central, runs, total_before, since)
    return max(status, _check_homes(central, codes, runs, names, before))


def _set_up(central: Central, args) -> list[str]:
    """SIM1..SIMW with work for this run (app/services/sim_sites.py); their codes."""
    print(f"simulate: setting up {args.warehouses} warehouses on {redacted(central.url)} ...")
    sites = sim_sites.prepare(
        lambda code: central.uow(warehouse=code),
        lambda code: SimAllocation(central.engine, code, sim_sites.sim_channel(code)),
        args.warehouses,
        args.stations,
        args.stations * args.facts,
        central.setup_identity().actor,
    )
    for site in sites:
        made = "created" if site.created else "reused"
        print(
            f"  {site.code} ({made}): {site.orders} orders, {site.allocated} allocated, "
            f"{site.waves} waves released"
        )
    return [site.code for site in sites]


def _report(codes: list[str], runs: list, board: BoardTimer, elapsed: float) -> None:
    """The table over the stations' common window, and the board once they stopped."""
    begin, end = min(run.started_at for run in runs), max(run.finished_at for run in runs)
    board_ms = [ms for at, ms in board.times if begin <= at <= end]
    _print_table(codes, runs, end - begin, board_ms)
    print(
        f"{end - begin:.1f} s from the stations' common start to the last fact on central "
        f"({elapsed:.1f} s with starting the station processes); board: the whole board, "
        f"loaded {len(board_ms)} times meanwhile (not filtered by warehouse yet: one figure)"
    )
    quiet = board.load_times(5)
    print(f"board once the stations stopped: p50 {statistics.median(quiet):.0f} ms of 5 loads")


def _site_pickers(central: Central, codes: list[str], stations: int, setup: SetUp) -> list[str]:
    """Pickers of each SIM warehouse ("Sim picker SIM2 007", badge 992007): a picker keeps to
    one warehouse from run to run, so the home check may read all of their work."""
    with central.uow() as uow:
        known = {user.name for user in uow.users.all()}
    names = []
    for k, code in enumerate(codes, start=1):
        for n in range(1, stations + 1):
            name = f"Sim picker {code} {n:03d}"
            if name not in known:
                badge = str(SIM_BADGE_BASE + k * 1000 + n)
                users.save_user(central.uow(), name, "picker", badge, None, by=setup)
            names.append(name)
    return names


class BoardTimer:
    """Loads the lead console's board (app/services/lead/board.py `load_board`, what the Board
    tab polls) every second from a thread, as a lead's console would, and keeps how long each
    load took. The board is not filtered by warehouse yet: this is the whole board."""

    def __init__(self, central: Central) -> None:
        self.central = central
        self.lead = User("Sim lead", Role.LEAD, "990000")  # in memory: the use case checks the role
        self.times: list[tuple[float, float]] = []  # (time.time() it began, ms it took)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="board-timer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(60)

    def load_times(self, count: int) -> list[float]:
        """`count` loads one after the other (ms each)."""
        times = []
        for _ in range(count):
            started = time.perf_counter()
            load_board(self.central.uow(), self.lead)
            times.append((time.perf_counter() - started) * 1000)
        return times

    def _run(self) -> None:
        while not self._stop.is_set():
            at = time.time()
            took = self.load_times(1)[0]
            self.times.append((at, took))
            self._stop.wait(max(0.0, BOARD_EVERY_S - took / 1000))


def _print_table(codes: list[str], runs: list, elapsed: float, board_ms: list[float]) -> None:
    print(f"{'warehouse':<10} {'stations':>8} {'facts':>7} {'facts/s':>8} {'ack p50 ms':>11} "
          f"{'ack p95 ms':>11} {'board p50 ms':>13} {'board p95 ms':>13}")  # fmt: skip
    board = _cuts(board_ms)
    for code in [*codes, "total"]:
        mine = [run for run in runs if code in ("total", run.warehouse)]
        facts = sum(len(run.acknowledged) for run in mine)
        ack = _cuts([s * 1000 for run in mine for s in run.latencies_s])
        print(
            f"{code:<10} {len(mine):>8} {facts:>7} {facts / elapsed:>8.0f} {ack[0]:>11.0f} "
            f"{ack[1]:>11.0f} {board[0]:>13.0f} {board[1]:>13.0f}"
        )


def _cuts(values: list[float]) -> tuple[float, float]:
    """p50 and p95 (NaN without at least two values)."""
    if len(values) < 2:
        return float("nan"), float("nan")
    cuts = statistics.quantiles(sorted(values), n=100, method="inclusive")
    return cuts[49], cuts[94]


def _check_homes(
    central: Central, codes: list[str], runs: list, names: list[str], before: dict[str, int]
) -> int:
    """Per warehouse: stock moved by exactly its stations' units; no picker touched another
    warehouse's work; no station's store holds another warehouse's stock."""
    ok = True
    for code in codes:
        moved = before[code] - stock_units(central.engine, code)
        expected = sum(run.units for run in runs if run.warehouse == code)
        ok &= moved == expected
        print(f"check {code}: stock moved {moved} units (its stations' facts say {expected})")
    home_of = {name: run.warehouse for name, run in zip(names, runs, strict=True)}
    foreign_work = sorted((who, code) for who, code in work_homes(central.engine, names)
                          if home_of[who] != code)  # fmt: skip
    where = location_homes(central.engine, {c for run in runs for c in run.stock_locations})
    foreign_stock = sum(
        1 for run in runs for location in run.stock_locations if where[location] != run.warehouse
    )
    print(
        f"check homes: {len(foreign_work)} picker(s) touched another warehouse's work, "
        f"{foreign_stock} stock row(s) of another warehouse in a station's store"
    )
    for who, code in foreign_work[:5]:
        print(f"  {who} (home {home_of[who]}) worked in {code}")
    ok &= not foreign_work and not foreign_stock
    print("OK: every warehouse's stations kept to it" if ok else "MISMATCH: see above")
    return 0 if ok else 1
