"""Batching judged by exact routes: what takes the carts near the best known.

The seed (proximity batching and its local search, see `batching`) is judged by an estimate of
walking (`Footprint`). The estimate finds good neighbours but misjudges by a few per cent, and
those per cent are most of the gap to the best known. So the carts are then improved on their
exact routes (the DP's lengths, remembered by the set of locations, and abandoned as soon as a
candidate cannot win), in two stages (docs/routing.md, "Wave planning (batching)"):

1. Polish: move an order to a nearby cart, or swap two, whenever both carts' exact routes get
   shorter in total, pass after pass until nothing improves.
2. Kicks (iterated local search, Lourenço, Martin & Stützle 2003): a chain of two random swaps
   across three nearby carts, a polish only around them, and the result kept while the total
   stays within a share of the best found (a share that shrinks to nothing as the budget is
   spent); otherwise everything is put back. A kick escapes the local optimum the polish
   stopped in, and costs a small fraction of a whole pass.

Both run compiled (`app.waves.kicks_kernel`, over the moves of `app.waves.exact_kernel`);
here they are set up, given their budget and stopped at the deadline. The work is fixed by
the number of orders and `effort` (below 1 it scales how many carts are compared, swaps
routed and passes run, and the DP work the kicks may spend; above 1 only the work: kicks from
the same settings beat wider comparisons, 0.3-1.2 % shorter at effort 3 and 10 in
docs/benchmarks.md), so a seed gives the same carts on every machine, unless a `Deadline`
comes first (a slow or busy machine): then the search stops there, with the best carts found,
and the acceptance shrinks with the time left instead.
Orders only move between carts whose orders are all of one urgency tier, so an urgent order is
never put on a later cart to save metres.
Pure: no Qt, no database; runs on whichever thread calls it.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from app.routing.length import INF, Locations
from app.routing.length_kernel import working_arrays
from app.waves import exact_kernel as kernel
from app.waves import kicks_kernel as kicks
from app.waves import nearness, remembered
from app.waves.footprint import Footprint, Load
from app.waves.nearness import Loads

# Kicks stop when the search has done this much work per order in the pool, times `effort`.
# The unit is a frontier the compiled DP visits (`remembered.LOOKUP_WORK` says how long); the
# search's own bookkeeping is charged in it too, per length (`remembered.LENGTH_WORK`) and per
# kick, so a unit is about the same time on a layout whose routes are cheap (one block) as on
# one whose are dear (three): the search takes about 2.6 s for 200 orders at effort 1 on the
# bench machine of the sixteenth session (7 Dec 2026; a machine half as fast took 5 s for the
# one-block plans). The work, not a clock, ends the search there, so the same input gives the
# same carts (a `Deadline` is the backstop for slower machines).
WORK_PER_ORDER = 1_720_000  # 1,030,000 while the bookkeeping was charged at 1/1.8 of its time
KICK_WORK = 684  # what a kick costs besides its routes (screening, undo), plus
CART_WORK = 68  # this per cart in the pool (finding nearest carts again after each change)
MOST_KICKS_PER_ORDER = 150  # a cap, should kicks ever cost no work (every route already known)
# Work per call of compiled code (about 15 ms): the deadline is read between calls.
WORK_AT_ONCE = 2_000_000
# A kick is kept while the total stays within a share of the best total found (record-to-record
# travel, Dueck 1993): walking a little uphill leaves the valley the polish stopped in; the best
# carts found are what is returned. The share starts at this and shrinks in step with the budget
# left, to nothing at its end (as annealing cools): the search roams first and settles in the best
# valley last (against a fixed 0.3 %: fewer set runs over 2 %, docs/benchmarks.md "Batching").
ACCEPT_WORSE = 0.006
# That share is for a pool of this many carts (200 orders, carts of 8: where it was tuned). It
# is a share of the whole pool's total, and carts that each drift alike make a total that drifts
# with the square root of their number, so a larger pool gets the same drift per cart from a
# smaller share: times sqrt(TUNED_CARTS / carts) (`acceptance`). On 1,000 orders (125 carts)
# 0.1-1.1 % shorter in five runs of five (docs/benchmarks.md). Smaller pools keep the tuned
# share: a larger one there (the same rule below 25 carts) measured within the noise.
TUNED_CARTS = 25
# At effort 1 (docs/benchmarks.md has the times):
NEIGHBOURS = 8  # carts compared with each cart, nearest first by where they walk (compiled,
# 8 against 6 on six sets x 12 seeds: runs over 2 % from the best known 5 -> 0, docs/benchmarks.md)
SCREENED = 3  # swaps per pair of carts routed exactly, the most promising first
PASSES = 10  # at most; a pass that changes nothing ends the polish
MOST_REMEMBERED = 1 << 20  # slots for remembered lengths, 32 bytes each (forgotten when half full)


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
    """Exact route lengths of carts, remembered by their set of locations (carts recur often),
    as `Locations.bits` gives it; `work` counts what they cost (DP units)."""

    def __init__(self, locations: Locations):
        if not locations.exact:
            raise ValueError("the exact search needs a layout the DP prices (EXACT_MAX_BLOCKS)")
        self.locations = locations
        before, after = locations.arguments
        working = working_arrays(before[0], before[6], after[1])  # kind, loc_col, cross_count
        self.site = remembered.Site._make((*before, *after, working))
        self.memory = remembered.memory(MOST_REMEMBERED)

    @property
    def work(self) -> int:
        return int(self.memory.work[0])

    def length(self, codes: int, bound: float = INF) -> float:
        """The cart's walk in metres, or INF if it is longer than `bound`."""
        return remembered.length(self.site, self.memory, self.locations.words(codes), bound)


