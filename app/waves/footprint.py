"""A quick estimate of how far a cart walks, used while deciding which orders share a cart.

Routing every candidate cart exactly would cost milliseconds each; batching 1,000 orders weighs
hundreds of thousands of candidates. The estimate counts what drives a pick route's length: each
sub-aisle (an aisle within one block) that must be entered — the whole sub-aisle when picks lie in
both of its halves, about 70 % of it when only one half is needed (a return from that end) — plus
twice the width spanned sideways and twice the walk out to the farthest block.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from app.routing import Layout

ONE_HALF = 0.7  # share of a sub-aisle's length walked when only one half has picks


@dataclass(frozen=True)
class Load:
    """What a cart (or a single order) has to reach: the sub-aisles it enters in their lower and
    upper halves (bit `key` of `low` / `high`, keys as `Footprint` numbers them), x span, reach.
    Bits, not sets: batching sums and compares loads hundreds of thousands of times."""

    low: int = 0
    high: int = 0
    x_low: float = float("inf")
    x_high: float = float("-inf")
    reach: float = 0.0

    def plus(self, other: Load) -> Load:
        return Load(
            self.low | other.low,
            self.high | other.high,
            min(self.x_low, other.x_low),
            max(self.x_high, other.x_high),
            max(self.reach, other.reach),
        )

    @staticmethod
    def of(loads: Iterable[Load]) -> Load:
        """The sum of `loads` (as `plus` after `plus`, with one object built)."""
        low = high = 0
        x_low, x_high, reach = float("inf"), float("-inf"), 0.0
        for load in loads:
            low |= load.low
            high |= load.high
            if load.x_low < x_low:
                x_low = load.x_low
            if load.x_high > x_high:
                x_high = load.x_high
            if load.reach > reach:
                reach = load.reach
        return Load(low, high, x_low, x_high, reach)

    def sub_aisles(self) -> list[int]:
        """The keys of the sub-aisles entered, ascending."""
        entered, keys = self.low | self.high, []
        while entered:
            lowest = entered & -entered
            keys.append(lowest.bit_length() - 1)
            entered ^= lowest
        return keys


class Footprint:
    """Prices `Load`s for one layout. A sub-aisle's key is aisle index x blocks + block, so
    the sub-aisles beside key k (same block, next aisle) are k - blocks and k + blocks."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.cross = layout.cross_aisles
        self.blocks = len(self.cross) - 1
        self.depot = layout.depot
        self.keys = len(layout.aisles) * self.blocks
        self._loads: dict[str, tuple[int, int, float, float]] = {}
        # Per length of block (blocks of one length priced together): what entering one of its
        # sub-aisles costs (one half walked), what reaching the other half too adds, and the
        # bits of those blocks' sub-aisle keys.
        keys_of: dict[float, int] = {}
        for block, (low, high) in enumerate(pairwise(self.cross)):
            bits = sum(1 << (aisle * self.blocks + block) for aisle in range(len(layout.aisles)))
            keys_of[high - low] = keys_of.get(high - low, 0) | bits
        self._lengths = [
            (ONE_HALF * length, length - ONE_HALF * length, keys)
            for length, keys in keys_of.items()
        ]

    def load(self, order) -> Load:
        """The load of one order (an object with `picks`); the depot is always reached."""
        low = high = 0
        x_low = x_high = self.depot.x
        reach = 0.0
        for code in order.picks:
            key, bit, x, block_reach = self._place(code)
            if bit == 1:
                low |= 1 << key
            else:
                high |= 1 << key
            x_low, x_high, reach = min(x_low, x), max(x_high, x), max(reach, block_reach)
        return Load(low, high, x_low, x_high, reach)

    def cost(self, load: Load) -> float:
        if not (load.low | load.high):
            return 0.0
        walk = self._walk(load.low | load.high, load.low & load.high)
        return walk + 2 * (load.x_high - load.x_low) + 2 * load.reach

    def added(self, load: Load, extra: Load) -> float:
        """cost(load + extra) - cost(load), without building the sum (batching asks this
        hundreds of thousands of times): a sub-aisle newly entered costs one half, one newly
        walked in both halves the rest."""
        low, high = load.low, load.high
        had = low | high
        entered = (had | extra.low | extra.high) ^ had  # no negative ints: ~x is slower
        both = ((low | extra.low) & (high | extra.high)) ^ (low & high)
        grow = self._walk(entered, both) if entered | both else 0.0
        if extra.x_low < load.x_low:
            grow += 2 * (load.x_low - extra.x_low)
        if extra.x_high > load.x_high:
            grow += 2 * (extra.x_high - load.x_high)
        if extra.reach > load.reach:
            grow += 2 * (extra.reach - load.reach)
        return grow

    def walk_groups(self) -> list[tuple[float, float, int]]:
        """Per length of block: (walk of one half of a sub-aisle, what the other half adds, the
        keys of those blocks' sub-aisles as bits), as `added` prices them."""
        return list(self._lengths)

    def _walk(self, entered: int, both: int) -> float:
        """The walk of the sub-aisles `entered` (one half each) and of the halves `both` adds."""
        if len(self._lengths) == 1:  # every block as long (most sites): no masks
            one, rest, _ = self._lengths[0]
            return one * entered.bit_count() + rest * both.bit_count()
        walk = 0.0
        for one, rest, keys in self._lengths:
            walk += one * (entered & keys).bit_count() + rest * (both & keys).bit_count()
        return walk

    def _place(self, code: str) -> tuple[int, int, float, float]:
        """(sub-aisle key, half bit, aisle x, walk from the depot's cross aisle to the block)."""
        if code not in self._loads:
            loc = self.layout.location(code)
            aisle = self.layout.aisle_index(loc.aisle)
            block = min(bisect_right(self.cross, loc.y) - 1, self.blocks - 1)
            low, high = self.cross[block], self.cross[block + 1]
            bit = 1 if loc.y - low <= (high - low) / 2 else 2
            reach = min(abs(low - self.depot.y), abs(high - self.depot.y))
            x = self.layout.aisles[aisle].x
            self._loads[code] = (aisle * self.blocks + block, bit, x, reach)
        return self._loads[code]
