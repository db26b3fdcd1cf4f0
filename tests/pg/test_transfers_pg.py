"""Transfers between warehouses on PostgreSQL (docs/stock.md, "Transfers"): a transfer picked in
NORTH and received in WEST, with an order at WEST waiting for it; bad input refused."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import transfers


@pytest.mark.parametrize(
    "check",
    transfers.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_transfers(pg_url, run_cli, tmp_path, check):
    check(transfers.TransferSites(run_cli, pg_url, tmp_path))
