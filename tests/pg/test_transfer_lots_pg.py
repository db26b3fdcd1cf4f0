"""A transfer's lots carried from A to B, on PostgreSQL (docs/stock.md, "Transfers"): the lots
NORTH picked FEFO expected at WEST, received there with their expiry."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import transfer_lots
from tests.integration.warehouses.transfers import TransferSites


@pytest.mark.parametrize(
    "check",
    transfer_lots.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_transfer_lots(pg_url, run_cli, tmp_path, check):
    check(TransferSites(run_cli, pg_url, tmp_path))
