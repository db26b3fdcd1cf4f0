"""Central's applier of sign-in facts (listed by kind in app/services/fact_appliers.py): a PIN
locked at any station, online or not, opens the same item in the lead's exceptions queue."""

from __future__ import annotations

from app.domain.events import Event
from app.domain.fact_payloads import PinLocked
from app.services.ports import UnitOfWork


def apply_pin_locked(uow: UnitOfWork, fact: Event) -> None:
    """A locked PIN is an item in the lead's exceptions queue (unlock, or acknowledge)."""
    locked = PinLocked.of(fact)
    details = {"badge": locked.badge, "name": locked.name}  # "since" shows when
    details["station"] = fact.actor.station
    uow.picking.add_exception("pin_locked", None, None, details, fact.occurred_at)
