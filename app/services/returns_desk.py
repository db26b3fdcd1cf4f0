"""What a shift lead does with returns (docs/returns.md, "The lead's returns view"): see open
RMAs, received returns and quarantine stock, decide each quarantined unit group (scrap, return
to the supplier, restock after inspection), and read the returns KPIs. Each checks the lead's
role here, in the use case; each decision is audited (an event) and made once: two leads
deciding one row at once — the second is told who decided it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.events import Actor, Event, utcnow
from app.domain.returns import DECISIONS, RESTOCK, is_expired
from app.domain.returns_desk import QuarantineItem, ReturnsDesk, ReturnsKpis, returns_kpis
from app.domain.stock_ledger import Movement, MovementKind
from app.domain.users import User
from app.errors import BadInput
from app.messages import Message, message
from app.services import allocation
from app.services.ports import UnitOfWork
from app.services.users import require_lead

RECENT = timedelta(days=14)  # how far back the tab lists received returns


def desk(uow: UnitOfWork, lead: User, now: datetime | None = None) -> ReturnsDesk:
    require_lead(lead)
    since = (now or utcnow()) - RECENT
    with uow:
        return ReturnsDesk(
            tuple(uow.returns_desk.open_rmas()),
            tuple(uow.returns_desk.received_returns(since)),
            tuple(uow.returns_desk.open_quarantine()),
        )


def quarantine(uow: UnitOfWork, lead: User) -> list[QuarantineItem]:
    require_lead(lead)
    with uow:
        return uow.returns_desk.open_quarantine()


def decide(
    uow: UnitOfWork,
    lead: User,
    item_id: int,
    decision: str,
    station: str,
    location: str | None = None,
) -> Message:
    """Settle one quarantine row. Restocking needs an existing location: the units become stock
    there through the ledger, and orders waiting for the product are allocated at once."""
    require_lead(lead)
    if decision not in DECISIONS:
        raise BadInput(message("returns.bad_decision", decision=decision, known=list(DECISIONS)))
    location = (location or "").strip() or None
    if decision == RESTOCK and location is None:
        raise BadInput(message("returns.restock_needs_location", id=item_id))
    actor = Actor(lead.name, station)
    with uow:
        item = _open_item(uow, item_id)
        if decision == RESTOCK:
            _restock(uow, item, location or "", actor)
        uow.returns_desk.decide_quarantine(item_id, decision, utcnow(), lead.name, location)
        payload = _payload(item, decision, location)
        uow.events.add_all([Event("quarantine.decided", payload, actor)])
        uow.commit()
    return message(
        f"returns.decided.{decision}", sku=item.sku, quantity=item.quantity, location=location
    )


def _open_item(uow: UnitOfWork, item_id: int) -> QuarantineItem:
    found = uow.returns_desk.lock_quarantine(item_id)
    if found is None:
        raise BadInput(message("returns.no_such_quarantine", id=item_id))
    item, status, decided_by = found
    if status != "open":
        raise BadInput(message("returns.already_decided", id=item_id, status=status, by=decided_by))
    return item


def _restock(uow: UnitOfWork, item: QuarantineItem, location: str, actor: Actor) -> None:
    if is_expired(item.expiry, utcnow().date()):  # an expired lot is never stock again
        raise BadInput(message("returns.expired_restock", sku=item.sku, lot=item.lot))
    if uow.moves.location_view(location) is None:
        raise BadInput(message("returns.unknown_location", location=location))
    fact_id = None  # a desk change: no station fact behind it
    movement = Movement(
        MovementKind.RESTOCK, location, item.sku, item.lot, item.quantity, actor, utcnow(), fact_id
    )
    uow.stock.change(movement, item.expiry)
    allocation.allocate_waiting_within(uow, {item.sku}, actor)


def _payload(item: QuarantineItem, decision: str, location: str | None) -> dict:
    return {
        "quarantine_id": item.id,
        "decision": decision,
        "sku": item.sku,
        "lot": item.lot,
        "serial": item.serial,
        "quantity": item.quantity,
        "reason": item.reason,
        "location": location,
        "channel": item.channel,
        "order_id": item.order_id,
    }


def kpis(uow: UnitOfWork, lead: User, start: datetime, end: datetime) -> ReturnsKpis:
    """Return rates and decision times of [start, end)."""
    require_lead(lead)
    with uow:
        shipped = uow.returns_desk.shipped_by_sku(start, end)
        returned = uow.returns_desk.returned_units(start, end)
        decisions = uow.returns_desk.decisions(start, end)
    return returns_kpis(shipped, returned, decisions)
