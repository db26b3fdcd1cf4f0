"""A fact central cannot apply is stored and set aside for the lead; it never blocks the outbox.

Before this, one fact whose applier raised rolled back every batch it was in, so the station
looked offline forever and nothing behind it reached central.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.domain.events import Actor, Event
from app.domain.users import Role, User
from app.errors import BadInput
from app.services import fact_appliers
from app.services.lead import resolutions
from db.engine import make_engine
from db.fact_door import is_offline
from db.schema import events, exceptions, stock
from db.station.store import StationStore
from db.station.sync import SyncEngine
from tests.integration.sync.support import (
    START_ON_HAND,
    register_applier,
    seed_site,
    take_stock,
    taken,
)

BROKEN = "test.broken"
LEAD = User("Lena", Role.LEAD, "9001")


def broken_applier(uow, fact: Event) -> None:
    raise KeyError("payload has no 'task_id'")


def open_set_aside(central) -> list:
    with central.engine.connect() as conn:
        query = select(exceptions).where(
            exceptions.c.kind == "fact_failed", exceptions.c.status == "open"
        )
        return conn.execute(query).all()


def on_hand(central, stock_id: int) -> int:
    with central.engine.connect() as conn:
        return conn.execute(select(stock.c.on_hand).where(stock.c.id == stock_id)).scalar_one()


@pytest.fixture
def site(tmp_path, sqlite_url, monkeypatch):
    from app.bootstrap import open_central

    register_applier(monkeypatch)
    monkeypatch.setitem(fact_appliers.APPLIERS, BROKEN, fact_appliers.one_by_one(broken_applier))
    central = open_central(sqlite_url)
    yield central, seed_site(central, tmp_path / "site")
    central.close()


def test_a_fact_central_cannot_apply_is_set_aside_and_the_rest_goes_through(site, tmp_path):
    central, stock_id = site
    bad = Event(BROKEN, {"stock_id": stock_id, "qty": 1}, Actor("pia", "station-1"))
    store = StationStore(tmp_path / "station.sqlite", "station-1")
    store.record(taken(stock_id, 3) + [bad] + taken(stock_id, 4, user="pia2"))
    engine = SyncEngine(store, central.engine)
    engine.sync_once()
    assert store.waiting() == 0
    assert on_hand(central, stock_id) == START_ON_HAND - 7
    [item] = open_set_aside(central)
    assert item.details["uuid"] == bad.uuid and "KeyError" in item.details["error"]
    with store._write() as db:  # a crash before the station marked them sent: a replay
        db.execute("UPDATE outbox SET sent_at = NULL")
    engine.sync_once()
    assert len(open_set_aside(central)) == 1
    with central.engine.connect() as conn:
        stored = conn.execute(select(func.count()).where(events.c.uuid == bad.uuid)).scalar()
    assert stored == 1


def test_the_lead_retries_a_set_aside_fact_once_its_cause_is_fixed(site, tmp_path, monkeypatch):
    central, stock_id = site
    store = StationStore(tmp_path / "station.sqlite", "station-1")
    store.record([Event(BROKEN, {"stock_id": stock_id, "qty": 2}, Actor("pia", "station-1"))])
    SyncEngine(store, central.engine).sync_once()
    [item] = open_set_aside(central)
    key = f"exception:{item.id}"
    with pytest.raises(BadInput, match="still cannot be applied"):
        resolutions.resolve(central.uow(), LEAD, key, "retry", "", "LEAD-1")
    assert len(open_set_aside(central)) == 1 and on_hand(central, stock_id) == START_ON_HAND
    monkeypatch.setitem(
        fact_appliers.APPLIERS, BROKEN, fact_appliers.one_by_one(take_stock)
    )  # the fix is deployed
    outcome = resolutions.resolve(central.uow(), LEAD, key, "retry", "fixed", "LEAD-1")
    assert outcome.english() == f"{BROKEN} applied"
    assert on_hand(central, stock_id) == START_ON_HAND - 2
    assert open_set_aside(central) == []


def test_only_lost_connections_and_lock_trouble_count_as_offline(site, tmp_path):
    central, _stock_id = site
    dead = make_engine(f"sqlite:///{tmp_path / 'no-such-folder' / 'central.sqlite'}")
    with pytest.raises(Exception) as unreachable:
        dead.connect()
    assert is_offline(unreachable.value)
    with pytest.raises(IntegrityError) as refused, central.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO products (id, sku, name, unit_weight_kg) VALUES (1, NULL, 'x', 1)")
        )
    assert not is_offline(refused.value)
    assert not is_offline(KeyError("task_id"))
