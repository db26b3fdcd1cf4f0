"""Batching judged by exact routes: what takes the carts near the best known.

The seed (proximity batching and its local search, see `batching`) is judged by an estimate of
walking (`Footprint`). The estimate finds good neighbours but misjudges by a few per cent, and
those per cent are most of the gap to the best known. So the carts are then improved on their
exact routes (`tour_length`: cached by the set of locations, and abandoned as soon as a candidate
cannot win), in two stages (docs/routing.md, "Wave planning (batching)"):

1. `polish`: move an order to a nearby cart, or swap two, whenever both carts' exact routes get
   shorter in total (see `app.waves.polish`), pass after pass until nothing improves.
2. Kicks (iterated local search, Lourenço, Martin & Stützle 2003): a chain of two random swaps
   across three nearby carts, a polish only around them, and the result kept while the total
   stays within a share of the best found (a share that shrinks to nothing as the budget is
   spent); otherwise everything is put back. A kick escapes the local optimum the polish
   stopped in, and costs a small fraction of a whole pass.

The work is fixed by the number of orders and `effort` (which scales how many carts are compared,
swaps routed and passes run, and the DP work the kicks may spend), so a seed gives the same carts
on every machine, unless a `Deadline` comes first (a slow or busy machine): then the search stops
there, with the best carts found, and the acceptance shrinks with the time left instead. Orders only move between carts whose orders are all of one urgency tier, so an
urgent order is never put on a later cart to save metres.
Pure: no Qt, no database; runs on whichever thread calls it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from app.routing.length import INF, Locations, Meter
from app.waves.footprint import Footprint, Load
from app.waves.nearness import Loads
from app.waves.polish import polish, polish_around

# Kicks stop when the search has done this much work per order in the pool, times `effort`.
# The unit is a frontier the compiled DP visits (about 18 ns on the bench machine); the
# search's own bookkeeping is charged in it too, per length and per kick, so a unit is about
# the same time on a layout whose routes are cheap (one block) as on one whose are dear
# (three): about 4 s for 200 orders at effort 1 on the bench machine. The work, not a clock,
# ends the search there, so the same input gives the same carts (a `Deadline` is the backstop
# for slower machines).
WORK_PER_ORDER = 1_015_000
LENGTH_WORK = 500  # what a length costs besides its DP frontiers (caching, its arrays)
KICK_WORK = 1_000  # what a kick costs besides its routes (screening, snapshots), plus
CART_WORK = 100  # this per cart in the pool (finding nearest carts again after each change)
MOST_KICKS_PER_ORDER = 150  # a cap, should kicks ever cost no work (every route already known)
NEAREST = 4  # carts a kicked cart may swap with, nearest first by where they walk
# A kick is kept while the total stays within a share of the best total found (record-to-record
# travel, Dueck 1993): walking a little uphill leaves the valley the polish stopped in; the best
# carts found are what is returned. The share starts at this and shrinks in step with the budget
# left, to nothing at its end (as annealing cools): the search roams first and settles in the best
# valley last (against a fixed 0.3 %: fewer set runs over 2 %, docs/benchmarks.md "Batching").
ACCEPT_WORSE = 0.006
MOST_REMEMBERED = 100_000  # cart lengths (and settled pairs) kept; then forgotten, to bound memory


@dataclass(frozen=True)
class Deadline:
    """When a search stops even with work left, on `clock` (seconds): a station waits no
    longer on a slow or busy machine than on the bench's, where the work ends first."""

    at: float
    clock: Callable[[], float] = time.monotonic

    def passed(self) -> bool:
        return self.clock() >= self.at

    def share_left(self, since: float) -> float:
        """Of the time from `since` to the deadline, the share still left (1 -> 0)."""
        span = self.at - since
        return min(1.0, max(0.0, (self.at - self.clock()) / span)) if span > 0 else 0.0

    def portion(self, share: float) -> Deadline:
        """The deadline `share` of the way from now to this one: one search's part of it."""
        now = self.clock()
        return Deadline(now + max(0.0, self.at - now) * share, self.clock)


