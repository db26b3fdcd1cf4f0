"""PostgreSQL: per-station PIN verifiers (migration 0016). A station login never reads a PIN
hash; it caches its own verifiers and pepper, signs a lead in and accepts a lead's override
from them with the network gone, and what one station holds proves nothing at another."""

from __future__ import annotations

import hashlib
import hmac
import json

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.pins import verify_pin
from app.errors import NotAllowed
from app.services import users
from db.engine import make_engine
from db.roles import role_login_url, station_login_url
from db.station.packing import StationPackingBackend
from db.station.pull import PEPPER_META, cached_pepper
from db.station.sign_in import StationSignIn
from db.station.store import StationStore
from db.station.sync import SyncEngine
from db.uow import SqlUnitOfWork

PIN = "246810"
STATIONS = {"PACK-01": "shipshape_test_pack_01", "PACK-02": "shipshape_test_pack_02"}


@pytest.fixture
def site(pg_url):
    """Migrated by the owner; Lena is a lead (9001 / 246810), Pia a picker; two station logins."""
    central = open_central(pg_url)
    setup = central.setup_identity()
    users.save_user(central.uow(), "Lena", "lead", "9001", PIN, by=setup)
    users.save_user(central.uow(), "Pia", "picker", "1001", None, by=setup)
    engines = {
        station: make_engine(station_login_url(pg_url, login, station))
        for station, login in STATIONS.items()
    }
    yield central, engines
    for engine in engines.values():
        engine.dispose()
    central.close()


def owner_row(central, query: str, **params):
    with central.engine.connect() as conn:
        return conn.execute(text(query), params).one()


def as_station(engine, query: str):
    with engine.connect() as conn:
        return conn.execute(text(query)).all()


def unreachable_uow() -> SqlUnitOfWork:
    """Central with the network gone: nothing listens on this port."""
    return SqlUnitOfWork(make_engine("postgresql+psycopg://nobody@127.0.0.1:9/none"))


def pulled_store(engine, station: str, tmp_path) -> StationStore:
    store = StationStore(tmp_path / f"{station}.sqlite", station)
    SyncEngine(store, engine).sync_once()  # one pull: users, their verifiers and the pepper
    return store


def test_the_sql_verifier_is_the_hmac_python_checks(site):
    central, engines = site
    stored = owner_row(central, "SELECT pin_hash FROM users WHERE badge = '9001'").pin_hash
    lena_id = owner_row(central, "SELECT id FROM users WHERE badge = '9001'").id
    pepper = owner_row(
        central, "SELECT pepper FROM station_logins WHERE station = 'PACK-01'"
    ).pepper
    [(check,)] = as_station(
        engines["PACK-01"],
        f"SELECT pin_check FROM shipshape_station_pins() WHERE user_id = {lena_id}",
    )
    mac = hmac.new(bytes(pepper), stored.encode(), hashlib.sha256).hexdigest()
    assert check == "scrypt-hmac$" + stored.removeprefix("scrypt$").rsplit("$", 1)[0] + "$" + mac
    [(own,)] = as_station(engines["PACK-01"], "SELECT shipshape_station_pepper()")
    assert bytes(own) == bytes(pepper)
    assert verify_pin(PIN, check, bytes(own))
    assert not verify_pin("246811", check, bytes(own))
    assert not verify_pin(PIN, check)  # without the pepper a verifier proves nothing
    # The picker has no PIN, so no verifier either.
    assert len(as_station(engines["PACK-01"], "SELECT * FROM shipshape_station_pins()")) == 1


def test_a_station_signs_a_lead_in_and_takes_an_override_with_the_network_gone(site, tmp_path):
    _central, engines = site
    store = pulled_store(engines["PACK-01"], "PACK-01", tmp_path)
    assert cached_pepper(store) is not None
    engines["PACK-01"].dispose()
    sign_in = StationSignIn(
        store, lambda: None, lambda badge: users.find_user(unreachable_uow(), badge), "PACK-01"
    )
    with pytest.raises(NotAllowed):
        sign_in.sign_in("9001", "246811")
    assert sign_in.sign_in("B:9001", PIN).name == "Lena"
    packing = StationPackingBackend(
        store, lambda: None, unreachable_uow, "PACK-01", central_reachable=lambda: False
    )
    assert packing.authenticate_lead("9001", PIN).name == "Lena"
    with pytest.raises(NotAllowed):
        packing.authenticate_lead("9001", "000000")
    with pytest.raises(NotAllowed):  # a picker is no lead, whatever the PIN
        packing.authenticate_lead("1001", PIN)
    kinds = [fact.kind for fact in store.badge_facts("9001", ("user.pin_refused",))]
    assert kinds == ["user.pin_refused", "user.pin_refused"]  # both wait in the outbox


