"""PIN guessing on central: 5 wrong PINs lock the badge (1, 5, 30 min), the refusals and the
lock are events, the lock is an item in the lead's queue, and another lead unlocks it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.bootstrap import open_central
from app.errors import NotAllowed, PinLocked
from app.services import users
from app.services.lead import exceptions as lead_exceptions
from app.services.lead import resolutions
from db.schema import events

START = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(users, "utcnow", clock)
    return clock


@pytest.fixture
def central(sqlite_url):
    central = open_central(sqlite_url)
    setup = central.setup_identity()
    lena = users.save_user(central.uow(), "Lena", "lead", "9001", "246810", by=setup)
    users.save_user(central.uow(), "Max", "lead", "9002", "135790", by=lena)
    return central


def guess(central, pin: str, times: int = 1) -> list[type]:
    refused = []
    for _ in range(times):
        with pytest.raises(NotAllowed) as caught:
            users.sign_in(central.uow(), "B:9001", pin, "PICK-01")
        refused.append(type(caught.value))
    return refused


def kinds(central) -> list[str]:
    query = select(events.c.kind).where(events.c.kind.like("user.%")).order_by(events.c.seq)
    with central.engine.connect() as conn:
        return list(conn.execute(query).scalars())


def test_the_sixth_pin_is_refused_even_when_it_is_right(central, clock):
    assert guess(central, "0000", 4) == [NotAllowed] * 4
    assert guess(central, "0000") == [PinLocked]  # the fifth wrong PIN locks
    with pytest.raises(PinLocked) as caught:
        users.sign_in(central.uow(), "9001", "246810", "PICK-01")
    assert caught.value.minutes == 1
    assert kinds(central)[-7:] == ["user.pin_refused"] * 5 + ["user.pin_locked"] + [
        "user.pin_refused"
    ]
    max_ = users.authenticate_lead(central.uow(), "9002", "135790")
    items = [
        i for i in lead_exceptions.exception_queue(central.uow(), max_) if i.kind == "pin_locked"
    ]
    assert len(items) == 1 and "9001" in str(items[0].summary) and "Lena" in str(items[0].summary)
    assert items[0].choices == ("unlock_pin", "acknowledge")


def test_the_lock_expires_and_each_new_lock_lasts_longer(central, clock):
    guess(central, "0000", 5)
    clock.advance(seconds=61)
    assert guess(central, "1111", 4) == [NotAllowed] * 4  # the count started over
    assert guess(central, "1111") == [PinLocked]
    with pytest.raises(PinLocked) as caught:
        users.sign_in(central.uow(), "9001", "246810", "PICK-01")
    assert caught.value.minutes == 5
    clock.advance(minutes=5, seconds=1)
    assert users.sign_in(central.uow(), "9001", "246810", "PICK-01").name == "Lena"


def test_another_lead_unlocks_a_locked_pin_from_the_queue(central, clock):
    guess(central, "0000", 5)
    max_ = users.authenticate_lead(central.uow(), "9002", "135790")
    with central.uow() as uow:
        lena = uow.users.by_badge("9001")
    with pytest.raises(NotAllowed, match="another lead"):
        users.unlock_pin(central.uow(), lena, "9001", "desk")
    [item] = [
        i for i in lead_exceptions.exception_queue(central.uow(), max_) if i.kind == "pin_locked"
    ]
    clock.advance(seconds=5)
    resolutions.resolve(central.uow(), max_, item.key, "unlock_pin", "it was her", "desk")
    clock.advance(seconds=1)
    assert users.sign_in(central.uow(), "9001", "246810", "PICK-01").name == "Lena"
    assert "user.pin_unlocked" in kinds(central)


def test_a_leads_override_pin_counts_too(central, clock):
    for _ in range(5):
        with pytest.raises(NotAllowed):
            users.authenticate_lead(central.uow(), "9001", "0000", "PACK-01")
    with pytest.raises(PinLocked):
        users.authenticate_lead(central.uow(), "9001", "246810", "PACK-01")
