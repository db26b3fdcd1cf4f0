"""The lead's view of the integration outbox (docs/integrations.md): each endpoint's queue and
the parked messages, and a parked message sent again or dropped — the same use case as
`shipshape integrations --retry/--drop`, audited as the lead who signed in at the desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.events import Actor, utcnow
from app.domain.users import User
from app.services import integrate
from app.services.ports.integration import IntegrationStore
from app.services.users import require_lead


@dataclass(frozen=True)
class LinkRow:
    """One endpoint: its name and kind (webhook / file), never its address or secret."""

    name: str
    kind: str
    waiting: int
    parked: int
    last_delivery: datetime | None


@dataclass(frozen=True)
class ParkedRow:
    """One parked message for one endpoint; `order` is "CHANNEL/ORDER_ID" ("" for none)."""

    endpoint: str
    id: str
    kind: str
    order: str
    tries: int
    last_error: str


@dataclass(frozen=True)
class Links:
    endpoints: list[LinkRow]
    parked: list[ParkedRow]


def links(store: IntegrationStore, lead: User) -> Links:
    require_lead(lead)
    endpoints = [
        LinkRow(
            row["endpoint"],
            row["kind"],
            row["waiting"],
            row["parked"],
            datetime.fromisoformat(row["last_delivery"]) if row["last_delivery"] else None,
        )
        for row in store.status(utcnow())
    ]
    parked = [
        ParkedRow(r["endpoint"], r["id"], r["kind"], r["order"], r["tries"], r["last_error"] or "")
        for r in store.parked()
    ]
    return Links(endpoints, parked)


def settle(
    store: IntegrationStore, lead: User, endpoint: str, message_id: str, retry: bool, station: str
) -> int:
    """Send one parked message again to `endpoint` (due now, tries afresh) or drop it there.
    Returns how many deliveries changed: 0 when it is no longer parked (someone was quicker)."""
    require_lead(lead)
    actor = Actor(lead.name, station)
    return integrate.settle_parked(store, message_id, endpoint, retry, actor)
