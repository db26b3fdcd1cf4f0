"""The tolerance rule and a count's lines against what was expected (app/domain/counting.py)."""

from __future__ import annotations

import pytest

from app.domain.counting import (
    CountedLine,
    Outcome,
    Tolerance,
    compare,
    outcome,
    parse_scan_count,
)

DEFAULT = Tolerance()


@pytest.mark.parametrize(
    ("expected", "counted", "allowed"),
    [
        (10, 10, True),  # no variance always passes
        (0, 0, True),
        (40, 38, True),  # 2 units and 5 %
        (40, 37, False),  # 3 units
        (20, 19, True),  # 1 unit is 5 % of 20
        (19, 18, False),  # 1 unit is more than 5 % of 19
        (10, 11, False),
        (0, 1, False),  # found where nothing was expected
        (100, 102, True),
        (100, 97, False),
    ],
)
def test_the_default_tolerance_is_two_units_and_five_per_cent(expected, counted, allowed):
    assert DEFAULT.allows(expected, counted) is allowed


def test_a_tolerance_round_trips_through_settings_and_defaults_when_absent():
    assert Tolerance.from_dict(None) == DEFAULT
    assert Tolerance.from_dict({"max_units": 5, "max_pct": 10}) == Tolerance(5, 10.0)
    assert Tolerance.from_dict(Tolerance(3, 2.5).as_dict()) == Tolerance(3, 2.5)


def test_a_count_covers_the_whole_location():
    counted = [CountedLine("A", "", 3), CountedLine("B", "L1", 2), CountedLine("A", "", 1)]
    lines = compare(counted, {("A", ""): 4, ("C", ""): 6})
    got = {(x.sku, x.lot): (x.expected, x.counted, x.variance) for x in lines}
    assert got == {
        ("A", ""): (4, 4, 0),  # two scans of one product add up
        ("B", "L1"): (0, 2, 2),  # not in the system there: new
        ("C", ""): (6, 0, -6),  # in the system, not counted: counted 0
    }


def test_beyond_the_tolerance_a_first_count_asks_for_a_second_and_a_second_for_a_lead():
    small = compare([CountedLine("A", "", 39)], {("A", ""): 40})
    big = compare([CountedLine("A", "", 30)], {("A", ""): 40})
    assert outcome(small, 1, DEFAULT) is Outcome.ADJUSTED
    assert outcome(big, 1, DEFAULT) is Outcome.RECOUNT
    assert outcome(big, 2, DEFAULT) is Outcome.APPROVAL
    assert outcome(small, 2, DEFAULT) is Outcome.ADJUSTED


@pytest.mark.parametrize(
    ("code", "parsed"),
    [
        ("SKU-1", ("SKU-1", 1)),
        ("SKU-1*12", ("SKU-1", 12)),
        ("SKU-1*0", None),
        ("*3", None),
        ("SKU*x", None),
    ],
)
def test_the_cli_short_hand_for_n_units(code, parsed):
    assert parse_scan_count(code) == parsed
