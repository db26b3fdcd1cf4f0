"""Events: the append-only record of every fact and change of state (who, where, when, what)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Actor:
    """Who did it and at which station (the CLI and the importers are actors too)."""

    user: str
    station: str


SYSTEM = Actor(user="system", station="central")


@dataclass(frozen=True)
class Event:
    kind: str
    payload: dict
    actor: Actor = SYSTEM
    order_ref: int | None = None
    occurred_at: datetime = field(default_factory=utcnow)
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
