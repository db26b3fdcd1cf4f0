"""Use cases: sign-in (with the PIN lock), user administration and unlocking a PIN."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from app.domain import fact_payloads
from app.domain.events import Actor, Event, utcnow
from app.domain.pins import HISTORY, LEAD_PIN_DIGITS, Attempt, hash_pin, pin_lock
from app.domain.users import Role, SetUp, User, actor_of, check_user_admin
from app.domain.warehouses import choose
from app.errors import BadInput, NotAllowed, NotFound, PinLocked, PinRequired
from app.messages import Message, message
from app.services import facts
from app.services.ports import UnitOfWork

BADGE_PREFIX = "B:"
NOT_A_LEAD = message("sign_in.lead_pin_mismatch")
WRONG_PIN = message("sign_in.wrong_pin")
# The badge's sign-ins and refused PINs since a moment, from wherever the rule is applied.
PinAttempts = Callable[[str, datetime], list[tuple[datetime, Attempt]]]
Record = Callable[[list[Event]], None]


def badge_from_scan(text: str) -> str:
    """The badge code from a scanned `B:1001` or a typed `1001`."""
    text = text.strip()
    return text[len(BADGE_PREFIX) :] if text.upper().startswith(BADGE_PREFIX) else text


def sign_in(
    uow: UnitOfWork, badge: str, pin: str | None, station: str, here: str | None = None
) -> User:
    with uow:
        return sign_in_with(
            uow.users.by_badge, _recorder(uow), badge, pin, station, uow.users.pin_attempts, here
        )


def _recorder(uow: UnitOfWork) -> Record:
    """Central keeps sign-in events as facts: a PIN lock opens the lead's exception item the
    same way whether it happened here or at an offline station (user_appliers.apply_pin_locked)."""

    def record(events: list[Event]) -> None:
        facts.apply_fresh(uow, events)
        uow.commit()

    return record


def sign_in_with(
    find_user: Callable[[str], User | None],
    record: Record,
    badge: str,
    pin: str | None,
    station: str,
    attempts: PinAttempts,
    here: str | None = None,
) -> User:
    """The sign-in rules over any source of users: central, or a station's cached copy while
    the network is down. `record` keeps the sign-in (or the refused PIN) as a fact;
    `attempts` gives the badge's recent PIN attempts there, for the PIN lock. `here`: the
    code of the station's warehouse (`run --warehouse`); someone whose home warehouses do not
    include it is refused, saying where they belong."""
    badge = badge_from_scan(badge)
    user = find_user(badge)
    if user is None or not user.active:
        raise NotFound(message("sign_in.badge_unknown", badge=badge))
    here = here.upper() if here else None  # codes are kept upper-case (`--warehouse west`)
    if not user.works_in(here):
        homes = ", ".join(user.warehouses)
        raise NotAllowed(
            message("sign_in.not_this_warehouse", name=user.name, homes=homes, here=here)
        )
    actor = Actor(user.name, station)
    if user.needs_pin:
        if not pin:
            raise PinRequired(message("sign_in.pin_needed", name=user.name))
        check_pin(user, pin, actor, attempts, record)
    payload = {"role": user.role.value, "badge": user.badge}
    record([Event("user.signed_in", payload, actor)])
    return user


def find_user(uow: UnitOfWork, badge: str) -> User | None:
    """Read only: the user with this badge on central, as this login may see them."""
    with uow:
        return uow.users.by_badge(badge_from_scan(badge))


def check_pin(
    user: User,
    pin: str,
    actor: Actor,
    attempts: PinAttempts,
    record: Record,
    wrong: Message = WRONG_PIN,
) -> None:
    """Refuse a locked badge without looking at the PIN; record every refusal, and the lock
    when this wrong PIN is the one too many (app/domain/pins.py)."""
    now = utcnow()
    history = attempts(user.badge, now - HISTORY)
    lock = pin_lock(history, user.pin_unlocked_at)
    refused = Event("user.pin_refused", {"badge": user.badge}, actor, occurred_at=now)
    if lock.locked_at(now):
        record([Event(refused.kind, refused.payload | {"locked": True}, actor, occurred_at=now)])
        raise PinLocked(user.name, lock.minutes_left(now))
    if user.pin_matches(pin):
        return
    after = pin_lock([*history, (now, Attempt.REFUSED)], user.pin_unlocked_at)
    if not after.locked_at(now) or after.until is None:
        record([refused])
        raise NotAllowed(wrong)
    locked = fact_payloads.PinLocked(
        badge=user.badge,
        name=user.name,
        until=after.until.isoformat(),
        minutes=after.minutes_left(now),
        lock=after.locks,
    )
    record([refused, Event(locked.KIND.value, locked.to_payload(), actor, occurred_at=now)])
    raise PinLocked(user.name, after.minutes_left(now))


def require_lead(user: User) -> None:
    """Role checks live in the use cases; the UI only hides what a role cannot do."""
    if user.role is not Role.LEAD:
        raise NotAllowed(message("sign_in.not_a_lead", name=user.name, role=user.role.value))


def authenticate_lead(uow: UnitOfWork, badge: str, pin: str, station: str = "central") -> User:
    """A lead's badge + PIN on central (the CLI's --badge/--pin, overrides at online stations):
    the PIN lock applies, and every wrong PIN counts."""
    with uow:
        user = uow.users.by_badge(badge_from_scan(badge))
        if user is None or not user.active or not user.needs_pin:
            raise NotAllowed(NOT_A_LEAD)
        check_pin(
            user,
            pin or "",
            Actor(user.name, station),
            uow.users.pin_attempts,
            _recorder(uow),
            NOT_A_LEAD,
        )
    return user


def lead_with_pin(user: User | None, pin: str) -> User:
    """The rule for a lead's override, wherever the user was looked up (central, or a station's
    cached users while offline): an active user, the right PIN, and the lead role."""
    if user is None or not user.active or not user.pin_matches(pin or ""):
        raise NotAllowed(NOT_A_LEAD)
    require_lead(user)
    return user


def save_user(
    uow: UnitOfWork,
    name: str,
    role: str,
    badge: str,
    pin: str | None,
    *,
    by: User | SetUp,
    station: str = "cli",
) -> User:
    """Create or update a user. Who may: a lead, or the site's set-up identity for pickers and
    packers and for the first lead of a site without one (app/domain/users.py)."""
    try:
        role_value = Role(role)
    except ValueError:
        raise BadInput(message("user.bad_role", role=role)) from None
    if role_value is Role.LEAD and not (pin and pin.isdigit() and len(pin) >= LEAD_PIN_DIGITS):
        raise BadInput(message("user.lead_pin_too_short", digits=LEAD_PIN_DIGITS))
    user = User(name, role_value, badge_from_scan(badge), hash_pin(pin) if pin else None)
    with uow:
        existing = uow.users.by_badge(user.badge)
        touches_lead = role_value is Role.LEAD or (existing and existing.role is Role.LEAD)
        check_user_admin(by, bool(touches_lead), uow.users.has_lead())
        uow.users.save(user)
        payload = {"name": name, "role": role, "badge": user.badge}
        uow.events.add_all([Event("user.saved", payload, actor_of(by, station))])
        uow.commit()
    return user


def set_user_warehouses(
    uow: UnitOfWork, badge: str, codes: list[str], *, by: User | SetUp, station: str = "cli"
) -> User:
    """Record the warehouses a user works in (empty: every warehouse). Who may: as for any
    change to that user (`save_user`). BadInput for an unknown code, NotFound for a badge."""
    with uow:
        user = uow.users.by_badge(badge_from_scan(badge))
        if user is None:
            raise NotFound(message("user.not_found", name=badge))
        check_user_admin(by, user.role is Role.LEAD, uow.users.has_lead())
        every = uow.warehouses.all()
        chosen = [choose(every, code) for code in codes]
        ids = list(dict.fromkeys(w.id for w in chosen if w is not None))
        uow.users.set_warehouses(user.badge, ids)
        homes = [w.code for w in every if w.id in ids]
        payload = {"name": user.name, "badge": user.badge, "warehouses": homes}
        uow.events.add_all([Event("user.warehouses_set", payload, actor_of(by, station))])
        uow.commit()
        return replace(user, warehouses=tuple(homes))


def unlock_pin(uow: UnitOfWork, lead: User, badge: str, station: str) -> None:
    """Another lead lifts a PIN lock at once (the wrong PINs before it are forgotten)."""
    with uow:
        unlock_pin_within(uow, lead, badge, station)
        uow.commit()


def unlock_pin_within(uow: UnitOfWork, lead: User, badge: str, station: str) -> Message:
    """`unlock_pin` inside the caller's transaction (the lead's exceptions queue)."""
    require_lead(lead)
    badge = badge_from_scan(badge)
    if badge == lead.badge:
        raise NotAllowed(message("user.unlock_own_pin"))
    if uow.users.by_badge(badge) is None:
        raise NotFound(message("user.badge_not_known", badge=badge))
    uow.users.unlock_pin(badge, utcnow())
    uow.events.add_all([Event("user.pin_unlocked", {"badge": badge}, Actor(lead.name, station))])
    return message("user.pin_unlocked", badge=badge)