class Pricer:
    """Exact route lengths of carts, cached by their set of locations (carts recur often), as
    `Locations.bits` gives it."""

    def __init__(self, locations: Locations):
        self.locations = locations
        self.meter = Meter()
        self._known: dict[int, float] = {}
        self._above: dict[int, float] = {}  # longer than this (an abandoned solve)

    def length(self, codes: int, bound: float = INF) -> float:
        """The cart's walk in metres, or INF if it is longer than `bound`."""
        recalled = self._recalled(codes, bound)
        if recalled is not None:
            return recalled
        found = self.locations.length(codes, bound, self.meter)
        self.meter.work += LENGTH_WORK
        self._remember(codes, found, bound)
        return found

    def lengths(self, carts: list[int], bound: float) -> list[float]:
        """`length` of each cart, those not remembered priced in one call."""
        found = [self._recalled(codes, bound) for codes in carts]
        missing = [k for k, length in enumerate(found) if length is None]
        if missing:
            priced = self.locations.lengths([carts[k] for k in missing], bound, self.meter)
            self.meter.work += LENGTH_WORK * len(missing)
            for k, length in zip(missing, priced, strict=True):
                found[k] = length
                self._remember(carts[k], length, bound)
        return [INF if length is None else length for length in found]

    def _recalled(self, codes: int, bound: float) -> float | None:
        """What is remembered of this cart under `bound`: its length, INF, or None (not known)."""
        known = self._known.get(codes)
        if known is not None:
            return known if known <= bound + 1e-6 else INF
        if self._above.get(codes, -1.0) >= bound:
            return INF
        return None

    def _remember(self, codes: int, found: float, bound: float) -> None:
        if len(self._known) + len(self._above) > MOST_REMEMBERED:
            self._known.clear()
            self._above.clear()
        if found == INF:
            self._above[codes] = bound
        else:
            self._known[codes] = found


@dataclass
class Pool:
    """Carts whose orders may be exchanged: one group, one urgency tier. Orders are indices."""

    carts: list[list[int]]


@dataclass(frozen=True)
class Inputs:
    """What the search knows about each order (by index) and what a cart may hold."""

    codes: Sequence[int]  # each order's locations (`Locations.bits`)
    loads: Sequence[Load]
    fits: Callable[[list[int]], bool]  # may these orders share one cart?
    capacity: int  # orders a cart takes at most (what `fits` checks first)
    counts_only: bool = False  # `fits` only counts orders (no volume or weight): swaps all fit


def improve_exactly(
    footprint: Footprint,
    pricer: Pricer,
    inputs: Inputs,
    pool: Pool,
    effort: float,
    rng: random.Random,
    deadline: Deadline | None = None,
) -> list[list[int]]:
    """The pool's carts improved on their exact routes: never longer in total than they came.
    Stops when its work is done or at `deadline`, whichever comes first."""
    state = _State(footprint, pricer, inputs, pool.carts)
    if len(state.carts) < 2:
        return [list(c) for c in state.carts]
    orders = sum(len(c) for c in state.carts)
    budget = pricer.meter.work + effort * WORK_PER_ORDER * orders
    polish(state, effort, deadline)
    best, best_total = state.snapshot(), state.total()
    kick_work = KICK_WORK + CART_WORK * len(state.carts)
    start, began = pricer.meter.work, deadline.clock() if deadline else 0.0
    for _ in range(round(effort * MOST_KICKS_PER_ORDER * orders)):
        if pricer.meter.work >= budget or (deadline and deadline.passed()):
            break
        left = (budget - pricer.meter.work) / (budget - start)  # of the kicks' budget, 1 -> 0
        if deadline:  # cool as fast as the time runs out, should it run out first
            left = min(left, deadline.share_left(began))
        state.kick(rng, effort, best_total * (1 + ACCEPT_WORSE * left))
        pricer.meter.work += kick_work
        if state.total() < best_total - 1e-9:
            best, best_total = state.snapshot(), state.total()
    if state.total() > best_total + 1e-9:
        state.restore(best)
    return [list(c) for c in state.carts if c]


