"""Use case: orders that arrive after a wave was planned join its carts before release.

An allocated order on no wave that the wave's plan accepts (its filter, the carrier of the
cart when the wave groups by carrier) goes on the cart with room where it adds the least
walking, priced by solving the cart's exact route with and without it. The most urgent
arrivals choose first, so an urgent order is never left waiting for room a later one took;
an order that fits on no cart stays for the next wave. Nothing already on a cart moves.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.catalog import UnitSize
from app.domain.events import SYSTEM, Actor, Event
from app.domain.orders import Order
from app.domain.stored import stored_id
from app.domain.waves import PickSource, StoredPickList, WaveStatus
from app.errors import NotFound
from app.messages import message
from app.routing import Layout, solve_route
from app.services.ports import UnitOfWork
from app.services.wave_plan import (
    WavePlan,
    batch_order,
    by_order,
    in_walking_order,
    most_urgent_first,
    site_layout,
    unit_sizes,
    volume_l,
    weight_kg,
)
from app.services.wave_save import still_plannable
from app.waves import plan_batches


@dataclass(frozen=True)
class TopUp:
    """What a top-up did: the orders that joined, the walking they added to the carts, and
    what the same orders would walk on carts of their own in the next wave."""

    wave: str
    orders: tuple[str, ...]
    added_m: float
    own_carts_m: float
    waiting: int  # orders the plan accepts that fit on no cart: they wait for the next wave

    @property
    def saved_m(self) -> float:
        return self.own_carts_m - self.added_m


@dataclass
class _Cart:
    list_id: int
    sources: list[PickSource]
    refs: list[int]
    group: str | None
    start_m: float  # its walk before the top-up
    distance_m: float
    sequence: tuple[str, ...]
    weight_kg: float
    volume_l: float
    changed: bool = False


def top_up_wave(uow: UnitOfWork, wave_id: int, actor: Actor = SYSTEM) -> TopUp:
    """Put the orders that arrived since planning on the wave's carts (a planned wave only)."""
    with uow:
        head = uow.waves.head(wave_id, lock=True)  # a release or a second top-up waits
        if head.status != WaveStatus.PLANNED:
            raise NotFound(message("wave.not_planned", id=wave_id))
        stored = [c for c in uow.waves.stored_lists(wave_id) if c.sources]
        plan = WavePlan.of(head.plan, max((len(c.order_refs) for c in stored), default=1))
        warehouse_id = uow.waves.warehouse_of(wave_id)  # orders of its warehouse alone
        arriving = _arriving(uow, plan, sum(len(c.order_refs) for c in stored), warehouse_id)
        if not arriving:
            return TopUp(head.name, (), 0.0, 0.0, 0)
        sources = by_order(uow.waves.pick_sources([stored_id(o) for o in arriving]))
        # Read without locks: locked and read again as a wave's save does, so one cancelled
        # meanwhile is left out, and a cancel coming now waits and finds it on the wave.
        gone = still_plannable(uow, {stored_id(o): sources[stored_id(o)] for o in arriving})
        arriving = [o for o in arriving if sources[stored_id(o)] and gone[stored_id(o)] is None]
        if not arriving:
            return TopUp(head.name, (), 0.0, 0.0, 0)
        layout = site_layout(uow, warehouse_id)
        carriers = {
            stored_id(o): o.carrier
            for o in uow.orders.by_refs(sorted({r for c in stored for r in c.order_refs}))
        }
        sizes = unit_sizes(uow, [s for c in stored for s in c.sources] + _all(sources))
        carts = [_cart(layout, c, carriers, plan.group_by_carrier, sizes) for c in stored]
        added = [o for o in arriving if _join(layout, carts, o, sources[stored_id(o)], plan, sizes)]
        for cart in (c for c in carts if c.changed):
            tasks = in_walking_order(cart.sources, cart.sequence)
            sshape = solve_route(layout, [t.location for t in tasks], "s-shape").distance_m
            uow.waves.place(cart.list_id, tasks, cart.distance_m, sshape)
        waiting = len(arriving) - len(added)
        result = _result(layout, head.name, carts, added, sources, plan, waiting, sizes)
        if added:
            uow.events.add_all([_event(result, actor)])
            uow.commit()
    return result


