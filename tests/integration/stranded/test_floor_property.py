"""No order stranded: random floor sequences (fixed seeds) through the real services on SQLite.

The longer run (`pytest -m slow`) tries many more seeds and steps.
"""

from __future__ import annotations

import pytest

from tests.integration.stranded.floor_model import Floor, run

SEEDS = (1, 2, 3)
STEPS = 120


@pytest.mark.parametrize("seed", SEEDS)
def test_no_order_is_ever_stranded(tmp_path, sqlite_url, seed):
    run(Floor(sqlite_url, tmp_path / "files", seed), STEPS)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(100, 120))
def test_no_order_is_ever_stranded_long_run(tmp_path, sqlite_url, seed, request):
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("the long run: select it with -m slow")
    run(Floor(sqlite_url, tmp_path / "files", seed), 600)
