import pytest

from app.scanning.dedupe import DuplicateFilter
from app.scanning.weights import (
    LatestWeight,
    ScaleError,
    continuous_line,
    parse_weight,
    sics_line,
)


def test_same_code_within_the_window_counts_once():
    dupes = DuplicateFilter()
    assert dupes.accept("4006381333931", 1.00)
    assert not dupes.accept("4006381333931", 1.10)
    assert not dupes.accept("4006381333931", 1.35)  # the window slides with a held trigger
    assert dupes.accept("96385074", 1.36)  # another code is another scan


def test_two_genuine_scans_a_second_apart_count_twice():
    dupes = DuplicateFilter(window_s=0.3)
    assert dupes.accept("4006381333931", 1.0)
    assert dupes.accept("4006381333931", 2.0)


@pytest.mark.parametrize(
    ("line", "kg", "stable"),
    [
        ("S S      1.234 kg", 1.234, True),
        ("S D      1.230 kg", 1.23, False),
        ("S S    250.0 g", 0.25, True),
        ("S S      2.000 lb", 0.907185, True),
        ("ST,GS,+0001.234kg", 1.234, True),
        ("US,NT,-0000.010kg", -0.01, False),
        ("ST,GS,+0012.50 lb", 5.669905, True),
        (sics_line(3.5, stable=False, unit="g"), 3.5, False),
        (continuous_line(0.75), 0.75, True),
    ],
)
def test_weights_in_kg(line, kg, stable):
    weight = parse_weight(line)
    assert weight.kg == pytest.approx(kg) and weight.stable is stable


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("S +", "over"),
        ("S I", "busy"),
        ("ES", "MT-SICS"),
        ("OL,GS,+99999999kg", "over"),
        ("S S 1.0 stone", "unit"),
    ],
)
def test_states_without_a_weight_are_errors(line, words):
    with pytest.raises(ScaleError, match=words):
        parse_weight(line)


def test_acknowledgements_are_not_weights():
    assert parse_weight("Z A") is None
    assert parse_weight("") is None


def test_latest_weight_is_only_taken_when_stable_and_fresh():
    latest = LatestWeight(max_age_s=1.0)
    assert latest.stable_kg(0.0) is None
    latest.update(parse_weight("S D 1.200 kg"), now=10.0)
    assert latest.stable_kg(10.1) is None  # still settling
    latest.update(parse_weight("S S 1.250 kg"), now=10.5)
    assert latest.stable_kg(11.0) == 1.25
    assert latest.stable_kg(12.0) is None  # the scale stopped answering: no stale weight