@dataclass
class Pool:
    """Carts whose orders may be exchanged: one group, one urgency tier. Orders are indices."""

    carts: list[list[int]]


@dataclass(frozen=True)
class Inputs:
    """What the search knows about each order (by index) and what a cart may hold."""

    codes: Sequence[int]  # each order's locations (`Locations.bits`)
    loads: Sequence[Load]
    capacity: int  # orders a cart takes at most
    volumes: Sequence[float] = ()  # litres per order (none given: 0)
    weights: Sequence[float] = ()  # kilograms per order (none given: 0)
    max_volume_l: float | None = None  # a cart's (None: no limit)
    max_weight_kg: float | None = None


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
    carts = [sorted(c) for c in pool.carts if c]
    if len(carts) < 2:
        return carts
    orders = sum(len(c) for c in carts)
    shape = min(1.0, effort)  # above 1, effort buys work, not wider comparisons
    neighbours = max(1, round(NEIGHBOURS * shape))
    screened = max(1, round(SCREENED * shape))
    budget = pricer.work + effort * WORK_PER_ORDER * orders
    q = _state(footprint, pricer, inputs, carts)
    kicks.seed_random(rng.getrandbits(32))
    passes = max(1, round(PASSES * shape))
    while passes and not (deadline and deadline.passed()):
        did = kicks.polish_pass(q, neighbours, screened, pricer.work + WORK_AT_ONCE)
        if did == kicks.PASSED:
            break
        passes -= did == kicks.CHANGED
    best = (q.carts.members.copy(), q.carts.count.copy(), np.array([kicks.total(q)]))
    start, began = pricer.work, deadline.clock() if deadline else 0.0
    kick_work = KICK_WORK + CART_WORK * len(carts)
    accept = acceptance(len(carts))
    left = round(effort * MOST_KICKS_PER_ORDER * orders)
    while left > 0 and pricer.work < budget and not (deadline and deadline.passed()):
        time_left = deadline.share_left(began) if deadline else 1.0  # cool as fast as it runs out
        left -= kicks.kicks(q, best, left, neighbours, screened, accept, budget, start,
                             time_left, kick_work, pricer.work + WORK_AT_ONCE)  # fmt: skip
    members, counts, _ = best
    return [members[c, : counts[c]].tolist() for c in range(len(counts))]


def acceptance(carts: int) -> float:
    """The share of the best total a kick may end above, at the start, on a pool of `carts`."""
    return ACCEPT_WORSE * min(1.0, math.sqrt(TUNED_CARTS / carts))


def _state(footprint: Footprint, pricer: Pricer, inputs: Inputs, carts: list[list[int]]):
    """The compiled search's arrays for `carts` (each of them priced)."""
    count = len(inputs.codes)
    order_loads = Loads(footprint, count)
    for i, load in enumerate(inputs.loads):
        order_loads.put(i, load, True)
    words = np.array([pricer.locations.words(bits) for bits in inputs.codes], dtype=np.uint64)
    tags = np.random.default_rng(20261206).integers(0, 2**63, count, dtype=np.uint64) * 2 + 1
    orders = kernel.Orders(
        words,
        order_loads.low,
        order_loads.high,
        order_loads.x_low,
        order_loads.x_high,
        order_loads.reach,
        np.array(inputs.volumes or [0.0] * count, dtype=np.float64),
        np.array(inputs.weights or [0.0] * count, dtype=np.float64),
        tags,
    )
    size, most = len(carts), max(inputs.capacity, *map(len, carts))
    cart_loads = Loads(footprint, size)
    rules = kernel.Rules(
        inputs.capacity,
        INF if inputs.max_volume_l is None else float(inputs.max_volume_l),
        INF if inputs.max_weight_kg is None else float(inputs.max_weight_kg),
        cart_loads.group_one,
        cart_loads.group_rest,
        cart_loads.group_keys,
    )
    q = kernel.Search(
        site=pricer.site,
        memory=pricer.memory,
        orders=orders,
        rules=rules,
        carts=_carts(cart_loads, size, most, words.shape[1]),
        near=np.zeros((size, size), dtype=np.int64),
        near_n=np.zeros(size, dtype=np.int64),
        near_ok=np.zeros(size, dtype=np.bool_),
        settled=np.zeros(kernel.MOST_SETTLED, dtype=np.uint64),
        settled_n=np.zeros(1, dtype=np.int64),
        undo=_carts(Loads(footprint, size), size, most, words.shape[1]),
        logged=np.full(size, -1, dtype=np.int8),  # -1: no kick under way (see `set_cart`)
        spare=np.zeros(words.shape[1], dtype=np.uint64),
        held=np.zeros(most + 1, dtype=np.int64),
        screening=nearness.scratch(most + 1),
    )
    for c, members in enumerate(carts):
        kernel.set_cart(q, c, np.array(members, dtype=np.int64), len(members))
    return q


def _carts(loads: Loads, count: int, capacity: int, width: int):
    """Empty rows for `count` carts of up to `capacity` orders, loads kept in `loads`' arrays."""
    return kernel.Carts(
        members=np.full((count, capacity), -1, dtype=np.int64),
        count=np.zeros(count, dtype=np.int64),
        words=np.zeros((count, width), dtype=np.uint64),
        price=np.zeros(count),
        low=loads.low,
        high=loads.high,
        x_low=loads.x_low,
        x_high=loads.x_high,
        reach=loads.reach,
        live=loads.live,
        tag=np.zeros(count, dtype=np.uint64),
        saved=np.zeros(count, dtype=np.bool_),
        saving=np.zeros((count, capacity)),
        rests=np.zeros((count, capacity, width), dtype=np.uint64),
    )
