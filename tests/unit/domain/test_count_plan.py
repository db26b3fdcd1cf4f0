"""The count plan: ABC classes by pick frequency, the interval per class, due days spread so
each day's counting is level, and the count a short pick (empty / not found) triggers. Pure."""

import random
from collections import Counter
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.count_plan import (
    DEFAULT_PLAN,
    CountClass,
    CountPlan,
    classify,
    count_after_short,
    due_locations,
    location_class,
    pick_frequency,
)
from app.domain.picking import ShortReason

A, B, C = CountClass.A, CountClass.B, CountClass.C
DAY = date(2026, 12, 1)


def test_a_makes_the_first_80_percent_of_picks_b_the_next_15_and_c_the_rest():
    picks = {"FAST": 50, "GOOD": 30, "SLOW": 15, "TAIL": 5}
    assert classify(picks) == {"FAST": A, "GOOD": A, "SLOW": B, "TAIL": C}


def test_the_product_that_starts_at_exactly_80_percent_is_b_and_at_95_is_c():
    # Totals of 100: 79 % of picks ahead of MID1 (A), 80 % of MID2 (B), 94 % (B), 95 % (C)
    assert classify({"TOP": 79, "MID1": 21}) == {"TOP": A, "MID1": A}
    assert classify({"TOP": 80, "MID2": 20}) == {"TOP": A, "MID2": B}
    assert classify({"TOP": 94, "LOW1": 6}) == {"TOP": A, "LOW1": B}
    assert classify({"TOP": 95, "LOW2": 5}) == {"TOP": A, "LOW2": C}


def test_a_product_not_picked_in_the_window_is_c_and_no_picks_at_all_is_all_c():
    assert classify({"ONLY": 3, "NEVER": 0}) == {"ONLY": A, "NEVER": C}
    assert classify({"X": 0, "Y": 0}) == {"X": C, "Y": C}
    assert classify({}) == {}


def test_equal_picks_go_in_sku_order_whatever_order_they_come_in():
    # 100 picks: three products of 10 start at 65 %, 75 % and 85 %: A, A, B; the last 5 %: C
    picks = [("TOP", 65), ("T2", 10), ("T3", 10), ("T1", 10), ("LAST", 5)]
    for _ in range(5):
        random.shuffle(picks)
        assert classify(dict(picks)) == {"TOP": A, "T1": A, "T2": A, "T3": B, "LAST": C}


def test_a_sparse_window_of_one_pick_each_does_not_make_every_product_a():
    picks = {f"SKU-{n:03d}": 1 for n in range(100)}
    classes = Counter(classify(picks).values())
    assert classes == Counter({A: 80, B: 15, C: 5})


@given(st.dictionaries(st.text("ABCDEFGH", min_size=1, max_size=3), st.integers(0, 60)))
def test_class_a_is_the_fewest_products_that_reach_80_percent(picks):
    classes = classify(picks)
    total = sum(picks.values())
    a_picks = sum(n for sku, n in picks.items() if classes[sku] == A)
    ab_picks = sum(n for sku, n in picks.items() if classes[sku] in (A, B))
    if total == 0:
        assert set(classes.values()) <= {C}
        return
    assert a_picks * 100 >= 80 * total and ab_picks * 100 >= 95 * total
    least_a = min(n for sku, n in picks.items() if classes[sku] == A)
    assert (a_picks - least_a) * 100 < 80 * total, "A holds more products than 80 % needs"
    least_ab = min(n for sku, n in picks.items() if classes[sku] in (A, B))
    assert (ab_picks - least_ab) * 100 < 95 * total, "B holds more products than 95 % needs"
    # More picks never means a later class.
    for sku, n in picks.items():
        for other, m in picks.items():
            if n > m:
                assert classes[sku] <= classes[other]


