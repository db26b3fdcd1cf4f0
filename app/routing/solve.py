"""`solve_route`: the one entry point the CLI, the wave planner and the UI call."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.errors import BadInput
from app.routing.distance import Spot, route_distance, spot_of
from app.routing.heuristics import largest_gap_sequence, s_shape_sequence
from app.routing.layout import Layout
from app.routing.optimal import optimal_sequence

METHODS = ("optimal", "s-shape", "largest-gap")
_HEURISTICS = {"s-shape": s_shape_sequence, "largest-gap": largest_gap_sequence}


@dataclass(frozen=True)
class Route:
    """Codes in walking order (a code asked for twice appears twice, side by side) and the
    length of the walk depot → codes → depot in metres."""

    sequence: tuple[str, ...]
    distance_m: float
    method: str


def solve_route(layout: Layout, codes: list[str], method: str = "optimal") -> Route:
    """The route through `codes` by `method`; the same input always gives the same route.

    "optimal" is the shortest route (an exact dynamic program); as a safety net it is also
    compared with both heuristics, so it is never longer than either.
    Raises `BadInput` (`UnknownLocation`) naming the first unknown code, or an unknown method.
    """
    if method not in METHODS:
        raise BadInput(f"unknown routing method {method!r}: use one of {', '.join(METHODS)}")
    counts = Counter(codes)
    stops = [(spot_of(layout, code), code) for code in counts]  # first appearance order
    order = _order(layout, stops, method)
    sequence = tuple(code for code in order for _ in range(counts[code]))
    return Route(sequence, route_distance(layout, order), method)


def _order(layout: Layout, stops: list[tuple[Spot, str]], method: str) -> list[str]:
    if method in _HEURISTICS:
        return _HEURISTICS[method](layout, stops)
    # The heuristics' routes bound the search and are a safety net: the DP is exact (tested
    # against Held-Karp), so the last line only matters if that ever stops being true.
    candidates = [heuristic(layout, stops) for heuristic in _HEURISTICS.values()]
    bound = min(route_distance(layout, order) for order in candidates)
    exact, _ = optimal_sequence(layout, stops, upper_bound=bound)
    return min([exact, *candidates], key=lambda order: route_distance(layout, order))
