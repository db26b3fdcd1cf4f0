"""Order batching: which orders share a cart so that the total walk is short.

`plan_batches` puts at most `capacity` orders on each cart (one tote per order), and no more
volume or weight than the cart takes where orders carry them, and routes every cart with the
exact router. The proximity method is a seed algorithm (de Koster, van der Poort & Wolters 1999)
improved by local search (swaps and moves between carts): a cart starts from the most urgent
remaining order that needs the most sub-aisles, then takes the order that adds the least walking,
until it is full. "Walking" while building is a quick estimate (see `app.waves.footprint`). Then
ruin and recreate judged by exact routes (`app.waves.search`) takes the carts near the best
known; the result is never longer than first come, first served.

What the floor needs comes first: orders only share a cart with orders of the same `group` (e.g.
a carrier cut-off); an order with an earlier `ship_by`, then a higher `priority`, goes on an
earlier cart, and the local search only exchanges orders that are equally urgent.
Pure: no Qt, no database. Runs on whichever thread calls it (the CLI's, or the DB worker's).
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import BadInput
from app.routing import Layout, solve_route
from app.routing.length import Locations
from app.routing.solve import exactly_solved
from app.waves.footprint import Footprint
from app.waves.improve import improve
from app.waves.search import Deadline, Inputs, Pool, Pricer, improve_exactly

STRATEGIES = ("proximity", "fcfs")
# The search stops at its work budget (about 4 s for 200 orders on the bench machine: the same
# seed gives the same carts) or at this time limit, whichever comes first, so that a plan takes
# no longer than the floor waits for (5 s for 200 orders, 30 s for 1,000) on a machine half as
# fast or busy with other work. The limit leaves time for routing the carts after the search.
TIME_PER_ORDER_S = 0.022  # 4.4 s for 200 orders, 22 s for 1,000
LEAST_TIME_S = 4.4  # a smaller plan's work ends long before (1.3 s for 60 orders)


@dataclass(frozen=True)
class Order:
    """An order to batch. Higher `priority` and earlier `ship_by` (any comparable value, e.g.
    an ISO 8601 string or a datetime) go first; `group` keeps orders apart (None: no group).
    `volume_l` and `weight_kg` count against a cart's limits (0: unknown, takes no room)."""

    id: Any
    picks: tuple[str, ...]
    priority: int = 0
    ship_by: Any = None
    group: Any = None
    volume_l: float = 0.0
    weight_kg: float = 0.0

    @property
    def urgency(self) -> tuple:
        """Sorts most urgent first: a ship-by time before none, earlier before later."""
        return (
            self.ship_by is None,
            self.ship_by if self.ship_by is not None else 0,
            -self.priority,
        )


@dataclass(frozen=True)
class Limits:
    """What one cart takes: orders (one tote each), and litres and kilograms (None: no limit)."""

    capacity: int
    max_volume_l: float | None = None
    max_weight_kg: float | None = None

    def fits(self, orders: list[Order]) -> bool:
        if len(orders) > self.capacity:
            return False
        if len(orders) == 1:
            return True  # an order larger than the cart still gets a cart of its own
        volume = sum(o.volume_l for o in orders)
        weight = sum(o.weight_kg for o in orders)
        return (self.max_volume_l is None or volume <= self.max_volume_l + 1e-9) and (
            self.max_weight_kg is None or weight <= self.max_weight_kg + 1e-9
        )


@dataclass(frozen=True)
class Batch:
    """One cart: its orders (in tote order), its route and the route's length in metres."""

    order_ids: tuple[Any, ...]
    sequence: tuple[str, ...]
    distance_m: float


