"""How far apart carts walk, one cart against all others at once, as compiled code.

The search ranks the carts near a cart by `Footprint.added` both ways (how much each one's
estimated walk grows by the other's load). A cart that changed needs that against every other
cart: in Python, two calls of `added` each, about a fifth of a plan's time. Here the same
arithmetic in the same order (so the same values, to the bit) runs over arrays of the carts'
loads, kept by `Loads` as the carts change. The polish's screening of swaps between two carts
(each side's orders against the other cart, less their exact savings) runs here too.
Pure: runs on whichever thread calls it.
"""

from __future__ import annotations

from collections import namedtuple

import numpy as np
from numba import njit

from app.compiled import no_reference_counts
from app.routing.length_kernel import bit_count
from app.waves.footprint import Footprint, Load

# `_best_swaps`' working arrays, made once: each side's guesses and ranks, the pairs' guesses.
Scratch = namedtuple("Scratch", "growth rank guess pairs")


class Loads:
    """Every cart's load as arrays: sub-aisle halves as 64-bit words, x span and reach."""

    def __init__(self, footprint: Footprint, carts: int):
        self.words = max(1, (footprint.keys + 63) // 64)
        self.low = np.zeros((carts, self.words), dtype=np.uint64)
        self.high = np.zeros((carts, self.words), dtype=np.uint64)
        self.x_low = np.full(carts, np.inf)
        self.x_high = np.full(carts, -np.inf)
        self.reach = np.zeros(carts)
        self.live = np.zeros(carts, dtype=np.bool_)
        groups = footprint.walk_groups()
        self.group_one = np.array([one for one, _, _ in groups])
        self.group_rest = np.array([rest for _, rest, _ in groups])
        self.group_keys = np.array([self._as_words(keys) for _, _, keys in groups], dtype=np.uint64)

    def put(self, cart: int, load: Load, live: bool) -> None:
        self.low[cart] = self._as_words(load.low)
        self.high[cart] = self._as_words(load.high)
        self.x_low[cart], self.x_high[cart], self.reach[cart] = load.x_low, load.x_high, load.reach
        self.live[cart] = live

    def nearest(self, cart: int) -> list[int]:
        """The other carts (not empty), nearest first: least `added(this, other) +
        added(other, this)`; ties by cart number."""
        return _nearest(cart, self.low, self.high, self.x_low, self.x_high, self.reach,
                        self.live, self.group_one, self.group_rest, self.group_keys).tolist()  # fmt: skip

    def best_swaps(self, a: int, b: int, orders: Loads, one, two, count: int) -> list[list[int]]:
        """The `count` swaps of an order i of cart a with an order j of cart b that look best,
        best first, as [i, j]. `one` and `two` are (orders ascending, each one's exact saving:
        its cart's walk without it) of a and b, as arrays. A swap's guess is what i's leaving a
        changes plus what j's leaving b changes: `added` of b by i less i's saving, and the
        same the other way. The best few swaps are among the best few orders of each side
        (ties by order); pairs tie by (i, j)."""
        work = scratch(max(len(one[0]), len(two[0]), count))
        found = _best_swaps(work, a, b, self.low, self.high, self.x_low, self.x_high,
                            self.reach, one[0], one[1], two[0], two[1], orders.low, orders.high,
                            orders.x_low, orders.x_high, orders.reach, self.group_one,
                            self.group_rest, self.group_keys, count)  # fmt: skip
        return work.pairs[:found].tolist()

    def _as_words(self, bits: int) -> np.ndarray:
        return np.frombuffer(bits.to_bytes(8 * self.words, "little"), dtype="<u8")


@njit(cache=True)
def _nearest(a, low, high, x_low, x_high, reach, live, one, rest, keys):
    others = np.array([b for b in range(len(live)) if b != a and live[b]], dtype=np.int64)
    apart = np.empty(len(others))
    _apart(apart, a, others, low, high, x_low, x_high, reach, one, rest, keys)
    return others[np.argsort(apart, kind="mergesort")]  # stable: ties by cart number


@no_reference_counts
def _apart(out, a, others, low, high, x_low, x_high, reach, one, rest, keys):
    """`added(a, b) + added(b, a)` for each cart b of `others`, into `out`. Counts no
    references (`app.compiled`): `_grown`'s arrays, inlined in a loop, would be counted each
    time round."""
    for k in range(len(others)):
        b = others[k]
        out[k] = _grown(a, low, high, x_low, x_high, reach, b, low, high, x_low, x_high, reach,
                        one, rest, keys) + _grown(b, low, high, x_low, x_high, reach, a, low,
                                                  high, x_low, x_high, reach, one, rest, keys)  # fmt: skip


def scratch(most: int) -> Scratch:
    """`_best_swaps`' working arrays for carts of up to `most` orders."""
    return Scratch(
        np.zeros((2, most)),
        np.zeros((2, most), dtype=np.int64),
        np.zeros(most * most),
        np.zeros((most * most, 2), dtype=np.int64),
    )


@no_reference_counts
def _best_swaps(work, a, b, low, high, x_low, x_high, reach, one, saved_one, two, saved_two,
                o_low, o_high, o_x_low, o_x_high, o_reach, g_one, g_rest, keys, count):  # fmt: skip
    """`Loads.best_swaps` into `work.pairs` (rows (i, j), best first): how many. Makes no
    array and counts no references (`app.compiled`): it runs for every pair of carts compared."""
    growth, rank = work.growth, work.rank
    for x in range(len(one)):
        growth[0, x] = _grown(b, low, high, x_low, x_high, reach, one[x], o_low, o_high,
                              o_x_low, o_x_high, o_reach, g_one, g_rest, keys) - saved_one[x]  # fmt: skip
    for y in range(len(two)):
        growth[1, y] = _grown(a, low, high, x_low, x_high, reach, two[y], o_low, o_high,
                              o_x_low, o_x_high, o_reach, g_one, g_rest, keys) - saved_two[y]  # fmt: skip
    firsts = _least(growth[0], len(one), count, rank[0])
    seconds = _least(growth[1], len(two), count, rank[1])
    guess, pairs = work.guess, work.pairs
    at = 0
    for r in range(firsts):
        for s in range(seconds):
            x, y = rank[0, r], rank[1, s]
            guess[at], pairs[at, 0], pairs[at, 1] = growth[0, x] + growth[1, y], one[x], two[y]
            at += 1
    # The best `count` by (guess, i, j), chosen one by one: a handful of pairs.
    for k in range(min(count, at)):
        best = k
        for m in range(k + 1, at):
            if guess[m] < guess[best] or (
                guess[m] == guess[best]
                and (pairs[m, 0], pairs[m, 1]) < (pairs[best, 0], pairs[best, 1])
            ):
                best = m
        guess[k], guess[best] = guess[best], guess[k]
        pairs[k, 0], pairs[best, 0] = pairs[best, 0], pairs[k, 0]
        pairs[k, 1], pairs[best, 1] = pairs[best, 1], pairs[k, 1]
    return min(count, at)


@njit(cache=True, inline="always")
def _least(values, n, count, out):
    """The positions of the `count` least of values[:n] into `out`, least first, ties by
    position (a stable sort's first `count`): how many."""
    k = min(count, n)
    for r in range(k):
        best = -1
        for x in range(n):
            taken = False
            for s in range(r):
                taken |= out[s] == x
            if not taken and (best < 0 or values[x] < values[best]):
                best = x
        out[r] = best
    return k


@njit(cache=True, inline="always")
def _grown(a, low, high, x_low, x_high, reach, b, b_low, b_high, b_x_low, b_x_high, b_reach,
           one, rest, keys):  # fmt: skip
    """`Footprint.added(load a, load b)`, the same sums in the same order (so the same value,
    to the bit; nothing new walked adds 0.0, as its walk of nothing does). The words are
    combined again per group of blocks rather than kept in arrays."""
    grow = 0.0
    for g in range(len(one)):
        walked = 0
        rested = 0
        for w in range(low.shape[1]):
            entered, both = _new_halves(low[a, w], high[a, w], b_low[b, w], b_high[b, w])
            walked += bit_count(entered & keys[g, w])
            rested += bit_count(both & keys[g, w])
        grow += one[g] * walked + rest[g] * rested
    if b_x_low[b] < x_low[a]:
        grow += 2 * (x_low[a] - b_x_low[b])
    if b_x_high[b] > x_high[a]:
        grow += 2 * (b_x_high[b] - x_high[a])
    if b_reach[b] > reach[a]:
        grow += 2 * (b_reach[b] - reach[a])
    return grow


@njit(cache=True, inline="always")
def _new_halves(low, high, b_low, b_high):
    """(sub-aisles b enters that a does not, sub-aisles walked in both halves only with b)."""
    had = low | high
    return (had | b_low | b_high) ^ had, ((low | b_low) & (high | b_high)) ^ (low & high)
