"""The at-risk prediction (app/domain/at_risk.py), worked by hand."""

from datetime import datetime, timedelta

from app.domain.at_risk import (
    FloorPace,
    OpenOrder,
    Work,
    at_risk,
    next_collection,
    pace_of,
    predict,
)

ZONE = datetime.now().astimezone().tzinfo
NOW = datetime(2026, 12, 4, 9, 0, tzinfo=ZONE)
PACE = FloorPace(pick_lines_per_hour=60, packs_per_hour=30)  # a line a minute, a pack in 2


def order(ref, status="allocated", lines=3, due_in_h=8.0, priority=0, carrier="SF"):
    ship_by = NOW + timedelta(hours=due_in_h)
    return OpenOrder(ref, "web", f"SO-{ref}", status, priority, ship_by, carrier, lines)


def no_cutoffs(_carrier):
    return ()


def test_orders_are_worked_on_a_cart_first_then_by_ship_by():
    late_but_on_cart = order(1, "picking", lines=6, due_in_h=9)
    urgent = order(2, lines=3, due_in_h=1)
    done = {p.order.ref: p for p in predict([urgent, late_but_on_cart], PACE, no_cutoffs, NOW)}
    # the cart's 6 lines take 6 min, its pack 2 min; then 3 more lines (9 min), 2 min to pack
    assert done[1].packed_at == NOW + timedelta(minutes=8)
    assert done[2].packed_at == NOW + timedelta(minutes=11)


def test_packing_waits_for_the_packer_as_well_as_the_picks():
    quick = [order(n, "picked", lines=0) for n in (1, 2, 3)]
    packed = [p.packed_at for p in predict(quick, PACE, no_cutoffs, NOW)]
    assert packed == [NOW + timedelta(minutes=m) for m in (2, 4, 6)]


def test_an_order_ships_at_its_carriers_next_collection():
    packed = order(1, "packed", lines=0, due_in_h=6)  # due 15:00, collected at 16:30: at risk
    (prediction,) = predict([packed], PACE, lambda _c: ("12:00", "16:30"), NOW.replace(hour=13))
    assert prediction.ships_at == NOW.replace(hour=16, minute=30)
    assert prediction.at_risk


def test_after_the_last_collection_it_is_tomorrows_first():
    evening = NOW.replace(hour=18)
    assert next_collection(("12:00", "16:30"), evening) == evening.replace(hour=12) + timedelta(
        days=1
    )


def test_only_orders_predicted_late_and_not_late_yet_are_at_risk():
    orders = [
        order(1, lines=30, due_in_h=0.25),  # 30 min of picking, due in 15: at risk
        order(2, lines=1, due_in_h=5),  # in time
        order(3, "released", lines=1, due_in_h=-1),  # late already: the lead's "late" item
    ]
    assert [p.order.ref for p in at_risk(orders, PACE, no_cutoffs, NOW)] == [1]


def test_without_a_pace_nothing_is_predicted():
    slow = FloorPace(pick_lines_per_hour=0, packs_per_hour=30)
    assert predict([order(1, due_in_h=0.1)], slow, no_cutoffs, NOW) == []


def test_the_pace_is_each_workers_own_rate_while_working_summed():
    def every(user, kind, start_min, count, gap_s):
        start = NOW + timedelta(minutes=start_min)
        return [Work(kind, user, start + timedelta(seconds=gap_s * n)) for n in range(count)]

    work = [
        *every("Ana", "pick", -60, 20, 60),  # a line a minute for 20 minutes,
        *every("Ana", "pick", -10, 10, 60),  # a 30-minute break, then on again: 60 lines/h
        *every("Ben", "pick", -15, 31, 30),  # two lines a minute: 120 lines/h
        *every("Cai", "pick", -60, 20, 60),  # stopped 41 minutes ago: not picking now
        *every("Dee", "pack", -20, 11, 120),  # an order every two minutes: 30 orders/h
    ]
    pace = pace_of(work, NOW)
    assert round(pace.pick_lines_per_hour, 6) == 180
    assert round(pace.packs_per_hour, 6) == 30
