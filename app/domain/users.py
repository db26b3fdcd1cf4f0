"""Users and roles. A user signs in by badge; leads also give a PIN."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.events import Actor
from app.domain.pins import verify_pin
from app.errors import NotAllowed
from app.messages import message


class Role(StrEnum):
    PICKER = "picker"
    PACKER = "packer"
    LEAD = "lead"
    LOADER = "loader"  # the outbound dock: parcels onto carriers' cages (docs/dispatch.md)
    CLERK = "clerk"  # stock control: receive, put away, count, move (docs/stock.md)
    RETURNS = "returns"  # customer returns: receive and decide each item (docs/returns.md)


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    badge: str
    pin_hash: str | None = None
    active: bool = True
    id: int | None = None
    pin_unlocked_at: datetime | None = None  # a lead's last unlock of this badge's PIN
    # With a station's verifier in `pin_hash` (app/domain/pins.py): that station's pepper, the
    # key that makes it checkable. A secret: never shown, never compared.
    pin_pepper: bytes | None = field(default=None, repr=False, compare=False)
    # The codes of the warehouses this person works in; empty: every warehouse (docs/setup.md).
    warehouses: tuple[str, ...] = field(default=(), compare=False)

    def works_in(self, warehouse: str | None) -> bool:
        """Whether they may sign in at a station of `warehouse` (None: a station of no one
        warehouse, which everyone may use)."""
        return warehouse is None or not self.warehouses or warehouse in self.warehouses

    def pin_matches(self, pin: str) -> bool:
        return verify_pin(pin, self.pin_hash, self.pin_pepper)

    @property
    def needs_pin(self) -> bool:
        return self.role is Role.LEAD


@dataclass(frozen=True)
class SetUp:
    """The site's set-up identity: whoever owns the central database (the owner of the SQLite
    file, the PostgreSQL role owning the database, or a superuser), established by the database
    layer (db/setup_identity.py), never claimed on the command line. `who` names it, e.g.
    `os:alice` or `pg:postgres`, and goes into every event it writes."""

    who: str

    @property
    def actor(self) -> Actor:
        return Actor("setup", f"setup/{self.who}"[:60])


def actor_of(by: User | SetUp, station: str) -> Actor:
    """Who an administrative write is recorded as."""
    return by.actor if isinstance(by, SetUp) else Actor(by.name, station)


def check_user_admin(by: User | SetUp, touches_lead: bool, site_has_lead: bool) -> None:
    """Who may create or change a user: any lead; the set-up identity for pickers and packers,
    and for the first lead of a site that has none. After that, only a lead makes a lead, so
    owning the database file is not a way to become a shift lead."""
    if isinstance(by, User):
        if by.role is not Role.LEAD or not by.active:
            raise NotAllowed(message("sign_in.not_a_lead", name=by.name, role=by.role.value))
        return
    if touches_lead and site_has_lead:
        raise NotAllowed(message("user.lead_needs_lead"))
