"""Sign-in bound to one station (what the sign-in screen calls, on the database worker)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from app.domain.users import User
from app.services import users
from app.services.ports import UnitOfWork


class LocalSignIn(Protocol):
    def sign_in(self, badge: str, pin: str | None) -> User: ...


class StationServices:
    """The sign-in use case bound to this station. Methods run on the database worker thread.
    With a station store, people sign in from its copy of the users (offline too): `local`."""

    def __init__(
        self,
        central_uow: Callable[[], UnitOfWork],
        station: str,
        local: LocalSignIn | None = None,
        here: str | None = None,
    ) -> None:
        self.central_uow, self.station, self.local = central_uow, station, local
        self.here = here  # the station's warehouse code (`run --warehouse`); None: any

    def sign_in(self, badge: str, pin: str | None) -> User:
        if self.local is not None:
            return self.local.sign_in(badge, pin)
        return users.sign_in(self.central_uow(), badge, pin, self.station, self.here)

    def user_on_central(self, badge: str) -> User | None:
        """Read only: a station with a store records the sign-in itself (its login may not)."""
        return users.find_user(self.central_uow(), badge)
