"""Users' home warehouses on SQLite (docs/setup.md "Several warehouses")."""

from __future__ import annotations

import shutil

import pytest

from tests.integration.warehouses import lead_sites, user_homes


def test_the_upgrade_keeps_everyone_everywhere(seeded_demo, tmp_path, run_cli):
    copy = tmp_path / "demo-copy.sqlite"
    shutil.copy(seeded_demo, copy)
    user_homes.check_upgrade_keeps_everyone_everywhere(run_cli, f"sqlite:///{copy}")


@pytest.fixture
def sites(tmp_path, sqlite_url, run_cli):
    found = lead_sites.LeadSites(run_cli, sqlite_url, tmp_path)
    yield found
    found.close()


@pytest.mark.parametrize(
    "check", user_homes.CHECKS, ids=lambda check: check.__name__.removeprefix("check_")
)
def test_user_homes(sites, check):
    check(sites)
