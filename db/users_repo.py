"""The users table, and each badge's recent PIN attempts (from the event log)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Connection, Select, delete, func, insert, select, text, update

from app.domain.pins import VERIFIER, Attempt
from app.domain.users import Role, User
from db.schema import events, user_warehouses, users, warehouses

ATTEMPT_KINDS = {"user.pin_refused": Attempt.REFUSED, "user.signed_in": Attempt.SIGNED_IN}


class SqlUserRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._pepper: bytes | None = None

    def by_badge(self, badge: str) -> User | None:
        query = users_with_pins(self.connection).where(users.c.badge == badge)
        row = self.connection.execute(query).first()
        if row is None:
            return None
        user = self._user(row)
        return replace(user, warehouses=home_codes(self.connection, [row.id]).get(row.id, ()))

    def all(self) -> list[User]:
        query = users_with_pins(self.connection).order_by(users.c.id)
        found = [self._user(r) for r in self.connection.execute(query)]
        homes = home_codes(self.connection, None)
        return [replace(u, warehouses=homes.get(u.id or 0, ())) for u in found]

    def set_warehouses(self, badge: str, warehouse_ids: list[int]) -> bool:
        """Replace the user's home warehouses (empty: every warehouse); False for an unknown
        badge. The user's row is touched so stations pull the user again (a `user` change)."""
        user_id = self.connection.execute(select(users.c.id).where(users.c.badge == badge)).scalar()
        if user_id is None:
            return False
        self.connection.execute(delete(user_warehouses).where(user_warehouses.c.user_id == user_id))
        if warehouse_ids:
            rows = [{"user_id": user_id, "warehouse_id": w} for w in warehouse_ids]
            self.connection.execute(insert(user_warehouses), rows)
        self.connection.execute(
            update(users).where(users.c.id == user_id).values(name=users.c.name)
        )
        return True

    def pin_pepper(self) -> bytes | None:
        """The key to this login's PIN verifiers (its station's pepper); None where it reads
        the hashes themselves (the owner, SQLite)."""
        return station_pepper(self.connection)

    def _user(self, row) -> User:
        """A verifier is checkable only with the pepper: fetched once, when one is read (the
        online path: a lead's override or a badge new to the station's store)."""
        user = _user(row)
        if not is_verifier(user.pin_hash):
            return user
        if self._pepper is None:
            self._pepper = station_pepper(self.connection)
        return replace(user, pin_pepper=self._pepper)

    def has_lead(self) -> bool:
        query = select(users.c.id).where(users.c.role == Role.LEAD.value, users.c.active)
        return self.connection.execute(query.limit(1)).first() is not None

    def save(self, user: User) -> None:
        values = {
            "name": user.name,
            "role": user.role.value,
            "pin_hash": user.pin_hash,
            "active": user.active,
        }
        changed = self.connection.execute(
            update(users).where(users.c.badge == user.badge).values(**values)
        ).rowcount
        if not changed:
            self.connection.execute(insert(users).values(badge=user.badge, **values))

    def unlock_pin(self, badge: str, at: datetime) -> None:
        self.connection.execute(
            update(users).where(users.c.badge == badge).values(pin_unlocked_at=at)
        )

    def pin_attempts(self, badge: str, since: datetime) -> list[tuple[datetime, Attempt]]:
        """Sign-ins and refused PINs of one badge since `since`, from every station. Scans the
        day's sign-in events (index on kind, time): a few thousand rows on a busy site."""
        query = select(events.c.kind, events.c.occurred_at, events.c.payload).where(
            events.c.kind.in_(list(ATTEMPT_KINDS)), events.c.occurred_at >= since
        )
        return [
            (aware(row.occurred_at), ATTEMPT_KINDS[row.kind])
            for row in self.connection.execute(query)
            if (row.payload or {}).get("badge") == badge
        ]


def reads_pin_hashes(connection: Connection) -> bool:
    """Whether this login may read `users.pin_hash`: SQLite and the owner may; a station or
    lead-desk login on PostgreSQL may not (db/roles.sql). Asked each time: a GRANT or REVOKE
    takes effect without reconnecting."""
    if connection.dialect.name != "postgresql":
        return True
    query = text("SELECT has_column_privilege('users', 'pin_hash', 'SELECT')")
    return bool(connection.execute(query).scalar_one())


def station_pepper(connection: Connection) -> bytes | None:
    """This login's station pepper (migration 0016), or None where it reads the hashes. A
    secret: the caller keeps it to check PINs and never shows or logs it."""
    if reads_pin_hashes(connection):
        return None
    pepper = connection.execute(text("SELECT shipshape_station_pepper()")).scalar_one()
    return bytes(pepper) if pepper is not None else None


def is_verifier(stored: str | None) -> bool:
    return bool(stored) and stored.startswith(VERIFIER + "$")


def users_with_pins(connection: Connection) -> Select:
    """Every user column, with `pin_hash` as this login may see it: the hash itself (the owner,
    a SQLite central), else this station's own PIN verifiers (a station or lead-desk login,
    which may not read hashes: db/roles.sql, migration 0016)."""
    columns = [
        users.c.id,
        users.c.name,
        users.c.role,
        users.c.badge,
        users.c.active,
        users.c.pin_unlocked_at,
    ]
    if reads_pin_hashes(connection):
        return select(*columns, users.c.pin_hash)
    pins = func.shipshape_station_pins().table_valued("user_id", "pin_check").alias("pins")
    return select(*columns, pins.c.pin_check.label("pin_hash")).select_from(
        users.outerjoin(pins, pins.c.user_id == users.c.id)
    )


def aware(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; everything Shipshape stores is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def home_codes(connection: Connection, user_ids: list[int] | None) -> dict[int, tuple[str, ...]]:
    """Each user's home warehouse codes, the first made first (`user_ids` None: everyone's)."""
    query = (
        select(user_warehouses.c.user_id, warehouses.c.code)
        .join(warehouses, warehouses.c.id == user_warehouses.c.warehouse_id)
        .order_by(user_warehouses.c.user_id, warehouses.c.id)
    )
    if user_ids is not None:
        query = query.where(user_warehouses.c.user_id.in_(user_ids))
    found: dict[int, tuple[str, ...]] = {}
    for user_id, code in connection.execute(query):
        found[user_id] = (*found.get(user_id, ()), code)
    return found


def _user(row) -> User:
    return User(
        row.name,
        Role(row.role),
        row.badge,
        row.pin_hash,
        row.active,
        row.id,
        aware(row.pin_unlocked_at),
    )
