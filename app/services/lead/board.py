"""The lead's board and the changes made from it: plan, release, reassign, hold, cancel waves."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.domain.events import Actor, Event, utcnow
from app.domain.kpis import estimated_pick_seconds
from app.domain.labour import LabourStandard, Progress, Work, estimated_finish
from app.domain.moves import ReplenishTask, most_urgent_first
from app.domain.orders import OrderStatus
from app.domain.users import User
from app.domain.waves import PlannedWave
from app.errors import BadInput
from app.messages import encode, message
from app.services import labour, wave_rebalance, wave_topup, waves
from app.services.ports import UnitOfWork
from app.services.users import require_lead
from app.services.wave_rebalance import Rebalance
from app.services.wave_topup import TopUp


@dataclass(frozen=True)
class BoardRow:
    """One pick list as the board shows it."""

    id: int
    wave_id: int
    wave: str
    wave_status: str
    status: str
    assignee: str | None
    done: int
    total: int
    started: datetime | None
    estimated_finish: datetime | None
    distance_m: float
    version: int


@dataclass(frozen=True)
class WaveSummary:
    id: int
    name: str
    status: str
    pick_lists: int
    done: int
    total: int
    assignees: int


@dataclass(frozen=True)
class Board:
    rows: list[BoardRow]
    waves: list[WaveSummary]
    pickers: list[str]
    loaded_at: datetime
    # Open replenishment tasks, most urgent first (docs/stock.md): the board shows how many
    # and the first few, so the lead sees pick faces running dry before the pickers do.
    replenishments: tuple[ReplenishTask, ...] = field(default=())


def load_board(uow: UnitOfWork, lead: User, warehouse_id: int | None = None) -> Board:
    """Every active pick list; with `warehouse_id`, that warehouse's alone."""
    require_lead(lead)
    now = utcnow()
    with uow:
        raw = uow.lead.board(warehouse_id)
        pickers = [name for _, name in uow.lead.pickers()]
        refills = tuple(most_urgent_first(uow.moves.open_replenishments()))
        standard = labour.current_standard(uow)
    rows = [_row(r, now, standard) for r in raw]
    return Board(rows, _waves(rows), pickers, now, refills)


def _row(r: dict, now: datetime, standard: LabourStandard) -> BoardRow:
    started = _aware(r["claimed_at"] or r["first_pick"])
    done, total = int(r["done"]), int(r["total"])
    work = Work(float(r["distance_m"]), total, float(r["units"] or 0), 1.0)
    progress = Progress(work, done, total, float(r["units_left"] or 0), started, r["assignee"])
    return BoardRow(
        r["id"],
        r["wave_id"],
        r["wave"],
        r["wave_status"],
        r["status"],
        r["assignee"],
        done,
        total,
        started,
        _to_minute(estimated_finish(standard, progress, now)),  # the labour standard's
        float(r["distance_m"]),
        r["version"],
    )


def _to_minute(moment: datetime | None) -> datetime | None:
    """The board shows HH:MM: a row whose minute did not move compares equal, so a poll
    repaints only the lists that really changed."""
    return None if moment is None else moment.replace(second=0, microsecond=0)


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive UTC datetimes; make them comparable with `utcnow()`."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _waves(rows: list[BoardRow]) -> list[WaveSummary]:
    grouped: dict[int, list[BoardRow]] = defaultdict(list)
    for row in rows:
        grouped[row.wave_id].append(row)
    return [
        WaveSummary(
            wave_id,
            lists[0].wave,
            lists[0].wave_status,
            len(lists),
            sum(r.done for r in lists),
            sum(r.total for r in lists),
            len({r.assignee for r in lists if r.assignee}),
        )
        for wave_id, lists in grouped.items()
    ]


def plan_wave(
    uow: UnitOfWork,
    lead: User,
    capacity: int,
    wave_filter,
    max_weight_kg: float | None = None,
    max_volume_l: float | None = None,
    warehouse_id: int | None = None,
) -> PlannedWave:
    """A preview the lead looks at before releasing; writes nothing. `max_weight_kg`,
    `max_volume_l`: the most kilograms and litres on one cart (None: no limit); the wave is
    `warehouse_id`'s, else the station's own warehouse's."""
    require_lead(lead)
    return waves.plan_wave(
        uow,
        capacity,
        wave_filter,
        max_weight_kg=max_weight_kg,
        max_volume_l=max_volume_l,
        warehouse_id=warehouse_id,
    )


def preview_seconds(wave: PlannedWave) -> float:
    """Estimated picking time of a planned wave, summed over its carts."""
    return sum(estimated_pick_seconds(p.distance_m, len(p.tasks)) for p in wave.pick_lists)