def test_what_one_station_caches_proves_nothing_at_another(site, tmp_path):
    _central, engines = site
    one = pulled_store(engines["PACK-01"], "PACK-01", tmp_path)
    two = pulled_store(engines["PACK-02"], "PACK-02", tmp_path)
    check_one, check_two = (lena_doc(store)["pin_hash"] for store in (one, two))
    pepper_one, pepper_two = cached_pepper(one), cached_pepper(two)
    assert check_one != check_two and pepper_one != pepper_two
    assert verify_pin(PIN, check_one, pepper_one) and verify_pin(PIN, check_two, pepper_two)
    assert not verify_pin(PIN, check_one, pepper_two)  # PACK-01's verifier at PACK-02
    assert not verify_pin(PIN, check_two, pepper_one)
    # Copied into PACK-02's store, PACK-01's verifier does not sign Lena in there.
    doc_ref = next(ref for ref, doc in two.cached("user").items() if doc["badge"] == "9001")
    two.cache_documents("user", {doc_ref: lena_doc(two) | {"pin_hash": check_one}})
    sign_in = StationSignIn(two, lambda: None, lambda badge: None, "PACK-02")
    with pytest.raises(NotAllowed):
        sign_in.sign_in("9001", PIN)


def test_the_station_cache_holds_no_pin_hash(site, tmp_path):
    central, engines = site
    stored = owner_row(central, "SELECT pin_hash FROM users WHERE badge = '9001'").pin_hash
    store = pulled_store(engines["PACK-01"], "PACK-01", tmp_path)
    cached = json.dumps(store.cached("user"))
    assert stored not in cached and stored.rsplit("$", 1)[1] not in cached  # nor its digest
    assert lena_doc(store)["pin_hash"].startswith("scrypt-hmac$")
    assert store.get_meta(PEPPER_META) == cached_pepper(store).hex()


def test_a_station_login_gets_only_its_own_station_s_pins_and_pepper(site, pg_url):
    central, engines = site
    peppers = {
        station: bytes(as_station(engine, "SELECT shipshape_station_pepper()")[0][0])
        for station, engine in engines.items()
    }
    for station in STATIONS:
        own = owner_row(central, "SELECT pepper FROM station_logins WHERE station = :s", s=station)
        assert peppers[station] == bytes(own.pepper)
    assert peppers["PACK-01"] != peppers["PACK-02"]
    # No way around the functions: the table, the hashes and the peppers are out of reach.
    for statement in ("SELECT pin_hash FROM users", "SELECT pepper FROM station_logins"):
        with (
            psycopg_station(pg_url, STATIONS["PACK-01"]) as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute(statement)
    # A station-role login nobody registered gets nothing at all.
    stray = make_url(role_url_unregistered(pg_url)).set(drivername="postgresql")
    with psycopg.connect(stray.render_as_string(False), autocommit=True) as conn:
        for function in ("shipshape_station_pepper()", "shipshape_station_pins()"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT * FROM {function}")


def test_the_online_path_checks_a_verifier_with_the_pepper_it_fetches(site):
    """The online path (a badge the store lacks): the users repository brings the pepper."""
    _central, engines = site
    with SqlUnitOfWork(engines["PACK-02"]) as uow:
        lena = uow.users.by_badge("9001")
    assert lena.pin_hash.startswith("scrypt-hmac$") and lena.pin_pepper
    assert users.lead_with_pin(lena, PIN).name == "Lena"
    with pytest.raises(NotAllowed):
        users.lead_with_pin(lena, "246811")
    assert "pin_pepper" not in repr(lena)


def lena_doc(store: StationStore) -> dict:
    return next(doc for doc in store.cached("user").values() if doc["badge"] == "9001")


def psycopg_station(pg_url: str, login: str) -> psycopg.Connection:
    url = make_url(pg_url).set(drivername="postgresql", username=login, password=login)
    return psycopg.connect(url.render_as_string(False), autocommit=True)


def role_url_unregistered(pg_url: str) -> str:
    return role_login_url(pg_url, "shipshape_test_stray", "shipshape_station")
