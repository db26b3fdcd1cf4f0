"""Batching judged by exact routes: what takes the carts near the best known.

The seed (proximity batching and its local search, see `batching`) is judged by an estimate of
walking (`Footprint`). The estimate finds good neighbours but misjudges by a few per cent, and
those per cent are most of the gap to the best known. So the carts are then improved on their
exact routes (`tour_length`: cached by the set of locations, and abandoned as soon as a candidate
cannot win), in two stages (docs/routing.md, "Wave planning (batching)"):

1. `polish`: move an order to a nearby cart, or swap two, whenever both carts' exact routes get
   shorter in total (see `app.waves.polish`), pass after pass until nothing improves.
2. Kicks (iterated local search, Lourenço, Martin & Stützle 2003): swap two random orders of
   two nearby carts, polish only around those two carts, and keep the result unless the total
   got longer; otherwise put everything back. A kick escapes the local optimum the polish
   stopped in, and costs a small fraction of a whole pass.

No clock is read: the work is fixed by the number of orders and `effort` (which scales how many
carts are compared, swaps routed and passes run, and the DP work the kicks may spend), so a seed
gives the same carts on every machine. Orders only move between carts whose orders are all of one urgency tier, so an
urgent order is never put on a later cart to save metres.
Pure: no Qt, no database; runs on whichever thread calls it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.routing import Layout
from app.routing.length import INF, Meter, bits_length
from app.waves.footprint import Footprint, Load
from app.waves.polish import polish, polish_around

# Kicks stop when the search has done this much work per order in the pool, times `effort`.
# The unit is a frontier the compiled DP visits (about 20 ns on the bench machine); the
# search's own bookkeeping is charged in it too, per length and per kick, so a unit is about
# the same time on a layout whose routes are cheap (one block) as on one whose are dear
# (three): about 4 s for 200 orders at effort 1. No clock is read, so the same input gives the
# same carts everywhere.
WORK_PER_ORDER = 1_000_000
LENGTH_WORK = 1_500  # what a length costs besides its DP frontiers (caching, its arrays)
KICK_WORK = 15_000  # what a kick costs besides its routes (screening, snapshots)
MOST_KICKS_PER_ORDER = 40  # a cap, should kicks ever cost no work (every route already known)
NEAREST = 4  # carts a kicked cart may swap with, nearest first by where they walk
# A kick is kept while the total stays within this share of the best total found (record-to-record
# travel, Dueck 1993): walking a little uphill leaves the valley the polish stopped in; the best
# carts found are what is returned.
ACCEPT_WORSE = 0.003
SHORTLIST, SHORTLIST_PER_NEAREST = 32, 8  # carts whose distance `nearest` estimates
MOST_REMEMBERED = 100_000  # cart lengths (and settled pairs) kept; then forgotten, to bound memory


class Pricer:
    """Exact route lengths of carts, cached by their set of locations (carts recur often), as
    `location_bits` gives it."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.meter = Meter()
        self._known: dict[int, float] = {}
        self._above: dict[int, float] = {}  # longer than this (an abandoned solve)

    def length(self, codes: int, bound: float = INF) -> float:
        """The cart's walk in metres, or INF if it is longer than `bound`."""
        known = self._known.get(codes)
        if known is not None:
            return known if known <= bound + 1e-6 else INF
        if self._above.get(codes, -1.0) >= bound:
            return INF
        found = bits_length(self.layout, codes, bound, self.meter)
        self.meter.work += LENGTH_WORK
        if len(self._known) + len(self._above) > MOST_REMEMBERED:
            self._known.clear()
            self._above.clear()
        if found == INF:
            self._above[codes] = bound
        else:
            self._known[codes] = found
        return found


@dataclass
class Pool:
    """Carts whose orders may be exchanged: one group, one urgency tier. Orders are indices."""

    carts: list[list[int]]


@dataclass(frozen=True)
class Inputs:
    """What the search knows about each order (by index) and what a cart may hold."""

    codes: Sequence[int]  # each order's locations (`location_bits`)
    loads: Sequence[Load]
    fits: Callable[[list[int]], bool]  # may these orders share one cart?


def improve_exactly(
    footprint: Footprint,
    pricer: Pricer,
    inputs: Inputs,
    pool: Pool,
    effort: float,
    rng: random.Random,
) -> list[list[int]]:
    """The pool's carts improved on their exact routes: never longer in total than they came."""
    state = _State(footprint, pricer, inputs, pool.carts)
    if len(state.carts) < 2:
        return [list(c) for c in state.carts]
    orders = sum(len(c) for c in state.carts)
    budget = pricer.meter.work + effort * WORK_PER_ORDER * orders
    polish(state, effort)
    best, best_total = state.snapshot(), state.total()
    for _ in range(round(effort * MOST_KICKS_PER_ORDER * orders)):
        if pricer.meter.work >= budget:
            break
        state.kick(rng, effort, best_total * (1 + ACCEPT_WORSE))
        pricer.meter.work += KICK_WORK
        if state.total() < best_total - 1e-9:
            best, best_total = state.snapshot(), state.total()
    if state.total() > best_total + 1e-9:
        state.restore(best)
    return [list(c) for c in state.carts if c]


