"""The packing rules with no database and no Qt: check-weigh, carton suggestion, tracking series."""

import pytest

from app.domain.gs1 import has_valid_check_digit
from app.domain.packing import (
    CartonLoad,
    PackageType,
    TrackingSeries,
    WeightCheck,
    expected_weight_kg,
    fits,
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


def by_weight(kg: float) -> list[CartonLoad]:
    return [CartonLoad(1, kg)]


def test_without_dimensions_the_volume_is_estimated_from_the_weight():
    assert suggest_carton([LARGE, SMALL], by_weight(0.5)) == SMALL  # 2 l of goods
    assert suggest_carton([LARGE, SMALL], by_weight(2.0)) == LARGE  # 8 l: over 80 % of 4.5 l
    assert suggest_carton([LARGE, SMALL], by_weight(100.0)) == LARGE  # none fits: the largest
    assert suggest_carton([], by_weight(1.0)) is None


def test_real_dimensions_decide_where_the_product_master_has_them():
    # 2 kg of pillows would be 8 l by weight, but they are 20x15x5 cm each: 3 l for two.
    pillows = CartonLoad(2, 1.0, (20, 15, 5))
    assert suggest_carton([LARGE, SMALL], [pillows]) == SMALL
    # A 200 g lamp shade of 16x16x16 cm (4.1 l) is far bigger than its weight says (0.8 l).
    shade = CartonLoad(1, 0.2, (16, 16, 16))
    assert suggest_carton([LARGE, SMALL], [shade]) == LARGE  # 4.1 l > 80 % of 4.5 l


def test_volume_is_unit_volume_times_quantity_and_mixes_with_estimates():
    cubes = CartonLoad(3, 0.1, (10, 10, 10))  # 3 l
    assert suggest_carton([LARGE, SMALL], [cubes]) == SMALL  # 3 l <= 3.6 l usable
    assert suggest_carton([LARGE, SMALL], [cubes, CartonLoad(1, 0.2)]) == LARGE  # + 0.8 l
    assert suggest_carton([LARGE, SMALL], [CartonLoad(0, 5.0), cubes]) == SMALL  # none left


def test_the_longest_side_must_fit_whatever_the_volume():
    umbrella = CartonLoad(1, 0.3, (30, 4, 4))  # 0.5 l, but longer than the small box (25 cm)
    assert suggest_carton([LARGE, SMALL], [umbrella]) == LARGE
    board = CartonLoad(1, 0.3, (24, 17, 1))  # lies flat in the small box
    assert suggest_carton([LARGE, SMALL], [board]) == SMALL
    assert fits((10, 24, 9), (25, 18, 10)) and not fits((19, 19, 2), (25, 18, 10))


def test_tracking_numbers_carry_a_check_digit_and_refuse_to_overflow():
    series = TrackingSeries("SHP", 6)
    number = series.number(42)
    assert number == "SHP000042" + number[-1] and has_valid_check_digit(number[3:])
    with pytest.raises(BadInput, match="new range"):
        series.number(1_000_000)
    with pytest.raises(BadInput, match="letters and digits"):
        TrackingSeries.from_setting({"prefix": "A B"})
