"""Headless packing and loading stations for `shipshape simulate --warehouses W` (the picking
one is db/station/headless.py, which starts and stops all three).

A packer works as the packing screen does, offline first on its station store: it takes an order
from the orders ready to pack that its `PackingPuller` keeps there, scans the order's tote
(`StationPackingBackend.open_for_packing`), records `pack.started`, scans every unit of every
line through the packer's own state machine (app.steps.packing: one `pack.item` per unit), then
closes the order's one carton with the carton type the screen suggests at the weight the scale
would show (the expected weight, typed: the station has no scale) through the closing use case
(app.services.carton_close.close_and_print) without a printer: numbers from the station's
blocks, the `package.closed` fact, no label or slip rendered.

A packer puts each sealed carton on the belt to the dock (a file per packer, `<station>.conveyor`:
the cartons' SSCCs, as the cartons themselves would travel). A loader works as the loader's
screen does, on `StationDispatchBackend` (with the dock its `DispatchPuller` keeps, as on a real
loader's station): it scans a cage of its own (`CAGE-<station>`), binds it to the carrier, then
scans the SSCC of each carton that came down the belt (app.steps.dispatch, the parcel looked up
on central as the screen does: one `dispatch.loaded` per carton). A carton central does not
know yet (its packer's station has not synced it) stays on the belt for the next round.

Stations of one job in one warehouse share its work out by number (packer k of K takes the
orders whose ref is k mod K, loader k the cartons whose SSCC is), as people at neighbouring
benches take the tote in front of them. Each records up to its budget of facts and stops
earlier once its suppliers (the pickers for a packer, the packers for a loader) have stopped,
it has pulled every change central had committed by then, and nothing is left for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.events import Actor, Event
from app.domain.fact_payloads import PackageClosed
from app.domain.packing import PackOrderView
from app.domain.users import User
from app.errors import NotFound, Offline
from app.scanning.interpret import interpret
from app.services.carton_close import CloseRequest, close_and_print
from app.steps import dispatch, packing
from db.sim_check import newest_change
from db.station import packing as station_packing
from db.station.dispatch import DispatchPuller, StationDispatchBackend
from db.station.packing import UNREACHABLE, PackingPuller, StationPackingBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine

IDLE_S = 0.2  # between two looks for work when there is none yet
GIVE_UP_S = 600.0  # suppliers that never stop: the run ends anyway


@dataclass(frozen=True)
class Job:
    """What a headless station does: "pick", "pack" or "load"; the `index`-th of `of` stations
    doing it in its warehouse; `channel`: its warehouse's orders; `suppliers`: the stations
    whose work it takes (their `<station>.done` files say they stopped)."""

    role: str = "pick"
    index: int = 0
    of: int = 1
    channel: str = ""
    suppliers: tuple[str, ...] = ()
    carrier: str = ""  # the carrier a loader binds its cage to


def pullers_for(job: Job, store: StationStore) -> list:
    if job.role == "pack":
        return [PackingPuller(store)]
    if job.role == "load":
        return [DispatchPuller(store)]  # the dock, as a real loader's station keeps it
    return []


@dataclass
class Floor:
    """One station's things: its store and sync, the way to central, who works there."""

    store: StationStore
    sync: SyncEngine
    uow: Callable
    user: User
    actor: Actor
    folder: Path
    job: Job
    pace_s: float
    since: float = field(default_factory=time.monotonic)
    target: tuple[int, int] | None = None  # central's newest change once the suppliers stopped


def suppliers_done(floor: Floor) -> bool:
    """Every supplier stopped (central holds all their facts), and this station has pulled
    every change central had committed by then."""
    if time.monotonic() - floor.since > GIVE_UP_S:
        return True
    if floor.target is None:
        marks = [floor.folder / f"{name}" for name in floor.job.suppliers]
        if not all(
            m.with_suffix(".done").exists() or m.with_suffix(".failed").exists() for m in marks
        ):
            return False
        try:  # the station's one connection may be busy with a long pull: ask again later
            floor.target = newest_change(floor.sync.engine)
        except UNREACHABLE:
            return False
    cursor = floor.store.cursor()
    return cursor is not None and tuple(cursor) >= floor.target


def reachable(floor: Floor) -> Callable[[], bool]:
    return lambda: not floor.sync.status.error


# ---- packing ------------------------------------------------------------------------------
def pack(run, floor: Floor, facts: int) -> None:
    backend = StationPackingBackend(
        floor.store, floor.sync.wake, floor.uow, floor.actor.station, reachable(floor)
    )
    while len(run.acknowledged) < facts:
        order = _next_order(floor)
        if order is None:
            if suppliers_done(floor):
                break
            time.sleep(IDLE_S)
            continue
        ref, tote, units = order
        if units + 2 > facts - len(run.acknowledged):
            break  # the budget would leave the order half packed: stop before it
        try:
            view = backend.open_for_packing(interpret(f"T:{tote}"), floor.user)
        except (NotFound, Offline):  # gone meanwhile (central freed the tote): the next one
            time.sleep(IDLE_S)
            continue
        _pack_order(run, floor, backend, view)


