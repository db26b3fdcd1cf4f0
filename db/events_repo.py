"""The event log over SQLAlchemy Core: audit events and station facts, keyed by UUID."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.domain.events import Actor, Event
from db.bulk import insert_rows
from db.outbox_repo import write_messages
from db.schema import events


def _event_from_row(r) -> Event:
    return Event(
        r.kind, r.payload, Actor(r.user_name, r.station), r.order_ref, r.occurred_at, r.uuid
    )


class SqlEventLog:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add_all(self, new_events: Iterable[Event]) -> None:
        stored = list(new_events)
        insert_rows(self.connection, events, [_event_row(e) for e in stored])
        write_messages(self.connection, stored)  # the outbox, in this same transaction

    def add_new(self, facts: list[Event]) -> set[str]:
        """Insert the facts whose UUID is not stored yet; return the UUIDs actually inserted.

        `ON CONFLICT DO NOTHING`: a concurrent push of the same fact waits for the other
        transaction and then inserts nothing, so each fact is applied exactly once.
        """
        if not facts:
            return set()
        unique = {fact.uuid: fact for fact in facts}
        rows = [_event_row(fact) for fact in unique.values()]
        if self.connection.dialect.name == "postgresql":
            # One statement with one array per column: no per-row SQL to build or parse.
            columns = {c: [row[c] for row in rows] for c in rows[0]}
            columns["payload"] = [json.dumps(p, ensure_ascii=False) for p in columns["payload"]]
            inserted = set(self.connection.execute(_INSERT_NEW_EVENTS, columns).scalars())
        else:
            statement = (
                sqlite_insert(events)
                .on_conflict_do_nothing(index_elements=["uuid"])
                .returning(events.c.uuid)
            )
            # One statement for the batch (insertmanyvalues): RETURNING lists only the rows
            # actually inserted, so the UUIDs it returns are the new facts.
            inserted = set(self.connection.execute(statement, rows).scalars())
        # A replayed fact wrote its message the first time: only new ones write one now.
        write_messages(self.connection, [f for u, f in unique.items() if u in inserted])
        return inserted

    def for_order(self, order_ref: int) -> list[Event]:
        query = select(events).where(events.c.order_ref == order_ref).order_by(events.c.seq)
        return [_event_from_row(r) for r in self.connection.execute(query)]

    def first_payloads(self, kind: str, order_refs: Iterable[int]) -> dict[int, dict]:
        """Order ref → the payload of its first event `kind`, for those of `order_refs` that
        have one (one query, on the order_ref index)."""
        refs = sorted(set(order_refs))
        if not refs:
            return {}
        query = (
            select(events.c.order_ref, events.c.payload)
            .where(events.c.order_ref.in_(refs), events.c.kind == kind)
            .order_by(events.c.seq)
        )
        found: dict[int, dict] = {}
        for ref, payload in self.connection.execute(query):
            found.setdefault(ref, payload)
        return found

    def by_uuid(self, uuid: str) -> Event | None:
        row = self.connection.execute(select(events).where(events.c.uuid == uuid)).first()
        return None if row is None else _event_from_row(row)


_INSERT_NEW_EVENTS = text(
    "INSERT INTO events (uuid, kind, occurred_at, user_name, station, order_ref, payload)"
    " SELECT u, k, o, n, s, r, p::json FROM unnest(CAST(:uuid AS text[]),"
    " CAST(:kind AS text[]), CAST(:occurred_at AS timestamptz[]), CAST(:user_name AS text[]),"
    " CAST(:station AS text[]), CAST(:order_ref AS bigint[]), CAST(:payload AS text[]))"
    " AS t(u, k, o, n, s, r, p) ON CONFLICT (uuid) DO NOTHING RETURNING uuid"
)


def _event_row(e: Event) -> dict:
    return {
        "uuid": e.uuid,
        "kind": e.kind,
        "occurred_at": e.occurred_at,
        "user_name": e.actor.user,
        "station": e.actor.station,
        "order_ref": e.order_ref,
        "payload": e.payload,
    }
