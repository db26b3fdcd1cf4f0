"""The station role (db/roles.sql) can do a station's work and nothing that rewrites history."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from tests.integration.sync.support import seed_pick_lists, station_role_url

FORBIDDEN = [
    "DELETE FROM orders",
    "DELETE FROM events",
    "UPDATE events SET kind = 'rewritten'",
    "TRUNCATE events",
    "UPDATE orders SET order_id = 'X'",
    "DELETE FROM pick_lists",
    "INSERT INTO changes (topic, ref_id) VALUES ('pick_list', 1)",
    "UPDATE users SET role = 'lead'",
]


@pytest.fixture
def as_station(pg_url, tmp_path):
    seed_pick_lists(open_central(pg_url), tmp_path / "site", orders=4)
    url = make_url(station_role_url(pg_url)).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(False), autocommit=True) as conn:
        yield conn


@pytest.mark.parametrize("statement", FORBIDDEN)
def test_the_station_role_cannot_rewrite_history(as_station, statement):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        as_station.execute(statement)


def test_the_station_role_reads_work_and_claims(as_station):
    names = as_station.execute("SELECT name FROM users ORDER BY name").fetchall()
    assert ("Pia",) in names
    claimed = as_station.execute(
        "UPDATE pick_lists SET status = 'assigned' WHERE id = (SELECT id FROM pick_lists"
        " WHERE status = 'released' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id"
    ).fetchall()
    assert len(claimed) == 1
    changes = as_station.execute("SELECT count(*) FROM changes WHERE topic = 'pick_list'")
    assert changes.fetchone()[0] > 0  # the trigger wrote the change on the station's behalf
