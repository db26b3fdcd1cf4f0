"""Composition root: builds the real adapters (database, devices, printers) from settings.

The one module of `app` (with `app.cli`) that imports `db`, `devices` and `printing`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from app.domain.safe_text import redact_url
from app.domain.users import SetUp
from app.errors import NotSetUp
from db import migrate
from db.engine import default_database_url, make_engine, normalize_url
from db.integration_store import SqlIntegrationStore
from db.setup_identity import setup_identity
from db.uow import SqlUnitOfWork
from integrations import senders


@dataclass
class Central:
    """The central order database, migrated to the newest schema."""

    url: str
    engine: Engine
    # A station's home warehouse (a code): every unit of work it opens is that warehouse's.
    warehouse: str | None = None

    def uow(self, warehouse: str | None = None) -> SqlUnitOfWork:
        """A unit of work; `warehouse` (a code, else this central's own) says whose site
        settings and label counters it reads and writes, and limits what it reads of locations,
        stock and receipts to that warehouse. None: the first warehouse's settings, no limit."""
        return SqlUnitOfWork(self.engine, warehouse=warehouse or self.warehouse)

    def close(self) -> None:
        self.engine.dispose()

    def setup_identity(self) -> SetUp:
        """The site's set-up identity, if this connection has it (db/setup_identity.py)."""
        who = setup_identity(self.engine)
        if who is None:
            raise NotSetUp(
                "this needs a shift lead's --badge and --pin, or the site's set-up identity "
                "(the owner of the database; see docs/setup.md)"
            )
        return SetUp(who)


def open_central(url: str | None = None, upgrade: bool = True) -> Central:
    url = normalize_url(url or default_database_url())
    engine = make_engine(url)
    if upgrade and not migrate.is_current(engine):
        migrate.upgrade(engine)
    return Central(url=url, engine=engine)


def redacted(url: str) -> str:
    """The URL without its credentials (user and password, up to the last `@`): they are never
    logged or shown. Works on text SQLAlchemy cannot parse, too."""
    return redact_url(url)


def integration_store(central: Central) -> SqlIntegrationStore:
    """The integration outbox's store (app/services/ports/integration.py) on central."""
    return SqlIntegrationStore(central.engine)


def integration_senders() -> dict:
    """A sender per endpoint kind: webhook and file drop (integrations/)."""
    return senders()
