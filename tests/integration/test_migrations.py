"""Migrations run on SQLite from nothing and from every older revision, keeping the data."""

from sqlalchemy import inspect, select

from app.bootstrap import open_central
from db import migrate
from db.engine import make_engine
from db.schema import metadata, users


def test_fresh_sqlite_reaches_every_head_with_the_whole_schema(sqlite_url):
    central = open_central(sqlite_url)
    assert migrate.current_revisions(central.engine) == migrate.head_revisions()
    tables = set(inspect(central.engine).get_table_names())
    assert set(metadata.tables) <= tables


def test_upgrade_from_the_first_revision_keeps_rows(sqlite_url):
    engine = make_engine(sqlite_url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(users.insert().values(name="Pia", role="picker", badge="1001", active=True))
    migrate.upgrade(engine)
    assert migrate.is_current(engine)
    with engine.connect() as conn:
        assert conn.execute(select(users.c.name)).scalars().all() == ["Pia"]
