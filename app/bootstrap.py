"""Composition root: builds the real adapters (database, devices, printers) from settings.

The one module of `app` (with `app.cli`) that imports `db`, `devices` and `printing`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from db import migrate
from db.engine import default_database_url, make_engine, normalize_url
from db.uow import SqlUnitOfWork


@dataclass
class Central:
    """The central order database, migrated to the newest schema."""

    url: str
    engine: Engine

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def open_central(url: str | None = None, upgrade: bool = True) -> Central:
    url = normalize_url(url or default_database_url())
    engine = make_engine(url)
    if upgrade and not migrate.is_current(engine):
        migrate.upgrade(engine)
    return Central(url=url, engine=engine)


def redacted(url: str) -> str:
    """The URL without its password: credentials are never logged or shown."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
