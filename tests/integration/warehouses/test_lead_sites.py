"""The lead console one warehouse at a time, on SQLite (docs/lead.md)."""

from __future__ import annotations

import pytest

from tests.integration.warehouses import lead_sites


@pytest.fixture
def sites(tmp_path, sqlite_url, run_cli):
    found = lead_sites.LeadSites(run_cli, sqlite_url, tmp_path)
    yield found
    found.close()


@pytest.mark.parametrize(
    "check", lead_sites.CHECKS, ids=lambda check: check.__name__.removeprefix("check_")
)
def test_lead_sites(sites, check):
    check(sites)
