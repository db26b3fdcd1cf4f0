"""Use case: plan waves from allocated orders, and release them to the floor.

Orders are batched onto carts (one tote per order) with the proximity planner of app/waves;
each cart becomes a pick list whose tasks are numbered in the optimal walking order.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass

from app.domain.events import SYSTEM, Actor, Event, utcnow
from app.domain.orders import Order, OrderStatus
from app.domain.stored import stored_id
from app.domain.waves import PickSource, PlannedPickList, PlannedWave
from app.errors import BadInput
from app.messages import message
from app.routing import load_layout, solve_route
from app.services.ports import UnitOfWork
from app.services.replenishment import replenish_if_low
from app.waves import Order as BatchOrder
from app.waves import plan_batches


@dataclass(frozen=True)
class WaveFilter:
    """Which allocated orders go into the next wave (None: any)."""

    carrier: str | None = None
    channel: str | None = None
    min_priority: int | None = None
    ship_by_before: object = None  # a datetime
    max_orders: int | None = None

    def accepts(self, order: Order) -> bool:
        return (
            (self.carrier is None or order.carrier == self.carrier)
            and (self.channel is None or order.channel == self.channel)
            and (self.min_priority is None or order.priority >= self.min_priority)
            and (
                self.ship_by_before is None
                or (
                    order.ship_by is not None
                    and _naive(order.ship_by) <= _naive(self.ship_by_before)
                )
            )
        )


def _naive(moment):
    return moment.replace(tzinfo=None) if moment is not None else None


def plan_wave(
    uow: UnitOfWork,
    capacity: int = 8,
    wave_filter: WaveFilter = WaveFilter(),
    group_by_carrier: bool = False,
) -> PlannedWave:
    """A preview: what the next wave would be. Writes nothing."""
    if capacity < 1:
        raise BadInput(message("wave.capacity_too_small", capacity=capacity))
    with uow:
        document = uow.catalog.layout_document()
        if document is None:
            raise BadInput(message("wave.no_layout"))
        layout = load_layout(document, origin="central database")
        orders = [o for o in uow.orders.unplanned_allocated() if wave_filter.accepts(o)]
        orders = _most_urgent_first(orders)[: wave_filter.max_orders]
        sources = uow.waves.pick_sources([stored_id(o) for o in orders])
    by_order = defaultdict(list)
    for source in sources:
        by_order[source.order_ref].append(source)
    batch_input = [
        BatchOrder(
            id=stored_id(o),
            picks=tuple(s.location for s in by_order[stored_id(o)]),
            priority=o.priority,
            ship_by=_naive(o.ship_by),
            group=o.carrier if group_by_carrier else None,
        )
        for o in orders
        if by_order[stored_id(o)]
    ]
    name = utcnow().strftime("W%m%d-%H%M-") + secrets.token_hex(2)  # short enough to say aloud
    wave = PlannedWave(name=name, created_at=utcnow())
    for batch in plan_batches(layout, batch_input, capacity):
        tasks = _in_walking_order(
            [s for oid in batch.order_ids for s in by_order[oid]], batch.sequence
        )
        sshape = solve_route(layout, [t.location for t in tasks], "s-shape").distance_m
        wave.pick_lists.append(
            PlannedPickList(list(batch.order_ids), tasks, batch.distance_m, sshape)
        )
    return wave


def _most_urgent_first(orders: list[Order]) -> list[Order]:
    return sorted(
        orders,
        key=lambda o: (o.ship_by is None, _naive(o.ship_by) or 0, -o.priority, o.id),
    )


def _in_walking_order(sources: list[PickSource], sequence: tuple[str, ...]) -> list[PickSource]:
    """Tasks sorted by where their location first appears on the route; ties keep cart order."""
    position: dict[str, int] = {}
    for index, code in enumerate(sequence):
        position.setdefault(code, index)
    return sorted(sources, key=lambda s: position[s.location])


def save_wave(uow: UnitOfWork, wave: PlannedWave, release: bool, actor: Actor = SYSTEM) -> int:
    """Store a planned wave (and release it at once if asked). Returns the wave id."""
    if not wave.pick_lists:
        raise BadInput(message("wave.nothing_to_plan"))
    with uow:
        wave.id = uow.waves.add(wave)
        uow.events.add_all(
            [Event("wave.planned", {"wave": wave.name, "orders": wave.order_count}, actor)]
        )
        uow.commit()
    if release:
        release_wave(uow, wave.id, actor)
    return wave.id


def release_wave(uow: UnitOfWork, wave_id: int, actor: Actor = SYSTEM) -> None:
    """Make the wave's pick lists claimable and move its orders to released."""
    with uow:
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
