"""Central's applier of the clerk's moves (listed by kind in app/services/fact_appliers.py).

It runs inside the fact engine's transaction, which applies each fact once (by its UUID). A move
is two ledger changes in that one transaction: out of the from-location, into the to-location,
the lot's expiry carried over. It is never refused for arriving late: the units physically
moved. When they no longer fit — an offline station moved units that were since picked,
reserved or counted away — the move still applies and the lead's queue gets a
`stock_mismatch` item: count that location. A move that did a replenishment task closes it;
then both locations are checked, so a face still low gets its next task. A slotting move's task
also takes the product's pick face along (app/services/slotting_faces.py).
"""

from __future__ import annotations

from datetime import date

from app.domain.events import Event
from app.domain.fact_payloads import StockMoved
from app.domain.stock_ledger import Movement, MovementKind
from app.services.ports import UnitOfWork
from app.services.replenishment import replenish_if_low
from app.services.slotting_faces import face_follows

MISMATCH = "stock_mismatch"


def apply_stock_moved(uow: UnitOfWork, fact: Event) -> None:
    moved = StockMoved.of(fact)
    source = uow.moves.lock_stock(moved.from_location, moved.sku, moved.lot)
    available = source.available if source is not None else 0
    expiry = source.expiry if source is not None and source.expiry else _day(moved.expiry)
    out = Movement(
        MovementKind.MOVE_OUT,
        moved.from_location,
        moved.sku,
        moved.lot,
        -moved.quantity,
        fact.actor,
        fact.occurred_at,
        fact.uuid,
    )
    uow.stock.change(out)
    into = Movement(
        MovementKind.MOVE_IN,
        moved.to_location,
        moved.sku,
        moved.lot,
        moved.quantity,
        fact.actor,
        fact.occurred_at,
        fact.uuid,
    )
    uow.stock.change(into, expiry)
    if moved.quantity > available:
        uow.packing.add_exception(MISMATCH, None, _mismatch(fact, moved, available))
    if moved.replenishment_id is not None:
        uow.moves.finish_replenishment(moved.replenishment_id, fact.occurred_at, fact.actor.user)
        face_follows(uow, moved.replenishment_id, fact.actor)  # a slotting move: its face too
    replenish_if_low(uow, [moved.from_location, moved.to_location], "move")


def _mismatch(fact: Event, moved: StockMoved, available: int) -> dict:
    return {
        "location": moved.from_location,
        "to": moved.to_location,
        "sku": moved.sku,
        "lot": moved.lot,
        "quantity": moved.quantity,
        "available": available,
        "moved_by": fact.actor.user,
        "station": fact.actor.station,
    }


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
