"""`tour_length` (the DP without its walk, for batching) equals the router's exact length, and its
bound only ever answers "longer than the bound" when that is true."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.routing import solve_route
from app.routing.length import INF, Locations, tour_length

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


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 10**9), blocks=st.integers(1, 5))
def test_a_plans_own_numbering_prices_its_carts_as_the_router_does(seed, blocks):
    """Batching numbers only its orders' locations; any cart (a union of some of them, as bits)
    must cost what the router says, whatever locations were left out of the numbering."""
    rng = random.Random(seed)
    layout = irregular_layout(rng, aisles=rng.randint(1, 6), blocks=blocks)
    pool = [loc.code for loc in layout.locations]
    numbered = rng.sample(pool, min(len(pool), rng.randint(1, 70)))
    locations = Locations(layout, numbered)
    assert sorted(locations.codes) == sorted(set(numbered))  # each once
    for _ in range(5):
        cart = rng.sample(numbered, min(len(numbered), rng.randint(0, 12)))
        bits = locations.bits(cart[: len(cart) // 2]) | locations.bits(cart[len(cart) // 2 :])
        assert abs(locations.length(bits) - solve_route(layout, cart).distance_m) < 1e-6
