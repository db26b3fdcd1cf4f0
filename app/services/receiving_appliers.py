"""Central's appliers of the receiving clerk's facts (listed by kind in
app/services/fact_appliers.py).

They run inside the fact engine's transaction, which applies each fact once (by its UUID). A
fact is never refused for arriving late: the goods physically arrived, so a put-away after the
receipt was closed still puts the units on the shelf. The receipt row is locked first, so two
clerks' facts about one receipt follow each other. A put-away changes stock only through the
ledger (`uow.stock.change`) and then, in the same transaction, allocates the orders waiting for
that stock, most urgent first.
"""

from __future__ import annotations

from app.domain.events import Actor, Event
from app.domain.fact_payloads import ItemReceived, PutAway, ReceiptClosed
from app.domain.receiving import Difference, Receipt, differences, parse_expiry
from app.domain.stock_ledger import Movement, MovementKind
from app.messages import Message, message
from app.services import allocation
from app.services.ports import UnitOfWork

DIFFERENCE = "receipt_difference"  # the lead's queue: one item per receipt with differences
UNKNOWN = "receipt_unknown"


def apply_item_received(uow: UnitOfWork, fact: Event) -> None:
    got = ItemReceived.of(fact)
    ref = _receipt_ref(uow, got.receipt_id, fact)
    if ref is not None:
        expiry = parse_expiry(got.expiry)
        uow.receiving.add_received(ref, got.sku, got.lot, expiry, got.quantity)


def apply_put_aways(uow: UnitOfWork, facts: list[Event]) -> None:
    """A run of put-aways: each onto its shelf through the ledger, then the orders waiting for
    those products allocated once (most urgent first)."""
    skus = set()
    for fact in facts:
        put = PutAway.of(fact)
        expiry = parse_expiry(put.expiry)
        ref = _receipt_ref(uow, put.receipt_id, fact)
        if ref is not None:
            uow.receiving.add_put_away(ref, put.sku, put.lot, expiry, put.quantity)
        movement = Movement(
            MovementKind.PUT_AWAY,
            put.location,
            put.sku,
            put.lot,
            put.quantity,
            fact.actor,
            fact.occurred_at,
            fact.uuid,
        )
        uow.stock.change(movement, expiry)
        skus.add(put.sku)
    actor = Actor(facts[-1].actor.user, facts[-1].actor.station)
    allocation.allocate_waiting_within(uow, skus, actor)


def apply_receipt_closed(uow: UnitOfWork, fact: Event) -> None:
    closed = ReceiptClosed.of(fact)
    found = uow.receiving.lock(closed.receipt_id)
    if found is None:
        _unknown(uow, closed.receipt_id, fact)
        return
    ref, status = found
    if status == "closed":
        return  # closed at two stations: the first close stands
    uow.receiving.close(ref, fact.occurred_at, fact.actor.user)
    receipt = uow.receiving.receipt(closed.receipt_id)
    assert receipt is not None
    found_now = differences(receipt)  # central's lines: every clerk's facts so far
    if found_now:
        uow.packing.add_exception(DIFFERENCE, None, difference_details(receipt, found_now, fact))


def difference_details(receipt: Receipt, found: list[Difference], fact: Event) -> dict:
    return {
        "receipt_id": receipt.receipt_id,
        "supplier": receipt.supplier,
        "closed_by": fact.actor.user,
        "station": fact.actor.station,
        "differences": [d.as_dict() for d in found],
        "summary_message": message(
            "exception.receipt_difference",
            receipt=receipt.receipt_id,
            supplier=receipt.supplier,
            lines=[difference_message(d) for d in found],
        ).to_dict(),
    }


def difference_message(d: Difference) -> Message:
    return message(f"receipt.{d.kind}", sku=d.sku, expected=d.expected, received=d.received)


def _receipt_ref(uow: UnitOfWork, receipt_id: str, fact: Event) -> int | None:
    found = uow.receiving.lock(receipt_id)
    if found is None:
        _unknown(uow, receipt_id, fact)
        return None
    return found[0]


def _unknown(uow: UnitOfWork, receipt_id: str, fact: Event) -> None:
    details = {
        "receipt_id": receipt_id,
        "fact": fact.kind,
        "station": fact.actor.station,
        "clerk": fact.actor.user,
    }
    uow.packing.add_exception(UNKNOWN, None, details)
