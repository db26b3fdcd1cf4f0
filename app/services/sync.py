"""Sync use cases and rules: pushing a station's facts, conflict rules, the status model.

Runs on a station's sync thread (push, pull) or in a CLI command (claims, the stations table).
Everything that touches central goes through one unit of work per call; nothing here knows
about SQLite, sockets or threads (db/station/sync.py does).
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from app.domain.events import Actor, Event, utcnow
from app.errors import BadInput
from app.messages import message
from app.services.facts import apply_fresh
from app.services.ports import FactDoor, UnitOfWork

REASSIGNED_OFFLINE = "reassigned_offline"
FACT_FAILED = "fact_failed"  # a fact central could not apply: stored, set aside for the lead
BATCH_SIZE = 500  # facts per push: one transaction, a few hundred milliseconds at most
CHANGES_PER_READ = 5000  # change rows per query while catching up
ONLINE_WITHIN = timedelta(seconds=30)  # a station not heard from for longer shows offline


def batches(items: Sequence, size: int = BATCH_SIZE) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class SyncStatus:
    """What a station shows about its sync, reported by the sync thread after every round."""

    station: str
    online: bool = False
    waiting: int = 0  # facts recorded here and not yet committed on central
    last_sync: datetime | None = None  # when central last committed a push or pull of ours
    error: str = ""  # why we are offline, for the diagnostics screen (never credentials)


@dataclass(frozen=True)
class OfflineConflict:
    """Facts about a pick list that central had given to someone else meanwhile."""

    pick_list_id: int
    station: str
    picked_by: str
    now_with: str | None
    facts: int


@dataclass
class PushResult:
    fresh: int = 0  # facts central had not seen (a replay counts 0)
    conflicts: list[OfflineConflict] = field(default_factory=list)


def reassigned_offline(
    facts: Iterable[Event], holders: dict[int, str | None]
) -> list[OfflineConflict]:
    """The conflict rule: a fact about a pick list now held by someone else still applies (the
    item was physically picked), and the lead is told once per list, station and picker."""
    found: dict[tuple, int] = {}
    for fact in facts:
        list_id = fact.payload.get("pick_list_id")
        if list_id is None or list_id not in holders or holders[list_id] == fact.actor.user:
            continue
        key = (list_id, fact.actor.station, fact.actor.user)
        found[key] = found.get(key, 0) + 1
    return [
        OfflineConflict(list_id, station, user, holders[list_id], count)
        for (list_id, station, user), count in found.items()
    ]


def push_facts(
    uow: UnitOfWork, station: str, user: str | None, facts: list[Event], waiting_after: int
) -> PushResult:
    """Insert the facts central has not seen, apply them, note conflicts and the station's
    status — all in one transaction, so a crash anywhere leaves either all of it or none."""
    result = PushResult()
    now = utcnow()
    with uow:
        fresh = apply_fresh(uow, facts)
        result.fresh = len(fresh)
        list_ids = sorted({f.payload["pick_list_id"] for f in fresh if "pick_list_id" in f.payload})
        for conflict in reassigned_offline(fresh, uow.sync.holders(list_ids) if list_ids else {}):
            result.conflicts.append(conflict)
            if not uow.sync.open_exception_exists(
                REASSIGNED_OFFLINE, conflict.pick_list_id, station
            ):
                uow.sync.add_exception(REASSIGNED_OFFLINE, _details(conflict), now)
        uow.sync.report_station(station, user, waiting_after, result.fresh, now)
        uow.commit()
    return result


def set_aside(uow: UnitOfWork, station: str, fact: Event, error: str) -> bool:
    """Central refused to apply this one fact (a bug, a payload it cannot use). Store it without
    applying it and tell the lead, so the facts behind it in the outbox are not held up; the
    lead retries it once the cause is fixed (app.services.lead.resolutions). A replay of a fact
    already stored changes nothing. Returns True when it was new."""
    with uow:
        fresh = bool(uow.events.add_new([fact]))
        if fresh:
            details = {
                "uuid": fact.uuid,
                "fact": fact.kind,
                "station": station,
                "recorded_by": fact.actor.user,
                "error": error[:300],
                "summary": f"{fact.kind} from {station} could not be applied: {error[:120]}",
                "summary_message": message(
                    "exception.fact_failed", fact=fact.kind, station=station, error=error[:120]
                ).to_dict(),
            }
            uow.sync.add_exception(FACT_FAILED, details, utcnow(), order_ref=fact.order_ref)
        uow.commit()
    return fresh


def _details(conflict: OfflineConflict) -> dict:
    return {
        "pick_list_id": conflict.pick_list_id,
        "station": conflict.station,
        "picked_by": conflict.picked_by,
        "now_with": conflict.now_with,
        "facts": conflict.facts,
        "what_happened": "picked while the station was offline after the list was reassigned; "
        "the picks count, the rest of the list stays with the new picker",
    }


def changes_since(uow: UnitOfWork, cursor: tuple[int, int]) -> tuple[list[tuple], tuple[int, int]]:
    with uow:
        return uow.sync.changes_since(cursor, CHANGES_PER_READ)


def work_for(uow: UnitOfWork, users: list[str], cached: list[int], changed: set | None) -> dict:
    """Fresh picker views (as dicts) of the lists a station should hold or look at again.

    `changed` None means "everything" (first start, reconnect); else the lists that changed on
    central. New lists of the station's users and lists it holds but that left them are read
    either way, so assignments and reassignments always arrive.
    """
    with uow:
        held = set(uow.sync.lists_of(users)) if users else set()
        if changed is None:
            wanted = held | set(cached)
        else:
            wanted = ((held | set(cached)) & changed) | (held ^ set(cached))
        views = {list_id: uow.picking.view(list_id) for list_id in sorted(wanted)}
    return {list_id: asdict(view) for list_id, view in views.items() if view is not None}


def site_documents(uow: UnitOfWork, topic: str, refs: list[int] | None) -> dict[int, dict]:
    """Central's users, products, stock or released waves as a station caches them."""
    with uow:
        return uow.sync.site_documents(topic, refs)