class _Cart:
    """What is known of one cart's content (its orders, sorted), computed once and kept by
    content: a kick that is undone, or a swap that is tried again, finds it instead of pricing
    it again. `savings` are per order (`_State.savings`)."""

    __slots__ = ("orders", "members", "codes", "price", "load", "savings", "saved", "rests")

    def __init__(self, orders: tuple[int, ...], codes: int, price: float, load: Load):
        self.orders, self.codes, self.price, self.load = orders, codes, price, load
        self.members = np.array(orders, dtype=np.int64)  # the orders, for compiled code
        self.savings: dict[int, float] = {}
        self.saved = np.empty(0)  # the savings in the order of `members`, for compiled code
        self.rests: dict[int, int] = {}  # per order, the cart's locations without it


class _State:
    """The pool's carts with their exact walks, loads and per-order savings kept up to date.
    `carts`, `price` and `load` are per cart index, read by the polish; `known` holds each
    cart's `_Cart`, `loads` the loads as arrays for the compiled nearness."""

    def __init__(self, footprint: Footprint, pricer: Pricer, inputs: Inputs, carts):
        self.footprint, self.pricer, self.inputs = footprint, pricer, inputs
        self._by_content: dict[tuple[int, ...], _Cart] = {}
        self.known = [self._cart(tuple(sorted(c))) for c in carts]
        self.loads = Loads(footprint, len(self.known))
        self.order_loads = Loads(footprint, len(inputs.loads))
        for i, load in enumerate(inputs.loads):
            self.order_loads.put(i, load, True)
        self._spread(range(len(self.known)))
        self._nearest: dict[int, list[int]] = {}  # until any cart changes
        self.settled: set[tuple] = set()  # pairs of carts (by content) with nothing to gain

    def _spread(self, changed: Iterable[int]) -> None:
        known = self.known
        self.carts: list[tuple[int, ...]] = [k.orders for k in known]
        self.price = [k.price for k in known]
        self.load = [k.load for k in known]
        for cart in changed:
            self.loads.put(cart, known[cart].load, bool(known[cart].orders))

    def _cart(self, orders: tuple[int, ...]) -> _Cart:
        """The cart of these orders, as known or priced now."""
        known = self._by_content.get(orders)
        if known is None:
            if len(self._by_content) > MOST_REMEMBERED // 10:  # bound memory (carts in use stay)
                self._by_content.clear()
            codes, loads = self.codes_of(orders), self.inputs.loads
            load = Load.of(loads[i] for i in orders)
            price = self.pricer.length(codes)
            known = self._by_content[orders] = _Cart(orders, codes, price, load)
        return known

    def total(self) -> float:
        return sum(self.price)

    def codes(self, cart: int) -> int:
        return self.known[cart].codes

    def codes_of(self, members: Sequence[int]) -> int:
        codes, bits = self.inputs.codes, 0
        for i in members:
            bits |= codes[i]
        return bits

    def replace(self, cart: int, members: Sequence[int]) -> None:
        known = self.known[cart] = self._cart(tuple(members))
        self._nearest.clear()
        self.carts[cart], self.price[cart], self.load[cart] = known.orders, known.price, known.load
        self.loads.put(cart, known.load, bool(known.orders))

    def saving(self, cart: int, i: int) -> float:
        """How much shorter the cart's exact route gets without order `i`."""
        return self.savings(cart)[i]

    def savings(self, cart: int) -> dict[int, float]:
        """`saving` of every order of the cart, priced together on first use: the polish asks
        for all of them, and one compiled call prices them all. Dropping picks never lengthens
        a tour, so the cart's walk bounds each search."""
        known = self.known[cart]
        if not known.savings:
            rests = self._rests(known.orders)
            lengths = self.pricer.lengths(rests, known.price)
            for j, length, rest in zip(known.orders, lengths, rests, strict=True):
                known.savings[j] = known.price - length
                known.rests[j] = rest
            known.saved = np.array([known.savings[j] for j in known.orders])
        return known.savings

    def _rests(self, orders: tuple[int, ...]) -> list[int]:
        """The locations of the cart without each of its orders in turn: what the orders
        before it need OR what those after it need (two running unions, not one per order)."""
        codes = [self.inputs.codes[i] for i in orders]
        before, after = [0], [0]
        for bits in codes[:-1]:
            before.append(before[-1] | bits)
        for bits in reversed(codes[1:]):
            after.append(after[-1] | bits)
        return [low | high for low, high in zip(before, reversed(after), strict=True)]

    def swapped_codes(self, a: int, i: int, j: int) -> int:
        """The locations of cart a with its order i swapped for order j (of another cart)."""
        self.savings(a)  # the cart's locations without each order: kept with its savings
        return self.known[a].rests[i] | self.inputs.codes[j]

    def swap_fits(self, a: int, i: int, b: int, j: int) -> bool:
        """May order i of cart a and order j of cart b change carts?"""
        if self.inputs.counts_only:
            return True  # each cart keeps its number of orders
        new_a = [j if k == i else k for k in self.carts[a]]
        new_b = [i if k == j else k for k in self.carts[b]]
        return self.inputs.fits(new_a) and self.inputs.fits(new_b)

    def swap(self, a: int, i: int, b: int, j: int) -> None:
        """Order i of cart a and order j of cart b change carts."""
        new_a = sorted(j if k == i else k for k in self.carts[a])
        new_b = sorted(i if k == j else k for k in self.carts[b])
        self.replace(a, new_a)
        self.replace(b, new_b)

    def best_swaps(self, a: int, b: int, count: int) -> list[list[int]]:
        """The `count` swaps (order of a, order of b) that look best: by the exact savings of
        the two orders leaving and the estimated growth (`Footprint.added`) of the two carts
        taking them, in one compiled call (`Loads.best_swaps`)."""
        one, two = self.known[a], self.known[b]
        self.savings(a), self.savings(b)  # priced, and kept as arrays, on first use
        one_side, two_side = (one.members, one.saved), (two.members, two.saved)
        return self.loads.best_swaps(a, b, self.order_loads, one_side, two_side, count)

    def nearest(self, cart: int, count: int) -> list[int]:
        """The `count` other carts that walk most where this one walks: least estimated growth
        of each by the other's load, both ways (one way, small carts would be everyone's);
        ties by cart number."""
        ranked = self._nearest.get(cart)
        if ranked is None:
            ranked = self._nearest[cart] = self.loads.nearest(cart)
        return ranked[:count]

    def neighbours(self, rng: random.Random) -> tuple[int, int]:
        """A random cart and one of the carts nearest to it."""
        first = rng.choice([c for c in range(len(self.carts)) if self.carts[c]])
        return first, rng.choice(self.nearest(first, NEAREST))

    def snapshot(self) -> list[_Cart]:
        return list(self.known)

    def restore(self, snapshot: list[_Cart]) -> None:
        changed = [c for c, was in enumerate(snapshot) if was is not self.known[c]]
        self.known = list(snapshot)
        self._spread(changed)
        self._nearest.clear()

    def kick(self, rng: random.Random, effort: float, limit: float) -> None:
        """A chain of two random swaps: an order of a cart with one of a nearby cart, then
        another order of that cart with one of a cart near it; then polish around the three.
        (After a single swap the polish mostly swaps back; two reach further: on 15 order sets
        the plans walked 0.35 % less for the same work.) The swapped pairs are polished last.
        Undone unless the total walk is no longer than before or within `limit`."""
        a, b = self.neighbours(rng)
        i, j = rng.choice(self.carts[a]), rng.choice(self.carts[b])
        snapshot, before = self.snapshot(), self.total()
        if not self._swapped(a, i, b, j):
            return
        touched, kicked = {a, b}, {frozenset((a, b))}
        c = rng.choice(self.nearest(b, NEAREST))
        if c != a:
            k = rng.choice([k for k in self.carts[b] if k != i] or [i])
            if self._swapped(b, k, c, rng.choice(self.carts[c])):
                touched.add(c)
                kicked.add(frozenset((b, c)))
        polish_around(self, touched, effort, frozenset(kicked))
        if self.total() > max(before, limit) + 1e-9:
            self.restore(snapshot)

    def _swapped(self, a: int, i: int, b: int, j: int) -> bool:
        """Order i of cart a and order j of cart b change carts, if both still fit."""
        if not self.swap_fits(a, i, b, j):
            return False
        self.swap(a, i, b, j)
        return True
