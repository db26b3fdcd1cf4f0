"""Reading rows that may not decode: one bad row is reported and skipped, never a failed listing.

Rows written by an older version or by hand can hold what today's imports refuse: a `ship_by`
in the year 10000 (PostgreSQL stores it, psycopg cannot return it: "timestamp too large"), JSON
that is not an address, text where SQLite expects a date. Reading such a row raises while the
driver or SQLAlchemy decodes it, which used to fail `orders --json`, `allocate` and the lead's
board for the whole site. `readable_rows` runs the query as before; only when decoding fails
does it read the same query again in small pieces, down to single rows, and skip the rows that
still fail. `decoded` does the same for turning a row into a domain object.

Each skipped row is logged on the `shipshape.unreadable` logger (the CLI prints these on
stderr; stations and the lead console write them to the log file) with the table and key, so
someone can fix it by hand. Lost connections and other database errors are not caught here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlalchemy import Connection, Select
from sqlalchemy.exc import DataError

from app.domain.safe_text import one_line_error

log = logging.getLogger("shipshape.unreadable")

T = TypeVar("T")

# What decoding a stored value can raise: the driver's data errors (psycopg's "timestamp too
# large", wrapped by SQLAlchemy) and Python's own (bad ISO text, bad JSON, a wrong shape).
UNREADABLE = (
    DataError,
    ValueError,
    TypeError,
    KeyError,
    OverflowError,
    ArithmeticError,
    json.JSONDecodeError,
)
PIECE = 50  # keys per retry query: a bad row costs about PIECE + pages / PIECE queries


def readable_rows(connection: Connection, query: Select, key, what: str) -> list:
    """`connection.execute(query).all()`, skipping (and reporting) rows that cannot be decoded.

    `key` is the column that identifies a row of the query (its primary key, selected by the
    query too); `what` names the row in the report ("order", "pick list")."""
    try:
        return connection.execute(query).all()
    except UNREADABLE:
        pass
    keys = connection.execute(query.with_only_columns(key)).scalars().all()
    rows: list = []
    for start in range(0, len(keys), PIECE):
        rows += _rows_of(connection, query, key, keys[start : start + PIECE], what)
    order = {k: n for n, k in enumerate(keys)}
    return sorted(rows, key=lambda row: order[row._mapping[key]])


def _rows_of(connection: Connection, query: Select, key, keys: list, what: str) -> list:
    try:
        return connection.execute(query.where(key.in_(keys))).all()
    except UNREADABLE as exc:
        if len(keys) == 1:
            report(what, keys[0], exc)
            return []
    rows = []
    for one in keys:
        rows += _rows_of(connection, query, key, [one], what)
    return rows


def decoded(rows: Iterable, decode: Callable[..., T], what: str, key=lambda row: row.id) -> list[T]:
    """`[decode(row) for row in rows]`, skipping (and reporting) rows that do not decode."""
    found = []
    for row in rows:
        try:
            found.append(decode(row))
        except UNREADABLE as exc:
            report(what, key(row), exc)
    return found


def report(what: str, key, exc: BaseException) -> None:
    log.warning(
        "skipped %s %s: it cannot be read (%s); fix or remove the row in the database",
        what,
        key,
        one_line_error(exc, limit=160),
    )