def report_status(uow: UnitOfWork, station: str, user: str | None, waiting: int) -> None:
    with uow:
        uow.sync.report_station(station, user, waiting, 0, utcnow())
        uow.commit()


def station_table(
    uow: UnitOfWork, now: datetime | None = None, warehouse_id: int | None = None
) -> list[dict]:
    """Every station's sync state for the lead (`warehouse_id`: those homed there): online
    means heard from within 30 s."""
    with uow:
        rows = uow.sync.stations(warehouse_id)
        now = now or uow.sync.server_time()
    for row in rows:
        seen = row["last_seen"]
        row["online"] = seen is not None and _aware(now) - _aware(seen) <= ONLINE_WITHIN
    return rows


def _aware(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


LOGIN_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")  # a PostgreSQL login, as CREATE ROLE takes it
STATION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,59}")


def wait_applied(door: FactDoor, timeout: float) -> bool:
    """Block (a claim, tests) until central has applied everything this station pushed."""
    deadline, pause = time.monotonic() + timeout, 0.005
    while door.queued():
        if time.monotonic() > deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 0.1)  # the applier takes milliseconds; do not spin
    return True


def register_station_login(uow: UnitOfWork, login: str, station: str, by: Actor) -> None:
    """Let database login `login` speak for `station` through the narrow door (docs/security.md)
    and give the station a new secret pepper for its PIN verifiers. Needs the owner's rights."""
    if not LOGIN_NAME.fullmatch(login):
        raise BadInput(message("station.bad_login", login=login[:70]))
    if not STATION_NAME.fullmatch(station):
        raise BadInput(message("station.bad_name", station=station[:70]))
    now = utcnow()
    with uow:
        uow.sync.register_login(login, station, secrets.token_bytes(32), now)
        uow.events.add_all(
            [Event("station.login_registered", {"login": login, "station": station}, by)]
        )
        uow.commit()


def station_logins(uow: UnitOfWork) -> list[dict]:
    with uow:
        return uow.sync.station_logins()
