"""bench/batching.py's best-known reference is real: for every cached order set, the cached
carts hold every order exactly once, no cart over 8, and re-routed they walk what the cache says
(the bench compares against these lengths, so a stale or hand-edited cache must fail here)."""

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("batching_bench", REPO / "bench" / "batching.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_cached_reference_is_a_valid_plan_of_its_order_set(bench):
    cache = json.loads(bench.REFERENCE.read_text())
    layouts = bench.layouts()
    tuned = {f"{name}-200-{seed}" for name in layouts for seed in range(bench.SETS_PER_LAYOUT)}
    assert tuned <= set(cache)  # the bench's default sets, and any others (--order-sets)
    for key in cache:
        name, _, seed = key.rsplit("-", 2)
        assert name in layouts and seed.isdigit(), key
        orders = bench.random_orders(layouts[name], 200, int(seed))
        walked = bench.checked_reference(layouts[name], orders, cache[key])
        assert walked == pytest.approx(cache[key]["total_m"], abs=0.01), key
