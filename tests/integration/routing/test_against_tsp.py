"""The DP against an independent TSP solver on pick lists too big for Held-Karp in Python."""

import random

import pytest

from app.routing import route_distance, solve_route
from app.routing.distance import depot_spot, spot_of, walk_distance
from app.routing.samples import grid_layout, random_picks

fast_tsp = pytest.importorskip("fast_tsp")  # in the test extra; exact up to 20 nodes


def fast_tsp_length(layout, codes):
    spots = [depot_spot(layout)] + [spot_of(layout, c) for c in codes]
    metres = [[walk_distance(layout.cross_aisles, p, q) for q in spots] for p in spots]
    matrix = [[round(100 * d) for d in row] for row in metres]  # centimetres, uint16
    tour = fast_tsp.find_tour(matrix)
    start = tour.index(0)
    return route_distance(layout, [codes[i - 1] for i in tour[start + 1 :] + tour[:start]])


@pytest.mark.slow
@pytest.mark.parametrize("blocks", [1, 2, 3])
def test_exact_tsp_never_finds_a_shorter_route(blocks):
    rng = random.Random(blocks)
    for depot in ("corner", "middle"):
        layout = grid_layout(aisles=8, blocks=blocks, bays=12, depot=depot)
        for _ in range(4):
            codes = random_picks(layout, 19, rng)  # 20 nodes: fast-tsp solves these exactly
            assert solve_route(layout, codes).distance_m == pytest.approx(
                fast_tsp_length(layout, codes)
            )
