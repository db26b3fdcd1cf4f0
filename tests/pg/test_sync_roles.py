"""The station role (db/roles.sql): a station login reads its work and writes only through the
narrow door (migration 0015). Each statement an attacker with the station's login would try is
refused; what a station needs works, and central's applier applies it."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.events import Actor, Event, fact_document
from db.fact_inbox import InboxApplier
from db.roles import role_login_url
from db.schema import events, exceptions, fact_inbox
from tests.integration.sync.support import seed_pick_lists, station_role_url

STATION = "station-1"
FORBIDDEN = [
    # history and master data
    "DELETE FROM orders",
    "DELETE FROM events",
    "UPDATE events SET kind = 'rewritten'",
    "TRUNCATE events",
    "UPDATE orders SET order_id = 'X'",
    "DELETE FROM pick_lists",
    "INSERT INTO changes (topic, ref_id) VALUES ('pick_list', 1)",
    "UPDATE users SET role = 'lead'",
    # the PIN hashes and the stations' peppers
    "SELECT pin_hash FROM users",
    "SELECT * FROM users",
    "SELECT pepper FROM station_logins",
    # release or cancel orders, claim or reassign work, move stock, wind counters back
    "UPDATE orders SET status = 'released'",
    "UPDATE orders SET status = 'cancelled' WHERE id = 1",
    "UPDATE pick_lists SET status = 'assigned', assignee_id = 1",
    "UPDATE pick_tasks SET picked = 1",
    "UPDATE stock SET on_hand = 9999",
    "UPDATE stock SET reserved = 0, held = 0",
    "UPDATE counters SET value = 0",
    "INSERT INTO counters (name, value) VALUES ('sscc', 0)",
    # facts as another user or station, past the door
    "INSERT INTO events (uuid, kind, occurred_at, user_name, station, payload) VALUES"
    " ('00000000-0000-0000-0000-000000000001', 'pick.confirmed', now(), 'Lena', 'pack-9', '{}')",
    "INSERT INTO fact_inbox (station, facts, waiting_after, received_at)"
    " VALUES ('pack-9', '[]', 0, now())",
    "INSERT INTO exceptions (kind, status, details) VALUES ('x', 'open', '{}')",
    "UPDATE stations SET user_name = 'Lena'",
]


@pytest.fixture
def site(pg_url, tmp_path):
    seed_pick_lists(open_central(pg_url), tmp_path / "site", orders=4)
    return pg_url


@pytest.fixture
def as_station(site):
    with _connect(station_role_url(site, STATION)) as conn:
        yield conn


def _connect(url: str) -> psycopg.Connection:
    plain = make_url(url).set(drivername="postgresql").render_as_string(False)
    return psycopg.connect(plain, autocommit=True)


def _submit(conn, facts: list[Event], user: str | None = "Pia"):
    documents = json.dumps([fact_document(f) for f in facts])
    return conn.execute(
        "SELECT shipshape_submit_facts(%s, %s::jsonb, 0)", (user, documents)
    ).fetchone()[0]


@pytest.mark.parametrize("statement", FORBIDDEN)
def test_the_station_role_cannot_write_or_read_secrets(as_station, statement):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        as_station.execute(statement)


def test_a_station_cannot_push_facts_of_another_station(as_station):
    forged = Event("pick.confirmed", {"pick_task_id": 1, "quantity": 1}, Actor("Pia", "pack-9"))
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="may not record a fact"):
        _submit(as_station, [forged])
    assert as_station.execute("SELECT shipshape_inbox_waiting()").fetchone()[0] == 0


@pytest.mark.parametrize(
    "documents",
    ['{"not": "a list"}', "[]", '[{"station": "station-1", "uuid": "x", "kind": "a"}]'],
)
def test_the_door_refuses_what_is_not_a_list_of_facts(as_station, documents):
    with pytest.raises(psycopg.Error):
        as_station.execute("SELECT shipshape_submit_facts('Pia', %s::jsonb, 0)", (documents,))


def test_a_login_not_registered_for_a_station_cannot_use_the_door(site):
    url = role_login_url(site, "shipshape_test_unregistered", "shipshape_station")
    fact = Event("scan.refused", {"reason": "x"}, Actor("Pia", STATION))
    with _connect(url) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not registered"):
            _submit(conn, [fact])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT shipshape_reserve_numbers('sscc', 10)")


def test_numbers_are_reserved_only_through_the_door_and_only_forward(as_station):
    first = as_station.execute("SELECT shipshape_reserve_numbers('sscc', 100)").fetchone()[0]
    second = as_station.execute("SELECT shipshape_reserve_numbers('sscc', 1)").fetchone()[0]
    assert second == first + 1
    for bad in (
        "SELECT shipshape_reserve_numbers('sscc', -100)",
        "SELECT shipshape_reserve_numbers('kpi_hours_seq', 1)",
        "SELECT shipshape_reserve_numbers('sscc', 0)",
    ):
        with pytest.raises(psycopg.Error):
            as_station.execute(bad)


def test_the_station_reads_its_work_and_what_it_pushes_is_applied_by_central(as_station, site):
    names = as_station.execute("SELECT name FROM users ORDER BY name").fetchall()
    assert ("Pia",) in names
    assert as_station.execute("SELECT count(*) FROM pick_lists").fetchone()[0] > 0
    assert as_station.execute("SELECT version_num FROM alembic_version").fetchone()
    as_station.execute("SELECT shipshape_station_seen('Pia', 0)")
    mine = Event("scan.refused", {"reason": "wrong item"}, Actor("Pia", STATION))
    stranger = Event("scan.refused", {"reason": "x"}, Actor("Mallory", STATION))
    _submit(as_station, [mine, stranger])
    assert as_station.execute("SELECT shipshape_inbox_waiting()").fetchone()[0] == 1

    central = open_central(site)
    assert InboxApplier(central.engine).apply_queued() == 1
    with central.engine.connect() as conn:
        stored = set(conn.execute(select(events.c.uuid, events.c.station)).all())
        set_aside = conn.execute(
            select(exceptions.c.details).where(exceptions.c.kind == "fact_failed")
        )
        queued = conn.execute(select(func.count()).select_from(fact_inbox)).scalar_one()
    assert (mine.uuid, STATION) in stored and (stranger.uuid, STATION) in stored
    assert [d["uuid"] for (d,) in set_aside] == [stranger.uuid]  # stored, for the lead to see
    assert queued == 0
    assert as_station.execute("SELECT shipshape_inbox_waiting()").fetchone()[0] == 0


def test_a_replayed_push_changes_nothing(as_station, site):
    fact = Event("scan.refused", {"reason": "x"}, Actor("Pia", STATION), uuid=str(uuid.uuid4()))
    _submit(as_station, [fact])
    _submit(as_station, [fact])  # the station crashed before it marked the push sent
    central = open_central(site)
    InboxApplier(central.engine).apply_queued()
    with central.engine.connect() as conn:
        count = conn.execute(select(func.count()).where(events.c.uuid == fact.uuid))
        assert count.scalar_one() == 1