def _arriving(uow: UnitOfWork, plan: WavePlan, held: int, warehouse_id: int | None) -> list[Order]:
    """Allocated orders of the wave's warehouse on no wave that the plan accepts, most urgent
    first; no more than the plan's "at most so many orders" leaves room for."""
    found = most_urgent_first(
        o for o in uow.orders.unplanned_allocated(warehouse_id) if plan.wave_filter.accepts(o)
    )
    limit = plan.wave_filter.max_orders
    return found if limit is None else found[: max(0, limit - held)]


def _all(sources: dict[int, list[PickSource]]) -> list[PickSource]:
    return [s for found in sources.values() for s in found]


def _cart(
    layout: Layout,
    stored: StoredPickList,
    carriers: dict[int, str],
    grouped: bool,
    sizes: dict[str, UnitSize],
) -> _Cart:
    route = solve_route(layout, [s.location for s in stored.sources])
    group = carriers.get(stored.order_refs[0]) if grouped else None
    refs = list(stored.order_refs)
    metres, sequence = route.distance_m, route.sequence
    kg, litres = weight_kg(stored.sources, sizes), volume_l(stored.sources, sizes)
    return _Cart(stored.id, list(stored.sources), refs, group, metres, metres, sequence, kg, litres)


def _has_room(cart: _Cart, group: str | None, kg: float, litres: float, plan: WavePlan) -> bool:
    """Room for one more order of `kg` kilograms and `litres` litres: a tote free, its carrier's
    cart when the wave groups by carrier, and the cart's weight and volume limits kept (an order
    of unknown weight weighs 0, one of unknown size takes no room)."""
    if len(cart.refs) >= plan.capacity or cart.group != group:
        return False
    heavy, bulky = plan.max_weight_kg, plan.max_volume_l
    return (heavy is None or cart.weight_kg + kg <= heavy + 1e-9) and (
        bulky is None or cart.volume_l + litres <= bulky + 1e-9
    )


def _join(
    layout: Layout,
    carts: list[_Cart],
    order: Order,
    sources: list[PickSource],
    plan: WavePlan,
    sizes: dict[str, UnitSize],
) -> bool:
    """The order on the cart with room where it adds the least walking; False: no room."""
    group = order.carrier if plan.group_by_carrier else None
    kg, litres = weight_kg(sources, sizes), volume_l(sources, sizes)
    best = None
    for cart in carts:
        if not _has_room(cart, group, kg, litres, plan):
            continue
        route = solve_route(layout, [s.location for s in cart.sources + sources])
        added = route.distance_m - cart.distance_m
        if best is None or added < best[0] - 1e-9:
            best = (added, cart, route)
    if best is None:
        return False
    _, cart, route = best
    cart.sources += sources
    cart.refs.append(stored_id(order))
    cart.weight_kg += kg
    cart.volume_l += litres
    cart.distance_m, cart.sequence, cart.changed = route.distance_m, route.sequence, True
    return True


def _result(
    layout: Layout,
    name: str,
    carts: list[_Cart],
    added: list[Order],
    sources,
    plan: WavePlan,
    waiting: int,
    sizes: dict[str, UnitSize],
) -> TopUp:
    own = plan_batches(
        layout,
        [batch_order(o, sources[stored_id(o)], plan.group_by_carrier, sizes) for o in added],
        plan.capacity,
        max_volume_l=plan.max_volume_l,
        max_weight_kg=plan.max_weight_kg,
    )
    return TopUp(
        name,
        tuple(o.order_id for o in added),
        round(sum(c.distance_m - c.start_m for c in carts), 1),
        round(sum(b.distance_m for b in own), 1),
        waiting,
    )


def _event(result: TopUp, actor: Actor) -> Event:
    payload = {
        "wave": result.wave,
        "orders": len(result.orders),
        "order_ids": list(result.orders),
        "added_m": result.added_m,
        "own_carts_m": result.own_carts_m,
    }
    return Event("wave.topped_up", payload, actor)
