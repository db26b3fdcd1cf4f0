"""Sign-in, the PIN lock and its unlock, on the in-memory unit of work (no database)."""

from __future__ import annotations

import pytest

from app.domain import users as domain_users
from app.domain.pins import MAX_WRONG
from app.domain.users import Role, User
from app.errors import NotAllowed, NotFound, PinLocked, PinRequired
from app.services import users
from tests.fakes.uow import FakeUnitOfWork

PIN = "482193"
PIN_HASH = "plain:482193"


@pytest.fixture
def uow(monkeypatch) -> FakeUnitOfWork:
    # scrypt is slow by design (tests/unit/domain/test_pins.py covers it): compare plainly here
    monkeypatch.setattr(
        domain_users, "verify_pin", lambda pin, stored, pepper=None: stored == f"plain:{pin}"
    )
    uow = FakeUnitOfWork()
    uow.state.users = {
        "1001": User("Ana", Role.PICKER, "1001"),
        "9001": User("Lee", Role.LEAD, "9001", PIN_HASH),
        "9002": User("Kim", Role.LEAD, "9002", PIN_HASH),
        "2002": User("Gone", Role.PICKER, "2002", active=False),
    }
    return uow


def kinds(uow: FakeUnitOfWork) -> list[str]:
    return [e.kind for e in uow.state.events]


def test_a_picker_signs_in_by_badge_scan_and_the_sign_in_is_a_committed_fact(uow):
    user = users.sign_in(uow, "B:1001", None, "pick-1")
    assert user.name == "Ana"
    assert kinds(uow) == ["user.signed_in"]
    fact = uow.state.events[0]
    assert fact.payload == {"role": "picker", "badge": "1001"}
    assert fact.actor.station == "pick-1"


def test_unknown_and_inactive_badges_are_refused_without_a_fact(uow):
    for badge in ("7777", "2002"):
        with pytest.raises(NotFound):
            users.sign_in(uow, badge, None, "pick-1")
    assert kinds(uow) == []


def test_a_lead_needs_the_pin(uow):
    with pytest.raises(PinRequired):
        users.sign_in(uow, "9001", None, "desk")
    assert users.sign_in(uow, "9001", PIN, "desk").role is Role.LEAD


def test_wrong_pins_lock_the_badge_and_open_a_lead_exception(uow):
    for _ in range(MAX_WRONG - 1):
        with pytest.raises(NotAllowed) as refused:
            users.sign_in(uow, "9001", "0000", "desk")
        assert not isinstance(refused.value, PinLocked)
    with pytest.raises(PinLocked):
        users.sign_in(uow, "9001", "0000", "desk")
    assert kinds(uow).count("user.pin_refused") == MAX_WRONG
    assert kinds(uow)[-1] == "user.pin_locked"
    (item,) = uow.state.exceptions
    assert item["kind"] == "pin_locked"
    assert item["details"] == {"badge": "9001", "name": "Lee", "station": "desk"}
    # Locked: even the right PIN is refused, and the refusal is recorded as locked.
    with pytest.raises(PinLocked):
        users.sign_in(uow, "9001", PIN, "desk")
    assert uow.state.events[-1].payload == {"badge": "9001", "locked": True}


def test_another_lead_unlocks_the_pin_at_once(uow):
    for _ in range(MAX_WRONG):
        with pytest.raises(NotAllowed):
            users.sign_in(uow, "9001", "0000", "desk")
    kim = uow.state.users["9002"]
    users.unlock_pin(uow, kim, "9001", "desk")
    assert uow.state.users["9001"].pin_unlocked_at is not None
    assert users.sign_in(uow, "9001", PIN, "desk").name == "Lee"
    assert kinds(uow)[-2:] == ["user.pin_unlocked", "user.signed_in"]


def test_a_lead_cannot_unlock_their_own_pin_and_nothing_is_kept(uow):
    lee = uow.state.users["9001"]
    with pytest.raises(NotAllowed):
        users.unlock_pin(uow, lee, "9001", "desk")
    assert uow.state.users["9001"].pin_unlocked_at is None
    assert uow.commits == 0