def _next_order(floor: Floor) -> tuple[int, str, int] | None:
    """(ref, tote, units) of the first ready order of this packer's share, or None."""
    for ref, doc in station_packing.CachedOrders(floor.store).open.items():
        view = doc["view"]
        mine = ref % floor.job.of == floor.job.index and view["channel"] == floor.job.channel
        if mine and view["tote"] and not view["flags"]:
            return ref, view["tote"], sum(line["expected"] for line in view["lines"])
    return None


def _pack_order(run, floor: Floor, backend: StationPackingBackend, view: PackOrderView) -> None:
    state = packing.start(view, floor.actor)
    _step(run, floor, backend.record, [packing.started(state)])
    for line in view.lines:
        for _ in range(state.remaining(line)):
            verdict = packing.on_scan(state, interpret(line.gtins[0]))
            if not verdict.ok:
                raise RuntimeError(f"the packer refused {line.sku}: {verdict.reason}")
            _step(run, floor, backend.record, list(verdict.facts))
            state = verdict.state
    box = state.suggested_carton() or view.package_types[0]
    request = CloseRequest(box, state.expected_kg(box), "typed", final=True)
    time.sleep(floor.pace_s)
    closed = _close(floor, backend, state, request)
    _acknowledge(run, list(closed.verdict.facts))
    ssccs = [PackageClosed.of(fact).sscc or "" for fact in closed.verdict.facts]
    run.cartons += ssccs
    with (floor.folder / f"{floor.actor.station}.conveyor").open("a") as belt:
        belt.writelines(f"{sscc}\n" for sscc in ssccs)  # the sealed carton goes to the dock


def _close(floor: Floor, backend: StationPackingBackend, state, request: CloseRequest):
    """The closing use case; retried while the station has no number left and central does not
    answer (its one connection busy with a long pull): nothing is recorded before the numbers."""
    while True:
        try:
            return close_and_print(backend, None, state, request, floor.actor.user)
        except Offline:
            if time.monotonic() - floor.since > GIVE_UP_S:
                raise
            time.sleep(IDLE_S)


# ---- loading ------------------------------------------------------------------------------
def load(run, floor: Floor, facts: int) -> None:
    backend = StationDispatchBackend(
        floor.store, floor.sync.wake, floor.uow, floor.actor.station, reachable(floor)
    )
    state, done = _cage(floor, backend), set()
    while len(run.acknowledged) < facts:
        waiting = [code for code in _conveyor(floor) if code not in done]
        if not waiting and suppliers_done(floor):
            break
        for code in waiting[: facts - len(run.acknowledged)]:
            verdict = dispatch.on_scan(state, interpret(f"]C100{code}"))
            assert verdict.look_up is not None, verdict.reason
            found = backend.parcel(verdict.look_up.code)
            if found is None:
                continue  # its packer's station has not synced it yet: it waits on the belt
            verdict = dispatch.on_parcel(state, verdict.look_up.code, found, code)
            _step(run, floor, backend.record, list(verdict.facts))
            done.add(code)
            if verdict.ok:
                state = verdict.state
                run.loads.append(code)
        time.sleep(IDLE_S)


def _cage(floor: Floor, backend: StationDispatchBackend):
    """The loader's own cage, bound to the carrier (the screen's first two scans)."""
    unit = f"CAGE-{floor.actor.station}"
    state = dispatch.start(floor.actor, backend.site())
    state = dispatch.on_unit(state, unit, backend.unit_carrier(unit)).state
    if state.carrier is None:
        state = dispatch.on_scan(state, interpret(f"CARRIER:{floor.job.carrier}")).state
    return state


def _conveyor(floor: Floor) -> list[str]:
    """The SSCCs of this loader's share of the cartons its warehouse's packers sealed, in the
    order they came down the belt (a file per packer)."""
    codes = []
    for name in floor.job.suppliers:
        belt = floor.folder / f"{name}.conveyor"
        if belt.exists():
            codes += belt.read_text().split()
    return [c for c in codes if int(c) % floor.job.of == floor.job.index]


# ---- both ---------------------------------------------------------------------------------
def _step(run, floor: Floor, record: Callable[[list[Event]], None], facts: list[Event]) -> None:
    """One scan's facts, made durable as the screen does, after the station's pace."""
    time.sleep(floor.pace_s)
    record(facts)
    _acknowledge(run, facts)


def _acknowledge(run, facts: list[Event]) -> None:
    run.acknowledged += [f.uuid for f in facts]
    for fact in facts:
        run.kinds[fact.kind] = run.kinds.get(fact.kind, 0) + 1


WORK = {"pack": pack, "load": load}
