"""The automatic transfer on SQLite (docs/stock.md, "Transfers")."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import auto_transfers


@pytest.mark.parametrize(
    "check",
    auto_transfers.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_auto_transfers(tmp_path, sqlite_url, run_cli, check):
    check(auto_transfers.AutoSites(run_cli, sqlite_url, tmp_path))
