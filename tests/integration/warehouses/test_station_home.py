"""Stations configured with their warehouse (`shipshape run --warehouse CODE`) on SQLite."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import station_home
from tests.integration.warehouses.two_sites import TwoSites


@pytest.mark.parametrize(
    "check",
    station_home.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_station_home(tmp_path, sqlite_url, run_cli, check):
    check(TwoSites(run_cli, sqlite_url, tmp_path), sqlite_url)
