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

import numpy as np
from numba import njit

from app.routing.length_kernel import bit_count
from app.waves.footprint import Footprint, Load


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
        found = _best_swaps(a, b, self.low, self.high, self.x_low, self.x_high, self.reach,
                            one[0], one[1], two[0], two[1], orders.low, orders.high,
                            orders.x_low, orders.x_high, orders.reach, self.group_one, self.group_rest,
                            self.group_keys, count)  # fmt: skip
        return found.tolist()

    def _as_words(self, bits: int) -> np.ndarray:
        return np.frombuffer(bits.to_bytes(8 * self.words, "little"), dtype="<u8")


@njit(cache=True)
def _nearest(a, low, high, x_low, x_high, reach, live, one, rest, keys):
    others = np.array([b for b in range(len(live)) if b != a and live[b]], dtype=np.int64)
    this = np.full(len(others), a)
    there = _added(this, low, high, x_low, x_high, reach, others, low, high, x_low, x_high,
                   reach, one, rest, keys)  # fmt: skip
    back = _added(others, low, high, x_low, x_high, reach, this, low, high, x_low, x_high,
                  reach, one, rest, keys)  # fmt: skip
    apart = there + back
    return others[np.argsort(apart, kind="mergesort")]  # stable: ties by cart number


@njit(cache=True)
def _growths(a, low, high, x_low, x_high, reach, members, o_low, o_high, o_x_low, o_x_high,
             o_reach, one, rest, keys):  # fmt: skip
    return _added(np.full(len(members), a), low, high, x_low, x_high, reach, members, o_low,
                  o_high, o_x_low, o_x_high, o_reach, one, rest, keys)  # fmt: skip


@njit(cache=True)
def _best_swaps(a, b, low, high, x_low, x_high, reach, one, saved_one, two, saved_two, o_low,
                o_high, o_x_low, o_x_high, o_reach, g_one, g_rest, keys, count):  # fmt: skip
    """`Loads.best_swaps`: rows (i, j), at most `count`, best first."""
    into_b = _growths(b, low, high, x_low, x_high, reach, one, o_low, o_high, o_x_low, o_x_high,
                      o_reach, g_one, g_rest, keys) - saved_one  # fmt: skip
    into_a = _growths(a, low, high, x_low, x_high, reach, two, o_low, o_high, o_x_low, o_x_high,
                      o_reach, g_one, g_rest, keys) - saved_two  # fmt: skip
    # Orders are ascending, so a stable sort breaks ties by order.
    firsts = np.argsort(into_b, kind="mergesort")[:count]
    seconds = np.argsort(into_a, kind="mergesort")[:count]
    guess = np.empty(len(firsts) * len(seconds))
    pairs = np.empty((len(guess), 2), dtype=np.int64)
    at = 0
    for x in firsts:
        for y in seconds:
            guess[at], pairs[at, 0], pairs[at, 1] = into_b[x] + into_a[y], one[x], two[y]
            at += 1
    # The best `count` by (guess, i, j), chosen one by one: a handful of pairs.
    for k in range(min(count, len(guess))):
        best = k
        for m in range(k + 1, len(guess)):
            if guess[m] < guess[best] or (
                guess[m] == guess[best]
                and (pairs[m, 0], pairs[m, 1]) < (pairs[best, 0], pairs[best, 1])
            ):
                best = m
        guess[k], guess[best] = guess[best], guess[k]
        pairs[k, 0], pairs[best, 0] = pairs[best, 0], pairs[k, 0]
        pairs[k, 1], pairs[best, 1] = pairs[best, 1], pairs[k, 1]
    return pairs[: min(count, len(guess))]


@njit(cache=True)
def _added(firsts, low, high, x_low, x_high, reach, seconds, b_low, b_high, b_x_low, b_x_high,
           b_reach, one, rest, keys):  # fmt: skip
    """`Footprint.added(load a, load b)` for each a of `firsts` and b of `seconds` alike, the
    same sums in the same order (a's load from the first arrays, b's from the second; nothing
    new walked adds 0.0, as its walk of nothing does). The words are combined again per group
    of blocks rather than kept in arrays, and all the pairs are one call: this runs millions of
    times, and each call of compiled code that takes arrays counts a reference to each."""
    grown = np.empty(len(firsts))
    for k in range(len(firsts)):
        a, b = firsts[k], seconds[k]
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
        grown[k] = grow
    return grown


@njit(cache=True, inline="always")
def _new_halves(low, high, b_low, b_high):
    """(sub-aisles b enters that a does not, sub-aisles walked in both halves only with b)."""
    had = low | high
    return (had | b_low | b_high) ^ had, ((low | b_low) & (high | b_high)) ^ (low & high)
