"""A lead cancels an order that is on a wave's carts (docs/lead.md, "Cancelling an order on a
wave").

On a planned wave (saved, not released: no picker has its lists yet) the order is taken off:
its tasks leave their carts, each cart is routed again with the exact router a wave's save
uses (app/services/wave_save.py `routed`), a cart left empty is dropped (and a wave left with
no cart is cancelled), and `wave.order_removed` records it. The wave can then be released with
the orders it still has.

On a released wave the order is not taken off here: refused with a message naming the wave,
as a transfer's cancel is ("cancel that wave first"). Picking of its cart has started (a task
picked, in part or whole): hold the wave; nothing started yet: cancel the wave, or settle the
order from the exception queue when it is late (its open tasks leave the carts there).

Lock order (PostgreSQL): the caller has locked the order (`orders.lock`); the wave row is
locked next. A release locks its orders first, then the wave (app/services/waves.py), so a
cancel and a release wait for each other: the cancel went first and the order is off the lists
the release releases, or the release went first and the cancel finds the wave released.
Runs on the caller's thread (the CLI, the lead console's database worker).
"""

from __future__ import annotations

from app.domain.events import Actor, Event
from app.domain.orders import Order
from app.domain.stored import stored_id
from app.domain.waves import StoredPickList, WaveStatus
from app.errors import BadInput
from app.messages import message
from app.services.ports import UnitOfWork
from app.services.wave_plan import site_layout
from app.services.wave_save import routed


def take_off_planned_waves(uow: UnitOfWork, order: Order, actor: Actor) -> list[Event]:
    """Call inside `with uow:`, the order locked, before its reservations are given back.
    Takes the order off every planned wave holding it; returns the events to record. Refused
    (BadInput, nothing changed) when a wave holding it is released."""
    ref = stored_id(order)
    name = f"{order.channel}/{order.order_id}"
    found = []
    for wave_id, wave in uow.orders.waves_of(ref):
        head = uow.waves.head(wave_id, lock=True)  # a release or top-up of it waits
        carts = [c for c in uow.waves.stored_lists(wave_id) if ref in c.order_refs]
        if any(c.started for c in carts):
            raise BadInput(message("order.wave_started", order=name, wave=wave))
        if head.status != WaveStatus.PLANNED:
            raise BadInput(message("order.wave_released", order=name, wave=wave))
        found.append((wave_id, wave, carts))
    return [
        _take_off(uow, ref, name, wave_id, wave, carts, actor) for wave_id, wave, carts in found
    ]


def _take_off(
    uow: UnitOfWork,
    ref: int,
    name: str,
    wave_id: int,
    wave: str,
    carts: list[StoredPickList],
    actor: Actor,
) -> Event:
    layout = site_layout(uow, uow.waves.warehouse_of(wave_id))
    dropped = []
    for cart in carts:
        left = [s for s in cart.sources if s.order_ref != ref]
        uow.waves.drop_order_tasks(cart.id, ref)  # before its allocations go
        if left:
            tasks, metres, sshape = routed(layout, left)
            uow.waves.place(cart.id, tasks, metres, sshape)
        else:
            uow.waves.place(cart.id, [], 0.0, 0.0)  # empty: the cart is cancelled
            dropped.append(cart.id)
    emptied = uow.waves.cancel_if_empty(wave_id)
    payload: dict = {"wave": wave, "order": name, "pick_lists": [c.id for c in carts]}
    payload |= {"dropped": dropped, "wave_cancelled": emptied}
    return Event("wave.order_removed", payload, actor, ref)
