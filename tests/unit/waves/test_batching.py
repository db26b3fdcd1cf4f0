import math
import random

import pytest

from app.errors import BadInput
from app.routing import solve_route
from app.routing.samples import grid_layout
from app.waves import Order, plan_batches


@pytest.fixture(scope="module")
def layout():
    return grid_layout(aisles=10, blocks=2, bays=15, depot="middle")


def random_orders(layout, count, seed):
    rng = random.Random(seed)
    codes = [loc.code for loc in layout.locations]
    return [{"id": f"SO-{i}", "picks": rng.sample(codes, rng.randint(1, 5))} for i in range(count)]


@pytest.mark.parametrize("strategy", ["proximity", "fcfs"])
@pytest.mark.parametrize("capacity", [1, 3, 8])
def test_every_order_on_exactly_one_cart_within_capacity(layout, strategy, capacity):
    orders = random_orders(layout, 41, seed=capacity)
    batches = plan_batches(layout, orders, capacity, strategy)
    placed = [oid for b in batches for oid in b.order_ids]
    assert sorted(placed) == sorted(o["id"] for o in orders)
    assert all(1 <= len(b.order_ids) <= capacity for b in batches)
    picks = {o["id"]: o["picks"] for o in orders}
    for b in batches:  # each cart's sequence is its exact route
        codes = [c for oid in b.order_ids for c in picks[oid]]
        assert sorted(b.sequence) == sorted(codes)
        assert b.distance_m == pytest.approx(solve_route(layout, codes).distance_m)


def test_proximity_walks_less_than_first_come_first_served(layout):
    orders = random_orders(layout, 160, seed=5)
    fcfs = sum(b.distance_m for b in plan_batches(layout, orders, 8, "fcfs"))
    ours = sum(b.distance_m for b in plan_batches(layout, orders, 8))
    assert ours < 0.9 * fcfs


def test_same_input_same_plan(layout):
    orders = random_orders(layout, 60, seed=9)
    once = plan_batches(layout, orders, 6, time_limit_s=math.inf)  # the work ends it, no clock
    assert plan_batches(layout, orders, 6, time_limit_s=math.inf) == once


def test_urgent_orders_go_on_earlier_carts(layout):
    orders = random_orders(layout, 30, seed=3)
    orders[25]["ship_by"] = "2026-11-30T10:00"
    orders[17]["ship_by"] = "2026-11-30T09:00"
    orders[3]["priority"] = 5
    batches = plan_batches(layout, orders, 4)
    assert batches[0].order_ids[:3] == ("SO-17", "SO-25", "SO-3")  # ship-by first, then priority
    position = {oid: n for n, b in enumerate(batches) for oid in b.order_ids}
    assert position["SO-3"] == min(
        n for oid, n in position.items() if oid not in {"SO-17", "SO-25"}
    )


def test_groups_never_share_a_cart(layout):
    orders = random_orders(layout, 40, seed=4)
    for i, order in enumerate(orders):
        order["group"] = "SF 16:00" if i % 3 else "JD 18:00"
    group = {o["id"]: o["group"] for o in orders}
    for b in plan_batches(layout, orders, 5):
        assert len({group[oid] for oid in b.order_ids}) == 1


def test_accepts_order_objects_and_empty_orders(layout):
    orders = [Order("A", ("A01-001-L-1",)), Order("B", ()), Order("C", ("A01-001-L-1",))]
    batches = plan_batches(layout, orders, 8)
    assert [b.order_ids for b in batches] == [("A", "B", "C")]
    assert batches[0].sequence == ("A01-001-L-1", "A01-001-L-1")
    assert plan_batches(layout, [], 8) == []


def test_bad_input_is_rejected(layout):
    with pytest.raises(BadInput, match="capacity"):
        plan_batches(layout, random_orders(layout, 3, 1), 0)
    with pytest.raises(BadInput, match="'SO-1' is listed twice"):
        plan_batches(layout, [{"id": "SO-1", "picks": []}, {"id": "SO-1", "picks": []}], 2)
    with pytest.raises(BadInput, match="'NOPE'"):
        plan_batches(layout, [{"id": "SO-1", "picks": ["NOPE"]}], 2)
