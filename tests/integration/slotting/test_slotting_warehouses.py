"""Slotting per warehouse on SQLite (the story: warehouses_story.py)."""

from __future__ import annotations

import pytest

from tests.integration.slotting import warehouses_story
from tests.integration.slotting.slotting_site import slotting_site


@pytest.fixture
def site(sqlite_url, tmp_path):
    central = slotting_site(sqlite_url, tmp_path / "site")
    warehouses_story.add_west(central, tmp_path / "site")
    yield central
    central.close()


def test_the_cli_slots_one_warehouse(site, run_cli):
    warehouses_story.run_cli_per_warehouse(site, run_cli)


def test_the_lead_console_slots_the_chosen_warehouse(site):
    warehouses_story.run_console_follows_the_chosen_warehouse(site)
