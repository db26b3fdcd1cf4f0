"""Engines for the central database: PostgreSQL in production, a SQLite file embedded."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError

from app.domain.safe_text import redact_url

# A station whose network drops must find out in seconds, not after TCP's minutes: a bounded
# connect, and keepalives that notice a dead connection under an open transaction.
PG_CONNECT_ARGS = {
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}


def default_database_url() -> str:
    """The embedded default: a SQLite file in the user's data directory."""
    folder = Path(user_data_dir("shipshape", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'shipshape.sqlite'}"


def normalize_url(url: str) -> str:
    """Accept plain postgresql:// URLs and use psycopg 3 for them."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str | None = None) -> Engine:
    """An engine whose errors never carry bound parameters (customer names and addresses):
    `hide_parameters` keeps them out of every exception message and log line."""
    url = normalize_url(url or default_database_url())
    if url.startswith("sqlite"):
        engine = engine_for(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let BEGIN take the write lock at once (BEGIN IMMEDIATE), so two writers queue up
        # instead of failing on a lock upgrade half-way through a transaction.
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    return engine_for(url, pool_pre_ping=True, connect_args=PG_CONNECT_ARGS)


def engine_for(url: str, **options) -> Engine:
    """create_engine, with two promises: bound parameters never appear in an error, and a URL
    SQLAlchemy cannot read (a password with an unencoded `:` or `@`) fails with a message that
    holds no part of it (the parser's own message quotes pieces of the password)."""
    try:
        return create_engine(url, hide_parameters=True, **options)
    except (ArgumentError, ValueError):
        raise ValueError(
            f"cannot read the database URL {redact_url(url)}: write special characters in the "
            "user name or password %-encoded (@ as %40, : as %3A, / as %2F)"
        ) from None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see make_engine)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
