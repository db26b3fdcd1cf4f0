"""The site's set-up identity: is this connection the owner of the central database?

Administrative commands run either with a lead's badge and PIN or as the set-up identity
(docs/setup.md). It is established here, from what the operating system and the database know,
never from an option someone types:

- SQLite: the operating-system user running the command owns the database file (on systems
  without user ids, e.g. Windows, whoever may write the file). A file shared with a group is
  writable by others, but they are not its owner.
- PostgreSQL: `current_user` owns the database or is a superuser, and is not a member of the
  station or lead roles of db/roles.sql (a station or lead-desk login is never the set-up
  identity, whoever created it).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, text

FLOOR_ROLES = ("shipshape_station", "shipshape_lead")

_PG_QUERY = text(
    """
    SELECT r.rolname AS name, r.rolsuper AS superuser, d.datdba = r.oid AS owner,
           EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                   WHERE m.member = r.oid AND g.rolname = ANY(:floor)) AS floor_role
    FROM pg_roles r JOIN pg_database d ON d.datname = current_database()
    WHERE r.rolname = current_user
    """
)


def setup_identity(engine: Engine) -> str | None:
    """`os:USER` or `pg:ROLE` when this connection is the set-up identity, else None."""
    if engine.dialect.name == "sqlite":
        return _sqlite_owner(engine.url.database)
    with engine.connect() as conn:
        row = conn.execute(_PG_QUERY, {"floor": list(FLOOR_ROLES)}).first()
    if row is None:
        return None
    if row.superuser or (row.owner and not row.floor_role):
        return f"pg:{row.name}"
    return None


def _sqlite_owner(database: str | None) -> str | None:
    user = _os_user()
    if not database or database == ":memory:":
        return user  # a private in-memory database belongs to the process that made it
    path = Path(database)
    if not path.exists():
        return user  # about to be created by this user
    if hasattr(os, "geteuid"):
        return user if path.stat().st_uid == os.geteuid() else None
    return user if os.access(path, os.W_OK) else None


def _os_user() -> str:
    try:
        import pwd

        return f"os:{pwd.getpwuid(os.geteuid()).pw_name}"
    except (ImportError, KeyError, AttributeError):
        return f"os:{os.environ.get('USERNAME') or os.environ.get('USER') or 'unknown'}"