def test_default_intervals_are_a_monthly_b_quarterly_c_yearly_and_configurable():
    assert [DEFAULT_PLAN.interval(c) for c in (A, B, C)] == [30, 90, 365]
    plan = CountPlan(a_days=7, b_days=14, c_days=28)
    assert [plan.interval(c) for c in (A, B, C)] == [7, 14, 28]
    assert classify({"X": 70, "Y": 30}, CountPlan(a_percent=60, b_percent=40)) == {"X": A, "Y": B}


def test_a_location_takes_the_most_frequently_picked_class_of_what_it_holds():
    classes = {"FAST": A, "MID": B, "SLOW": C}
    assert location_class(["SLOW", "FAST"], classes) == A
    assert location_class(["SLOW", "MID"], classes) == B
    assert location_class(["UNKNOWN"], classes) == C


def days_counted(holdings, classes, days, plan=DEFAULT_PLAN):
    """location -> the days (0-based) it was due, over `days` days from DAY."""
    seen: dict[str, list[int]] = {code: [] for code in holdings}
    for n in range(days):
        for code in due_locations(DAY + timedelta(days=n), holdings, classes, plan):
            seen[code].append(n)
    return seen


def test_each_location_is_due_once_per_interval_and_the_daily_work_is_level():
    holdings = {f"A01-{i:03d}": ["FAST"] for i in range(100)}
    holdings |= {f"B02-{i:03d}": ["SLOW"] for i in range(7)}
    classes = {"FAST": A, "SLOW": B}
    seen = days_counted(holdings, classes, 90)
    for code, days in seen.items():
        interval = 30 if code.startswith("A01") else 90
        gaps = {b - a for a, b in zip(days, days[1:], strict=False)}
        assert len(days) == 90 // interval and gaps <= {interval}
    a_per_day = Counter(n for code, days in seen.items() if code[0] == "A" for n in days)
    assert set(a_per_day.values()) <= {3, 4} and len(a_per_day) == 90  # 100 over 30: 3 or 4 a day
    b_days = sorted(n for code, days in seen.items() if code[0] == "B" for n in days)
    assert len(set(b_days)) == 7, "7 B locations over 90 days: never two on one day"


def test_locations_without_stock_are_not_scheduled_and_order_of_holdings_does_not_matter():
    holdings = {f"L{i:02d}": ["X"] for i in range(40)} | {"EMPTY": []}
    shuffled = dict(random.sample(list(holdings.items()), len(holdings)))
    for n in range(30):
        day = DAY + timedelta(days=n)
        due = due_locations(day, holdings, {"X": A})
        assert due == due_locations(day, shuffled, {"X": A}) and "EMPTY" not in due
        assert due == sorted(due)


def test_a_location_whose_last_count_is_an_interval_old_is_due_whatever_its_slot():
    holdings = {f"L{i:02d}": ["X"] for i in range(30)}  # one A location a day
    day = DAY + timedelta(days=3)
    slot_today = due_locations(day, holdings, {"X": A})
    assert len(slot_today) == 1
    other = next(code for code in holdings if code not in slot_today)
    recent = {other: day - timedelta(days=29)}
    assert due_locations(day, holdings, {"X": A}, last_counted=recent) == slot_today
    overdue = {other: day - timedelta(days=30)}
    assert due_locations(day, holdings, {"X": A}, last_counted=overdue) == sorted(
        slot_today + [other]
    )


def test_a_short_reported_empty_or_not_found_triggers_a_count_others_do_not():
    assert count_after_short(ShortReason.EMPTY) and count_after_short("not_found")
    assert not count_after_short(ShortReason.DAMAGED)
    assert not count_after_short(ShortReason.WRONG_ITEM)
    assert not count_after_short("")


def test_pick_frequency_counts_pick_lines_over_the_window_before_today():
    plan = CountPlan(window_days=7)
    today = DAY + timedelta(days=10)
    picks = [
        ("X", today - timedelta(days=7)),  # the window's first day
        ("X", today - timedelta(days=1)),
        ("X", today - timedelta(days=8)),  # before the window
        ("Y", today),  # today is not over yet
        ("Y", today - timedelta(days=3)),
    ]
    assert pick_frequency(picks, today, plan) == Counter({"X": 2, "Y": 1})
