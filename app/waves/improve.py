"""Local search over carts: swap two equally urgent orders between nearby carts, or move one to
a cart with room, whenever the estimated walk (`Footprint`) gets shorter.

Pricing every swap exactly is too slow for 1,000 orders, so each pair of carts is screened with
what each order adds to the other cart and saves in its own; only the most promising swap and
move are priced exactly. A fixed number of passes (no clock) keeps the result the same on every
machine.
"""

from __future__ import annotations

from collections.abc import Callable

from app.waves.footprint import Footprint, Load

PASSES = 3
NEIGHBOURS = 5  # carts compared with each cart, nearest first by where they walk


class _Carts:
    """Carts as lists of order indices, with their loads and prices kept up to date."""

    def __init__(self, footprint: Footprint, carts: list[list[int]], loads: list[Load]):
        self.footprint, self.loads = footprint, loads
        self.members = [list(c) for c in carts]
        self.load = [self._sum(c) for c in self.members]
        self.price = [footprint.cost(load) for load in self.load]
        self._savings: dict[int, dict[int, float]] = {}

    def _sum(self, members: list[int]) -> Load:
        return Load.of(self.loads[i] for i in members)

    def price_of(self, members: list[int]) -> float:
        return self.footprint.cost(self._sum(members))

    def savings(self, cart: int) -> dict[int, float]:
        """Per order on the cart: how much shorter the cart gets without it."""
        if cart not in self._savings:
            members = self.members[cart]
            self._savings[cart] = {
                i: self.price[cart] - self.price_of([k for k in members if k != i]) for i in members
            }
        return self._savings[cart]

    def replace(self, cart: int, members: list[int]) -> None:
        self._savings.pop(cart, None)
        self.members[cart] = members
        self.load[cart] = self._sum(members)
        self.price[cart] = self.footprint.cost(self.load[cart])


def improve(
    footprint: Footprint,
    carts: list[list[int]],
    loads: list[Load],
    urgency: list,
    fits: Callable[[list[int]], bool],
) -> list[list[int]]:
    """The carts after the passes; `fits` says whether orders may share a cart (capacity in
    totes, volume, weight)."""
    state = _Carts(footprint, carts, loads)
    for _ in range(PASSES):
        changed = False
        for a, b in _nearby_pairs(state):
            changed |= _try_swap(state, a, b, urgency, fits)
            changed |= _try_move(state, a, b, urgency, fits)
        if not changed:
            break
    return [c for c in state.members if c]


def _nearby_pairs(state: _Carts) -> list[tuple[int, int]]:
    def centre(cart: int) -> tuple[float, float]:
        load = state.load[cart]
        return (load.reach, (load.x_low + load.x_high) / 2)

    order = sorted(range(len(state.members)), key=lambda c: (centre(c), c))
    return [(a, b) for rank, a in enumerate(order) for b in order[rank + 1 : rank + 1 + NEIGHBOURS]]


def _try_swap(state: _Carts, a: int, b: int, urgency: list, fits) -> bool:
    added = state.footprint.added
    one, two = state.members[a], state.members[b]
    keep_one, keep_two = state.savings(a), state.savings(b)
    into_one = {j: added(state.load[a], state.loads[j]) for j in two}
    into_two = {i: added(state.load[b], state.loads[i]) for i in one}
    guesses = [
        (into_one[j] - keep_one[i] + into_two[i] - keep_two[j], i, j)
        for i in one
        for j in two
        if urgency[i] == urgency[j]
    ]
    if not guesses:
        return False
    guess, i, j = min(guesses)
    if guess >= 0:
        return False  # screened out: even the estimate says no
    new_one = [j if k == i else k for k in one]
    new_two = [i if k == j else k for k in two]
    if not (fits(new_one) and fits(new_two)):
        return False
    before = state.price[a] + state.price[b]
    if state.price_of(new_one) + state.price_of(new_two) < before - 1e-9:
        state.replace(a, new_one)
        state.replace(b, new_two)
        return True
    return False


def _try_move(state: _Carts, a: int, b: int, urgency: list, fits) -> bool:
    added = state.footprint.added
    for src, dst in ((a, b), (b, a)):
        movers, there = state.members[src], state.members[dst]
        if len(movers) <= 1:
            continue
        options = [
            (added(state.load[dst], state.loads[i]) - state.savings(src)[i], i)
            for i in movers
            if (not there or urgency[i] == urgency[there[0]]) and fits([*there, i])
        ]
        if options and min(options)[0] < -1e-9:
            _, i = min(options)
            state.replace(src, [k for k in movers if k != i])
            state.replace(dst, [*there, i])
            return True
    return False