def plan_batches(
    layout: Layout,
    orders: Iterable[Order | Mapping[str, Any]],
    capacity: int,
    strategy: str = "proximity",
    *,
    max_volume_l: float | None = None,
    max_weight_kg: float | None = None,
    effort: float = 1.0,
    seed: int = 0,
    time_limit_s: float | None = None,
) -> list[Batch]:
    """Carts for `orders`, most urgent first; every order is on exactly one cart.

    `orders` are `Order`s or mappings with "id", "picks" and optional "priority", "ship_by",
    "group", "volume_l", "weight_kg". "fcfs" (first come, first served: carts filled in the given
    order, urgency, groups and limits respected) is the baseline the literature compares with.
    `effort` scales the exact search (0: the proximity seed alone); the same `seed` gives the
    same carts unless `time_limit_s` (None: `TIME_PER_ORDER_S` an order, at least
    `LEAST_TIME_S`, times an effort above 1; `math.inf`: none) stops the search first, with
    the best carts it found.
    An order larger than a cart's volume or weight still gets a cart of its own.
    """
    started = time.monotonic()
    if strategy not in STRATEGIES:
        raise BadInput(f"unknown batching strategy {strategy!r}: use one of {STRATEGIES}")
    if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
        raise BadInput(f"capacity must be a whole number of orders of at least 1, got {capacity!r}")
    limits = Limits(capacity, max_volume_l, max_weight_kg)
    items = [_as_order(o) for o in orders]
    _check_ids_and_codes(layout, items)
    fcfs = _routed(layout, [c for group in _groups(items) for c in _first_come(group, limits)])
    if strategy == "fcfs":
        return fcfs
    if time_limit_s is None:
        time_limit_s = max(LEAST_TIME_S, TIME_PER_ORDER_S * len(items)) * max(1.0, effort)
    deadline = Deadline(started + time_limit_s) if time_limit_s < math.inf else None
    searched = _searched(layout, items, limits, effort, seed, deadline)
    return min(searched, fcfs, key=lambda b: sum(x.distance_m for x in b))


def _searched(layout, items: list[Order], limits: Limits, effort: float, seed: int, deadline):
    # Only the locations these orders pick are numbered: a cart's set of them stays short.
    # Carts are judged by exact routes; beyond EXACT_MAX_BLOCKS blocks by the exact routes with
    # only some cross aisles (real walks, as the router's first step there), which the DP finds.
    judged = exactly_solved(layout)
    locations = Locations(judged, (code for order in items for code in order.picks))
    footprint, pricer = Footprint(layout), Pricer(locations)
    rng = random.Random(seed)
    carts: list[list[Order]] = []
    left = len(items)  # orders of the groups not searched yet: each group's share of the time
    for members in _groups(items):
        seeded = _proximity(footprint, members, limits)
        if effort > 0 and limits.capacity > 1:
            part = deadline.portion(len(members) / left) if deadline else None
            seeded = _search(footprint, pricer, members, seeded, effort, limits, rng, part)
        left -= len(members)
        carts += [[members[i] for i in sorted(cart)] for cart in seeded]
    return _routed(layout, carts)


def _routed(layout: Layout, carts: list[list[Order]]) -> list[Batch]:
    # Most urgent first; of equally urgent carts, those holding only the most urgent orders first
    # (a cart where two tiers meet goes last); remaining ties keep the build order.
    carts = sorted(
        carts, key=lambda cart: (min(o.urgency for o in cart), max(o.urgency for o in cart))
    )
    return [_route(layout, cart) for cart in carts]


def _first_come(members: list[Order], limits: Limits) -> list[list[Order]]:
    """Carts filled in the given (most urgent first) order; a cart closes when the next order
    does not fit."""
    carts: list[list[Order]] = []
    for order in members:
        if carts and limits.fits([*carts[-1], order]):
            carts[-1].append(order)
        else:
            carts.append([order])
    return carts


def _search(footprint, pricer, members, carts, effort, limits, rng, deadline):
    """Ruin and recreate within each urgency tier: carts holding one tier only may exchange
    orders; a cart where two tiers meet keeps its orders. Each tier gets its share of the time
    to `deadline` (by its orders)."""
    inputs = Inputs(
        codes=[pricer.locations.bits(o.picks) for o in members],
        loads=[footprint.load(o) for o in members],
        capacity=limits.capacity,
        volumes=[o.volume_l for o in members],
        weights=[o.weight_kg for o in members],
        max_volume_l=limits.max_volume_l,
        max_weight_kg=limits.max_weight_kg,
    )
    by_tier: dict[Any, list[list[int]]] = {}
    mixed: list[list[int]] = []
    for cart in carts:
        tiers = {members[i].urgency for i in cart}
        (by_tier.setdefault(tiers.pop(), []) if len(tiers) == 1 else mixed).append(cart)
    out = list(mixed)
    left = sum(len(c) for pool in by_tier.values() for c in pool)
    for tier_carts in by_tier.values():
        size = sum(len(c) for c in tier_carts)
        part = deadline.portion(size / left) if deadline else None
        out += improve_exactly(footprint, pricer, inputs, Pool(tier_carts), effort, rng, part)
        left -= size
    return out


