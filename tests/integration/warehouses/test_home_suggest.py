"""Put-away suggestions in the warehouse of what is put away, on SQLite."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import home_suggest
from tests.integration.warehouses.two_sites import TwoSites


@pytest.mark.parametrize(
    "check",
    home_suggest.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_home_suggest(tmp_path, sqlite_url, run_cli, check):
    check(TwoSites(run_cli, sqlite_url, tmp_path), sqlite_url)
