"""The compiled nearness ranks carts exactly as the estimate (`Footprint.added` both ways)
does, and prices a cart's growth by single orders as it does, on layouts with one or several
block lengths and with more sub-aisles than one 64-bit word holds."""

import random

import numpy as np
import pytest

from app.routing.samples import grid_layout
from app.waves.batching import Order
from app.waves.footprint import Footprint, Load
from app.waves.nearness import Loads

LAYOUTS = [
    grid_layout(aisles=12, blocks=1, bays=25, depot="left"),
    grid_layout(aisles=10, blocks=3, bays=12, depot="middle"),  # blocks 13, 14, 13 m
    grid_layout(aisles=30, blocks=4, bays=8, depot="left"),  # 120 sub-aisles: two words
]


def random_loads(footprint, layout, count: int, most_orders: int, seed: int) -> list[Load]:
    """Loads of `count` carts of 1..most_orders random orders of 1-5 picks."""
    rng = random.Random(seed)
    codes = [loc.code for loc in layout.locations]
    carts = []
    for _ in range(count):
        load = Load()
        for k in range(rng.randint(1, most_orders)):
            picks = tuple(rng.sample(codes, rng.randint(1, 5)))
            load = load.plus(footprint.load(Order(f"SO-{k}", picks)))
        carts.append(load)
    return carts


@pytest.mark.parametrize("layout", LAYOUTS)
def test_nearest_carts_are_ranked_by_the_estimate_both_ways(layout):
    footprint = Footprint(layout)
    carts = random_loads(footprint, layout, 30, 6, seed=7)
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


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_carts_growth_by_each_order_is_the_estimates_to_the_bit(layout):
    footprint = Footprint(layout)
    carts = random_loads(footprint, layout, 10, 8, seed=3)
    orders = random_loads(footprint, layout, 40, 1, seed=4)
    cart_loads, order_loads = Loads(footprint, len(carts)), Loads(footprint, len(orders))
    for cart, load in enumerate(carts):
        cart_loads.put(cart, load, live=True)
    for i, load in enumerate(orders):
        order_loads.put(i, load, live=True)
    members = np.array([5, 0, 39, 17, 5], dtype=np.int64)  # any orders, in any order
    for cart, load in enumerate(carts):
        expected = [footprint.added(load, orders[i]) for i in members]
        assert cart_loads.added_to(cart, order_loads, members) == expected
