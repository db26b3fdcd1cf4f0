"""Use cases: a shift lead releases or cancels an order the review put on hold, or holds an
order: before picking (it leaves its planned wave) or packed, at the dock (the loader is then
told to pull its parcels)."""

from __future__ import annotations

from app.domain.events import Actor, Event, utcnow
from app.domain.orders import Order, OrderStatus
from app.domain.users import User
from app.errors import BadInput, NotFound
from app.messages import message
from app.services.order_off_wave import take_off_planned_waves
from app.services.ports import UnitOfWork
from app.services.users import require_lead


def split_ref(ref: str) -> tuple[str, str]:
    """`channel/order_id` → (channel, order_id)."""
    channel, _, order_id = ref.partition("/")
    if not order_id:
        raise NotFound(message("order.ref_format", ref=ref))
    return channel, order_id


def release_hold(uow: UnitOfWork, lead: User, ref: str, note: str, station: str) -> Order:
    """Back to received, marked as reviewed, so the next allocation takes it."""
    return _decide(uow, lead, ref, note, station, OrderStatus.RECEIVED)


def cancel_order(uow: UnitOfWork, lead: User, ref: str, note: str, station: str) -> Order:
    """Cancelled, its reservation given back. On a planned wave it is taken off its carts
    first; on a released wave refused, naming the wave (app/services/order_off_wave.py)."""
    return _decide(uow, lead, ref, note, station, OrderStatus.CANCELLED)


def hold_order(uow: UnitOfWork, lead: User, ref: str, note: str, station: str) -> Order:
    """Stop a packed order at the dock: its parcels are refused at loading ("pull this
    parcel") until a lead releases it (back to packed) or cancels it. An order not yet on the
    floor (received, allocated, on a planned wave) is stopped before picking instead: taken off
    its planned wave and its reservation given back, as a cancel does, so the wave still
    releases; released, it is allocated again by the next run."""
    return _decide(uow, lead, ref, note, station, OrderStatus.ON_HOLD)


def _decide(uow, lead: User, ref: str, note: str, station: str, new: OrderStatus) -> Order:
    require_lead(lead)
    channel, order_id = split_ref(ref)
    with uow:
        # Locked first, as a transfer's cancel does: a wave being saved now either went first
        # (the order is on it) or reads the decision after this commit (app/services/wave_save.py).
        order = uow.orders.lock(channel, order_id)
        if order is None:
            raise NotFound(message("order.not_found", ref=ref))
        decide_within(uow, order, new, note, Actor(lead.name, station))
        uow.commit()
    return order


def decide_within(uow: UnitOfWork, order: Order, new: OrderStatus, note: str, by: Actor) -> None:
    """Call inside `with uow:`, the order locked (the caller commits): the order released,
    cancelled or held. Cancelled, or held before it is packed, it first leaves the carts of a
    planned wave (refused, BadInput and nothing changed, on a released one) and its reservation
    is given back; a packed order held is stopped at the dock instead. A transfer's cancel
    (app/services/transfers.py) uses it too, in the transaction that also closes its receipt."""
    packed = any(line.packed for line in order.lines)  # in cartons already
    if new is OrderStatus.CANCELLED or (new is OrderStatus.ON_HOLD and not packed):
        uow.events.add_all(take_off_planned_waves(uow, order, by))
    if new is OrderStatus.RECEIVED and packed:
        new = OrderStatus.PACKED  # held at the dock: released, it is ready to load again
    if new is OrderStatus.RECEIVED:
        order.review_passed = True
    waiting = order.status is OrderStatus.EXCEPTION  # its queue item waits for stock
    order.move_to(new, note)
    if new in (OrderStatus.CANCELLED, OrderStatus.ON_HOLD) and not packed:  # packed units are
        uow.orders.release_allocations(order)  # in cartons, not reserved: back by a count
    uow.orders.save_status(order)
    if waiting and order.id is not None:  # decided here: the lead's queue item closes too
        resolution = "cancel_order" if new is OrderStatus.CANCELLED else "retry_allocation"
        uow.orders.stop_waiting([order.id], resolution, by.user, utcnow())
    uow.events.add_all(
        Event(kind, payload | {"note": note}, by, order.id) for kind, payload in order.events
    )


# What ships an order short: refused for an order whose customer's terms say ship_complete.
SHIPS_SHORT = ("backorder", "mark_damaged", "cancel_line")


def refuse_short_if_complete(uow: UnitOfWork, order_ref: int | None, resolution: str) -> None:
    """A `ship_complete` order (its customer's terms, recorded when it came in) is never shipped
    short: the lead reallocates the units or cancels the order instead."""
    if resolution not in SHIPS_SHORT or order_ref is None:
        return
    (order,) = uow.orders.by_refs([order_ref]) or (None,)
    if order is not None and order.ship_complete:
        raise BadInput(
            message("exception.ship_complete", order=f"{order.channel}/{order.order_id}")
        )
