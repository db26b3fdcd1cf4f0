"""The compiled nearness ranks carts exactly as the estimate (`Footprint.added` both ways)
does, on layouts with one or several block lengths and with more sub-aisles than one 64-bit
word holds."""

import random

import pytest

from app.routing.samples import grid_layout
from app.waves.batching import Order
from app.waves.footprint import Footprint, Load
from app.waves.nearness import Loads


@pytest.mark.parametrize(
    "layout",
    [
        grid_layout(aisles=12, blocks=1, bays=25, depot="left"),
        grid_layout(aisles=10, blocks=3, bays=12, depot="middle"),  # blocks 13, 14, 13 m
        grid_layout(aisles=30, blocks=4, bays=8, depot="left"),  # 120 sub-aisles: two words
    ],
)
def test_nearest_carts_are_ranked_by_the_estimate_both_ways(layout):
    footprint = Footprint(layout)
    rng = random.Random(7)
    codes = [loc.code for loc in layout.locations]
    carts = []
    for _ in range(30):
        load = Load()
        for k in range(rng.randint(1, 6)):
            picks = tuple(rng.sample(codes, rng.randint(1, 5)))
            load = load.plus(footprint.load(Order(f"SO-{k}", picks)))
        carts.append(load)
    loads = Loads(footprint, len(carts) + 1)
    for cart, load in enumerate(carts):
        loads.put(cart, load, live=True)
    loads.put(len(carts), Load(), live=False)  # an emptied cart is nobody's neighbour
    added = footprint.added
    for cart, load in enumerate(carts):
        expected = sorted(
            (c for c in range(len(carts)) if c != cart),
            key=lambda c: (added(load, carts[c]) + added(carts[c], load), c),
        )
        assert loads.nearest(cart) == expected
