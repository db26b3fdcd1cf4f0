"""Central's appliers of packing facts (listed by kind in app/services/fact_appliers.py).

They run inside the fact engine's transaction (app.services.facts), on the sync thread or in
`shipshape apply-facts`. A fact is never refused for arriving late: an applier that cannot move
the order records an exception for the lead instead. Repositories take the payload as the JSON
object it is stored as (`fact.payload`); decisions read its typed form.
"""

from __future__ import annotations

from app.domain.events import Event
from app.domain.fact_payloads import (
    LabelBought,
    LabelFailed,
    PackageClosed,
    PackItem,
    PackOverride,
    PackUndone,
)
from app.domain.orders import OrderStatus
from app.errors import IllegalTransition
from app.services.ports import UnitOfWork


def apply_pack_item(uow: UnitOfWork, fact: Event) -> None:
    item = PackItem.of(fact)
    uow.packing.add_packed(item.line_id, item.quantity)


def apply_pack_undone(uow: UnitOfWork, fact: Event) -> None:
    undone = PackUndone.of(fact)
    uow.packing.add_packed(undone.line_id, -undone.quantity)


def apply_override(uow: UnitOfWork, fact: Event) -> None:
    """A lead's override (open lines, or a carton's weight: `scope`), kept as a resolved
    exception so the lead console and the order's timeline show who allowed what, and why."""
    override = PackOverride.of(fact)
    uow.packing.add_exception(
        "pack_override",
        fact.order_ref,
        fact.payload | {"packer": fact.actor.user, "station": fact.actor.station},
        status="resolved",
        resolution="override",
        resolved_by=override.lead,
        resolved_at=fact.occurred_at,
        note=override.reason,
    )


def apply_label_failed(uow: UnitOfWork, fact: Event) -> None:
    LabelFailed.of(fact)  # a payload it cannot read is set aside like any other
    uow.packing.add_exception("printer_failure", fact.order_ref, dict(fact.payload))


def apply_package_closed(uow: UnitOfWork, fact: Event) -> None:
    closed = PackageClosed.of(fact)
    # Two stations offline may each pack the same serial: the station refuses what it knows,
    # central (which knows everything) tells the lead about the rest.
    duplicates = uow.packing.packed_serials(closed.items) if closed.serials else []
    uow.packing.add_package(_order_of(fact), fact.payload, fact.occurred_at)
    if duplicates:
        details = {"sscc": closed.sscc, "serials": duplicates, "station": fact.actor.station}
        details["serial_list"] = ", ".join(duplicates)  # for the lead's one-line summary
        uow.packing.add_exception("serial_duplicate", fact.order_ref, details)
    if not closed.weight_ok and not closed.weight_override:
        # A lead's weight override is on record already (pack.override); anything else off the
        # tolerance (a station from before the check) goes to the lead.
        details = {k: fact.payload[k] for k in ("carton", "weight_kg", "expected_kg", "sscc")}
        uow.packing.add_exception("weight_mismatch", fact.order_ref, details)
    if closed.label == "awaiting":  # packed, but the carrier has not sold its label yet
        awaiting = {"carton": closed.carton, "sscc": closed.sscc, "carrier": closed.carrier,
                    "reference": closed.label_reference, "station": fact.actor.station}  # fmt: skip
        uow.packing.add_exception("awaiting_label", fact.order_ref, awaiting)
    if closed.final:
        _mark_packed(uow, fact)


def apply_label_bought(uow: UnitOfWork, fact: Event) -> None:
    """The carrier sold an awaited label: the carton gets its tracking number (the loader takes
    it from now on) and the lead's awaiting_label item is resolved. A replay changes nothing."""
    bought = LabelBought.of(fact)
    uow.labels.label_bought(bought.sscc, bought.tracking_number)
    uow.labels.resolve_awaiting(fact.order_ref, bought.sscc, fact.occurred_at)


def _mark_packed(uow: UnitOfWork, fact: Event) -> None:
    (order,) = uow.orders.by_refs([_order_of(fact)])
    try:
        if order.status in (OrderStatus.EXCEPTION, OrderStatus.PICKING):
            order.move_to(OrderStatus.PICKED, "packed at the station")
        order.move_to(OrderStatus.PACKED)
    except IllegalTransition as exc:
        # Late or odd facts still count: tell the lead instead of refusing what was packed.
        uow.packing.add_exception("pack_status", fact.order_ref, {"error": str(exc)})
        return
    uow.orders.save_status(order)
    uow.events.add_all(
        Event(kind, payload, fact.actor, fact.order_ref, fact.occurred_at)
        for kind, payload in order.events
    )
    uow.packing.free_tote(_order_of(fact))


def _order_of(fact: Event) -> int:
    """The order a pack fact is about: the station made it from the order's view."""
    if fact.order_ref is None:
        raise ValueError(f"{fact.kind} fact {fact.uuid} names no order")
    return fact.order_ref
