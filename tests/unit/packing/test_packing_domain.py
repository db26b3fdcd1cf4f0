"""The packing rules with no database and no Qt: check-weigh, carton suggestion, tracking series."""

import pytest

from app.domain.gs1 import has_valid_check_digit
from app.domain.packing import (
    PackageType,
    TrackingSeries,
    WeightCheck,
    expected_weight_kg,
    suggest_carton,
)
from app.errors import BadInput

SMALL = PackageType("S", "Small", 25, 18, 10, 0.15)  # 4.5 l
LARGE = PackageType("L", "Large", 50, 40, 30, 0.60)  # 60 l


def test_expected_weight_is_items_plus_tare():
    assert expected_weight_kg([(0.25, 2), (1.0, 1)], 0.15) == 1.65


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        (1.000, 1.049, True),  # within 50 g (5 % would be 50 g too)
        (1.000, 1.060, False),
        (0.200, 0.240, True),  # 5 % of 200 g is 10 g: the 50 g floor keeps light parcels sane
        (0.200, 0.260, False),
        (10.00, 10.45, True),  # 5 % of 10 kg is 500 g
        (10.00, 9.40, False),  # a missing 600 g item is caught
    ],
)
def test_check_weigh_uses_the_larger_of_percent_and_grams(expected, actual, ok):
    assert WeightCheck(5.0, 0.050).check(expected, actual).ok is ok


def test_the_smallest_carton_that_fits_is_suggested_and_the_largest_when_none_does():
    assert suggest_carton([LARGE, SMALL], 0.5) == SMALL  # 2 l of goods
    assert suggest_carton([LARGE, SMALL], 2.0) == LARGE  # 8 l: more than 80 % of the small box
    assert suggest_carton([LARGE, SMALL], 100.0) == LARGE
    assert suggest_carton([], 1.0) is None


def test_tracking_numbers_carry_a_check_digit_and_refuse_to_overflow():
    series = TrackingSeries("SHP", 6)
    number = series.number(42)
    assert number == "SHP000042" + number[-1] and has_valid_check_digit(number[3:])
    with pytest.raises(BadInput, match="new range"):
        series.number(1_000_000)
    with pytest.raises(BadInput, match="letters and digits"):
        TrackingSeries.from_setting({"prefix": "A B"})
