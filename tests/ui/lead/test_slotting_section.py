"""The lead's Slotting section (Exceptions tab) through the real widgets and use cases on SQLite: propose, see the
moves with their replayed savings, create the clerk's tasks; it fits 1280×800 in English and
in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.domain.users import Role, User
from app.services.lead.console import LeadConsole
from app.services.replenishment import open_tasks
from tests.integration.slotting.slotting_site import FAR, NEAR, slotting_site
from tests.ui.fit import SCREEN, fit_problems, settle
from tests.ui.lead.test_lead_chinese import ENGLISH_RUN, chinese  # noqa: F401 - a fixture
from ui.lead import LeadHome
from ui.worker import SynchronousWorker

LENA = User("Lena", Role.LEAD, "1011")


@pytest.fixture
def site(sqlite_url, tmp_path):
    central = slotting_site(sqlite_url, tmp_path / "site")
    yield central
    central.close()


def slotting_tab(qtbot, central):
    home = LeadHome(LeadConsole(central.uow, LENA, "lead-desk"), SynchronousWorker())
    qtbot.addWidget(home)
    home.tabs.setCurrentWidget(home.exceptions)
    return home, home.exceptions.slotting


def cells(tab) -> list[list[str]]:
    model = tab.moves
    return [
        [model.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_propose_shows_the_moves_and_the_button_creates_the_tasks(qtbot, site):
    home, tab = slotting_tab(qtbot, site)
    assert tab.summary.text().startswith("Slotting: propose moves")
    assert not tab.create_button.isEnabled() and not tab.view.isVisibleTo(tab)
    tab.propose_button.click()
    assert cells(tab) == [["FAST", "A", "4", FAR, NEAR, "SLOW", "336"]]
    assert tab.view.isVisibleTo(tab)
    assert tab.summary.text() == (
        "−95.5 %: 352 m → 16 m over 4 pick lists of 30 days, 2 moves, 2 locations (5.00 %)"
    )
    tab.create_button.click()
    assert tab.result.text() == "2 move task(s) created"
    assert {t.reason for t in open_tasks(site.uow())} == {"slotting"}
    assert not tab.create_button.isEnabled()  # once per proposal


def test_a_site_without_picks_says_there_is_nothing_to_replay(qtbot, sqlite_url, tmp_path):
    central = slotting_site(sqlite_url, tmp_path / "quiet", picked_orders=0)
    home, tab = slotting_tab(qtbot, central)
    tab.propose_button.click()
    assert tab.summary.text() == (
        "No pick lists picked in the last 30 days: nothing to replay. Try more days."
    )
    assert not tab.create_button.isEnabled() and not tab.view.isVisibleTo(tab)
    central.close()


def test_a_refusal_shows_on_the_tab_and_the_buttons_come_back(qtbot, site):
    home, tab = slotting_tab(qtbot, site)
    tab.days.setValue(1)
    tab.propose_button.click()
    home.console._uow = lambda: (_ for _ in ()).throw(RuntimeError("database gone"))
    tab.create_button.click()
    assert tab.result.text() and tab.propose_button.isEnabled()


def _fits(qtbot, home) -> list[str]:
    """What of the window does not fit, about the section's own widgets (the whole lead window
    is tests/ui/test_fit.py's)."""
    home.resize(SCREEN)
    home.show()
    qtbot.waitExposed(home)
    settle()
    names = {w.objectName() for w in home.exceptions.slotting.findChildren(QWidget)} - {""}
    names |= {"slottingTable", "slottingSummary", "slottingResult", "primary"}
    return [p for p in fit_problems(home) if any(n in p for n in names) or "window" in p]


def test_the_tab_fits_a_station_monitor_in_english(qtbot, site):
    home, tab = slotting_tab(qtbot, site)
    tab.propose_button.click()
    tab.create_button.click()
    assert not _fits(qtbot, home)


def test_the_tab_reads_and_fits_in_chinese(qtbot, site, chinese):  # noqa: F811
    home, tab = slotting_tab(qtbot, site)
    tab.propose_button.click()
    tab.create_button.click()
    for text in (tab.summary.text(), tab.result.text(), tab.propose_button.text()):
        assert not ENGLISH_RUN.search(text), text
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
    assert not _fits(qtbot, home)


def test_nothing_to_replay_reads_and_fits_in_chinese(qtbot, sqlite_url, tmp_path, chinese):  # noqa: F811
    central = slotting_site(sqlite_url, tmp_path / "quiet", picked_orders=0)
    home, tab = slotting_tab(qtbot, central)
    tab.propose_button.click()
    text = tab.summary.text()
    assert not ENGLISH_RUN.search(text), text
    assert "30" in text and any("\u4e00" <= ch <= "\u9fff" for ch in text), text
    assert not _fits(qtbot, home)
    assert tab.summary.shown_text() == text  # whole on the line, not cut off with "…"
    central.close()
