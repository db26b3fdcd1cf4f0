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


def fact_document(fact: Event) -> dict:
    """A fact as JSON: how a station hands it to central's inbox (db/fact_door.py)."""
    return {
        "uuid": fact.uuid,
        "kind": fact.kind,
        "user": fact.actor.user,
        "station": fact.actor.station,
        "occurred_at": fact.occurred_at.isoformat(),
        "order_ref": fact.order_ref,
        "payload": fact.payload,
    }


def fact_from_document(doc: dict) -> Event:
    """The inverse of `fact_document`; a malformed document raises KeyError/ValueError/TypeError."""
    occurred = datetime.fromisoformat(doc["occurred_at"])
    if not isinstance(doc["payload"], dict):
        raise TypeError("a fact's payload must be an object")
    order_ref = doc.get("order_ref")
    return Event(
        str(doc["kind"]),
        doc["payload"],
        Actor(doc["user"], str(doc["station"])),
        None if order_ref is None else int(order_ref),
        occurred if occurred.tzinfo else occurred.replace(tzinfo=UTC),
        str(doc["uuid"]),
    )
