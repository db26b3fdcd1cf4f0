"""The pure slotting code: classes, replay, proposals (app/slotting)."""

from __future__ import annotations

import random

from app.routing import solve_route
from app.routing.samples import grid_layout
from app.slotting import Limits, Replay, classify, propose
from app.slotting.plan import depot_distances

LAYOUT = grid_layout(aisles=6, bays=20, depot="corner")  # 240 locations


def test_abc_and_picks_count_lists_not_units():
    lists = [("A", "A", "B"), ("A",), ("A", "C"), ("A",), ("B",)]
    classes = classify(lists)
    assert classes.picks == {"A": 4, "B": 2, "C": 1}
    assert classes.ranked == ("A", "B", "C")
    shares = classify([("A",)] * 16 + [("B",)] * 2 + [("C",), ("D",)]).abc
    assert shares == {"A": "A", "B": "B", "C": "B", "D": "C"}  # 80 % / 15 % / the rest


def test_coi_is_space_per_pick_with_the_median_where_unknown():
    classes = classify([("A",), ("A",), ("B",)], space={"A": 100.0, "C": 300.0})
    assert classes.coi["A"] == 50.0
    assert classes.coi["B"] == 200.0  # B has no dimensions: the median space


def test_partners_are_products_ordered_together():
    lists = [("A", "B")] * 4 + [("A",)] * 4 + [("C",)] * 9 + [("B", "C")]
    classes = classify(lists)
    assert classes.partners["A"] == ("B",)
    assert "C" not in classes.partners.get("B", ())  # once together: not a pair


def test_replay_is_the_exact_route_of_each_list():
    homes = {"A": "A06-020-L-1", "B": "A01-001-L-1", "C": "A03-010-R-1"}
    replay = Replay(LAYOUT, [("A", "B"), ("C",), ("A", "C", "X")])
    expected = (
        solve_route(LAYOUT, [homes["A"], homes["B"]]).distance_m
        + solve_route(LAYOUT, [homes["C"]]).distance_m
        + solve_route(LAYOUT, [homes["A"], homes["C"]]).distance_m
    )
    assert abs(replay.total_m(homes) - expected) < 1e-6
    assert replay.unrouted(homes) == 1  # X has no home


def _history(seed: int = 3) -> tuple[list[tuple[str, ...]], dict[str, str]]:
    rng = random.Random(seed)
    skus = [f"P{i:03d}" for i in range(120)]
    weights = [1 / (i + 2) for i in range(len(skus))]
    lists = [tuple(set(rng.choices(skus, weights, k=rng.randint(1, 4)))) for _ in range(600)]
    codes = [loc.code for loc in LAYOUT.locations]
    rng.shuffle(codes)
    return lists, dict(zip(skus, codes, strict=False))


def test_proposal_respects_the_limits_and_saves_what_the_replay_says():
    lists, homes = _history()
    plan = propose(LAYOUT, lists, homes, Limits(max_moves=10, max_location_share=0.05))
    assert plan.relocations <= 10
    assert plan.touched <= 0.05 * len(LAYOUT.locations)
    assert plan.moves and all(m.saving_m > 0 for m in plan.moves)
    after = dict(homes)
    for move in plan.moves:
        assert homes[move.sku] == move.from_location
        after[move.sku] = move.to_location
        if move.swap_with:
            assert homes[move.swap_with] == move.to_location
            after[move.swap_with] = move.from_location
    replay = Replay(LAYOUT, lists)
    assert abs(replay.total_m(after) - plan.proposed_m) < 1e-6
    assert abs(sum(m.saving_m for m in plan.moves) - (plan.current_m - plan.proposed_m)) < 1e-6
    assert plan.proposed_m < plan.current_m


def test_fast_movers_come_nearer_the_depot():
    lists, homes = _history()
    plan = propose(LAYOUT, lists, homes, Limits(max_moves=6, max_location_share=1.0))
    far = depot_distances(LAYOUT)
    for move in plan.moves:
        assert far[move.to_location] < far[move.from_location]
        assert move.abc in "AB"


def test_blocked_locations_are_never_targets_and_no_location_moves_twice():
    lists, homes = _history(5)
    blocked = frozenset(loc.code for loc in LAYOUT.locations if loc.aisle == "A01")
    plan = propose(LAYOUT, lists, homes, Limits(40, 0.5), blocked=blocked)
    assert not {m.to_location for m in plan.moves} & blocked
    touched = [loc for m in plan.moves for loc in (m.from_location, m.to_location)]
    assert len(touched) == len(set(touched))


def test_a_well_slotted_site_gets_no_moves():
    lists = [("A",), ("A", "B")] * 5
    homes = {"A": "A01-001-L-1", "B": "A01-001-R-1"}
    assert propose(LAYOUT, lists, homes).moves == ()


def test_same_input_same_plan():
    lists, homes = _history(7)
    one = propose(LAYOUT, lists, homes, Limits(8, 0.05))
    two = propose(LAYOUT, lists, homes, Limits(8, 0.05))
    assert one.document() == two.document()


def test_fixed_products_stay_and_their_homes_are_no_targets():
    lists, homes = _history()
    free = propose(LAYOUT, lists, homes, Limits(6, 1.0))
    first = free.moves[0]
    fixed = frozenset({first.sku})
    plan = propose(LAYOUT, lists, homes, Limits(6, 1.0), fixed=fixed)
    assert first.sku not in {m.sku for m in plan.moves} | {m.swap_with for m in plan.moves}
    assert homes[first.sku] not in {m.to_location for m in plan.moves}
