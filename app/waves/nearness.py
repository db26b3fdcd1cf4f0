"""How far apart carts walk, one cart against all others at once, as compiled code.

The search ranks the carts near a cart by `Footprint.added` both ways (how much each one's
estimated walk grows by the other's load). A cart that changed needs that against every other
cart: in Python, two calls of `added` each, about a fifth of a plan's time. Here the same
arithmetic in the same order (so the same values, to the bit) runs over arrays of the carts'
loads, kept by `Loads` as the carts change.
Pure: runs on whichever thread calls it.
"""

from __future__ import annotations

import numpy as np
from numba import njit

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
        self._one = np.array([one for one, _, _ in groups])
        self._rest = np.array([rest for _, rest, _ in groups])
        self._keys = np.array([self._as_words(keys) for _, _, keys in groups], dtype=np.uint64)

    def put(self, cart: int, load: Load, live: bool) -> None:
        self.low[cart] = self._as_words(load.low)
        self.high[cart] = self._as_words(load.high)
        self.x_low[cart], self.x_high[cart], self.reach[cart] = load.x_low, load.x_high, load.reach
        self.live[cart] = live

    def nearest(self, cart: int) -> list[int]:
        """The other carts (not empty), nearest first: least `added(this, other) +
        added(other, this)`; ties by cart number."""
        return _nearest(cart, self.low, self.high, self.x_low, self.x_high, self.reach,
                        self.live, self._one, self._rest, self._keys).tolist()  # fmt: skip

    def added_to(self, cart: int, orders: Loads, members: np.ndarray) -> list[float]:
        """`Footprint.added(this cart's load, the load of each order in members)`, as the
        screening of swaps asks for a cart's orders against another cart all at once."""
        return _growths(cart, self.low, self.high, self.x_low, self.x_high, self.reach, members,
                        orders.low, orders.high, orders.x_low, orders.x_high, orders.reach,
                        self._one, self._rest, self._keys).tolist()  # fmt: skip

    def _as_words(self, bits: int) -> np.ndarray:
        return np.frombuffer(bits.to_bytes(8 * self.words, "little"), dtype="<u8")


@njit(cache=True)
def _nearest(a, low, high, x_low, x_high, reach, live, one, rest, keys):
    others = np.array([b for b in range(len(live)) if b != a and live[b]], dtype=np.int64)
    apart = np.empty(len(others))
    for k in range(len(others)):
        b = others[k]
        there = _added(a, low, high, x_low, x_high, reach, b, low, high, x_low, x_high, reach,
                       one, rest, keys)  # fmt: skip
        back = _added(b, low, high, x_low, x_high, reach, a, low, high, x_low, x_high, reach,
                      one, rest, keys)  # fmt: skip
        apart[k] = there + back
    return others[np.argsort(apart, kind="mergesort")]  # stable: ties by cart number


@njit(cache=True)
def _growths(a, low, high, x_low, x_high, reach, members, o_low, o_high, o_x_low, o_x_high,
             o_reach, one, rest, keys):  # fmt: skip
    grown = np.empty(len(members))
    for k in range(len(members)):
        grown[k] = _added(a, low, high, x_low, x_high, reach, members[k], o_low, o_high,
                          o_x_low, o_x_high, o_reach, one, rest, keys)  # fmt: skip
    return grown


@njit(cache=True)
def _added(a, low, high, x_low, x_high, reach, b, b_low, b_high, b_x_low, b_x_high, b_reach,
           one, rest, keys):  # fmt: skip
    """`Footprint.added(load a, load b)`, the same sums in the same order (a's load from the
    first arrays, b's from the second; nothing new walked adds 0.0, as its walk of nothing
    does). The words are combined again per group of blocks rather than kept in arrays:
    nothing is allocated (this runs millions of times)."""
    grow = 0.0
    for g in range(len(one)):
        walked = 0
        rested = 0
        for w in range(low.shape[1]):
            entered, both = _new_halves(low[a, w], high[a, w], b_low[b, w], b_high[b, w])
            walked += _bit_count(entered & keys[g, w])
            rested += _bit_count(both & keys[g, w])
        grow += one[g] * walked + rest[g] * rested
    if b_x_low[b] < x_low[a]:
        grow += 2 * (x_low[a] - b_x_low[b])
    if b_x_high[b] > x_high[a]:
        grow += 2 * (b_x_high[b] - x_high[a])
    if b_reach[b] > reach[a]:
        grow += 2 * (b_reach[b] - reach[a])
    return grow


@njit(cache=True)
def _new_halves(low, high, b_low, b_high):
    """(sub-aisles b enters that a does not, sub-aisles walked in both halves only with b)."""
    had = low | high
    return (had | b_low | b_high) ^ had, ((low | b_low) & (high | b_high)) ^ (low & high)


@njit(cache=True)
def _bit_count(x):
    """Set bits of a 64-bit word, by adding neighbouring fields (no loop per bit)."""
    x = x - ((x >> np.uint64(1)) & np.uint64(0x5555555555555555))
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return (x * np.uint64(0x0101010101010101)) >> np.uint64(56)
