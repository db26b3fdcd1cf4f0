"""A wave planned while one of its orders is cancelled, on SQLite (docs/lead.md, "Planning a
wave")."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import wave_cancel
from tests.integration.warehouses.transfers import TransferSites


@pytest.mark.parametrize(
    "check", wave_cancel.CHECKS, ids=lambda check: check.__name__.removeprefix("check_")
)
def test_wave_cancel(tmp_path, sqlite_url, run_cli, check):
    check(TransferSites(run_cli, sqlite_url, tmp_path))
