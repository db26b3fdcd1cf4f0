"""Two warehouses in one SQLite central database (docs/interfaces.md §15)."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import two_sites


@pytest.fixture
def sites(tmp_path, sqlite_url, run_cli):
    return two_sites.TwoSites(run_cli, sqlite_url, tmp_path)


@pytest.mark.parametrize(
    "check",
    two_sites.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_two_warehouses(sites, check):
    check(sites)
