"""Use cases: sign-in and user administration."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.events import SYSTEM, Actor, Event
from app.domain.pins import hash_pin, verify_pin
from app.domain.users import Role, User
from app.errors import BadInput, NotAllowed, NotFound, PinRequired
from app.messages import message
from app.services.ports import UnitOfWork

BADGE_PREFIX = "B:"


def badge_from_scan(text: str) -> str:
    """The badge code from a scanned `B:1001` or a typed `1001`."""
    text = text.strip()
    return text[len(BADGE_PREFIX) :] if text.upper().startswith(BADGE_PREFIX) else text


def sign_in(uow: UnitOfWork, badge: str, pin: str | None, station: str) -> User:
    with uow:

        def record(events: list[Event]) -> None:
            uow.events.add_all(events)
            uow.commit()

        return sign_in_with(uow.users.by_badge, record, badge, pin, station)


def sign_in_with(
    find_user: Callable[[str], User | None],
    record: Callable[[list[Event]], None],
    badge: str,
    pin: str | None,
    station: str,
) -> User:
    """The sign-in rules over any source of users: central, or a station's cached copy while
    the network is down. `record` keeps the sign-in (or the refused PIN) as a fact."""
    badge = badge_from_scan(badge)
    user = find_user(badge)
    if user is None or not user.active:
        raise NotFound(message("sign_in.badge_unknown", badge=badge))
    if user.needs_pin:
        if not pin:
            raise PinRequired(message("sign_in.pin_needed", name=user.name))
        if not verify_pin(pin, user.pin_hash):
            record([Event("user.pin_refused", {"badge": badge}, Actor(user.name, station))])
            raise NotAllowed(message("sign_in.wrong_pin"))
    record([Event("user.signed_in", {"role": user.role.value}, Actor(user.name, station))])
    return user


def require_lead(user: User) -> None:
    """Role checks live in the use cases; the UI only hides what a role cannot do."""
    if user.role is not Role.LEAD:
        raise NotAllowed(message("sign_in.not_a_lead", name=user.name, role=user.role.value))


def authenticate_lead(uow: UnitOfWork, badge: str, pin: str) -> User:
    with uow:
        user = uow.users.by_badge(badge_from_scan(badge))
    return lead_with_pin(user, pin)


def lead_with_pin(user: User | None, pin: str) -> User:
    """The rule for a lead's override, wherever the user was looked up (central, or a station's
    cached users while offline): an active user, the right PIN, and the lead role."""
    if user is None or not user.active or not verify_pin(pin or "", user.pin_hash):
        raise NotAllowed(message("sign_in.lead_pin_mismatch"))
    require_lead(user)
    return user


def save_user(
    uow: UnitOfWork, name: str, role: str, badge: str, pin: str | None, actor: Actor = SYSTEM
) -> User:
    try:
        role_value = Role(role)
    except ValueError:
        raise BadInput(message("user.bad_role", role=role)) from None
    if role_value is Role.LEAD and not (pin and pin.isdigit() and len(pin) >= 4):
        raise BadInput(message("user.lead_pin_too_short"))
    user = User(name, role_value, badge_from_scan(badge), hash_pin(pin) if pin else None)
    with uow:
        uow.users.save(user)
        uow.events.add_all([Event("user.saved", {"name": name, "role": role}, actor)])
        uow.commit()
    return user
