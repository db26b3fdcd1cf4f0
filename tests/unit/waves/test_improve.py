import random

from app.routing.samples import grid_layout
from app.waves.batching import Order
from app.waves.footprint import Footprint
from app.waves.improve import improve


def test_local_search_shortens_the_estimate_and_keeps_every_order():
    layout = grid_layout(aisles=10, blocks=2, bays=15, depot="middle")
    rng = random.Random(2)
    codes = [loc.code for loc in layout.locations]
    orders = [Order(f"SO-{i}", tuple(rng.sample(codes, rng.randint(1, 5)))) for i in range(48)]
    footprint = Footprint(layout)
    loads = [footprint.load(o) for o in orders]
    carts = [list(range(i, i + 6)) for i in range(0, 48, 6)]  # first come, first served

    def total(carts):
        cost = 0.0
        for cart in carts:
            load = loads[cart[0]]
            for i in cart[1:]:
                load = load.plus(loads[i])
            cost += footprint.cost(load)
        return cost

    better = improve(
        footprint, carts, loads, [o.urgency for o in orders], lambda cart: len(cart) <= 6
    )
    assert sorted(i for cart in better for i in cart) == list(range(48))
    assert all(len(cart) <= 6 for cart in better)
    assert total(better) < 0.95 * total(carts)


def test_footprint_added_matches_the_sum():
    layout = grid_layout(aisles=6, blocks=3, bays=10)
    footprint = Footprint(layout)
    rng = random.Random(5)
    codes = [loc.code for loc in layout.locations]
    for _ in range(50):
        a = footprint.load(Order("a", tuple(rng.sample(codes, 4))))
        b = footprint.load(Order("b", tuple(rng.sample(codes, 3))))
        expected = footprint.cost(a.plus(b)) - footprint.cost(a)
        assert abs(footprint.added(a, b) - expected) < 1e-9
