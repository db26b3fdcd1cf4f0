"""An in-memory unit of work: the repositories use cases and fact appliers need, over dicts.

Same contract as db.uow.SqlUnitOfWork (app.services.ports.UnitOfWork): `with uow:` opens work;
leaving the block without `commit()` throws its changes away. A repository a test does not need
is absent: reaching it fails loudly instead of answering wrongly.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime

from app.domain.events import Event
from app.domain.pins import Attempt
from app.domain.review_rules import DEFAULT_RULES, ReviewRules
from app.domain.users import User

ATTEMPT_KINDS = {"user.pin_refused": Attempt.REFUSED, "user.signed_in": Attempt.SIGNED_IN}


class FakeUsers:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def by_badge(self, badge: str) -> User | None:
        return self._state.users.get(badge)

    def all(self) -> list[User]:
        return list(self._state.users.values())

    def save(self, user: User) -> None:
        self._state.users[user.badge] = user

    def has_lead(self) -> bool:
        return any(u.needs_pin and u.active for u in self._state.users.values())

    def unlock_pin(self, badge: str, at: datetime) -> None:
        self._state.users[badge] = replace(self._state.users[badge], pin_unlocked_at=at)

    def pin_attempts(self, badge: str, since: datetime) -> list[tuple[datetime, Attempt]]:
        return [
            (e.occurred_at, ATTEMPT_KINDS[e.kind])
            for e in self._state.events
            if e.kind in ATTEMPT_KINDS
            and e.occurred_at >= since
            and e.payload.get("badge") == badge
        ]


class FakeEventLog:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def add_all(self, new_events) -> None:
        self._state.events.extend(new_events)

    def add_new(self, facts: list[Event]) -> set[str]:
        seen = {e.uuid for e in self._state.events}
        fresh = {f.uuid for f in facts} - seen
        self._state.events.extend(f for f in facts if f.uuid in fresh)
        return fresh

    def by_uuid(self, uuid: str) -> Event | None:
        return next((e for e in self._state.events if e.uuid == uuid), None)


class FakeSettings:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def review_rules(self) -> ReviewRules:
        return self._state.review_rules

    def save_review_rules(self, rules: ReviewRules) -> None:
        self._state.review_rules = rules

    def save_value(self, key: str, value) -> None:
        self._state.values[key] = value


class FakePicking:
    """Only the lead's exception items (pin_locked and friends) that appliers open."""

    def __init__(self, state: FakeState) -> None:
        self._state = state

    def add_exception(self, kind, order_ref, task_id, details, now) -> None:
        self._state.exceptions.append(
            {"kind": kind, "order_ref": order_ref, "task_id": task_id, "details": details}
        )


class FakeState:
    def __init__(self) -> None:
        self.users: dict[str, User] = {}
        self.events: list[Event] = []
        self.review_rules: ReviewRules = DEFAULT_RULES
        self.values: dict[str, object] = {}
        self.exceptions: list[dict] = []


class FakeUnitOfWork:
    """`state` is what is committed; a block works on a copy and keeps it only on commit."""

    def __init__(self) -> None:
        self.state = FakeState()
        self.commits = 0
        self._work: FakeState | None = None

    def __enter__(self) -> FakeUnitOfWork:
        self._work = copy.deepcopy(self.state)
        self.users = FakeUsers(self._work)
        self.events = FakeEventLog(self._work)
        self.settings = FakeSettings(self._work)
        self.picking = FakePicking(self._work)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._work = None

    def commit(self) -> None:
        assert self._work is not None, "commit outside `with uow:`"
        self.state = copy.deepcopy(self._work)
        self.commits += 1
