"""S-shape and largest gap on small layouts where the right answer can be drawn by hand."""

import random

import pytest

from app.routing import load_layout, route_distance
from app.routing.distance import spot_of
from app.routing.heuristics import largest_gap_sequence, s_shape_sequence
from app.routing.samples import grid_layout, random_picks


def one_block(locations, depot_x=0.0):
    """Three aisles 4 m apart, 10 m long, depot at the front."""
    return load_layout(
        {
            "format": "shipshape.layout/1",
            "name": "hand",
            "aisle_length": 10.0,
            "aisles": [{"id": a, "x": 4.0 * i} for i, a in enumerate("ABC")],
            "cross_aisles": [0.0, 10.0],
            "depot": {"x": depot_x, "y": 0.0},
            "locations": [
                {"code": code, "aisle": code[0], "y": float(code[1:]), "side": "L", "level": 1}
                for code in locations
            ],
        }
    )


def stops(layout, codes):
    return [(spot_of(layout, c), c) for c in codes]


def test_s_shape_traverses_each_pick_aisle_in_turn():
    layout = one_block(["A2", "A8", "C3", "C9", "B5"])
    order = s_shape_sequence(layout, stops(layout, ["C9", "A8", "B5", "C3", "A2"]))
    assert order == ["A2", "A8", "B5", "C3", "C9"]  # up A, down B, up C and back to the front
    assert route_distance(layout, order) == pytest.approx(8 + 11 + 12 + 6 + 17)


def test_largest_gap_skips_each_aisles_largest_gap():
    layout = one_block(["A5", "B1", "B9", "C2", "C8"])
    order = largest_gap_sequence(layout, stops(layout, ["B1", "B9", "C2", "C8", "A5"]))
    # up A entirely, B from the back (9) ... C traversed from the back, B's front part (1) last
    assert order == ["A5", "B9", "C8", "C2", "B1"]


def test_s_shape_starts_on_the_side_nearer_the_depot():
    layout = one_block(["A5", "C5"], depot_x=8.0)
    assert s_shape_sequence(layout, stops(layout, ["A5", "C5"])) == ["C5", "A5"]


@pytest.mark.parametrize("blocks", [1, 2, 3])
@pytest.mark.parametrize("heuristic", [s_shape_sequence, largest_gap_sequence])
def test_heuristics_visit_every_pick_once(blocks, heuristic):
    rng = random.Random(blocks)
    for depot in ("corner", "middle", "left"):
        layout = grid_layout(aisles=7, blocks=blocks, bays=10, depot=depot)
        for count in (1, 2, 7, 40):
            codes = random_picks(layout, count, rng)
            assert sorted(heuristic(layout, stops(layout, codes))) == sorted(codes)
