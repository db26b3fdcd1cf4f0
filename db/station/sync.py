"""The sync thread: pushes a station's outbox to central and pulls its work back.

One thread per station. It never touches Qt: it reports through `on_status(SyncStatus)` and
`on_work(taken_away_ids)`, which the UI bridge turns into signals. Every round:
1. push the outbox in batches (`app.services.sync.push_facts`: insert keyed by UUID, apply, in
   one transaction) and mark a batch sent only after central committed it;
2. pull: read `changes` after the saved cursor (a server-side sequence, never station clocks)
   and hand them to the pullers (db/station/pull.py), which refresh what the store caches; a
   puller reading a lot in pieces (`PushesBetween`: a packing station's new ready orders)
   pushes the outbox again between its pieces, so facts recorded meanwhile do not wait;
3. wait for a local fact (`wake()`), a PostgreSQL NOTIFY, or the poll interval.
Any failure means "offline": drop the connections, back off (doubling, up to `max_backoff`),
and on reconnect pull again, because notifications sent meanwhile are lost.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

import psycopg
from sqlalchemy import Engine

from app.domain.events import utcnow
from app.services import sync
from app.services.sync import SyncStatus
from db.fact_door import Door, open_door, reason
from db.station.pull import Changes, PickWorkPuller, Puller, SiteCachePuller
from db.station.store import StationStore
from db.uow import SqlUnitOfWork

log = logging.getLogger(__name__)
CHANNEL = "shipshape_changes"


@runtime_checkable
class PushesBetween(Protocol):
    """A puller that calls `between` between the pieces of a long pull: the engine sets it to
    its push of the outbox (db/station/packing.py PackingPuller)."""

    between: Callable[[], object]


class SyncEngine:
    def __init__(
        self,
        store: StationStore,
        engine: Engine,
        on_status: Callable[[SyncStatus], None] = lambda status: None,
        on_work: Callable[[list[int]], None] = lambda taken_away: None,
        batch_size: int = sync.BATCH_SIZE,
        poll_s: float = 5.0,
        backoff: tuple[float, float] = (0.2, 5.0),
        listen: bool = True,
        pullers: Sequence[Puller] = (),
        door: Door | None = None,
        warehouse: str | None = None,
    ) -> None:
        self.store, self.engine = store, engine
        # The station's home (a code): it pulls that warehouse's stock, locations and receipts
        # alone (db/warehouses_repo.py WarehouseScope); None: no limit (a single site).
        self.warehouse = warehouse
        self._door = door  # found on the first connection: straight in, or the narrow door
        self.on_status, self.on_work = on_status, on_work
        # What is pulled into the store: the pick work, the site cache, then any extra (packing).
        work = PickWorkPuller(store, lambda taken_away: self.on_work(taken_away))
        self.pullers = [work, SiteCachePuller(store), *pullers]
        for puller in self.pullers:
            if isinstance(puller, PushesBetween):
                puller.between = self._push_all
        self.batch_size, self.poll_s = batch_size, poll_s
        self.min_backoff, self.max_backoff = backoff
        self.listen = listen and engine.dialect.name == "postgresql"  # else poll only
        self.user: str | None = None  # who is signed in here (shown to the lead)
        self.status = SyncStatus(store.station, waiting=store.waiting())
        self._stopping = threading.Event()
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_w, False)
        self._listener: psycopg.Connection | None = None
        self._must_pull = self._reconnected = True
        self._heartbeat = 0.0  # time.monotonic() of the last idle status report
        self._next_prune = 0.0  # time.monotonic() when sent facts are next pruned (hourly)
        self._thread = threading.Thread(target=self._run, name=f"sync-{store.station}", daemon=True)

    # --- called from other threads ----------------------------------------------------------------

    def start(self) -> SyncEngine:
        self._thread.start()
        return self

    def wake(self) -> None:
        """A fact was recorded: push now rather than at the next poll."""
        with contextlib.suppress(BlockingIOError):  # a full pipe: wake-ups are pending anyway
            os.write(self._wake_w, b"!")

    @property
    def door(self) -> Door:
        """How this station's facts reach central (db/fact_door.py). Asks central the first
        time (the sync thread, or the worker thread of a claim); both threads get the same."""
        if self._door is None:
            self._door = open_door(self.engine, self.warehouse)
        return self._door

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self.wake()
        self._thread.join(timeout)
        self._close_listener()
        os.close(self._wake_r)
        os.close(self._wake_w)

    # --- the sync thread ------------------------------------------------------------------------

    def _run(self) -> None:
        delay = self.min_backoff
        while not self._stopping.is_set():
            try:
                self.sync_once()
                delay = self.min_backoff
                self._wait(self.poll_s)
            except Exception as exc:  # offline, or central refused: keep the facts, retry later
                log.info("sync offline: %s", type(exc).__name__)
                self._close_listener()
                self._must_pull = True
                self._report(online=False, error=reason(exc))
                self._stopping.wait(delay)
                delay = min(delay * 2, self.max_backoff)

    def sync_once(self) -> None:
        """One round: listen (re-pull after a reconnect), push everything, pull if needed."""
        self._ensure_listener()
        pushed = self._push_all()
        if self._must_pull:
            self._pull()
        if time.monotonic() >= self._next_prune:
            self.store.prune_sent()
            self._next_prune = time.monotonic() + 3600
        if not pushed and time.monotonic() - self._heartbeat >= self.poll_s:
            # Idle: tell central we are here, so the lead sees this station online.
            user = self.user or self.store.get_meta("user")
            self.door.heartbeat(self.store.station, user, self.store.waiting())
            self._heartbeat = time.monotonic()
        self._report(online=True, synced=True)

    def _push_all(self) -> int:
        total = 0
        while not self._stopping.is_set():
            batch = self.store.pending(self.batch_size)
            if not batch:
                return total
            waiting_after = self.store.waiting() - len(batch)
            user = self.user or self.store.get_meta("user")
            self.door.push(self.store.station, user, [fact for _id, fact in batch], waiting_after)
            self._heartbeat = time.monotonic()
            self.store.mark_sent([row_id for row_id, _fact in batch])  # central has committed
            total += len(batch)
            self._report(online=True, synced=True)
        return total

    def _pull(self) -> None:
        cursor = self.store.cursor()
        changed: Changes | None = None  # None: the station starts from nothing
        if cursor is None:  # first start: load the work in full, then follow from here
            with self._uow() as uow:
                cursor = uow.sync.latest_cursor()
        else:
            changed, cursor = self._changes_since(cursor)
        for puller in self.pullers:
            puller.pull(self._uow, changed, self._reconnected)
        self.store.save_cursor(cursor)
        self._must_pull = self._reconnected = False

    def _changes_since(self, cursor: tuple[int, int]) -> tuple[Changes, tuple[int, int]]:
        changed: Changes = {}
        while True:
            found, cursor = sync.changes_since(self._uow(), cursor)
            for topic, ref in found:
                changed.setdefault(topic, set()).add(ref)
            if len(found) < sync.CHANGES_PER_READ:
                return changed, cursor

    def _wait(self, timeout: float) -> None:
        """Sleep until a local fact, a NOTIFY from central, stop() or the poll interval."""
        sources = [self._wake_r] + ([self._listener.fileno()] if self._listener else [])
        ready, _, _ = select.select(sources, [], [], timeout)
        if self._wake_r in ready:
            os.read(self._wake_r, 4096)
        listening = self._listener is not None and self._listener.fileno() in ready
        if listening and list(self._listener.notifies(timeout=0)):
            self._must_pull = True
        if not ready:
            self._must_pull = True  # the poll: notifications are a hint, never the only way

    def _ensure_listener(self) -> None:
        if self._listener is not None or not self.listen:
            if not self.listen and self._reconnected:
                self._must_pull = True
            return
        url = self.engine.url.set(drivername="postgresql")
        self._listener = psycopg.connect(
            url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
        )
        self._listener.execute(f"LISTEN {CHANNEL}")
        self._must_pull = self._reconnected = True  # missed notifications: re-query

    def _close_listener(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(psycopg.Error):
                self._listener.close()
            self._listener = None

    def _uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, warehouse=self.warehouse)

    def _report(self, online: bool, synced: bool = False, error: str = "") -> None:
        last: datetime | None = utcnow() if synced else self.status.last_sync
        self.status = SyncStatus(self.store.station, online, self.store.waiting(), last, error)
        try:
            self.on_status(self.status)
        except Exception:  # a broken listener must not stop the sync
            log.exception("sync status callback failed")


def wait_until_drained(engine: SyncEngine, timeout: float) -> bool:
    """Block (tests, the simulator) until every recorded fact is on central and applied (a
    station login's pushes wait in central's inbox for `shipshape apply-facts`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if engine.store.waiting() == 0:
            return sync.wait_applied(engine.door, max(0.0, deadline - time.monotonic()))
        engine.wake()
        time.sleep(0.02)
    return engine.store.waiting() == 0 and not engine.door.queued()
