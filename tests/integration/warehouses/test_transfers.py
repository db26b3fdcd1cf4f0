"""Transfers between warehouses on SQLite (docs/stock.md, "Transfers")."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import transfers


@pytest.mark.parametrize(
    "check",
    transfers.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_transfers(tmp_path, sqlite_url, run_cli, check):
    check(transfers.TransferSites(run_cli, sqlite_url, tmp_path))
