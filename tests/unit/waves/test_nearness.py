"""The compiled nearness ranks carts exactly as the estimate (`Footprint.added` both ways)
does, and ranks the swaps between two carts as the estimate and the orders' savings do, on
layouts with one or several block lengths and with more sub-aisles than one 64-bit word holds."""

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
@pytest.mark.parametrize("count", [1, 3, 9])
def test_the_best_swaps_are_ranked_as_the_estimate_and_the_savings_say(layout, count):
    """Each side's `count` best orders by (growth of the other cart less the order's saving,
    order), then their pairs by (sum, i, j): the same as in plain Python, ties included."""
    footprint = Footprint(layout)
    rng = random.Random(11)
    carts = random_loads(footprint, layout, 6, 8, seed=5)
    orders = random_loads(footprint, layout, 40, 1, seed=6)
    cart_loads, order_loads = Loads(footprint, len(carts)), Loads(footprint, len(orders))
    for cart, load in enumerate(carts):
        cart_loads.put(cart, load, live=True)
    for i, load in enumerate(orders):
        order_loads.put(i, load, live=True)
    for a, b in [(0, 1), (2, 3), (4, 5), (1, 0)]:
        one = np.array(sorted(rng.sample(range(40), rng.randint(1, 8))), dtype=np.int64)
        two = np.array(sorted(rng.sample(range(40), rng.randint(1, 8))), dtype=np.int64)
        saved_one = np.array([rng.choice([0.0, 2.5, rng.uniform(0, 30)]) for _ in one])
        saved_two = np.array([rng.choice([0.0, 2.5, rng.uniform(0, 30)]) for _ in two])

        def leavers(members, saved, to):
            added = footprint.added
            pairs = zip(members, saved, strict=True)
            guesses = [(added(carts[to], orders[i]) - s, int(i)) for i, s in pairs]
            return sorted(guesses)[:count]

        expected = sorted(
            (x + y, i, j)
            for x, i in leavers(one, saved_one, b)
            for y, j in leavers(two, saved_two, a)
        )[:count]
        found = cart_loads.best_swaps(a, b, order_loads, (one, saved_one), (two, saved_two), count)
        assert found == [[i, j] for _, i, j in expected]
