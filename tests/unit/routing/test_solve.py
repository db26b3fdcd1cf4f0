import random

import pytest

from app.errors import BadInput
from app.routing import UnknownLocation, solve_route
from app.routing.samples import grid_layout, random_picks

from .routing_oracles import irregular_layout


def test_optimal_is_never_worse_than_either_baseline():
    rng = random.Random(7)
    checked = 0
    for blocks in (1, 2, 3):
        for depot in ("corner", "middle", "left"):
            layout = grid_layout(aisles=8, blocks=blocks, bays=12, depot=depot)
            for _ in range(25):
                codes = random_picks(layout, rng.choice([1, 3, 5, 10, 20, 40]), rng)
                best = solve_route(layout, codes).distance_m
                for method in ("s-shape", "largest-gap"):
                    assert best <= solve_route(layout, codes, method).distance_m + 1e-9
                checked += 1
    assert checked == 225


@pytest.mark.parametrize("seed", range(60))
def test_optimal_never_worse_on_irregular_layouts(seed):
    rng = random.Random(1000 + seed)
    layout = irregular_layout(rng, aisles=rng.randint(2, 7), blocks=rng.randint(1, 4))
    pool = [loc.code for loc in layout.locations]
    codes = rng.sample(pool, min(len(pool), rng.randint(1, 25)))
    best = solve_route(layout, codes)
    assert sorted(best.sequence) == sorted(codes)
    for method in ("s-shape", "largest-gap"):
        assert best.distance_m <= solve_route(layout, codes, method).distance_m + 1e-9


def test_same_picks_in_any_order_give_the_same_route():
    layout = grid_layout(aisles=12, blocks=2, bays=40, depot="middle")
    codes = random_picks(layout, 30, random.Random(3))
    first = solve_route(layout, codes)
    shuffled = codes[:]
    random.Random(4).shuffle(shuffled)
    assert solve_route(layout, shuffled) == first
    assert first.method == "optimal"


def test_a_code_listed_twice_is_visited_twice_in_a_row():
    layout = grid_layout(aisles=4, blocks=1, bays=5)
    route = solve_route(layout, ["A02-003-L-1", "A01-001-R-1", "A02-003-L-1"])
    assert sorted(route.sequence) == ["A01-001-R-1", "A02-003-L-1", "A02-003-L-1"]
    i = route.sequence.index("A02-003-L-1")
    assert route.sequence[i + 1] == "A02-003-L-1"
    assert route.distance_m == solve_route(layout, ["A02-003-L-1", "A01-001-R-1"]).distance_m


def test_empty_pick_list_is_an_empty_route():
    layout = grid_layout(aisles=4, blocks=2, bays=5)
    for method in ("optimal", "s-shape", "largest-gap"):
        route = solve_route(layout, [], method)
        assert (route.sequence, route.distance_m) == ((), 0.0)


def test_unknown_code_and_method_are_bad_input():
    layout = grid_layout(aisles=4, blocks=1, bays=5)
    with pytest.raises(UnknownLocation, match="Z99-001"):
        solve_route(layout, ["A01-001-L-1", "Z99-001"])
    with pytest.raises(BadInput, match="unknown routing method"):
        solve_route(layout, ["A01-001-L-1"], "zigzag")


def test_one_pick_is_there_and_back():
    layout = grid_layout(aisles=4, blocks=1, bays=10, aisle_gap=4.0)
    route = solve_route(layout, ["A03-004-L-1"])  # x 8, y 3.5 from the corner depot
    assert route.distance_m == pytest.approx(2 * (8 + 3.5))


def test_many_blocks_fall_back_to_a_real_route_never_worse_than_the_baselines():
    layout = grid_layout(aisles=6, blocks=6, bays=5, depot="middle")
    rng = random.Random(11)
    for count in (1, 8, 25):
        codes = random_picks(layout, count, rng)
        best = solve_route(layout, codes)
        assert sorted(best.sequence) == sorted(codes)
        assert best == solve_route(layout, list(reversed(codes)))
        for method in ("s-shape", "largest-gap"):
            assert best.distance_m <= solve_route(layout, codes, method).distance_m + 1e-9