class _State:
    """The pool's carts with their exact walks, loads and per-order savings kept up to date."""

    def __init__(self, footprint: Footprint, pricer: Pricer, inputs: Inputs, carts):
        self.footprint, self.pricer, self.inputs = footprint, pricer, inputs
        # Tuples: they key what is remembered (savings, growth, distances) by content.
        self.carts: list[tuple[int, ...]] = [tuple(sorted(c)) for c in carts]
        self._codes = [self.codes_of(c) for c in self.carts]
        self.price = [pricer.length(c) for c in self._codes]
        self.load = [self._load(c) for c in self.carts]
        self._savings: dict[tuple[tuple[int, ...], int], float] = {}
        self._growth: dict[tuple[tuple[int, ...], int], float] = {}
        self._apart: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}
        self._nearest: dict[int, tuple[int, list[int]]] = {}  # until any cart changes
        self._halves = [footprint.halves_bits(load) for load in inputs.loads]
        self.halves = [self._halves_of(c) for c in self.carts]
        self.settled: set[tuple] = set()  # pairs of carts (by content) with nothing to gain

    def total(self) -> float:
        return sum(self.price)

    def codes(self, cart: int) -> int:
        return self._codes[cart]

    def codes_of(self, members: Sequence[int]) -> int:
        codes, bits = self.inputs.codes, 0
        for i in members:
            bits |= codes[i]
        return bits

    def replace(self, cart: int, members: Sequence[int], price: float | None = None) -> None:
        self.carts[cart] = tuple(members)
        self._nearest.clear()
        self._codes[cart] = self.codes_of(members)
        self.price[cart] = self.pricer.length(self._codes[cart]) if price is None else price
        self.load[cart] = self._load(members)
        self.halves[cart] = self._halves_of(members)

    def saving(self, cart: int, i: int) -> float:
        """How much shorter the cart's exact route gets without order `i` (remembered by the
        cart's content, so it survives a kick that is undone)."""
        key = (self.carts[cart], i)
        if key not in self._savings:
            if len(self._savings) > MOST_REMEMBERED:
                self._savings.clear()
            rest = self.codes_of([k for k in self.carts[cart] if k != i])
            # Dropping picks never lengthens a tour: the cart's walk bounds the search.
            self._savings[key] = self.price[cart] - self.pricer.length(rest, self.price[cart])
        return self._savings[key]

    def _halves_of(self, cart: Sequence[int]) -> int:
        mask = 0
        for i in cart:
            mask |= self._halves[i]
        return mask

    def _load(self, cart: Sequence[int]) -> Load:
        total = Load()
        for i in cart:
            total = total.plus(self.inputs.loads[i])
        return total

    def growth(self, cart: int, i: int) -> float:
        """The estimated growth of the cart's walk by order `i` (`Footprint.added`),
        remembered by the cart's content."""
        key = (self.carts[cart], i)
        known = self._growth.get(key)
        if known is None:
            if len(self._growth) > MOST_REMEMBERED:
                self._growth.clear()
            known = self._growth[key] = self.footprint.added(self.load[cart], self.inputs.loads[i])
        return known

    def nearest(self, cart: int, count: int) -> list[int]:
        """The `count` other carts that walk most where this one walks: least estimated growth
        of each by the other's load, both ways (one way, small carts would be everyone's).
        Only the carts sharing most sub-aisle halves with it are estimated: estimating all of
        them after every change made a plan of 1,000 orders quadratic."""
        known = self._nearest.get(cart)
        if known is None or known[0] < count:
            mine = self.halves[cart]
            others = [c for c in range(len(self.carts)) if self.carts[c] and c != cart]
            others.sort(key=lambda c: ((mine ^ self.halves[c]).bit_count(), c))
            shortlist = others[: max(SHORTLIST, SHORTLIST_PER_NEAREST * count)]
            ranked = sorted(shortlist, key=lambda c: (self._apart_of(cart, c), c))
            known = self._nearest[cart] = (count, ranked)
        return known[1][:count]

    def _apart_of(self, a: int, b: int) -> float:
        """How far apart two carts walk, remembered by their content (a kick that is undone
        brings the same carts back)."""
        key = (self.carts[a], self.carts[b])
        known = self._apart.get(key)
        if known is None:
            if len(self._apart) > MOST_REMEMBERED:
                self._apart.clear()
            added, one, two = self.footprint.added, self.load[a], self.load[b]
            known = self._apart[key] = added(one, two) + added(two, one)
        return known

    def neighbours(self, rng: random.Random) -> tuple[int, int]:
        """A random cart and one of the carts nearest to it."""
        first = rng.choice([c for c in range(len(self.carts)) if self.carts[c]])
        return first, rng.choice(self.nearest(first, NEAREST))

    def snapshot(self) -> tuple:
        return (
            list(self.carts),
            list(self.price),
            list(self._codes),
            list(self.load),
            list(self.halves),
        )

    def restore(self, snapshot: tuple) -> None:
        self.carts, self.price, self._codes, self.load, self.halves = snapshot
        self._nearest.clear()

    def kick(self, rng: random.Random, effort: float, limit: float) -> None:
        """Swap two random orders of two nearby carts and polish around them; undone unless
        the total walk is no longer than before."""
        a, b = self.neighbours(rng)
        i, j = rng.choice(self.carts[a]), rng.choice(self.carts[b])
        new_a = sorted(j if k == i else k for k in self.carts[a])
        new_b = sorted(i if k == j else k for k in self.carts[b])
        if not (self.inputs.fits(new_a) and self.inputs.fits(new_b)):
            return
        snapshot, before = self.snapshot(), self.total()
        self.replace(a, new_a)
        self.replace(b, new_b)
        polish_around(self, {a, b}, effort)
        if self.total() > max(before, limit) + 1e-9:
            self.restore(snapshot)
