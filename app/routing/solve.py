"""`solve_route`: the one entry point the CLI, the wave planner and the UI call."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from app.errors import BadInput
from app.routing.distance import Spot, depot_spot, spot_of, tour_distance
from app.routing.heuristics import largest_gap_sequence, s_shape_sequence
from app.routing.layout import Layout
from app.routing.local_search import improve_order
from app.routing.optimal import optimal_sequence

METHODS = ("optimal", "s-shape", "largest-gap")
EXACT_MAX_BLOCKS = 4  # the DP's work grows exponentially with cross aisles (see local_search)
LOCAL_SEARCH_MAX_STOPS = 150  # 2-opt is quadratic per pass: past this it costs seconds
_HEURISTICS = {"s-shape": s_shape_sequence, "largest-gap": largest_gap_sequence}


@dataclass(frozen=True)
class Route:
    """Codes in walking order (a code asked for twice appears twice, side by side) and the
    length of the walk depot (or the start) → codes → depot in metres."""

    sequence: tuple[str, ...]
    distance_m: float
    method: str


def solve_route(
    layout: Layout, codes: list[str], method: str = "optimal", start: str | None = None
) -> Route:
    """The route through `codes` by `method`; the same input always gives the same route.

    "optimal" is the shortest route (an exact dynamic program) for layouts of up to
    EXACT_MAX_BLOCKS blocks, and 2-opt/Or-opt from the better baseline beyond; either way it
    is also compared with both baselines, so it is never longer than either.
    `start`, a location code, makes the route open: from there through `codes` to the depot
    (a picker re-routed where they stand; "optimal" only, exact up to EXACT_MAX_BLOCKS).
    Raises `BadInput` (`UnknownLocation`) naming the first unknown code, or an unknown method.
    """
    if method not in METHODS:
        raise BadInput(f"unknown routing method {method!r}: use one of {', '.join(METHODS)}")
    if start is not None and method != "optimal":
        raise BadInput(f"a route from {start!r} is solved by the optimal method, not {method!r}")
    counts = Counter(codes)
    spots = {code: spot_of(layout, code) for code in counts}  # first appearance order
    stops = [(spot, code) for code, spot in spots.items()]
    origin = spot_of(layout, start) if start is not None else None

    def length(order: list[str]) -> float:
        return tour_distance(layout, [spots[code] for code in order], origin)

    if method in _HEURISTICS:
        order = _HEURISTICS[method](layout, stops)
        distance = length(order)
    else:
        # The heuristics' routes bound the search and are a safety net: the DP is exact (tested
        # against Held-Karp), so the min() only matters if that ever stops being true.
        candidates = [(length(o), o) for o in (h(layout, stops) for h in _HEURISTICS.values())]
        found = _shortest(layout, stops, spots, candidates, origin)
        distance, order = min([(length(found), found), *candidates], key=lambda c: c[0])
    sequence = tuple(code for code in order for _ in range(counts[code]))
    return Route(sequence, round(distance, 9), method)


def _shortest(layout: Layout, stops, spots, candidates, origin: Spot | None) -> list[str]:
    """The exact route for up to EXACT_MAX_BLOCKS blocks. Beyond, the exact route in the same
    layout with only some cross aisles (still a real walk), then 2-opt/Or-opt on the real one
    (a closed tour only: an open route keeps the reduced layout's exact route)."""
    bound = min(d for d, _ in candidates)
    if layout.blocks <= EXACT_MAX_BLOCKS:
        return optimal_sequence(layout, stops, upper_bound=bound, start=origin)[0]
    first, _ = optimal_sequence(exactly_solved(layout), stops, start=origin)
    if len(first) > LOCAL_SEARCH_MAX_STOPS or origin is not None:
        return first
    better = improve_order(layout.cross_aisles, depot_spot(layout), [spots[c] for c in first])
    return [first[i] for i in better]


def exactly_solved(layout: Layout) -> Layout:
    """The layout whose routes the DP finds exactly: this one up to EXACT_MAX_BLOCKS blocks;
    beyond, the same with only some of its cross aisles (every route there is a real walk
    here too, so its length is one a picker can walk)."""
    if layout.blocks <= EXACT_MAX_BLOCKS:
        return layout
    return replace(layout, cross_aisles=_some_cross_aisles(layout))


def _some_cross_aisles(layout: Layout) -> tuple[float, ...]:
    """Front, back, the depot's and evenly spread others: EXACT_MAX_BLOCKS + 1 in all."""
    cross = layout.cross_aisles
    keep = {cross[0], cross[-1], layout.depot.y}
    others = [c for c in cross if c not in keep]
    room = EXACT_MAX_BLOCKS + 1 - len(keep)
    keep |= {others[round(i * (len(others) - 1) / max(room - 1, 1))] for i in range(room)}
    return tuple(sorted(keep))
