"""The central applier: applies what stations queued through the narrow door (db/fact_door.py).

Runs as the database owner (`shipshape apply-facts`, one per site, on or near the central
server), in its own process and thread. Each inbox row is one push of one station; rows are
applied in the order they arrived with `deliver`, the code a direct push runs, and deleted
after. A crash in between applies the row again, which changes nothing: facts are keyed by UUID.
A fact whose user central does not know is set aside for the lead instead of applied.
"""

from __future__ import annotations

import contextlib
import json
import logging
import select
import threading

import psycopg
from sqlalchemy import Engine, delete, text
from sqlalchemy import select as sql_select

from app.domain.events import Event, fact_from_document
from app.services import sync
from db.fact_door import deliver, is_offline
from db.schema import fact_inbox, users
from db.uow import SqlUnitOfWork

log = logging.getLogger(__name__)
CHANNEL = "shipshape_inbox"
ROWS_PER_READ = 50
LOCK_KEY = 0x5348_4950  # pg advisory lock: one applier at a time keeps each station's order


class InboxApplier:
    def __init__(self, engine: Engine, poll_s: float = 2.0) -> None:
        self.engine, self.poll_s = engine, poll_s
        self._stopping = threading.Event()

    def apply_queued(self) -> int:
        """Apply every queued push, oldest first. Returns how many facts were in them."""
        done = 0
        while True:
            rows = self._oldest()
            if not rows:
                return done
            for row in rows:
                done += self._apply_row(row)

    def _oldest(self) -> list:
        query = sql_select(fact_inbox).order_by(fact_inbox.c.id).limit(ROWS_PER_READ)
        with self.engine.connect() as connection:
            return list(connection.execute(query))

    def _apply_row(self, row) -> int:
        facts, refused = _facts_of(row)
        known = self._known_users({f.actor.user for f in facts} - {None})
        for fact in facts:
            if fact.actor.user is not None and fact.actor.user not in known:
                refused.append((fact, f"no user named {fact.actor.user!r} on central"))
        facts = [f for f in facts if all(f is not r for r, _ in refused)]
        if facts:
            deliver(self.engine, row.station, row.user_name, facts, row.waiting_after)
        for fact, why in refused:
            log.warning("inbox %s: fact set aside: %s", row.id, why)
            if fact is not None:
                sync.set_aside(SqlUnitOfWork(self.engine), row.station, fact, why)
        with self.engine.begin() as connection:
            connection.execute(delete(fact_inbox).where(fact_inbox.c.id == row.id))
        return len(facts)

    def _known_users(self, names: set[str]) -> set[str]:
        if not names:
            return set()
        query = sql_select(users.c.name).where(users.c.name.in_(sorted(names)))
        with self.engine.connect() as connection:
            return set(connection.execute(query).scalars())

    # --- the service loop -----------------------------------------------------------------

    def run(self) -> None:
        """Apply, then wait for a NOTIFY or the poll, until `stop()`. Offline: retry."""
        while not self._stopping.is_set():
            try:
                with self._listening() as listener, self._only_applier():
                    while not self._stopping.is_set():
                        self.apply_queued()
                        _wait(listener, self.poll_s)
            except Exception as exc:
                if not is_offline(exc):
                    raise
                log.info("apply-facts: central unreachable, retrying: %s", type(exc).__name__)
                self._stopping.wait(self.poll_s)

    def stop(self) -> None:
        self._stopping.set()

    @contextlib.contextmanager
    def _listening(self):
        url = self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as listener:
            listener.execute(f"LISTEN {CHANNEL}")
            yield listener

    @contextlib.contextmanager
    def _only_applier(self):
        """Two appliers would apply one station's pushes out of order: the second one waits."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
                connection.commit()


def _facts_of(row) -> tuple[list[Event], list[tuple[Event | None, str]]]:
    """The row's facts; a document that is not a fact, or names another station, is refused
    (the door checks both already: this is the owner not trusting a table others write)."""
    facts, refused = [], []
    for doc in json.loads(row.facts):
        try:
            fact = fact_from_document(doc)
        except (KeyError, ValueError, TypeError) as exc:
            refused.append((None, f"not a fact: {type(exc).__name__}"))
            continue
        if fact.actor.station != row.station:
            refused.append((None, f"a fact of {fact.actor.station} pushed by {row.station}"))
            continue
        facts.append(fact)
    return facts, refused


def _wait(listener: psycopg.Connection, timeout: float) -> None:
    ready, _, _ = select.select([listener.fileno()], [], [], timeout)
    if ready:
        list(listener.notifies(timeout=0))
