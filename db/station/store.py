"""The station store: a local SQLite file with the station's outbox of facts and its claimed work.

An operator's action is acknowledged only after `record()` returned: the fact is then on disk
(WAL, synchronous=FULL) and survives a crash or power cut; the sync thread pushes it later. The
store is used from two threads — the station's database worker records, the sync thread pushes
and caches — so each thread gets its own connection (WAL lets them read while one writes).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from app.domain.events import Actor, Event

KEEP_SENT_S = 7 * 24 * 3600  # sent facts stay a week: latency figures, support questions

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    user_name TEXT,
    station TEXT,
    occurred_at TEXT NOT NULL,
    order_ref INTEGER,
    payload TEXT NOT NULL,
    acked_at REAL NOT NULL,  -- wall-clock seconds when it became durable here (latency figures)
    sent_at REAL             -- set only after central committed it
);
CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
CREATE TABLE IF NOT EXISTS work (
    pick_list_id INTEGER PRIMARY KEY,
    user_name TEXT,
    snapshot TEXT NOT NULL,          -- central's view as last pulled
    through_id INTEGER NOT NULL,     -- the snapshot includes every outbox fact up to this id
    taken_away INTEGER NOT NULL DEFAULT 0  -- central gave it to someone else
);
CREATE TABLE IF NOT EXISTS followed_users (name TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS site_cache (  -- central's master data, as last pulled (by topic)
    topic TEXT NOT NULL,
    ref INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (topic, ref)
);
CREATE TABLE IF NOT EXISTS number_blocks (  -- numbers central reserved for this station
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    series TEXT NOT NULL,   -- e.g. "sscc", "tracking:1Z"
    next INTEGER NOT NULL,
    last INTEGER NOT NULL   -- inclusive
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class StationStore:
    def __init__(self, path: str | Path, station: str) -> None:
        self.path, self.station = str(path), station
        self._local = threading.local()
        self._db().executescript(SCHEMA)

    # --- the outbox ---------------------------------------------------------------------------

    def record(self, facts: Iterable[Event]) -> None:
        """Append facts; when this returns they are durable (acknowledge the operator then)."""
        now = time.time()
        rows = [
            (
                f.uuid,
                f.kind,
                f.actor.user,
                f.actor.station,
                f.occurred_at.isoformat(),
                f.order_ref,
                json.dumps(f.payload, ensure_ascii=False),
                now,
            )
            for f in facts
        ]
        with self._write() as db:
            db.executemany(
                "INSERT OR IGNORE INTO outbox (uuid, kind, user_name, station, occurred_at,"
                " order_ref, payload, acked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def pending(self, limit: int) -> list[tuple[int, Event]]:
        """The oldest facts central has not confirmed, in the order they were recorded."""
        query = (
            "SELECT id, uuid, kind, user_name, station, occurred_at, order_ref, payload"
            " FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?"
        )
        return [(row[0], _event(row)) for row in self._db().execute(query, (limit,))]

    def mark_sent(self, ids: list[int], when: float | None = None) -> None:
        """Call only after central committed these facts (a crash before this means a replay,
        which central ignores)."""
        when = time.time() if when is None else when
        with self._write() as db:
            db.executemany("UPDATE outbox SET sent_at = ? WHERE id = ?", [(when, i) for i in ids])

    def prune_sent(self, older_than_s: float = KEEP_SENT_S) -> int:
        """Forget facts central committed more than `older_than_s` ago (a station runs for
        years); the newest sent fact stays, as `sent_through` needs it. Returns how many went."""
        query = (
            "DELETE FROM outbox WHERE sent_at < ?"
            " AND id < (SELECT max(id) FROM outbox WHERE sent_at IS NOT NULL)"
        )
        with self._write() as db:
            return db.execute(query, (time.time() - older_than_s,)).rowcount

    def waiting(self) -> int:
        return self._db().execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0]

    def acknowledged(self) -> list[str]:
        """Every fact this station ever acknowledged (the simulator checks central against it)."""
        return [row[0] for row in self._db().execute("SELECT uuid FROM outbox ORDER BY id")]

    def latencies(self) -> list[float]:
        """Seconds from acknowledgement here to commit on central, per sent fact."""
        query = "SELECT sent_at - acked_at FROM outbox WHERE sent_at IS NOT NULL"
        return [row[0] for row in self._db().execute(query)]

    def facts_since_snapshot(self, pick_list_id: int) -> list[Event]:
        """Facts about one pick list that its cached snapshot does not show yet (waiting, or
        pushed after it was read): the station lays them over the snapshot, so an operator sees
        their own work at once, online or not."""
        query = (
            "SELECT o.id, uuid, kind, o.user_name, station, occurred_at, order_ref, payload"
            " FROM outbox o JOIN work w ON w.pick_list_id = ?"
            " WHERE o.id > w.through_id AND json_extract(payload, '$.pick_list_id') = ?"
            " ORDER BY o.id"
        )
        return [_event(row) for row in self._db().execute(query, (pick_list_id, pick_list_id))]

    def facts_about_order(self, order_ref: int, kinds: tuple[str, ...], after_id: int = 0):
        """This station's facts of these kinds about one order, recorded after outbox id
        `after_id` (a packing station lays them over its cached view of the order)."""
        query = (
            "SELECT id, uuid, kind, user_name, station, occurred_at, order_ref, payload"
            f" FROM outbox WHERE order_ref = ? AND id > ? AND kind IN ({', '.join('?' * len(kinds))})"
            " ORDER BY id"
        )
        return [_event(row) for row in self._db().execute(query, (order_ref, after_id, *kinds))]

    def facts_naming(self, key: str, value: str, kinds: tuple[str, ...], after_id: int = 0):
        """This station's facts of these kinds whose payload has `key` = `value` (a receipt
        id), recorded after outbox id `after_id`, in order."""
        query = (
            "SELECT id, uuid, kind, user_name, station, occurred_at, order_ref, payload"
            f" FROM outbox WHERE id > ? AND kind IN ({', '.join('?' * len(kinds))})"
            " AND json_extract(payload, ?) = ? ORDER BY id"
        )
        found = self._db().execute(query, (after_id, *kinds, f"$.{key}", value))
        return [_event(row) for row in found]

    def badge_facts(self, badge: str, kinds: tuple[str, ...]) -> list[Event]:
        """This station's facts of these kinds about one badge (its sign-ins and PIN refusals,
        for the PIN lock while offline)."""
        query = (
            "SELECT id, uuid, kind, user_name, station, occurred_at, order_ref, payload"
            f" FROM outbox WHERE kind IN ({', '.join('?' * len(kinds))})"
            " AND json_extract(payload, '$.badge') = ? ORDER BY id"
        )
        return [_event(row) for row in self._db().execute(query, (*kinds, badge))]

    def orders_packed_here(self) -> set[int]:
        """Orders whose last carton this station closed (pushed or not)."""
        query = (
            "SELECT DISTINCT order_ref FROM outbox WHERE kind = 'package.closed'"
            " AND json_extract(payload, '$.final')"
        )
        return {row[0] for row in self._db().execute(query)}

    def serials_packed_here(self) -> set[tuple[str, str]]:
        """(sku, serial) of every unit this station put in a closed carton, pushed or not: an
        offline packer is refused a serial packed here on another order a moment ago."""
        query = (
            "SELECT json_extract(item.value, '$.sku'), json_extract(item.value, '$.serial')"
            " FROM outbox, json_each(outbox.payload, '$.items') AS item"
            " WHERE outbox.kind = 'package.closed'"
            " AND json_extract(item.value, '$.serial') IS NOT NULL"
        )
        return {(sku, serial) for sku, serial in self._db().execute(query)}

    def sent_through(self) -> int:
        """The newest fact central has committed. Facts are pushed in id order, so every fact
        up to here is on central: read this before reading snapshots from central."""
        query = "SELECT coalesce(max(id), 0) FROM outbox WHERE sent_at IS NOT NULL"
        return self._db().execute(query).fetchone()[0]

    def finished_lists(self) -> set[int]:
        """Lists this station finished (a `picklist.finished` fact), pushed or not."""
        query = (
            "SELECT DISTINCT json_extract(payload, '$.pick_list_id') FROM outbox"
            " WHERE kind = 'picklist.finished'"
        )
        return {row[0] for row in self._db().execute(query)}

    # --- claimed work, followed users and the pull cursor ----------------------------------------

    def follow(self, user: str) -> None:
        with self._write() as db:
            db.execute("INSERT OR IGNORE INTO followed_users VALUES (?)", (user,))

    def followed_users(self) -> list[str]:
        return [r[0] for r in self._db().execute("SELECT name FROM followed_users ORDER BY name")]

    def save_work(self, snapshots: dict[int, dict], users: list[str], through_id: int) -> list[int]:
        """Store central's snapshots; a list now held by someone not signed in here is marked
        taken away (the picker is told). Returns the ids that were taken away just now."""
        taken = []
        with self._write() as db:
            for list_id, snapshot in snapshots.items():
                mine = snapshot["assignee"] in users and snapshot["status"] in (
                    "assigned",
                    "picking",
                )
                before = db.execute(
                    "SELECT taken_away FROM work WHERE pick_list_id = ?", (list_id,)
                ).fetchone()
                finished = snapshot["status"] == "done"  # done here or by the new picker
                if not mine and (before is None or before[0] or finished):
                    db.execute("DELETE FROM work WHERE pick_list_id = ?", (list_id,))
                    continue
                if not mine:
                    taken.append(list_id)
                db.execute(
                    "INSERT OR REPLACE INTO work VALUES (?, ?, ?, ?, ?)",
                    (
                        list_id,
                        snapshot["assignee"],
                        json.dumps(snapshot, default=str),
                        through_id,
                        int(not mine),
                    ),
                )
        return taken

    def work(self, user: str | None = None) -> list[dict]:
        query = "SELECT snapshot, taken_away FROM work"
        args: tuple = ()
        if user is not None:
            query += " WHERE user_name = ?"
            args = (user,)
        rows = self._db().execute(query + " ORDER BY pick_list_id", args)
        return [{**json.loads(snapshot), "taken_away": bool(gone)} for snapshot, gone in rows]

    def work_ids(self) -> list[int]:
        return [r[0] for r in self._db().execute("SELECT pick_list_id FROM work")]

    # --- the site cache: users, products, stock, released waves ---------------------------------

    def cache_documents(self, topic: str, docs: dict[int, dict], gone=(), everything=False):
        """Store central's documents of one topic; `gone` refs no longer exist there. With
        `everything`, `docs` is the whole topic and replaces what was cached."""
        with self._write() as db:
            if everything:
                db.execute("DELETE FROM site_cache WHERE topic = ?", (topic,))
            db.executemany(
                "DELETE FROM site_cache WHERE topic = ? AND ref = ?", [(topic, r) for r in gone]
            )
            db.executemany(
                "INSERT OR REPLACE INTO site_cache VALUES (?, ?, ?)",
                [(topic, ref, json.dumps(doc, default=str)) for ref, doc in docs.items()],
            )

    def cached(self, topic: str) -> dict[int, dict]:
        query = "SELECT ref, doc FROM site_cache WHERE topic = ? ORDER BY ref"
        return {ref: json.loads(doc) for ref, doc in self._db().execute(query, (topic,))}

    def cached_one(self, topic: str, ref: int) -> dict | None:
        query = "SELECT doc FROM site_cache WHERE topic = ? AND ref = ?"
        row = self._db().execute(query, (topic, ref)).fetchone()
        return None if row is None else json.loads(row[0])

    # --- number blocks: SSCC serials and tracking numbers handed out while offline ---------------

    def add_numbers(self, series: str, first: int, last: int) -> None:
        """Keep a block central reserved for this station (sync thread)."""
        with self._write() as db:
            db.execute(
                "INSERT INTO number_blocks (series, next, last) VALUES (?, ?, ?)",
                (series, first, last),
            )

    def take_number(self, series: str) -> int | None:
        """The next unused number of the series, durable before it returns (so never handed
        out twice, even across a crash); None when the station has none left."""
        with self._write() as db:
            row = db.execute(
                "SELECT id, next FROM number_blocks WHERE series = ? AND next <= last"
                " ORDER BY id LIMIT 1",
                (series,),
            ).fetchone()
            if row is None:
                return None
            db.execute("UPDATE number_blocks SET next = next + 1 WHERE id = ?", (row[0],))
            return row[1]

    def numbers_left(self, series: str) -> int:
        query = "SELECT coalesce(sum(last - next + 1), 0) FROM number_blocks WHERE series = ?"
        return self._db().execute(query + " AND next <= last", (series,)).fetchone()[0]

    def get_meta(self, key: str):
        row = self._db().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_meta(self, key: str, value) -> None:
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def cursor(self) -> tuple[int, int] | None:
        cursor = self.get_meta("cursor")
        return tuple(cursor) if cursor else None

    def save_cursor(self, cursor: tuple[int, int]) -> None:
        self.set_meta("cursor", list(cursor))

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # --- connections ----------------------------------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            self._local.connection = connection
        return connection

    def _write(self) -> _Transaction:
        return _Transaction(self._db())


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT: the write lock up front, so the two threads queue politely."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, exc_type, exc, tb) -> None:
        self.connection.execute("ROLLBACK" if exc_type else "COMMIT")


def _event(row) -> Event:
    _id, uuid, kind, user, station, occurred_at, order_ref, payload = row
    return Event(
        kind,
        json.loads(payload),
        Actor(user, station),
        order_ref,
        datetime.fromisoformat(occurred_at),
        uuid,
    )