def _as_order(item: Order | Mapping[str, Any]) -> Order:
    if isinstance(item, Order):
        return item
    return Order(
        id=item["id"],
        picks=tuple(item.get("picks", ())),
        priority=item.get("priority") or 0,
        ship_by=item.get("ship_by"),
        group=item.get("group"),
        volume_l=item.get("volume_l") or 0.0,
        weight_kg=item.get("weight_kg") or 0.0,
    )


def _check_ids_and_codes(layout: Layout, orders: list[Order]) -> None:
    seen = set()
    for order in orders:
        if order.id in seen:
            raise BadInput(f"order {order.id!r} is listed twice")
        seen.add(order.id)
        for code in order.picks:
            if not layout.has_location(code):
                raise BadInput(
                    f"order {order.id!r}: unknown location code {code!r} (not in layout {layout.name!r})"
                )


def _groups(orders: list[Order]) -> list[list[Order]]:
    """Orders split by group, each group most urgent first (ties keep the given order)."""
    by_group: dict[Any, list[Order]] = {}
    for order in orders:
        by_group.setdefault(order.group, []).append(order)
    return [sorted(members, key=lambda o: o.urgency) for members in by_group.values()]


def _proximity(footprint: Footprint, orders: list[Order], limits: Limits) -> list[list[int]]:
    """Seed batching within one group (order indices); `orders` is sorted most urgent first."""
    loads = [footprint.load(o) for o in orders]
    own = [footprint.cost(load) for load in loads]
    halves = [len(load.sub_aisles()) for load in loads]
    urgency = [o.urgency for o in orders]
    near = _Neighbourhood(footprint, loads)

    def fits(cart: list[int]) -> bool:
        return limits.fits([orders[i] for i in cart])

    left = list(range(len(orders)))  # indices, most urgent first
    carts: list[list[int]] = []
    while left:
        tier = urgency[left[0]]
        # Seed: the order that needs the most sub-aisle halves (then the longest walk alone).
        seed = max(
            (i for i in left if urgency[i] == tier),
            key=lambda i: (halves[i], own[i], -i),
        )
        cart, load = [seed], loads[seed]
        left.remove(seed)
        near.take(seed)
        while len(cart) < limits.capacity and left:
            tier = urgency[left[0]]  # the most urgent orders fill a cart first
            close = [i for i in near.around(load) if urgency[i] == tier and fits([*cart, i])]
            pool = close or [i for i in left if urgency[i] == tier and fits([*cart, i])]
            if not pool:
                break  # nothing of this tier fits any more: the cart goes as it is
            pick = min(pool, key=lambda i: (footprint.added(load, loads[i]), i))
            cart.append(pick)
            load = load.plus(loads[pick])
            left.remove(pick)
            near.take(pick)
        carts.append(cart)
    return improve(footprint, carts, loads, urgency, fits)


class _Neighbourhood:
    """Unassigned orders by the sub-aisles they need, to find candidates near a cart quickly."""

    def __init__(self, footprint: Footprint, loads):
        self.blocks = footprint.blocks
        self.loads = loads
        self.by_key: dict[int, set[int]] = {}
        for i, load in enumerate(loads):
            for key in load.sub_aisles():
                self.by_key.setdefault(key, set()).add(i)

    def take(self, i: int) -> None:
        for key in self.loads[i].sub_aisles():
            self.by_key[key].discard(i)

    def around(self, load) -> set[int]:
        """Unassigned orders that need a sub-aisle the cart needs, or the one beside it."""
        found: set[int] = set()
        for key in load.sub_aisles():
            for k in (key - self.blocks, key, key + self.blocks):
                found |= self.by_key.get(k, set())
        return found


def _route(layout: Layout, cart: list[Order]) -> Batch:
    route = solve_route(layout, [code for order in cart for code in order.picks])
    return Batch(tuple(o.id for o in cart), route.sequence, route.distance_m)
