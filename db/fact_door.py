"""How a station's facts reach central: straight in, or through the narrow door.

`DirectDoor`: the login may write (the owner, or the embedded SQLite central, which has no
logins): a push inserts and applies the facts in one transaction (app.services.sync.push_facts).
`InboxDoor`: a PostgreSQL login registered for one station (`shipshape station-login`), a member
of `shipshape_station`, which may write nothing directly: a push hands the facts to
`shipshape_submit_facts()` (migration 0015), which checks they are this station's and queues
them; `shipshape apply-facts` (db/fact_inbox.py) applies them as the owner with `deliver`, the
same code as a direct push. A push counts as done when central committed it either way: queued
facts are on central, and the order they were pushed in is the order they are applied.
Runs on the station's sync thread, and on its database worker thread for claims.
"""

from __future__ import annotations

import json
import logging

import psycopg
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SATimeoutError

from app.domain.events import Event, fact_document
from app.domain.safe_text import one_line_error
from app.services import sync
from db.uow import SqlUnitOfWork

log = logging.getLogger(__name__)


def is_offline(exc: BaseException) -> bool:
    """A lost or refused connection, a lock timeout, a deadlock: worth retrying later as it is.
    Anything else (a constraint, a bad value, a bug in an applier) will fail the same way."""
    if isinstance(exc, DBAPIError):
        return exc.connection_invalidated or isinstance(exc, OperationalError | InterfaceError)
    return isinstance(exc, OSError | SATimeoutError | psycopg.OperationalError)


def reason(exc: Exception) -> str:
    """Why central refused or could not be reached: short, and without the URL (it may hold a
    password)."""
    detail = one_line_error(getattr(exc, "orig", None) or exc, limit=120) if str(exc) else ""
    return f"{type(exc).__name__}: {detail}"


def deliver(
    engine: Engine, station: str, user: str | None, facts: list[Event], waiting_after: int
) -> None:
    """Push facts to central and apply them (the owner's rights). When central refuses the
    batch, and not for want of a connection, push them one at a time and set aside (stored, not
    applied, shown to the lead) each one that fails on its own, so one bad fact never holds up
    the floor's work behind it. A lost connection raises: the caller keeps the facts."""
    try:
        sync.push_facts(SqlUnitOfWork(engine), station, user, facts, waiting_after)
        return
    except Exception as exc:
        if is_offline(exc):
            raise
    for fact in facts:
        try:
            sync.push_facts(SqlUnitOfWork(engine), station, user, [fact], waiting_after)
        except Exception as exc:
            if is_offline(exc):
                raise
            log.exception("fact %s (%s) set aside: central cannot apply it", fact.uuid, fact.kind)
            sync.set_aside(SqlUnitOfWork(engine), station, fact, reason(exc))


class DirectDoor:
    """The login may write: facts are applied as they are pushed."""

    narrow = False

    def __init__(self, engine: Engine, warehouse: str | None = None) -> None:
        self.engine = engine
        self.warehouse = warehouse  # the station's home: its status row says so

    def push(self, station: str, user: str | None, facts: list[Event], waiting_after: int):
        deliver(self.engine, station, user, facts, waiting_after)

    def queued(self) -> int:
        return 0  # nothing waits on central: a push applies

    def heartbeat(self, station: str, user: str | None, waiting: int) -> None:
        uow = SqlUnitOfWork(self.engine, warehouse=self.warehouse)
        sync.report_status(uow, station, user, waiting)


class InboxDoor:
    """A station login: facts are checked and queued by central, applied by the owner."""

    narrow = True

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def push(self, station: str, user: str | None, facts: list[Event], waiting_after: int):
        documents = json.dumps([fact_document(f) for f in facts], ensure_ascii=False)
        with self.engine.begin() as connection:
            connection.execute(
                text("SELECT shipshape_submit_facts(:user, CAST(:facts AS jsonb), :waiting)"),
                {"user": user, "facts": documents, "waiting": waiting_after},
            )

    def queued(self) -> int:
        """This station's pushes central has not applied yet."""
        with self.engine.connect() as connection:
            return connection.execute(text("SELECT shipshape_inbox_waiting()")).scalar_one()

    def heartbeat(self, station: str, user: str | None, waiting: int) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                text("SELECT shipshape_station_seen(:user, :waiting)"),
                {"user": user, "waiting": waiting},
            )


Door = DirectDoor | InboxDoor


def open_door(engine: Engine, warehouse: str | None = None) -> Door:
    """The inbox for a login registered for a station, else straight in. Needs central.
    `warehouse`: the station's home, kept with its status (not yet through the inbox's
    checked function: a station login's home is not recorded)."""
    return InboxDoor(engine) if station_of_login(engine) else DirectDoor(engine, warehouse)


def station_of_login(engine: Engine) -> str | None:
    """The station this login is registered for (`shipshape station-login`); None for the
    owner, a login not registered, or SQLite (no logins)."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        callable_here = connection.execute(
            text(
                "SELECT to_regproc('shipshape_my_station') IS NOT NULL"
                " AND has_function_privilege('shipshape_my_station()', 'EXECUTE')"
            )
        ).scalar_one()
        if not callable_here:
            return None
        return connection.execute(text("SELECT shipshape_my_station()")).scalar()


def may_write(engine: Engine) -> bool:
    """Whether this login may record facts directly (the owner, a lead desk, SQLite)."""
    if engine.dialect.name != "postgresql":
        return True
    with engine.connect() as connection:
        query = text("SELECT has_table_privilege('events', 'INSERT')")
        return bool(connection.execute(query).scalar_one())
