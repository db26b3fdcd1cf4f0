"""Order batching: which orders share a cart so that the total walk is short.

`plan_batches` puts at most `capacity` orders on each cart (one tote per order) and routes every
cart with the exact router. The proximity method is a seed algorithm (de Koster, van der Poort &
Wolters 1999) improved by local search (swaps and moves between carts): a cart starts from the
most urgent remaining order that needs the most sub-aisles, then takes the order that adds the
least walking, until it is full. "Walking" while building is a quick estimate (see
`app.waves.footprint`); the carts are then routed exactly.

What the floor needs comes first: orders only share a cart with orders of the same `group` (e.g.
a carrier cut-off); an order with an earlier `ship_by`, then a higher `priority`, goes on an
earlier cart, and the local search only exchanges orders that are equally urgent.
Pure: no Qt, no database. Runs on whichever thread calls it (the CLI's, or the DB worker's).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import BadInput
from app.routing import Layout, solve_route
from app.waves.footprint import Footprint
from app.waves.improve import improve

STRATEGIES = ("proximity", "fcfs")


@dataclass(frozen=True)
class Order:
    """An order to batch. Higher `priority` and earlier `ship_by` (any comparable value, e.g.
    an ISO 8601 string or a datetime) go first; `group` keeps orders apart (None: no group)."""

    id: Any
    picks: tuple[str, ...]
    priority: int = 0
    ship_by: Any = None
    group: Any = None

    @property
    def urgency(self) -> tuple:
        """Sorts most urgent first: a ship-by time before none, earlier before later."""
        return (
            self.ship_by is None,
            self.ship_by if self.ship_by is not None else 0,
            -self.priority,
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
) -> list[Batch]:
    """Carts for `orders`, most urgent first; every order is on exactly one cart.

    `orders` are `Order`s or mappings with "id", "picks" and optional "priority", "ship_by",
    "group". "fcfs" (first come, first served: carts filled in the given order, urgency and
    groups respected) is the baseline the literature compares with.
    """
    if strategy not in STRATEGIES:
        raise BadInput(f"unknown batching strategy {strategy!r}: use one of {STRATEGIES}")
    if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
        raise BadInput(f"capacity must be a whole number of orders of at least 1, got {capacity!r}")
    items = [_as_order(o) for o in orders]
    _check_ids_and_codes(layout, items)
    carts: list[list[Order]] = []
    for members in _groups(items):
        if strategy == "fcfs":
            carts += [members[i : i + capacity] for i in range(0, len(members), capacity)]
        else:
            carts += _proximity(Footprint(layout), members, capacity)
    carts.sort(key=lambda cart: min(o.urgency for o in cart))  # stable: ties keep build order
    return [_route(layout, cart) for cart in carts]


def _as_order(item: Order | Mapping[str, Any]) -> Order:
    if isinstance(item, Order):
        return item
    return Order(
        id=item["id"],
        picks=tuple(item.get("picks", ())),
        priority=item.get("priority") or 0,
        ship_by=item.get("ship_by"),
        group=item.get("group"),
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


def _proximity(footprint: Footprint, orders: list[Order], capacity: int) -> list[list[Order]]:
    """Seed batching within one group; `orders` is sorted most urgent first."""
    loads = [footprint.load(o) for o in orders]
    own = [footprint.cost(load) for load in loads]
    urgency = [o.urgency for o in orders]
    near = _Neighbourhood(footprint, loads)
    left = list(range(len(orders)))  # indices, most urgent first
    carts: list[list[int]] = []
    while left:
        tier = urgency[left[0]]
        # Seed: the order that needs the most sub-aisle halves (then the longest walk alone).
        seed = max(
            (i for i in left if urgency[i] == tier),
            key=lambda i: (len(loads[i].halves), own[i], -i),
        )
        cart, load = [seed], loads[seed]
        left.remove(seed)
        near.take(seed)
        while len(cart) < capacity and left:
            tier = urgency[left[0]]  # the most urgent orders fill a cart first
            close = [i for i in near.around(load) if urgency[i] == tier]
            pool = close or [i for i in left if urgency[i] == tier]
            pick = min(pool, key=lambda i: (footprint.added(load, loads[i]), i))
            cart.append(pick)
            load = load.plus(loads[pick])
            left.remove(pick)
            near.take(pick)
        carts.append(cart)
    carts = improve(footprint, carts, loads, urgency, capacity)
    return [[orders[i] for i in sorted(cart)] for cart in carts]


class _Neighbourhood:
    """Unassigned orders by the sub-aisles they need, to find candidates near a cart quickly."""

    def __init__(self, footprint: Footprint, loads):
        self.blocks = footprint.blocks
        self.loads = loads
        self.by_key: dict[int, set[int]] = {}
        for i, load in enumerate(loads):
            for key in load.halves:
                self.by_key.setdefault(key, set()).add(i)

    def take(self, i: int) -> None:
        for key in self.loads[i].halves:
            self.by_key[key].discard(i)

    def around(self, load) -> set[int]:
        """Unassigned orders that need a sub-aisle the cart needs, or the one beside it."""
        found: set[int] = set()
        for key in load.halves:
            for k in (key - self.blocks, key, key + self.blocks):
                found |= self.by_key.get(k, set())
        return found


def _route(layout: Layout, cart: list[Order]) -> Batch:
    route = solve_route(layout, [code for order in cart for code in order.picks])
    return Batch(tuple(o.id for o in cart), route.sequence, route.distance_m)
