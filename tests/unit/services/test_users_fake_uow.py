"""User administration and a lead's badge + PIN (app/services/users.py) on the in-memory unit of
work: who may create or change whom (app/domain/users.py check_user_admin), what is refused
before any work, and what is recorded. Sign-in and the PIN lock at a station:
test_sign_in_fake_uow.py."""

from __future__ import annotations

import pytest

from app.domain import users as domain_users
from app.domain.events import Actor
from app.domain.pins import LEAD_PIN_DIGITS, MAX_WRONG
from app.domain.users import Role, SetUp, User
from app.errors import BadInput, NotAllowed, NotFound, PinLocked
from app.services import users
from tests.fakes.site import kinds
from tests.fakes.uow import FakeUnitOfWork

OWNER = SetUp("os:alice")
LEA = User("Lea", Role.LEAD, "9001", "plain:246810")
PIA = User("Pia", Role.PICKER, "1001")


@pytest.fixture(autouse=True)
def plain_pins(monkeypatch) -> None:
    """scrypt is slow by design (tests/unit/domain/test_pins.py): a plain stand-in here."""
    monkeypatch.setattr(users, "hash_pin", lambda pin: f"plain:{pin}")
    monkeypatch.setattr(
        domain_users, "verify_pin", lambda pin, stored, pepper=None: stored == f"plain:{pin}"
    )


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def site(uow) -> FakeUnitOfWork:
    """A site with its lead Lea (9001 / 246810) and a picker."""
    uow.state.users = {LEA.badge: LEA, PIA.badge: PIA}
    return uow


def saved(uow: FakeUnitOfWork) -> dict[str, Role]:
    return {badge: user.role for badge, user in uow.state.users.items()}


def test_the_set_up_identity_adds_a_picker_and_the_event_names_it(uow):
    user = users.save_user(uow, "Pia", "picker", "B:1001", None, by=OWNER)
    assert (user.badge, user.pin_hash) == ("1001", None)
    assert saved(uow) == {"1001": Role.PICKER}
    (event,) = uow.state.events
    assert (event.kind, event.payload) == (
        "user.saved",
        {"name": "Pia", "role": "picker", "badge": "1001"},
    )
    assert event.actor == Actor("setup", "setup/os:alice")


def test_the_set_up_identity_makes_the_first_lead_and_then_no_lead_at_all(uow):
    users.save_user(uow, "Lea", "lead", "9001", "246810", by=OWNER)
    commits = uow.commits
    for name, role, badge, pin in [
        ("Eve", "lead", "6666", "666666"),
        ("Lea", "picker", "9001", None),
    ]:
        with pytest.raises(NotAllowed) as refused:
            users.save_user(uow, name, role, badge, pin, by=OWNER)
        assert refused.value.message.id == "user.lead_needs_lead"
    assert saved(uow) == {"9001": Role.LEAD}
    assert (uow.commits, kinds(uow)) == (commits, ["user.saved"])


def test_a_lead_makes_a_lead_who_then_proves_the_pin(site):
    new = users.save_user(site, "Max", "lead", "9002", "135790", by=LEA, station="desk")
    assert new.pin_hash == "plain:135790"  # what hash_pin made of it, never the PIN itself
    assert site.state.events[-1].actor == Actor("Lea", "desk")
    assert users.authenticate_lead(site, "9002", "135790").name == "Max"


def test_saving_a_known_badge_changes_that_user(site):
    users.save_user(site, "Pia Berg", "packer", "1001", None, by=LEA)
    assert saved(site) == {"9001": Role.LEAD, "1001": Role.PACKER}
    assert site.state.users["1001"].name == "Pia Berg"


@pytest.mark.parametrize(
    "by",
    [PIA, User("Old", Role.LEAD, "9009", "plain:111111", active=False)],
    ids=["picker", "inactive lead"],
)
def test_only_an_active_lead_administers_users(site, by):
    with pytest.raises(NotAllowed) as refused:
        users.save_user(site, "Kim", "packer", "1002", None, by=by)
    assert refused.value.message.id == "sign_in.not_a_lead"
    assert refused.value.message.params == {"name": by.name, "role": by.role.value}
    assert "1002" not in site.state.users and site.state.events == [] and site.commits == 0


@pytest.mark.parametrize(
    "role, pin, message_id, params",
    [
        ("boss", None, "user.bad_role", {"role": "boss"}),
        ("lead", None, "user.lead_pin_too_short", {"digits": LEAD_PIN_DIGITS}),
        ("lead", "12345", "user.lead_pin_too_short", {"digits": LEAD_PIN_DIGITS}),
        ("lead", "12345a", "user.lead_pin_too_short", {"digits": LEAD_PIN_DIGITS}),
    ],
)
def test_a_bad_role_or_a_short_lead_pin_is_refused_before_any_work(
    site, role, pin, message_id, params
):
    with pytest.raises(BadInput) as refused:
        users.save_user(site, "Kim", role, "1002", pin, by=LEA)
    assert (refused.value.message.id, refused.value.message.params) == (message_id, params)
    assert "1002" not in site.state.users and site.commits == 0


@pytest.mark.parametrize("badge", ["1001", "7777", "9001"], ids=["picker", "unknown", "inactive"])
def test_a_badge_that_is_no_active_lead_is_refused_alike(site, badge):
    site.state.users["9001"] = User("Lea", Role.LEAD, "9001", "plain:246810", active=False)
    with pytest.raises(NotAllowed) as refused:
        users.authenticate_lead(site, badge, "246810")
    assert refused.value.message.id == "sign_in.lead_pin_mismatch"  # says no more than that
    assert site.state.events == []


def test_a_leads_wrong_pin_counts_towards_the_lock_and_the_right_one_records_nothing(site):
    with pytest.raises(NotAllowed) as refused:
        users.authenticate_lead(site, "B:9001", "000000", "cli")
    assert refused.value.message.id == "sign_in.lead_pin_mismatch"
    (event,) = site.state.events
    assert (event.kind, event.payload, event.actor) == (
        "user.pin_refused",
        {"badge": "9001"},
        Actor("Lea", "cli"),
    )
    assert users.authenticate_lead(site, "9001", "246810") == LEA
    assert kinds(site) == ["user.pin_refused"]


def test_wrong_pins_on_the_command_line_lock_the_badge_even_for_the_right_pin(site):
    for _ in range(MAX_WRONG - 1):
        with pytest.raises(NotAllowed):
            users.authenticate_lead(site, "9001", "000000", "cli")
    with pytest.raises(PinLocked):
        users.authenticate_lead(site, "9001", "000000", "cli")
    with pytest.raises(PinLocked):
        users.authenticate_lead(site, "9001", "246810", "cli")
    assert kinds(site)[-2:] == ["user.pin_locked", "user.pin_refused"]
    assert [item["kind"] for item in site.state.exceptions] == ["pin_locked"]


def test_unlocking_needs_a_lead_and_a_known_badge(site):
    with pytest.raises(NotAllowed) as refused:
        users.unlock_pin(site, PIA, "9001", "desk")
    assert refused.value.message.id == "sign_in.not_a_lead"
    with pytest.raises(NotFound) as refused:
        users.unlock_pin(site, LEA, "B:7777", "desk")
    assert (refused.value.message.id, refused.value.message.params) == (
        "user.badge_not_known",
        {"badge": "7777"},
    )
    assert site.state.events == [] and site.commits == 0
