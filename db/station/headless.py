"""A headless station for load generation (`shipshape simulate`, bench/sync.py): a picker's,
or with a `Job` a packer's or a loader's (db/station/headless_dock.py).

Runs in its own process: a station store, a sync thread and `StationPickingBackend`, driven the
way the picker screen drives it — claim a list, set up the cart, then through the picker's own
state machine (app.steps.picking) scan each location, each unit (with its lot when the
product is lot-controlled) and the order's tote, which confirms the unit (one fact per unit);
finish, claim the next. When released work runs out it keeps scanning a unit in and putting it
back (pick.confirmed / pick.undone pairs: real facts, real appliers, no net stock change), so a
run always records the number of facts asked for.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.domain.events import Actor, Event
from app.errors import Offline
from app.services.scripted_picking import picking_inputs
from app.steps import picking
from db.engine import engine_for, normalize_url
from db.station.backend import StationPickingBackend
from db.station.headless_dock import WORK, Floor, Job, pullers_for
from db.station.pull import SiteCachePuller
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from db.uow import SqlUnitOfWork


@dataclass
class StationRun:
    station: str
    acknowledged: list[str] = field(default_factory=list)
    units: int = 0  # net units taken from stock by this station's facts
    latencies_s: list[float] = field(default_factory=list)
    drained: bool = False
    warehouse: str | None = None  # its home (a code); None: no limit
    stock_locations: list[str] = field(default_factory=list)  # of the stock in its store
    started_at: float = 0.0  # time.time() when it began to record (after its start-up)
    finished_at: float = 0.0  # time.time() when central held all its facts
    role: str = "pick"  # or "pack", "load"
    kinds: dict[str, int] = field(default_factory=dict)  # acknowledged facts by kind
    cartons: list[str] = field(default_factory=list)  # SSCCs of the cartons a packer closed
    loads: list[str] = field(default_factory=list)  # SSCCs of the cartons a loader loaded


def run_station(
    url: str,
    store_path: str,
    station: str,
    user_name: str,
    facts: int,
    listen: bool = True,
    kind: str = "pick.confirmed",
    warehouse: str | None = None,
    pace_s: float = 0.0,
    start_with: int = 0,
    job: Job | None = None,
) -> StationRun:
    """Record `facts` facts as a picker would and sync them. `kind="scan.refused"` records
    refused scans instead (a real fact whose applier changes nothing: the sync engine's cost).
    `warehouse`: the station's home, as `shipshape run --warehouse` sets it. `pace_s`: the
    pause before each recorded step, as a picker walks and reaches between scans (0: flat
    out). `start_with`: wait, once started up, until that many stations of this folder are
    (so the figures measure picking, not processes starting). `job`: a packer's or a loader's
    (None: a picker's); every station leaves `<station>.done` in the folder once central holds
    all its facts."""
    job = job or Job()
    engine = engine_for(normalize_url(url), pool_size=1, max_overflow=0, pool_pre_ping=True)
    store = StationStore(store_path, station)
    poll_s = 0.5 if listen else 1.0
    pullers = pullers_for(job, store)
    sync = SyncEngine(
        store, engine, poll_s=poll_s, listen=listen, warehouse=warehouse, pullers=pullers
    ).start()

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, warehouse=warehouse)

    backend = StationPickingBackend(store, sync.wake, uow, station, lambda: sync.door)
    with uow() as work:
        user = next(u for u in work.users.all() if u.name == user_name)
    sync.user = user.name
    run = StationRun(station, warehouse=warehouse, role=job.role)
    folder = Path(store_path).parent
    if start_with:
        _start_together(store, folder, start_with)
    run.started_at = time.time()
    actor = Actor(user.name, station)
    try:
        if job.role in WORK:
            WORK[job.role](run, Floor(store, sync, uow, user, actor, folder, job, pace_s), facts)
        else:
            _record(run, backend, user, actor, facts, kind, pace_s)
    except Exception:  # said here at once: the stations it supplies stop waiting for it
        (folder / f"{station}.failed").write_text(traceback.format_exc())
        raise
    run.drained = wait_until_drained(sync, 600)
    run.finished_at = time.time()
    (folder / f"{station}.done").touch()
    sync.stop()
    run.latencies_s = store.latencies()
    run.stock_locations = sorted({doc["location"] for doc in store.cached("stock").values()})
    store.close()
    engine.dispose()
    return run


def _start_together(store: StationStore, folder: Path, count: int) -> None:
    """Once the first pull filled the store, say ready (a file) and wait for the others."""
    deadline = time.monotonic() + 600
    while not store.get_meta(SiteCachePuller.LOADED) and time.monotonic() < deadline:
        time.sleep(0.05)
    (folder / f"{store.station}.ready").touch()
    while len(list(folder.glob("*.ready"))) < count and time.monotonic() < deadline:
        time.sleep(0.05)


def _record(run: StationRun, backend, user, actor: Actor, facts: int, kind: str, pace_s: float):
    last = None
    while kind == "scan.refused" and len(run.acknowledged) < facts:
        batch = [Event(kind, {"reason": "simulated"}, actor) for _ in range(min(5, facts))]
        backend.record(batch)
        run.acknowledged += [f.uuid for f in batch]
    while len(run.acknowledged) < facts:
        try:
            view = backend.my_pick_list(user)
        except Offline:  # central busy or away: a picker would scan C:NEXT again shortly
            time.sleep(0.2)
            continue
        if view is None and last is None:
            break  # no work at all
        if view is None:  # out of work: scan the last unit in and put it back
            scans = [[_fact("pick.confirmed", last, actor), _fact("pick.undone", last, actor)]]
        else:
            scans = _scans_for_list(view, actor, facts - len(run.acknowledged))
            last = (view.id, view.tasks[-1])
        for batch in scans:  # one task at a time, as the screen records them
            time.sleep(pace_s)
            backend.record(batch)
            run.acknowledged += [f.uuid for f in batch]
            run.units += sum(_units(f) for f in batch)
            for fact in batch:
                run.kinds[fact.kind] = run.kinds.get(fact.kind, 0) + 1


def _scans_for_list(view, actor: Actor, budget: int) -> list[list[Event]]:
    """The picker screen's work on one list, input by input through the real checks: the facts
    of each durable step (a tote bound, a unit confirmed by its tote scan, the finish) in
    order; stops early when the budget of facts runs out (the list stays open, as when a
    picker signs off mid-list). The screen holds the list between scans, so the station store
    is asked for it once per list, not once per scan."""
    scans: list[list[Event]] = []
    state = picking.start(view, actor)
    today = date.today().isoformat()
    for _given, verdict in picking_inputs(state, today, _tote_code(actor), unit_by_unit=True):
        if not verdict.facts:
            continue
        if len(verdict.facts) > budget:
            break
        scans.append(list(verdict.facts))
        budget -= len(verdict.facts)
    return scans


def _tote_code(actor: Actor):
    """Totes no other station uses: the station's name and the order."""
    return lambda slot: f"{actor.station}-{slot.order_ref}"


def _fact(kind: str, where: tuple, actor: Actor) -> Event:
    list_id, task = where
    payload = {"pick_list_id": list_id, "task_id": task.id, "quantity": 1}
    return Event(kind, payload, actor, task.order_ref)


def _units(fact: Event) -> int:
    sign = {"pick.confirmed": 1, "pick.undone": -1}.get(fact.kind, 0)
    return sign * int(fact.payload.get("quantity", 0))


def drain_store(url: str, store_path: str, station: str) -> tuple[float, float, int]:
    """Sync a station store whose outbox was filled while offline, until empty. Returns the
    wall-clock start and end of the sync and how many facts went (bench/sync.py: many
    stations pushing at once, without their recording costs on this one machine)."""
    engine = engine_for(normalize_url(url), pool_size=1, max_overflow=0)
    store = StationStore(store_path, station)
    waiting = store.waiting()
    started = time.time()
    sync = SyncEngine(store, engine, poll_s=1.0, listen=False).start()
    wait_until_drained(sync, 600)
    finished = time.time()
    sync.stop()
    pushed = waiting - store.waiting()
    store.close()
    engine.dispose()
    return started, finished, pushed
