"""What the station UI needs from the application, as a Protocol the composition root implements.

The UI never imports `db` or `app.bootstrap`: `shipshape run` builds an object with these methods
(each one a use case running a unit of work) and hands it to `ui.app.run_app`. Every method is
called on the database worker thread, never on the UI thread. Tests pass a small fake.
"""

from __future__ import annotations

from typing import Protocol

from app.domain.users import User


class StationServices(Protocol):
    def sign_in(self, badge: str, pin: str | None) -> User:
        """Sign in with a scanned (`B:1001`) or typed (`1001`) badge.

        Raises `app.errors.PinRequired` when the badge is a lead's and no PIN was given,
        `app.errors.NotFound` for an unknown or inactive badge, `app.errors.NotAllowed` for a
        wrong PIN.
        """
        ...
