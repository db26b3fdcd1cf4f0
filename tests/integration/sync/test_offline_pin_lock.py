"""The PIN lock at a station working from its store: the same rule over its cached users and
its own attempts, the refusals and the lock reach central as facts, and a lead's unlock on
central reaches the station with the next pull."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.errors import NotAllowed, PinLocked
from app.services import users
from db.schema import events, exceptions
from tests.integration.sync.test_site_cache import LEAD_PIN, offline_sign_in, station


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(users, "utcnow", clock)
    return clock


@pytest.fixture
def lena(demo_central):
    maria = users.authenticate_lead(demo_central.uow(), "1011", "694907")
    return users.save_user(demo_central.uow(), "Lena", "lead", "B:9001", LEAD_PIN, by=maria)


def test_offline_the_sixth_pin_is_refused_until_the_lock_expires(
    demo_central, lena, tmp_path, clock
):
    store, _engine = station(demo_central, tmp_path)
    sign_in = offline_sign_in(store)
    for attempt in range(5):
        with pytest.raises(NotAllowed) as caught:
            sign_in.sign_in("9001", "0000")
        assert isinstance(caught.value, PinLocked) == (attempt == 4)
    with pytest.raises(PinLocked) as caught:
        sign_in.sign_in("9001", LEAD_PIN)
    assert caught.value.minutes == 1
    clock.now += timedelta(seconds=61)
    assert sign_in.sign_in("9001", LEAD_PIN).name == "Lena"
    kinds = [fact.kind for _id, fact in store.pending(20)]
    assert kinds == ["user.pin_refused"] * 5 + [
        "user.pin_locked",
        "user.pin_refused",
        "user.signed_in",
    ]


def test_the_offline_lock_reaches_central_and_a_leads_unlock_reaches_the_station(
    demo_central, lena, tmp_path, clock
):
    store, engine = station(demo_central, tmp_path)
    sign_in = offline_sign_in(store)
    for _ in range(5):
        with pytest.raises(NotAllowed):
            sign_in.sign_in("9001", "0000")
    engine.sync_once()  # the network is back: the facts go to central
    with demo_central.engine.connect() as conn:
        locked = conn.execute(select(events.c.station).where(events.c.kind == "user.pin_locked"))
        assert list(locked.scalars()) == ["S-01"]
        kinds = select(exceptions.c.kind).where(exceptions.c.status == "open")
        assert "pin_locked" in list(conn.execute(kinds).scalars())
    with pytest.raises(PinLocked):  # central counts the station's wrong PINs too
        users.sign_in(demo_central.uow(), "9001", LEAD_PIN, "PICK-02")
    maria = users.authenticate_lead(demo_central.uow(), "1011", "694907")
    clock.now += timedelta(seconds=5)
    users.unlock_pin(demo_central.uow(), maria, "9001", "lead-desk")
    engine._must_pull = True
    engine.sync_once()
    clock.now += timedelta(seconds=1)
    assert sign_in.sign_in("9001", LEAD_PIN).name == "Lena"
