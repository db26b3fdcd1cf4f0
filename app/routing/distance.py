"""Shortest walking distances in a parallel-aisle layout (closed form).

A walk between two points on different aisles has to cross sideways on some cross aisle `c`; it
walks |x1 - x2| across and |y1 - c| + |c - y2| along the aisles, and no other path is shorter
(every path covers at least that much of each direction). On the same aisle the walk is straight.
The depot lies on a cross aisle, so the same formula holds for it (its best `c` is its own).
tests/unit/routing/test_distance.py checks this against Dijkstra over the walkway graph.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from app.routing.layout import Layout


@dataclass(frozen=True)
class Spot:
    """A point the picker stands at: a location's place on its aisle, or the depot."""

    x: float
    y: float


def spot_of(layout: Layout, code: str) -> Spot:
    loc = layout.location(code)
    return Spot(layout.aisles[layout.aisle_index(loc.aisle)].x, loc.y)


def depot_spot(layout: Layout) -> Spot:
    return Spot(layout.depot.x, layout.depot.y)


def vertical_detour(cross_aisles: Sequence[float], y1: float, y2: float) -> float:
    """min over cross aisles c of |y1 - c| + |c - y2|: the along-aisle part of a sideways walk."""
    low, high = min(y1, y2), max(y1, y2)
    i = bisect_left(cross_aisles, low)
    if i < len(cross_aisles) and cross_aisles[i] <= high:
        return high - low  # a cross aisle lies between them: no detour
    best = float("inf")
    if i < len(cross_aisles):  # nearest cross aisle above both
        best = 2 * cross_aisles[i] - low - high
    if i > 0:  # nearest cross aisle below both
        best = min(best, low + high - 2 * cross_aisles[i - 1])
    return best


def walk_distance(cross_aisles: Sequence[float], a: Spot, b: Spot) -> float:
    if a.x == b.x:
        return abs(a.y - b.y)
    return abs(a.x - b.x) + vertical_detour(cross_aisles, a.y, b.y)


def tour_distance(layout: Layout, spots: Sequence[Spot], start: Spot | None = None) -> float:
    """Depot (or `start`) → spots in order → depot, each leg walked the shortest way."""
    depot = depot_spot(layout)
    path = [start or depot, *spots, depot]
    return sum(walk_distance(layout.cross_aisles, p, q) for p, q in pairwise(path))


def route_distance(layout: Layout, codes: Sequence[str]) -> float:
    return tour_distance(layout, [spot_of(layout, c) for c in codes])
