"""Cancelling a transfer on SQLite (docs/stock.md, "Transfers")."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import transfer_cancel
from tests.integration.warehouses.transfers import TransferSites


@pytest.mark.parametrize(
    "check",
    transfer_cancel.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_transfer_cancel(tmp_path, sqlite_url, run_cli, check):
    check(TransferSites(run_cli, sqlite_url, tmp_path))
