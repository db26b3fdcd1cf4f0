"""Allocation across three warehouses, and waves per warehouse, on SQLite (docs/interfaces.md
§8, §15)."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import three_sites


@pytest.mark.parametrize(
    "check",
    three_sites.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_three_warehouses(tmp_path, sqlite_url, run_cli, check):
    check(three_sites.ThreeSites(run_cli, sqlite_url, tmp_path))
