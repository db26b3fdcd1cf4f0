"""The lead's Transfers section in the Dispatch tab (docs/lead.md, "Transfers"), driven as a lead
would against a real SQLite central database with three warehouses (transfers.py's sites:
NORTH has GLUE 6 and BOLT 5, WH1 BOLT 100, WEST GLUE 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from app.domain.users import Role, User
from app.services.lead.console import LeadConsole
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.integration.warehouses.auto_transfers import FACE, AutoSites
from tests.integration.warehouses.transfers import TransferSites
from ui.i18n import LanguageSwitch
from ui.lead import LeadHome
from ui.worker import SynchronousWorker

LEAD = User("Lena", Role.LEAD, "B-LENA")


@pytest.fixture
def sites(tmp_path, sqlite_url, run_cli):
    found = TransferSites(run_cli, sqlite_url, tmp_path)
    found.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "GLUE", "--quantity", "2")
    found.ok("allocate")
    return found


@pytest.fixture
def home(qtbot, sites):
    engine = make_engine(sites.url)
    console = LeadConsole(
        lambda warehouse=None: SqlUnitOfWork(engine, warehouse=warehouse), LEAD, "LEAD-1"
    )
    found = LeadHome(console, SynchronousWorker(), poll_ms=60_000)
    qtbot.addWidget(found)
    found.resize(1280, 800)
    found.show()
    choose(qtbot, found, "WEST")
    found.tabs.setCurrentWidget(found.dispatch)
    yield found
    engine.dispose()


def choose(qtbot, home: LeadHome, code: str) -> None:
    """By keyboard, as a lead would: focus the selector, arrow up or down to the code."""
    box = home.warehouse
    box.setFocus()
    wanted = box.findText(code)
    for _ in range(box.count()):
        if box.currentIndex() == wanted:
            return
        key = Qt.Key.Key_Down if box.currentIndex() < wanted else Qt.Key.Key_Up
        qtbot.keyClick(box, key)
    raise AssertionError(f"{code} not reached")


def rows(section) -> list[tuple]:
    model = section.transfers
    return [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_the_section_lists_the_warehouses_transfers(qtbot, home, sites):
    section = home.dispatch.transfers
    assert rows(section) == [
        ("TR-1", "NORTH", "WEST", "allocated", "GLUE", "2", "0", "0", "0", "lead")
    ]
    choose(qtbot, home, "WH1")  # neither sends nor receives it
    assert rows(section) == []
    choose(qtbot, home, "NORTH")  # sends it
    assert [r[0] for r in rows(section)] == ["TR-1"]


def test_a_transfer_the_rule_made_says_so_and_for_which_face(qtbot, home, sites, tmp_path):
    """WEST's GLUE face W01-001 (6 there, min 8) with no reserve: the rule makes TR-2 by
    itself; its row says so, in English and Chinese, the tooltip in full."""
    AutoSites.switch(sites, "WEST", True)
    sites.ok("import-pick-faces", sites.write("faces.csv", FACE))
    section = home.dispatch.transfers
    home.dispatch.refresh()
    made_by = {r[0]: r[-1] for r in rows(section)}
    assert made_by == {"TR-2": "auto: W01-001", "TR-1": "lead"}
    model = section.transfers
    tip = model.data(model.index(0, model.columnCount() - 1), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Made automatically: pick face W01-001 was below its min with no reserve in WEST"
    switch = LanguageSwitch(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))
    switch.apply("zh_CN")
    try:
        assert {r[0]: r[-1] for r in rows(section)} == {"TR-2": "自动：W01-001", "TR-1": "班组长"}
    finally:
        switch.uninstall()


def test_the_lead_makes_a_transfer_by_keyboard(qtbot, home, sites):
    section = home.dispatch.transfers
    assert (section.source.currentText(), section.target.currentText()) == ("WH1", "WEST")
    qtbot.keyClicks(section.sku, "BOLT")
    section.quantity.setValue(3)
    qtbot.keyClick(section.sku, Qt.Key.Key_Return)  # the line is added
    assert section.pending.text() == "To send: BOLT × 3"
    section.make_button.click()
    assert section.result.text() == "Transfer TR-2 made: 3 units from WH1 to WEST."
    assert rows(section)[0][:6] == ("TR-2", "WH1", "WEST", "open", "BOLT", "3")
    assert sites.transfers()["TR-2"]["lines"][0]["quantity"] == 3
    assert section.pending.text() == "" and not section.lines


def test_a_bad_sku_is_refused_in_the_screens_words(qtbot, home, sites):
    section = home.dispatch.transfers
    qtbot.keyClicks(section.sku, "NOPE")
    section.make_button.click()
    assert section.result.property("kind") == "error"
    assert section.result.text() == "unknown SKU NOPE: import it with import-products first"
    assert set(sites.transfers()) == {"TR-1"}  # nothing made
    section.source.setCurrentText("WEST")  # the same warehouse twice: refused here
    section.make_button.click()
    assert section.result.text() == "From and To must be two warehouses."
    assert section.pending.text() == "To send: NOPE × 1"  # kept to fix From or To
    section.clear_button.click()
    section.make_button.click()  # no line left: nothing to send
    assert section.result.text() == "Add at least one SKU and its units."


def test_the_lead_cancels_a_transfer_after_confirming(qtbot, home, sites):
    section = home.dispatch.transfers
    asked: list[str] = []
    section.confirm = lambda question: asked.append(question) or False
    assert not section.cancel_button.isEnabled()  # nothing selected
    section.view.selectRow(0)
    section.cancel_button.click()
    assert "Cancel transfer TR-1 from NORTH to WEST?" in asked[0]
    assert sites.transfers()["TR-1"]["status"] == "allocated"  # the lead said no
    section.confirm = lambda question: True
    section.cancel_button.click()
    assert section.result.text() == "Transfer TR-1 cancelled: nothing of it is in transit."
    assert rows(section) == [
        ("TR-1", "NORTH", "WEST", "cancelled", "GLUE", "2", "0", "0", "0", "lead")
    ]
    assert sites.allocated_in("NORTH") == {}
    section.view.selectRow(0)
    assert not section.cancel_button.isEnabled()  # cancelled: nothing more to cancel


def test_a_proposal_is_made_with_one_action(qtbot, home, sites):
    sites.ok(
        "import-pick-faces", sites.write("faces.csv", "location,sku,min,max\nW01-002,BOLT,2,5\n")
    )
    section = home.dispatch.transfers
    home.dispatch.refresh_button.click()  # the dock and the transfers
    assert [(p["face"], p["from"], p["quantity"]) for p in section.proposals.rows] == [
        ("W01-002", "WH1", 5)
    ]
    assert not section.propose_button.isEnabled()
    section.proposal_view.selectRow(0)
    section.propose_button.click()
    assert section.result.text() == "Transfer TR-2 made: 5 units from WH1 to WEST."
    assert section.proposals.rows == []  # the transfer will bring them


def test_a_single_site_shows_no_transfers(qtbot, demo_central):
    """One warehouse: nothing to send between, the dock keeps the whole tab."""
    console = LeadConsole(demo_central.uow, LEAD, "LEAD-1")
    home = LeadHome(console, SynchronousWorker(), poll_ms=60_000)
    qtbot.addWidget(home)
    home.show()
    home.tabs.setCurrentWidget(home.dispatch)
    assert home.dispatch.transfers.desk.warehouses == ["WH1"]
    assert not home.dispatch.transfers.isVisible()
