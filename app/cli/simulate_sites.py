"""`shipshape simulate --warehouses W`: N headless stations in each of the warehouses SIM1..SIMW,
all at once on one central, with each warehouse's lead board loaded every second meanwhile.

Of each warehouse's N stations, K pack (`--packers`, default N/6) the orders its pickers
finish, L load (`--loaders`, default N/6) the cartons its packers close onto cages, and the
rest pick (db/station/headless.py, db/station/headless_dock.py). Prints per warehouse and in
total: facts/s (all, and by job), ack -> central latency, the warehouse's board load time; then
the check of `shipshape simulate` (every acknowledged fact on central exactly once, stock moved
by exactly the units the facts took) for every station, per warehouse too, that no station
touched another warehouse's work or holds its stock in its store, and that central holds every
carton a packer closed and every load a loader made, in that warehouse, with no exception.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.bootstrap import Central, open_central, redacted
from app.cli.simulate_report import BoardTimer, print_ack_by_job, print_quiet_board, print_table
from app.cli.stations import (
    SIM_BADGE_BASE,
    _check,
    _connections_allow_listen,
    _how_woken,
    run_stations,
)
from app.domain.users import SetUp
from app.errors import BadInput
from app.services import sim_sites, users
from db import sim_check
from db.load_check import last_event_seq, location_homes, stock_units, work_homes
from db.sim_work import SimAllocation
from db.station.headless_dock import Job

ROLE_NAMES = {"pick": "picker", "pack": "packer", "load": "loader"}
BADGE_PREFIX = {"pick": "", "pack": "P", "load": "L"}  # a station number may change job


@dataclass(frozen=True)
class Crew:
    """Each warehouse's stations by job: the first `pickers`, then the packers, the loaders."""

    pickers: int
    packers: int
    loaders: int

    def role(self, n: int) -> str:
        """The job of a warehouse's n-th station (1-based)."""
        if n <= self.pickers:
            return "pick"
        return "pack" if n <= self.pickers + self.packers else "load"


def simulate_sites(args) -> int:
    if args.stations > 999 or args.warehouses > 9:
        raise BadInput("--warehouses goes up to 9 and --stations to 999 with it")
    crew = _crew(args)
    central = open_central(args.database)
    codes = _set_up(central, args, crew)
    names = _site_staff(central, codes, args.stations, crew, central.setup_identity())
    jobs = _jobs(codes, args.stations, crew)
    homes = [code for code in codes for _ in range(args.stations)]
    listen = not args.poll and _connections_allow_listen(central, len(names))
    before = {code: stock_units(central.engine, code) for code in codes}
    total_before, since = stock_units(central.engine), last_event_seq(central.engine)
    print(
        f"simulate: {len(codes)} warehouses x {args.stations} stations x {args.facts} facts"
        f"{f', {args.pace:g} s between scans' if args.pace else ''}"
        f" ({_how_woken(listen, args.poll)})"
    )
    print(f"each warehouse: {crew.pickers} pick, {crew.packers} pack, {crew.loaders} load")
    board = BoardTimer(central, codes)
    with tempfile.TemporaryDirectory(prefix="shipshape-sim-") as scratch:
        folder = args.stores or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        board.start()
        started = time.perf_counter()
        try:
            runs = run_stations(central.url, folder, names, args.facts, listen,
                                homes=homes, pace_s=args.pace, together=True, jobs=jobs)  # fmt: skip
        finally:
            elapsed = time.perf_counter() - started
            board.stop()
    _report(codes, runs, board, elapsed)
    status = _check(central, runs, total_before, since)
    status = max(status, _check_homes(central, codes, runs, names, before))
    return max(status, _check_dock(central, codes, runs))


def _crew(args) -> Crew:
    packers = args.stations // 6 if args.packers is None else args.packers
    loaders = args.stations // 6 if args.loaders is None else args.loaders
    if packers < 0 or loaders < 0 or packers + loaders >= args.stations:
        raise BadInput("--packers and --loaders must be at least 0 and leave a picker")
    return Crew(args.stations - packers - loaders, packers, loaders)


