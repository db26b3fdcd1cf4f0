"""The lead console's warehouse selector (docs/lead.md, "One warehouse at a time"), driven like
a lead would against a real SQLite central database with three warehouses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.integration.warehouses.lead_sites import LeadSites
from tests.integration.warehouses.two_sites import DEMO_SITE
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
    """By keyboard, as a lead would: focus the selector, arrow to the code (up or down)."""
    home.warehouse.setFocus()
    wanted = home.warehouse.findText(code)
    assert wanted >= 0, code
    while home.warehouse.currentIndex() != wanted:
        down = home.warehouse.currentIndex() < wanted
        qtbot.keyClick(home.warehouse, Qt.Key.Key_Down if down else Qt.Key.Key_Up)


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


def spy(home: LeadHome, name: str) -> list:
    """The warehouse chosen each time the tab asks the console for `name`."""
    seen: list = []
    real = getattr(home.console, name)

    def asked(*args):
        seen.append(home.console.warehouse_id)
        return real(*args)

    setattr(home.console, name, asked)
    return seen


def test_the_lookup_says_when_the_order_is_another_warehouses(qtbot, sites):
    home = open_home(qtbot, sites)
    home.tabs.setCurrentWidget(home.lookup)
    qtbot.keyClicks(home.lookup.query, "SO-N")
    qtbot.keyClick(home.lookup.query, Qt.Key.Key_Return)
    assert home.lookup.shown.order == "web/SO-N"
    assert home.lookup.where.isVisible() and home.lookup.where.kind == "error"
    assert "is at NORTH, not at WH1" in home.lookup.where.text()
    choose(qtbot, home, "NORTH")  # looked up again: now the chosen warehouse's
    assert home.lookup.where.kind == "info"
    assert "is at NORTH." in home.lookup.where.text()


def test_dispatch_returns_and_slotting_follow_the_chosen_warehouse(qtbot, sites):
    home = open_home(qtbot, sites)
    docks, desks = spy(home, "dock"), spy(home, "returns_desk")
    home.tabs.setCurrentWidget(home.dispatch)
    choose(qtbot, home, "NORTH")  # the tab in view reloads at once
    assert (docks[0], docks[-1]) == (sites.ids["WH1"], sites.ids["NORTH"])  # via WEST
    home.tabs.setCurrentWidget(home.returns)  # the others when shown
    assert desks == [sites.ids["NORTH"]]
    choose(qtbot, home, "WEST")  # the returns in view reload at once
    assert desks == [sites.ids["NORTH"], sites.ids["WEST"]]
    home.tabs.setCurrentWidget(home.exceptions)
    home.exceptions.slotting.propose_button.click()
    assert home.exceptions.slotting.run_result.warehouse_id == sites.ids["WEST"]
    choose(qtbot, home, "NORTH")  # another warehouse's proposal is not offered
    assert home.exceptions.slotting.run_result is None
    assert not home.exceptions.slotting.create_button.isEnabled()


def test_settings_reload_but_edits_not_saved_are_kept(qtbot, sites):
    sites.ok("site", "--warehouse", "WH1", "--set", sites.write("wh1.json", DEMO_SITE))
    home = open_home(qtbot, sites)
    tab = home.settings
    home.tabs.setCurrentWidget(tab)
    assert (tab.view.warehouse, tab.fields["name"].text()) == ("WH1", DEMO_SITE["name"])
    assert tab.whose.isVisible() and "WH1" in tab.whose.text()
    choose(qtbot, home, "WEST")  # nothing edited: WEST's (none yet)
    assert (tab.view.warehouse, tab.view.site, tab.fields["name"].text()) == ("WEST", None, "")
    choose(qtbot, home, "WH1")
    tab.fields["name"].clear()
    qtbot.keyClicks(tab.fields["name"], "Main DC, renamed")
    choose(qtbot, home, "NORTH")  # edits kept, the banner says whose
    assert tab.view.warehouse == "WH1" and tab.fields["name"].text() == "Main DC, renamed"
    assert tab.banner.isVisible() and "WH1" in tab.banner.text()
    tab.buttons["save"].click()  # saved where they were loaded
    assert sites.console().site(sites.ids["WH1"]).site.name == "Main DC, renamed"
    assert tab.view.warehouse == "WH1"
    tab.buttons["reload"].click()  # the chosen warehouse's
    assert (tab.view.warehouse, tab.fields["name"].text()) == ("NORTH", "")
