"""The least-privileged PostgreSQL roles of `roles.sql`, and logins in them.

Run as the database owner (the set-up identity). A site creates one login per station or lead
desk (docs/security.md); tests and the sync bench use the same function to log in as a station.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

ROLES_SQL = Path(__file__).with_name("roles.sql")


def role_login_url(owner_url: str, login: str, group: str) -> str:
    """Apply roles.sql, make `login` (password = its name) a member of `group`, and return the
    owner's URL logging in as it instead. For tests and benches: a site sets real passwords."""
    url = make_url(owner_url)
    with psycopg.connect(url.set(drivername="postgresql").render_as_string(False)) as conn:
        conn.execute(ROLES_SQL.read_text())
        conn.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{login}')"
            f" THEN CREATE ROLE {login} LOGIN PASSWORD '{login}'"
            f" IN ROLE {group}; END IF; END $$"
        )
    return url.set(username=login, password=login).render_as_string(False)


def station_login_url(owner_url: str, login: str, station: str, group: str = "shipshape_station"):
    """`role_login_url`, with the login registered for `station` (`shipshape station-login`), so
    it writes through the narrow door: what a site sets up for each station."""
    from app.domain.events import Actor
    from app.services import sync
    from db.engine import make_engine
    from db.uow import SqlUnitOfWork

    url = role_login_url(owner_url, login, group)
    engine = make_engine(owner_url)
    try:
        sync.register_station_login(SqlUnitOfWork(engine), login, station, Actor("setup", "cli"))
    finally:
        engine.dispose()
    return url
