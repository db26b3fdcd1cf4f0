"""The users table and each badge's recent PIN attempts, in memory (db/users_repo.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from app.domain.pins import Attempt
from app.domain.users import User
from tests.fakes.state import FakeState

ATTEMPT_KINDS = {"user.pin_refused": Attempt.REFUSED, "user.signed_in": Attempt.SIGNED_IN}


class FakeUsers:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def by_badge(self, badge: str) -> User | None:
        return self._state.users.get(badge)

    def all(self) -> list[User]:
        return list(self._state.users.values())

    def save(self, user: User) -> None:
        """Insert, or update name, role, PIN and active of the badge (as the SQL update does:
        the row's id and its last PIN unlock stay)."""
        existing = self._state.users.get(user.badge)
        if existing is not None:
            user = replace(user, id=existing.id, pin_unlocked_at=existing.pin_unlocked_at)
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
