"""The lead's Returns tab through the real widgets: the three lists, a restock that stock and
allocation then see, a scrap, a refusal said in the tab, the KPIs line, and the tab fitting a
1280×800 monitor in English and Chinese (docs/returns.md, "The lead's returns view")."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.users import Role, User
from app.services.lead.console import LeadConsole
from db.schema import quarantine
from tests.integration.returns.desk_site import LEAD, desk_site
from tests.integration.stock.moves_site import FACE
from tests.ui.test_fit import Screens
from ui.app import load_fonts, load_stylesheet, use_fonts
from ui.lead import LeadHome
from ui.worker import SynchronousWorker


@pytest.fixture
def floor_style(qapp):
    use_fonts(qapp, load_fonts())
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")


def open_tab(qtbot, site):
    home = LeadHome(LeadConsole(site.central.uow, LEAD, "LEAD-01"), SynchronousWorker(), 60_000)
    qtbot.addWidget(home)
    home.tabs.setCurrentWidget(home.returns)  # shown: it loads
    return home, home.returns


def test_the_tab_lists_what_waits_and_what_came_back(qtbot, tmp_path, sqlite_url):
    site = desk_site(sqlite_url, tmp_path / "site")
    home, tab = open_tab(qtbot, site)
    assert home.tabs.tabText(home.tabs.indexOf(tab)) == "Returns"
    cells = [tab.quarantine.data(tab.quarantine.index(r, 3)) for r in range(3)]
    assert cells == ["damaged", "damaged", "expired"]
    assert tab.received.rowCount() == 1 and tab.rmas.rows[0].rma == "RMA-77"
    assert tab.received.data(tab.received.index(0, 1)) == "web/SO-1 · no RMA"
    figures = [
        (tab.figures.data(tab.figures.index(r, 0)), tab.figures.data(tab.figures.index(r, 1)))
        for r in range(tab.figures.rowCount())
    ]
    assert figures[0] == ("All units", "4/6 · 66.7 %")
    assert figures[3] == ("Waiting for a decision", "3")
    assert figures[4:] == [
        ("MILK", "2/2 · 100.0 %"),
        ("BOLT", "2/4 · 50.0 %"),
        ("Reason: no RMA", "4/6 · 66.7 %"),
    ]


def test_restock_after_inspection_from_the_tab(qtbot, tmp_path, sqlite_url):
    site = desk_site(sqlite_url, tmp_path / "site")
    _, tab = open_tab(qtbot, site)
    tab.buttons["restocked"].click()
    assert tab.result.text() == "Choose a row in the quarantine list first."
    tab.quarantine_view.selectRow(0)  # the damaged BOLT
    tab.buttons["restocked"].click()
    assert "restocking needs the location" in tab.result.text()
    tab.location.setText(FACE)
    tab.buttons["restocked"].click()
    assert tab.result.text() == f"1 × BOLT restocked at {FACE}"
    assert [r.sku for r in tab.quarantine.rows] == ["MILK", "MILK"]
    (row,) = site.rows(
        select(quarantine.c.status).where(quarantine.c.id == site.quarantine_ids["bolt"])
    )
    assert row.status == "restocked"


def test_an_expired_lot_cannot_be_restocked_but_can_be_scrapped(qtbot, tmp_path, sqlite_url):
    site = desk_site(sqlite_url, tmp_path / "site")
    _, tab = open_tab(qtbot, site)
    tab.quarantine_view.selectRow(2)
    tab.location.setText(FACE)
    tab.location.returnPressed.emit()  # Enter in the location field restocks
    assert "has expired" in tab.result.text()
    assert len(tab.quarantine.rows) == 3
    tab.quarantine_view.selectRow(2)
    tab.buttons["scrapped"].click()
    assert tab.result.text() == "1 × MILK scrapped"
    assert [r.reason for r in tab.quarantine.rows] == ["damaged", "damaged"]


def test_the_returns_tab_fits_in_english_and_chinese(qtbot, tmp_path, sqlite_url, floor_style):
    site = desk_site(sqlite_url, tmp_path / "site")

    def lead_home(user):
        return LeadHome(LeadConsole(site.central.uow, LEAD, "LEAD-01"), SynchronousWorker())

    screens = Screens(qtbot, tmp_path, {Role.LEAD: lead_home}, "LEAD-DESK")
    screens.window.show_home(User("Maria Jansen", Role.LEAD, "1011"))
    home = screens.window.home
    home.tabs.setCurrentWidget(home.returns)
    home.returns.quarantine_view.selectRow(0)
    home.returns.location.setText(FACE)
    home.returns.buttons["restocked"].click()
    home.returns.quarantine_view.selectRow(0)
    screens.look("lead_returns")
    assert not screens.problems, "\n".join(screens.problems)
