"""Use case: plan waves from allocated orders, and release them to the floor.

Orders are batched onto carts (one tote per order) with the proximity planner of app/waves;
each cart becomes a pick list whose tasks are numbered in the optimal walking order.
"""

from __future__ import annotations

import secrets

from app.domain.events import SYSTEM, Actor, Event, utcnow
from app.domain.orders import OrderStatus
from app.domain.stored import stored_id
from app.domain.waves import PlannedPickList, PlannedWave
from app.errors import BadInput
from app.messages import message
from app.routing import solve_route
from app.services.ports import UnitOfWork
from app.services.replenishment import replenish_if_low
from app.services.wave_plan import (
    WaveFilter,
    WavePlan,
    batch_order,
    by_order,
    in_walking_order,
    most_urgent_first,
    site_layout,
    unit_sizes,
)
from app.services.wave_save import leave_out_gone
from app.services.wave_topup import top_up_wave
from app.waves import plan_batches

__all__ = ["WaveFilter", "WavePlan", "plan_wave", "release_wave", "save_wave", "site_layout"]


def plan_wave(
    uow: UnitOfWork,
    capacity: int = 8,
    wave_filter: WaveFilter | None = None,
    group_by_carrier: bool = False,
    max_weight_kg: float | None = None,
    max_volume_l: float | None = None,
    warehouse_id: int | None = None,
) -> PlannedWave:
    """A preview: what the next wave would be. Writes nothing. `max_weight_kg`: at most so
    many kilograms on a cart (the products' `unit_weight_kg`), `max_volume_l` so many litres
    (their length × width × height); None: no limit. A wave is one warehouse's:
    `warehouse_id`, else the one the unit of work works for (a station's home, else the first);
    it takes the orders reserved there and routes on that warehouse's layout."""
    plan = WavePlan(
        capacity, wave_filter or WaveFilter(), group_by_carrier, max_weight_kg, max_volume_l
    )
    plan.check()
    with uow:
        if warehouse_id is None:
            warehouse_id = uow.catalog.working_warehouse()
        layout = site_layout(uow, warehouse_id)
        orders = uow.orders.unplanned_allocated(warehouse_id)
        orders = [o for o in orders if plan.wave_filter.accepts(o)]
        orders = most_urgent_first(orders)[: plan.wave_filter.max_orders]
        sources = by_order(uow.waves.pick_sources([stored_id(o) for o in orders]))
        sizes = unit_sizes(uow, (s for found in sources.values() for s in found))
    batch_input = [
        batch_order(o, sources[stored_id(o)], group_by_carrier, sizes)
        for o in orders
        if sources[stored_id(o)]
    ]
    name = utcnow().strftime("W%m%d-%H%M-") + secrets.token_hex(2)  # short enough to say aloud
    wave = PlannedWave(name=name, created_at=utcnow(), plan=plan.document())
    wave.warehouse_id = warehouse_id  # the save routes a cart again on the same layout
    batches = plan_batches(
        layout, batch_input, capacity, max_volume_l=max_volume_l, max_weight_kg=max_weight_kg
    )
    for batch in batches:
        tasks = in_walking_order(
            [s for oid in batch.order_ids for s in sources[oid]], batch.sequence
        )
        sshape = solve_route(layout, [t.location for t in tasks], "s-shape").distance_m
        wave.pick_lists.append(
            PlannedPickList(list(batch.order_ids), tasks, batch.distance_m, sshape)
        )
    return wave


def save_wave(uow: UnitOfWork, wave: PlannedWave, release: bool, actor: Actor = SYSTEM) -> int:
    """Store a planned wave (and release it at once if asked). Returns the wave id. Its orders
    are read again under their locks first (app/services/wave_save.py): one cancelled or taken
    since the plan is left out of `wave`, and the event names it; none left, BadInput and
    nothing is saved."""
    if not wave.pick_lists:
        raise BadInput(message("wave.nothing_to_plan"))
    with uow:
        gone = leave_out_gone(uow, wave)
        if not wave.pick_lists:
            raise BadInput(message("wave.orders_gone", orders=", ".join(gone)))
        wave.id = uow.waves.add(wave)
        payload: dict = {"wave": wave.name, "orders": wave.order_count}
        if gone:  # `left_out` as before; why each, added beside it
            payload |= {"left_out": gone, "left_out_why": dict(wave.left_out)}
        uow.events.add_all([Event("wave.planned", payload, actor)])
        uow.commit()
    if release:
        release_wave(uow, wave.id, actor)
    return wave.id


def release_wave(uow: UnitOfWork, wave_id: int, actor: Actor = SYSTEM) -> None:
    """Make the wave's pick lists claimable and move its orders to released. Orders that
    arrived since the wave was planned join its carts first (docs/lead.md "Top-up")."""
    top_up_wave(uow, wave_id, actor)
    with uow:
        # Its orders locked before the wave, in id order, as a lead's cancel locks the order
        # and then its wave (app/services/order_off_wave.py): the two wait, never deadlock, and
        # an order the cancel took off is no longer on the lists released here.
        held = sorted({r for c in uow.waves.stored_lists(wave_id) for r in c.order_refs})
        uow.orders.lock_plannable(held)
        uow.waves.head(wave_id, lock=True)
        name, order_refs = uow.waves.release(wave_id, utcnow())
        events = [Event("wave.released", {"wave": name}, actor)]
        for order in uow.orders.by_refs(order_refs):
            order.move_to(OrderStatus.RELEASED)
            uow.orders.save_status(order)
            events += [Event(k, p | {"wave": name}, actor, order.id) for k, p in order.events]
        uow.events.add_all(events)
        # Its allocations count as gone: a pick face they empty is refilled ahead of the pickers.
        replenish_if_low(uow, uow.moves.wave_locations(wave_id), "wave")
        uow.commit()