def _set_up(central: Central, args, crew: Crew) -> list[str]:
    """SIM1..SIMW with work for this run's pickers (app/services/sim_sites.py); their codes."""
    print(f"simulate: setting up {args.warehouses} warehouses on {redacted(central.url)} ...")
    sites = sim_sites.prepare(
        lambda code: central.uow(warehouse=code),
        lambda code: SimAllocation(central.engine, code, sim_sites.sim_channel(code)),
        args.warehouses,
        crew.pickers,
        crew.pickers * args.facts,
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
    """The table over the stations' common window, and the boards once they stopped."""
    begin, end = min(run.started_at for run in runs), max(run.finished_at for run in runs)
    print_table(codes, runs, end - begin, board)
    loads = sum(len(board.during(code, begin, end)) for code in board.boards)
    print(
        f"{end - begin:.1f} s from the stations' common start to the last fact on central "
        f"({elapsed:.1f} s with starting the station processes); board: each warehouse's own "
        f"(the total row: the whole site's), {loads} loads meanwhile"
    )
    print_ack_by_job(runs)
    print_quiet_board(codes, board)


def _site_staff(
    central: Central, codes: list[str], stations: int, crew: Crew, setup: SetUp
) -> list[str]:
    """The staff of each SIM warehouse's stations ("Sim picker SIM2 007", badge 992007; "Sim
    packer SIM2 021", badge P992021): a picker keeps to one warehouse from run to run, so the
    home check may read all of their work."""
    with central.uow() as uow:
        known = {user.name for user in uow.users.all()}
    names = []
    for k, code in enumerate(codes, start=1):
        for n in range(1, stations + 1):
            role = crew.role(n)
            name = f"Sim {ROLE_NAMES[role]} {code} {n:03d}"
            if name not in known:
                badge = f"{BADGE_PREFIX[role]}{SIM_BADGE_BASE + k * 1000 + n}"
                users.save_user(central.uow(), name, ROLE_NAMES[role], badge, None, by=setup)
            names.append(name)
    return names


def _jobs(codes: list[str], stations: int, crew: Crew) -> list[Job]:
    """Each station's job, in the order of run_stations (its stations are sim-001, sim-002, ...
    warehouse by warehouse): a packer's suppliers are its warehouse's pickers, a loader's its
    packers."""
    jobs = []
    for k, code in enumerate(codes):
        ids = {n: f"sim-{k * stations + n:03d}" for n in range(1, stations + 1)}
        by_role = {role: [n for n in ids if crew.role(n) == role] for role in ROLE_NAMES}
        supplier_of = {"pack": "pick", "load": "pack"}
        for n in ids:
            role = crew.role(n)
            team = by_role[role]
            suppliers = tuple(ids[m] for m in by_role.get(supplier_of.get(role, ""), []))
            jobs.append(Job(role, team.index(n), len(team), sim_sites.sim_channel(code),
                            suppliers, sim_sites.CARRIER))  # fmt: skip
    return jobs


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


def _check_dock(central: Central, codes: list[str], runs: list) -> int:
    """Per warehouse: every carton its packers closed is on central once, of one of its orders,
    packed; every carton its loaders loaded is on the cage of the station that loaded it; the
    facts count the same (one `package.closed` per carton, one `dispatch.loaded` per load);
    and central raised no exception about those orders."""
    ok = True
    for code in codes:
        mine = [run for run in runs if run.warehouse == code]
        closed = [sscc for run in mine for sscc in run.cartons]
        loaded = {sscc: run.station for run in mine for sscc in run.loads}
        found = sim_check.cartons(central.engine, set(closed) | set(loaded))
        channel = sim_sites.sim_channel(code)
        kept = sum(1 for s in set(closed) if s in found and found[s].channel == channel)
        on_cage = sum(
            1 for s, station in loaded.items() if s in found and found[s].station == station
        )
        closed_facts = sum(run.kinds.get("package.closed", 0) for run in mine)
        load_facts = sum(run.kinds.get("dispatch.loaded", 0) for run in mine)
        raised = sim_check.exceptions_about(central.engine, set(closed))
        good = kept == len(closed) == closed_facts and on_cage == len(loaded) == load_facts
        good &= raised == 0 and all(found[s].order_status == "packed" for s in closed if s in found)
        print(
            f"check {code}: {len(closed)} cartons closed ({closed_facts} package.closed facts), "
            f"{kept} on central; {len(loaded)} loaded ({load_facts} dispatch.loaded facts), "
            f"{on_cage} on their cages; {raised} exception(s)"
        )
        ok &= good
    print("OK: central holds every carton and load" if ok else "MISMATCH: cartons or loads")
    return 0 if ok else 1
