import random

import pytest

from app.routing.distance import route_distance, spot_of
from app.routing.optimal import optimal_sequence

from .routing_oracles import held_karp, irregular_layout


@pytest.mark.parametrize("seed", range(150))
def test_dynamic_program_matches_held_karp(seed):
    rng = random.Random(seed)
    layout = irregular_layout(rng, aisles=rng.randint(1, 6), blocks=rng.randint(1, 3))
    pool = [loc.code for loc in layout.locations]
    codes = rng.sample(pool, min(len(pool), rng.randint(1, 8)))
    sequence, cost = optimal_sequence(layout, [(spot_of(layout, c), c) for c in codes])
    assert sorted(sequence) == sorted(codes)
    assert route_distance(layout, sequence) == pytest.approx(cost)
    assert cost == pytest.approx(held_karp(layout, codes))
