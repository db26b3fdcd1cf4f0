"""A transfer's lots carried from A to B, on SQLite (docs/stock.md, "Transfers")."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import transfer_lots
from tests.integration.warehouses.transfers import TransferSites


@pytest.mark.parametrize(
    "check",
    transfer_lots.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_transfer_lots(tmp_path, sqlite_url, run_cli, check):
    check(TransferSites(run_cli, sqlite_url, tmp_path))
