"""The lead console's warehouse selector (docs/lead.md, "One warehouse at a time"), driven like
a lead would against a real SQLite central database with three warehouses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.integration.warehouses.lead_sites import LeadSites
from ui.lead import LeadHome
from ui.worker import SynchronousWorker


@pytest.fixture
def sites(tmp_path, sqlite_url, run_cli):
    found = LeadSites(run_cli, sqlite_url, tmp_path)
    yield found
    found.close()


def open_home(qtbot, sites: LeadSites) -> LeadHome:
    home = LeadHome(sites.console(), SynchronousWorker(), poll_ms=60_000)
    qtbot.addWidget(home)
    home.resize(1280, 800)
    home.show()
    return home


def choose(qtbot, home: LeadHome, code: str) -> None:
    """By keyboard, as a lead would: focus the selector, arrow to the code."""
    home.warehouse.setFocus()
    while not home.warehouse.currentText().startswith(code):
        qtbot.keyClick(home.warehouse, Qt.Key.Key_Down)


def test_switching_the_warehouse_reloads_every_tab(qtbot, sites):
    home = open_home(qtbot, sites)
    assert home.warehouse_corner.isVisible()
    assert [home.warehouse.itemText(i).split()[0] for i in range(3)] == ["WH1", "WEST", "NORTH"]
    assert home.warehouse.currentText().startswith("WH1")  # LEAD-1 has no home: the first
    home.tabs.setCurrentWidget(home.kpis)
    assert home.board.lists.rowCount() == 0
    assert home.exceptions.total == 1  # the one that names no order
    assert home.kpis.report.good_scans == 0
    choose(qtbot, home, "NORTH")
    assert home.console.warehouse_id == sites.ids["NORTH"]
    assert home.board.lists.rowCount() == 1
    assert home.exceptions.total == 2
    assert [row["name"] for row in home.stations.stations.rows] == ["PICK-N"]
    assert home.kpis.report.good_scans == 3
    home.kpis.compare_button.click()
    table = home.kpis.compare_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["WH1", "WEST", "NORTH"]
    assert [table.item(0, c).text() for c in range(3)] == ["0", "0", "3"]


def test_a_preview_of_another_warehouse_is_dropped(qtbot, sites):
    home = open_home(qtbot, sites)
    choose(qtbot, home, "WEST")
    home.waves.preview_button.click()
    assert home.waves.wave is not None and home.waves.wave.order_count == 1
    choose(qtbot, home, "NORTH")
    assert home.waves.wave is None and not home.waves.release_button.isEnabled()
