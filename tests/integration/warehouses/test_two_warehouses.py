"""Two warehouses in one SQLite central database (docs/interfaces.md §15)."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import two_sites


@pytest.fixture
def sites(tmp_path, sqlite_url, run_cli):
    return two_sites.TwoSites(run_cli, sqlite_url, tmp_path)


@pytest.mark.parametrize(
    "check",
    [
        two_sites.check_the_second_layout_is_a_second_warehouse,
        two_sites.check_a_missing_or_unknown_code_is_refused,
        two_sites.check_layouts_stay_in_their_warehouse,
        two_sites.check_stock_is_per_warehouse,
        two_sites.check_settings_are_per_warehouse,
        two_sites.check_receipts_belong_to_their_warehouse,
        two_sites.check_allocation_keeps_to_the_first_warehouse,
    ],
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_two_warehouses(sites, check):
    check(sites)
