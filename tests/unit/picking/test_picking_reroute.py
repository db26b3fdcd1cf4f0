"""Routes that follow the picker: after a skip or a short the rest of the route is re-solved
from where the picker stands; the task at hand never moves; every remaining task once."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.events import Actor
from app.domain.picking import CartSlot, PickListView, PickTaskView
from app.routing.distance import depot_spot, spot_of, tour_distance, walk_distance
from app.scanning.interpret import interpret
from app.steps import picking, picking_route
from app.steps.picking_route import on_rerouted, reroute_request, solve_reroute
from tests.unit.routing.routing_oracles import irregular_layout

GTIN = "08712345000189"


def random_list(rng: random.Random, layout, tasks: int) -> PickListView:
    pool = [loc.code for loc in layout.locations]
    views = tuple(
        PickTaskView(100 + i, i + 1, rng.choice(pool), "SKU-A", "Chocolate", (GTIN,), 1, 1, "SO-1")
        for i in range(tasks)
    )
    return PickListView(7, "W1", "pia", "assigned", views, (CartSlot(1, "SO-1", "0001"),))


def on_scan(state, raw):
    return picking.on_scan(state, interpret(raw), "2026-12-05")


def walked_at(state, rng):
    """The picker walks a few tasks of the list first (some scanned, one picked)."""
    state = on_scan(state, f"L:{state.current_task.location}").state
    if rng.random() < 0.5:
        state = on_scan(state, f"]C101{GTIN}").state
        state = on_scan(state, "T:0001").state
    return state


def best_rest(layout, start, here, rest_codes) -> float:
    origin = spot_of(layout, start) if start else depot_spot(layout)
    first = walk_distance(layout.cross_aisles, origin, spot_of(layout, here))
    spots = [spot_of(layout, c) for c in dict.fromkeys(rest_codes)]
    return first + min(
        tour_distance(layout, list(p), spot_of(layout, here)) for p in permutations(spots)
    )


def rerouted(layout, state):
    request = reroute_request(state)
    assert request is not None
    result = solve_reroute(layout, request)
    return request, result, on_rerouted(state, result)


@settings(max_examples=120, deadline=None)
@given(seed=st.integers(0, 10**9), blocks=st.integers(1, 3), how=st.sampled_from(["SKIP", "SHORT"]))
def test_after_a_skip_or_a_short_the_rest_is_optimal_and_the_task_at_hand_stays(seed, blocks, how):
    rng = random.Random(seed)
    layout = irregular_layout(rng, aisles=rng.randint(1, 5), blocks=blocks)
    state = picking.start(random_list(rng, layout, rng.randint(4, 8)), Actor("pia", "PICK-01"))
    state = walked_at(state, rng)
    if how == "SKIP":
        after = on_scan(state, "C:SKIP").state
    else:
        after = on_scan(on_scan(state, "C:SHORT").state, "C:CONFIRM").state
    if len(after.route) < 3:
        assert reroute_request(after) is None
        return
    request, result, verdict = rerouted(layout, after)
    route = verdict.state.route if verdict else after.route
    assert route[0] == after.route[0]  # what the picker looks at does not move
    assert sorted(route) == sorted(after.route)  # every remaining task exactly once
    here = after.task_by_id(route[0]).location
    codes = [after.task_by_id(i).location for i in route[1:]]
    walked = walk_distance(
        layout.cross_aisles,
        spot_of(layout, after.at_location) if after.at_location else depot_spot(layout),
        spot_of(layout, here),
    ) + tour_distance(layout, [spot_of(layout, c) for c in codes], spot_of(layout, here))
    best = best_rest(layout, after.at_location, here, codes)
    assert walked == pytest.approx(best, abs=1e-6)
    assert result.distance_m == pytest.approx(best, abs=0.06)
    if verdict:
        assert verdict.durable and [f.kind for f in verdict.facts] == ["pick.rerouted"]
        assert verdict.facts[0].payload["task_ids"] == list(route)
        assert verdict.facts[0].payload["start"] == after.at_location
        seqs = [verdict.state.task_by_id(i).seq for i in route]
        assert seqs == sorted(seqs)  # the station's copy numbers them as central will
        assert picking.start(verdict.state.pick_list, after.actor).route == route


def demo_state():
    rng = random.Random(3)
    layout = irregular_layout(rng, aisles=5, blocks=2)
    state = picking.start(random_list(rng, layout, 7), Actor("pia", "PICK-01"))
    return layout, on_scan(state, f"L:{state.current_task.location}").state


def test_a_skipped_task_is_not_put_straight_back_in_front_of_the_picker():
    layout, state = demo_state()
    skipped_id = state.route[0]
    after = on_scan(state, "C:SKIP").state
    _, _, verdict = rerouted(layout, after)
    route = verdict.state.route if verdict else after.route
    assert route[0] != skipped_id and skipped_id in route


def test_a_result_for_a_state_that_moved_on_is_dropped():
    layout, state = demo_state()
    after = on_scan(state, "C:SKIP").state
    request = reroute_request(after)
    result = solve_reroute(layout, request)
    moved = on_scan(after, "C:SKIP").state  # another skip before the answer came
    assert on_rerouted(moved, result) is None
    assert on_rerouted(after, result) is not None or result.rest == after.route[1:]


def test_an_unknown_location_leaves_the_route_as_it_is():
    layout, state = demo_state()
    task = state.current_task
    odd = state.pick_list.with_task(PickTaskView(**{**task.__dict__, "location": "NOWHERE"}))
    request = reroute_request(picking.start(odd, state.actor))
    assert solve_reroute(layout, request) is None


def test_a_list_changed_under_the_picker_keeps_the_task_at_hand_and_takes_new_tasks_in():
    layout, state = demo_state()
    view = state.pick_list
    assert picking_route.with_changed_list(state, view) is None  # the echo of its own facts
    extra = PickTaskView(
        999, 99, layout.locations[0].code, "SKU-A", "Chocolate", (GTIN,), 1, 1, "SO-1"
    )
    grown = picking_route.with_changed_list(state, replace(view, tasks=(*view.tasks, extra)))
    assert grown.route == (*state.route, 999) and grown.phase is state.phase
    gone = state.route[0]
    taken = replace(view, tasks=tuple(t for t in view.tasks if t.id != gone))
    shrunk = picking_route.with_changed_list(state, taken)
    assert shrunk.route == state.route[1:] and shrunk.counted == 0
    assert shrunk.phase in (picking.Phase.LOCATION, picking.Phase.ITEM)


def closed_best(layout, codes) -> float:
    spots = [spot_of(layout, c) for c in dict.fromkeys(codes)]
    return min(tour_distance(layout, list(p)) for p in permutations(spots))


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**9), blocks=st.integers(1, 3))
def test_a_list_handed_over_is_solved_whole_from_the_depot(seed, blocks):
    """Another picker picked some of it: the new picker, at the depot, gets the shortest
    tour through what is left, the first task included (nothing is on their screen yet)."""
    rng = random.Random(seed)
    layout = irregular_layout(rng, aisles=rng.randint(1, 5), blocks=blocks)
    view = random_list(rng, layout, rng.randint(4, 7))
    done = rng.sample(view.tasks, 2)
    for task in done:
        view = view.with_task(replace(task, picked=1, status="done", picked_by="ben"))
    state = picking.start(view, Actor("pia", "PICK-01"))
    request = picking_route.handover_request(state)
    assert request is not None and request.current is None
    verdict = on_rerouted(state, solve_reroute(layout, request))
    route = verdict.state.route if verdict else state.route
    assert sorted(route) == sorted(state.route)
    codes = [state.task_by_id(i).location for i in route]
    walked = tour_distance(layout, [spot_of(layout, c) for c in codes])
    assert walked == pytest.approx(closed_best(layout, codes), abs=1e-6)
    mine = view.with_task(replace(view.tasks[-1], picked=1, status="done", picked_by="pia"))
    assert picking_route.handover_request(picking.start(mine, state.actor)) is None
