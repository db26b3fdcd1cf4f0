"""No order stranded, on PostgreSQL: the floor property test's random sequences (fixed seeds),
plus the short → reallocate → picked path that used to strand its order."""

from __future__ import annotations

import pytest

from app.services import lead
from tests.integration.lead.site import STATION, build_site
from tests.integration.stranded import test_short_then_reallocate as path
from tests.integration.stranded.floor_model import Floor, run

SEEDS = (1, 2)
STEPS = 100


@pytest.mark.pg
@pytest.mark.parametrize("seed", SEEDS)
def test_no_order_is_ever_stranded_on_postgresql(tmp_path, pg_url, seed):
    run(Floor(pg_url, tmp_path / "files", seed), STEPS)


@pytest.mark.pg
@pytest.mark.slow
@pytest.mark.parametrize("seed", range(200, 210))
def test_no_order_is_ever_stranded_on_postgresql_long_run(tmp_path, pg_url, seed, request):
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("the long run: select it with -m slow")
    run(Floor(pg_url, tmp_path / "files", seed), 500)


@pytest.mark.pg
def test_a_reallocated_short_is_picked_and_goes_to_packing_on_postgresql(tmp_path, pg_url, run_cli):
    site = build_site(tmp_path, pg_url, run_cli, capacity=8)
    (only,) = [row.id for row in lead.load_board(site.uow(), site.lead).rows]
    lead.reassign(site.uow(), site.lead, [only], "Pia", STATION)
    path.test_reallocated_after_the_cart_is_finished_the_order_is_picked(site)
