"""A quick estimate of how far a cart walks, used while deciding which orders share a cart.

Routing every candidate cart exactly would cost milliseconds each; batching 1,000 orders weighs
hundreds of thousands of candidates. The estimate counts what drives a pick route's length: each
sub-aisle (an aisle within one block) that must be entered — the whole sub-aisle when picks lie in
both of its halves, about 70 % of it when only one half is needed (a return from that end) — plus
twice the width spanned sideways and twice the walk out to the farthest block.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from app.routing import Layout

ONE_HALF = 0.7  # share of a sub-aisle's length walked when only one half has picks


@dataclass(frozen=True)
class Load:
    """What a cart (or a single order) has to reach: sub-aisle -> halves bit mask, x span, reach."""

    halves: dict[int, int] = field(default_factory=dict)
    x_low: float = float("inf")
    x_high: float = float("-inf")
    reach: float = 0.0

    def plus(self, other: Load) -> Load:
        halves = dict(self.halves)
        for key, mask in other.halves.items():
            halves[key] = halves.get(key, 0) | mask
        return Load(
            halves,
            min(self.x_low, other.x_low),
            max(self.x_high, other.x_high),
            max(self.reach, other.reach),
        )


class Footprint:
    """Prices `Load`s for one layout."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.cross = layout.cross_aisles
        self.blocks = len(self.cross) - 1
        self.depot = layout.depot
        self._loads: dict[str, tuple[int, int, float, float]] = {}
        # Per block, the walk of a sub-aisle by its halves mask (none, low, high, both).
        self._walks = [
            (0.0, ONE_HALF * length, ONE_HALF * length, length)
            for length in (high - low for low, high in pairwise(self.cross))
        ]

    def load(self, order) -> Load:
        """The load of one order (an object with `picks`); the depot is always reached."""
        halves: dict[int, int] = {}
        x_low = x_high = self.depot.x
        reach = 0.0
        for code in order.picks:
            key, bit, x, block_reach = self._place(code)
            halves[key] = halves.get(key, 0) | bit
            x_low, x_high, reach = min(x_low, x), max(x_high, x), max(reach, block_reach)
        return Load(halves, x_low, x_high, reach)

    def cost(self, load: Load) -> float:
        walk = sum(self._segment(key, mask) for key, mask in load.halves.items())
        if load.halves:
            walk += 2 * (load.x_high - load.x_low) + 2 * load.reach
        return walk

    def added(self, load: Load, extra: Load) -> float:
        """cost(load + extra) - cost(load), without building the sum (batching asks this
        hundreds of thousands of times: the walk per halves mask is looked up, not computed)."""
        grow = 0.0
        have, walks = load.halves, self._walks
        for key, mask in extra.halves.items():
            before = have.get(key, 0)
            after = before | mask
            if after != before:
                walk = walks[key % self.blocks]
                grow += walk[after] - walk[before]
        grow += 2 * (max(0.0, load.x_low - extra.x_low) + max(0.0, extra.x_high - load.x_high))
        return grow + 2 * max(0.0, extra.reach - load.reach)

    def _segment(self, key: int, mask: int) -> float:
        if not mask:
            return 0.0
        block = key % self.blocks
        length = self.cross[block + 1] - self.cross[block]
        return length if mask == 3 else ONE_HALF * length

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
