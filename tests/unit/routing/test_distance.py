import random

import pytest

from app.routing.distance import depot_spot, spot_of, walk_distance

from .routing_oracles import dijkstra_distance, irregular_layout


@pytest.mark.parametrize("seed", range(40))
def test_closed_form_matches_dijkstra(seed):
    rng = random.Random(seed)
    layout = irregular_layout(rng, aisles=rng.randint(1, 5), blocks=rng.randint(1, 3))
    spots = [depot_spot(layout)] + [spot_of(layout, loc.code) for loc in layout.locations]
    for _ in range(30):
        a, b = rng.choice(spots), rng.choice(spots)
        expected = dijkstra_distance(layout, a, b)
        assert walk_distance(layout.cross_aisles, a, b) == pytest.approx(expected)
