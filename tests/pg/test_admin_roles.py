"""PostgreSQL: the station and lead roles (db/roles.sql) cannot create users or change roles,
they are never the set-up identity, and the PIN lock works through them."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.pins import verify_pin
from app.errors import NotAllowed, PinLocked
from app.services import users
from app.services.lead.console import LeadConsole
from db.engine import make_engine
from db.roles import station_login_url
from db.schema import events
from db.setup_identity import setup_identity
from db.station.sign_in import StationSignIn
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from db.uow import SqlUnitOfWork
from tests.integration.sync.support import eventually, role_url

LOGINS = {"shipshape_station": "shipshape_test_station", "shipshape_lead": "shipshape_test_lead"}
USER_WRITES = [
    "INSERT INTO users (name, role, badge, active) VALUES ('Mallory', 'lead', '6666', true)",
    "UPDATE users SET role = 'lead'",
    "UPDATE users SET pin_hash = 'scrypt$1$1$1$00$00'",
    "UPDATE users SET badge = '6666'",
    "DELETE FROM users",
]


@pytest.fixture
def site(pg_url):
    """Migrated by the owner, with two leads: Lena (9001/246810) and Max (9002/135790)."""
    central = open_central(pg_url)
    setup = central.setup_identity()
    lena = users.save_user(central.uow(), "Lena", "lead", "9001", "246810", by=setup)
    users.save_user(central.uow(), "Max", "lead", "9002", "135790", by=lena)
    users.save_user(central.uow(), "Pia", "picker", "1001", None, by=setup)
    yield central
    central.close()


@pytest.mark.parametrize("group", list(LOGINS))
@pytest.mark.parametrize("statement", USER_WRITES)
def test_station_and_lead_logins_cannot_create_users_or_change_roles(
    site, pg_url, group, statement
):
    url = make_url(role_url(pg_url, LOGINS[group], group)).set(drivername="postgresql")
    with (
        psycopg.connect(url.render_as_string(False), autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(statement)


@pytest.mark.parametrize("group", list(LOGINS))
def test_a_station_or_lead_login_is_never_the_set_up_identity(site, pg_url, group, run_cli):
    url = role_url(pg_url, LOGINS[group], group)
    engine = make_engine(url)
    assert setup_identity(engine) is None
    engine.dispose()
    args = ("add-user", "Mallory", "--role", "lead", "--badge", "6666", "--pin", "666666")
    status, _, err = run_cli(*args, "--database", url)
    assert status == 1 and "set-up identity" in err
    picker = ("add-user", "Mo", "--role", "picker", "--badge", "1002")
    assert run_cli(*picker, "--database", url)[0] == 1


def test_the_database_owner_is_the_set_up_identity_and_the_events_say_so(site, pg_url, run_cli):
    owner = make_url(pg_url).username
    assert setup_identity(site.engine) == f"pg:{owner}"
    with site.engine.begin() as conn:  # a plain (not superuser) owner of the database counts too
        conn.execute(text("DROP ROLE IF EXISTS shipshape_test_owner"))
        conn.execute(text("CREATE ROLE shipshape_test_owner LOGIN PASSWORD 'o'"))
        database = make_url(pg_url).database
        conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO shipshape_test_owner'))
    url = make_url(pg_url).set(username="shipshape_test_owner", password="o")
    engine = make_engine(url.render_as_string(False))
    assert setup_identity(engine) == "pg:shipshape_test_owner"
    engine.dispose()
    with site.engine.begin() as conn:
        conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO "{owner}"'))
        conn.execute(text("DROP ROLE shipshape_test_owner"))
    assert (
        run_cli("add-user", "Mo", "--role", "picker", "--badge", "1002", "--database", pg_url)[0]
        == 0
    )
    query = select(events.c.user_name, events.c.station).where(events.c.kind == "user.saved")
    with site.engine.connect() as conn:
        assert conn.execute(query.order_by(events.c.seq.desc())).first() == (
            "setup",
            f"setup/pg:{owner}",
        )


def test_the_pin_lock_works_through_the_station_and_lead_roles(site, pg_url, tmp_path, applier):
    """A station login signs people in from its store with its own PIN verifiers (it cannot
    read the hashes), its refusals reach central through the door, the lock opens an item for
    the lead, and a lead desk (registered like a station) unlocks it."""
    station = make_engine(station_login_url(pg_url, LOGINS["shipshape_station"], "PICK-01"))
    desk_login = station_login_url(pg_url, LOGINS["shipshape_lead"], "lead-desk", "shipshape_lead")
    lead_desk = make_engine(desk_login)
    store = StationStore(tmp_path / "pick-01.sqlite", "PICK-01")
    sync = SyncEngine(store, station, poll_s=0.1, backoff=(0.01, 0.1)).start()
    sign_in = StationSignIn(
        store, sync.wake, lambda badge: users.find_user(SqlUnitOfWork(station), badge), "PICK-01"
    )
    try:
        assert eventually(lambda: store.cached("user"), 10)  # the first pull
        for _ in range(5):
            with pytest.raises(NotAllowed):
                sign_in.sign_in("9001", "0000")
        with pytest.raises(PinLocked):
            sign_in.sign_in("9001", "246810")
        assert wait_until_drained(sync, 20)  # the refusals and the lock are on central
        max_ = users.authenticate_lead(SqlUnitOfWork(lead_desk), "9002", "135790")
        console = LeadConsole(lambda: SqlUnitOfWork(lead_desk), max_, "lead-desk")
        [item] = [i for i in console.queue() if i.kind == "pin_locked"]
        console.resolve(item.key, "unlock_pin", "checked her badge")
        sync._must_pull = True  # the unlock reaches the station with its next pull
        sync.wake()
        assert eventually(lambda: _unlocked(store, "9001"), 10)
        assert sign_in.sign_in("9001", "246810").name == "Lena"
    finally:
        sync.stop()
        station.dispose()
        lead_desk.dispose()


def _unlocked(store: StationStore, badge: str) -> bool:
    return any(
        doc["badge"] == badge and doc.get("pin_unlocked_at")
        for doc in store.cached("user").values()
    )


def test_a_station_login_sees_verifiers_that_work_only_at_its_own_station(site, pg_url):
    """No hash leaves central: each station's verifier is keyed with its own pepper, which the
    repository fetches apart (tests/pg/test_station_pins.py has the rest)."""
    seen = {}
    for station in ("PICK-01", "PICK-02"):
        login = f"shipshape_test_{station.lower().replace('-', '_')}"
        engine = make_engine(station_login_url(pg_url, login, station))
        try:
            with SqlUnitOfWork(engine) as uow:
                lena = uow.users.by_badge("9001")
                seen[station] = (lena.pin_hash, lena.pin_pepper)
        finally:
            engine.dispose()
    with site.engine.connect() as conn:
        stored = conn.execute(text("SELECT pin_hash FROM users WHERE badge = '9001'")).scalar()
    checks = {station: check for station, (check, _pepper) in seen.items()}
    assert stored.startswith("scrypt$") and stored not in checks.values()
    assert all(check.startswith("scrypt-hmac$") for check in checks.values())
    assert checks["PICK-01"] != checks["PICK-02"]
    assert all(verify_pin("246810", *pair) for pair in seen.values())
    assert not any(verify_pin("246811", *pair) for pair in seen.values())
    # A verifier checked with another station's pepper proves nothing.
    assert not verify_pin("246810", checks["PICK-01"], seen["PICK-02"][1])
