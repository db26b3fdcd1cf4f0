"""The batching search's remembered lengths (`app.waves.remembered`, through `Pricer`): a set
asked for again gets the DP's own length, a bound is honoured whether the length was known or
only known to exceed an earlier bound, and a table too small for the sets asked for forgets
them and still answers right."""

from __future__ import annotations

import random

import pytest

from app.routing.length import INF, Locations
from app.routing.samples import grid_layout
from app.waves import search
from app.waves.search import Pricer


def random_sets(seed: int, count: int):
    rng = random.Random(seed)
    layout = grid_layout(aisles=8, blocks=rng.randint(1, 3), bays=10, depot="middle")
    codes = [loc.code for loc in layout.locations]
    locations = Locations(layout, codes)
    return locations, [locations.bits(rng.sample(codes, rng.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(4))
def test_remembered_lengths_are_the_dps_and_honour_every_bound(seed):
    locations, sets = random_sets(seed, 120)
    pricer = Pricer(locations)
    rng = random.Random(seed)
    for bits in sets * 3:  # each set three times: unknown, known, known again
        exact = locations.length(bits)
        bound = exact * rng.choice([0.9, 0.999, 1.0, 1.2])
        expected = exact if exact <= bound + 1e-6 else INF
        assert pricer.length(bits, bound) == pytest.approx(expected)
        assert pricer.length(bits) == pytest.approx(exact)  # abandoned once, priced now


def test_a_set_abandoned_at_a_bound_is_priced_when_asked_with_a_looser_one():
    locations, sets = random_sets(7, 40)
    pricer = Pricer(locations)
    for bits in sets:
        exact = locations.length(bits)
        assert pricer.length(bits, exact / 2) == INF
        assert pricer.length(bits, exact / 3) == INF  # known to exceed: no DP needed
        assert pricer.length(bits, exact * 1.01) == pytest.approx(exact)


def test_a_full_table_forgets_and_still_answers_right(monkeypatch):
    monkeypatch.setattr(search, "MOST_REMEMBERED", 1 << 4)  # 16 slots for 200 sets
    locations, sets = random_sets(3, 200)
    pricer = Pricer(locations)
    for bits in sets + sets[::-1]:
        assert pricer.length(bits) == pytest.approx(locations.length(bits))
    assert int(pricer.memory.filled[0]) <= 8  # forgotten whenever half full
