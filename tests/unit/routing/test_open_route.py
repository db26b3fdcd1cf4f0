"""The open route (from where the picker stands, through the picks, to the depot) is exact:
the dynamic program against brute force on small random layouts of one to four blocks."""

from __future__ import annotations

import random
from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import BadInput
from app.routing import solve_route
from app.routing.distance import depot_spot, spot_of, tour_distance
from app.routing.optimal import optimal_sequence

from .routing_oracles import irregular_layout


def brute_force(layout, start: str, codes: list[str]) -> float:
    origin = spot_of(layout, start)
    spots = {c: spot_of(layout, c) for c in codes}
    unique = list(spots)
    if not unique:
        return tour_distance(layout, [], origin)
    return min(tour_distance(layout, [spots[c] for c in p], origin) for p in permutations(unique))


def instance(seed: int, blocks: int, most: int = 6):
    rng = random.Random(seed)
    layout = irregular_layout(rng, aisles=rng.randint(1, 5), blocks=blocks)
    pool = [loc.code for loc in layout.locations]
    codes = rng.sample(pool, min(len(pool), rng.randint(0, most)))
    codes += rng.sample(codes, min(len(codes), rng.randint(0, 2)))  # a location asked twice
    return layout, rng.choice(pool), codes


@settings(max_examples=250, deadline=None)
@given(seed=st.integers(0, 10**9), blocks=st.integers(1, 3))
def test_the_open_route_is_as_short_as_brute_force(seed, blocks):
    layout, start, codes = instance(seed, blocks)
    route = solve_route(layout, codes, start=start)
    assert sorted(route.sequence) == sorted(codes)  # every pick exactly once
    walked = tour_distance(
        layout, [spot_of(layout, c) for c in route.sequence], spot_of(layout, start)
    )
    assert walked == pytest.approx(route.distance_m)
    assert route.distance_m == pytest.approx(brute_force(layout, start, codes))


@pytest.mark.parametrize("seed", range(40))
def test_four_blocks_and_the_dynamic_programs_own_cost(seed):
    layout, start, codes = instance(seed, blocks=4, most=7)
    stops = [(spot_of(layout, c), c) for c in dict.fromkeys(codes)]
    order, cost = optimal_sequence(layout, stops, start=spot_of(layout, start))
    assert cost == pytest.approx(brute_force(layout, start, codes))
    walked = tour_distance(layout, [spot_of(layout, c) for c in order], spot_of(layout, start))
    assert walked == pytest.approx(cost)


def test_a_start_on_a_cross_aisle_and_at_the_depot():
    rng = random.Random(5)
    layout = irregular_layout(rng, aisles=4, blocks=2)
    on_cross = [c.code for c in layout.locations if c.y in layout.cross_aisles]
    assert on_cross
    codes = [c.code for c in layout.locations[::5]]
    for start in on_cross:
        route = solve_route(layout, codes, start=start)
        assert route.distance_m == pytest.approx(brute_force(layout, start, codes))
    closed = solve_route(layout, codes)
    stops = [(spot_of(layout, c), c) for c in codes]
    assert optimal_sequence(layout, stops, start=depot_spot(layout))[1] == pytest.approx(
        closed.distance_m
    )


def test_only_the_exact_router_takes_a_start():
    layout, start, codes = instance(1, blocks=1)
    with pytest.raises(BadInput, match="optimal method"):
        solve_route(layout, codes, method="s-shape", start=start)
