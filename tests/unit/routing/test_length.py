"""`tour_length` (the DP without its walk, for batching) equals the router's exact length, and its
bound only ever answers "longer than the bound" when that is true."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.routing import solve_route
from app.routing.length import INF, tour_length

from .routing_oracles import irregular_layout


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 10**9), blocks=st.integers(1, 5))
def test_length_equals_the_routers_and_the_bound_is_honest(seed, blocks):
    rng = random.Random(seed)
    layout = irregular_layout(rng, aisles=rng.randint(1, 6), blocks=blocks)
    pool = [loc.code for loc in layout.locations]
    codes = rng.sample(pool, min(len(pool), rng.randint(0, 12)))
    codes += rng.sample(codes, min(len(codes), rng.randint(0, 2)))  # a location asked twice
    exact = solve_route(layout, codes).distance_m
    assert abs(tour_length(layout, codes) - exact) < 1e-6
    assert abs(tour_length(layout, codes, bound=exact + 0.5) - exact) < 1e-6
    if exact > 0.5:
        assert tour_length(layout, codes, bound=exact - 0.5) == INF
