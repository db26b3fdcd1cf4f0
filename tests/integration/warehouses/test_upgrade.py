"""Migration 0034 upgrades a single-warehouse SQLite database in place: a copy of the demo
database as revision 0033 had it becomes warehouse WH1, and reads the same."""

from __future__ import annotations

import shutil

from tests.integration.warehouses.upgrade import check_upgrade_keeps_the_site


def test_the_demo_database_becomes_warehouse_one(seeded_demo, tmp_path, run_cli):
    copy = tmp_path / "demo-copy.sqlite"
    shutil.copy(seeded_demo, copy)
    check_upgrade_keeps_the_site(run_cli, f"sqlite:///{copy}")
