"""Sign-in at a station with a station store: from its copy of the site's users, offline too.

`SiteCachePuller` (db/station/pull.py) keeps the users in the store, so a badge scan never waits
for the network; the sign-in (or a refused PIN) becomes a fact in the outbox like any other.
A badge the copy does not know yet (registered a moment ago) is checked on central when it can
be reached. Runs on the station's database worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.exc import DBAPIError

from app.domain.events import Event
from app.domain.pins import Attempt
from app.domain.users import Role, User
from app.errors import NotFound
from app.messages import message
from app.services import users
from db.station.pull import cached_pepper
from db.station.store import StationStore
from db.users_repo import ATTEMPT_KINDS, aware


class StationSignIn:
    def __init__(
        self,
        store: StationStore,
        wake_sync: Callable[[], None],
        central_user: Callable[[str], User | None],
        station: str,
        here: str | None = None,
    ) -> None:
        self.store, self.wake_sync = store, wake_sync
        self.central_user, self.station = central_user, station
        self.here = here  # the station's warehouse code: its people only (docs/setup.md)

    def sign_in(self, badge: str, pin: str | None) -> User:
        known = {doc["badge"]: doc for doc in self.store.cached("user").values()}
        if users.badge_from_scan(badge) not in known:
            return self._on_central(badge, pin)
        pepper = cached_pepper(self.store)
        return users.sign_in_with(
            lambda code: user_from_document(known[code], pepper) if code in known else None,
            self._record,
            badge,
            pin,
            self.station,
            pin_attempts_here(self.store),
            self.here,
        )

    def _on_central(self, badge: str, pin: str | None) -> User:
        """A badge registered since the last pull: looked up on central, signed in here (the
        facts go through the outbox like any other; a station login may not write central)."""
        code = users.badge_from_scan(badge)
        try:
            user = self.central_user(code)
        except DBAPIError:
            raise NotFound(message("sign_in.badge_unknown_offline", badge=code)) from None
        return users.sign_in_with(
            lambda _code: user,
            self._record,
            badge,
            pin,
            self.station,
            pin_attempts_here(self.store),
            self.here,
        )

    def _record(self, facts: list[Event]) -> None:
        self.store.record(facts)
        self.wake_sync()


def pin_attempts_here(store: StationStore) -> users.PinAttempts:
    """The PIN lock at a station counts its own attempts (its outbox keeps them a week): while
    offline nobody else's reach it; central counts every station's once they sync."""

    def attempts(badge: str, since: datetime) -> list[tuple[datetime, Attempt]]:
        facts = store.badge_facts(badge, tuple(ATTEMPT_KINDS))
        moments = [(aware(fact.occurred_at), ATTEMPT_KINDS[fact.kind]) for fact in facts]
        return [(at, attempt) for at, attempt in moments if at >= since]

    return attempts


def user_from_document(doc: dict, pepper: bytes | None = None) -> User:
    """A user as the site cache keeps it (db/sync_repo.py `_users`): with a station login its
    `pin_hash` is this station's verifier, checkable with `pepper` (`cached_pepper`)."""
    unlocked = doc.get("pin_unlocked_at")
    return User(
        doc["name"],
        Role(doc["role"]),
        doc["badge"],
        doc["pin_hash"],
        bool(doc["active"]),
        doc["id"],
        aware(datetime.fromisoformat(unlocked)) if unlocked else None,
        pepper,
        tuple(doc.get("warehouses") or ()),  # a copy pulled before 0036 has none: every one
    )