def save_wave(uow: UnitOfWork, lead: User, wave: PlannedWave, release: bool, station: str) -> int:
    require_lead(lead)
    return waves.save_wave(uow, wave, release, Actor(lead.name, station))


def release_wave(uow: UnitOfWork, lead: User, wave_id: int, station: str) -> None:
    require_lead(lead)
    waves.release_wave(uow, wave_id, Actor(lead.name, station))


def top_up_wave(uow: UnitOfWork, lead: User, wave_id: int, station: str) -> TopUp:
    """Orders that arrived since the wave was planned join its carts (docs/lead.md)."""
    require_lead(lead)
    return wave_topup.top_up_wave(uow, wave_id, Actor(lead.name, station))


def preview_rebalance(uow: UnitOfWork, lead: User, wave_id: int) -> Rebalance:
    require_lead(lead)
    return wave_rebalance.preview_rebalance(uow, wave_id)


def apply_rebalance(uow: UnitOfWork, lead: User, preview: Rebalance, station: str) -> Rebalance:
    require_lead(lead)
    return wave_rebalance.apply_rebalance(uow, preview, Actor(lead.name, station))


def reassign(
    uow: UnitOfWork, lead: User, list_ids: list[int], picker: str, station: str
) -> list[int]:
    """Give pick lists (their remaining tasks) to another picker; confirmed tasks stay with
    whoever confirmed them. Returns the lists that changed."""
    require_lead(lead)
    with uow:
        user_id = uow.lead.user_id(picker)
        changed = uow.lead.assign(list_ids, user_id)
        if not changed:
            raise BadInput(message("wave.nothing_to_reassign"))
        uow.events.add_all(
            [
                Event(
                    "picklist.reassigned", {"pick_list": i, "to": picker}, Actor(lead.name, station)
                )
                for i in changed
            ]
        )
        uow.commit()
    return changed


def reassign_wave(uow: UnitOfWork, lead: User, wave_id: int, picker: str, station: str):
    require_lead(lead)
    with uow:
        list_ids = uow.lead.wave_list_ids(wave_id)
    return reassign(uow, lead, list_ids, picker, station)


def unassign(uow: UnitOfWork, lead: User, list_ids: list[int], station: str) -> list[int]:
    """Back to the pool: any picker's station may claim them again."""
    require_lead(lead)
    with uow:
        changed = uow.lead.assign(list_ids, None)
        uow.events.add_all(
            [
                Event("picklist.unassigned", {"pick_list": i}, Actor(lead.name, station))
                for i in changed
            ]
        )
        uow.commit()
    return changed


def hold_wave(uow: UnitOfWork, lead: User, wave_id: int, station: str) -> int:
    return _hold(uow, lead, wave_id, station, held=True)


def resume_wave(uow: UnitOfWork, lead: User, wave_id: int, station: str) -> int:
    return _hold(uow, lead, wave_id, station, held=False)


def _hold(uow: UnitOfWork, lead: User, wave_id: int, station: str, held: bool) -> int:
    require_lead(lead)
    with uow:
        wave = uow.lead.wave(wave_id)
        changed = uow.lead.set_wave_held(wave_id, held)
        kind = "wave.held" if held else "wave.resumed"
        uow.events.add_all(
            [Event(kind, {"wave": wave["name"], "pick_lists": changed}, Actor(lead.name, station))]
        )
        uow.commit()
    return changed


def cancel_wave(uow: UnitOfWork, lead: User, wave_id: int, note: str, station: str) -> list[int]:
    """Cancel a wave nobody picked from: its orders give their stock back and wait for the next
    allocation run (status received). Returns the order refs."""
    require_lead(lead)
    actor = Actor(lead.name, station)
    with uow:
        wave = uow.lead.wave(wave_id)
        refs = uow.lead.cancel_wave(wave_id)
        found = [Event("wave.cancelled", {"wave": wave["name"], "note": note}, actor)]
        why = encode([message("order.wave_cancelled", wave=wave["name"])])  # stored, translated
        for order in uow.orders.by_refs(refs):
            if order.status in (OrderStatus.RELEASED, OrderStatus.PICKING):  # picks all undone
                order.move_to(OrderStatus.ALLOCATED, why)
            uow.orders.release_allocations(order)
            order.move_to(OrderStatus.RECEIVED, why)
            uow.orders.save_status(order)
            found += [Event(k, p | {"note": note}, actor, order.id) for k, p in order.events]
        uow.events.add_all(found)
        uow.commit()
    return refs
