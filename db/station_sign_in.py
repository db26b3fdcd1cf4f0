"""Sign-in at a station with a station store: from its copy of the site's users, offline too.

`SiteCachePuller` (db/station_pull.py) keeps the users in the store, so a badge scan never waits
for the network; the sign-in (or a refused PIN) becomes a fact in the outbox like any other.
A badge the copy does not know yet (registered a moment ago) is checked on central when it can
be reached. Runs on the station's database worker thread.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import DBAPIError

from app.domain.events import Event
from app.domain.users import Role, User
from app.errors import NotFound
from app.messages import message
from app.services import users
from db.station_store import StationStore


class StationSignIn:
    def __init__(
        self,
        store: StationStore,
        wake_sync: Callable[[], None],
        central_sign_in: Callable[[str, str | None], User],
        station: str,
    ) -> None:
        self.store, self.wake_sync = store, wake_sync
        self.central_sign_in, self.station = central_sign_in, station

    def sign_in(self, badge: str, pin: str | None) -> User:
        known = {doc["badge"]: doc for doc in self.store.cached("user").values()}
        if users.badge_from_scan(badge) not in known:
            return self._on_central(badge, pin)
        return users.sign_in_with(
            lambda code: user_from_document(known[code]) if code in known else None,
            self._record,
            badge,
            pin,
            self.station,
        )

    def _on_central(self, badge: str, pin: str | None) -> User:
        try:
            return self.central_sign_in(badge, pin)
        except DBAPIError:
            code = users.badge_from_scan(badge)
            raise NotFound(message("sign_in.badge_unknown_offline", badge=code)) from None

    def _record(self, facts: list[Event]) -> None:
        self.store.record(facts)
        self.wake_sync()


def user_from_document(doc: dict) -> User:
    """A user as the site cache keeps it (db/sync_repo.py `_users`)."""
    return User(doc["name"], Role(doc["role"]), doc["badge"], doc["pin_hash"],
                bool(doc["active"]), doc["id"])  # fmt: skip
