"""2-opt and Or-opt over a visiting order: the router for layouts with many blocks.

The exact dynamic program's frontier grows exponentially with the number of cross aisles
(4 blocks: about 0.1-0.4 s; 6 blocks: seconds), so beyond `solve.EXACT_MAX_BLOCKS` the route is
the best baseline improved by these classic moves until none helps (or a fixed number of
passes: no clock, so the same input always gives the same route). Not proven optimal there.
"""

from __future__ import annotations

from app.routing.distance import Spot, walk_distance

MAX_PASSES = 50


def improve_order(cross: tuple[float, ...], depot: Spot, spots: list[Spot]) -> list[int]:
    """Indices into `spots` in a shorter (never longer) visiting order than 0, 1, 2, ..."""
    points = [depot, *spots]
    d = [[walk_distance(cross, p, q) for q in points] for p in points]
    tour = list(range(len(points)))  # tour[0] is the depot; the walk returns to it
    for _ in range(MAX_PASSES):
        if not (_two_opt(tour, d) | _or_opt(tour, d)):
            break
    return [i - 1 for i in tour[1:]]


def _two_opt(tour: list[int], d) -> bool:
    """Reverse tour[i..j] where that shortens the closed walk."""
    n, improved = len(tour), False
    for i in range(1, n - 1):
        for j in range(i + 1, n):
            a, b = tour[i - 1], tour[i]
            c, e = tour[j], tour[(j + 1) % n]
            if d[a][c] + d[b][e] < d[a][b] + d[c][e] - 1e-9:
                tour[i : j + 1] = tour[i : j + 1][::-1]
                improved = True
    return improved


def _or_opt(tour: list[int], d) -> bool:
    """Move a run of 1-3 stops (either way round) to where it is cheapest, if that helps."""
    improved = False
    for length in (1, 2, 3):
        i = 1
        while i + length <= len(tour):
            if _move_run(tour, d, i, length):
                improved = True
            i += 1
    return improved


def _move_run(tour: list[int], d, i: int, length: int) -> bool:
    n = len(tour)
    run = tour[i : i + length]
    before, after = tour[i - 1], tour[(i + length) % n]
    gain = d[before][run[0]] + d[run[-1]][after] - d[before][after]
    rest = tour[:i] + tour[i + length :]
    best = None
    for k in range(len(rest)):
        p, q = rest[k], rest[(k + 1) % len(rest)]
        for candidate in (run, run[::-1]):
            cost = d[p][candidate[0]] + d[candidate[-1]][q] - d[p][q]
            if cost < gain - 1e-9 and (best is None or cost < best[0]):
                best = (cost, k, candidate)
    if best is None:
        return False
    _, k, candidate = best
    tour[:] = rest[: k + 1] + candidate + rest[k + 1 :]
    return True
