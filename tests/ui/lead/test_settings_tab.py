"""The lead's Settings tab driven through its widgets on a SQLite central seeded with the demo:
what the tab shows, and what a save really stores (read back with `current_site`)."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from app.bootstrap import open_central
from app.domain.users import Role, User
from app.services import layouts
from app.services.lead.console import LeadConsole, SiteView
from app.services.site import current_site
from app.services.users import authenticate_lead, save_user
from db.schema import events
from tests.integration.warehouses.two_sites import WEST
from ui.lead import LeadHome
from ui.lead.carriers_table import KEYS
from ui.worker import SynchronousWorker

DEMO_CODES = ["SF", "DHL", "POSTNL", "UPS"]


def settings_tab(qtbot, central, user=None):
    """The lead console on `central`, showing its Settings tab (loaded on the worker)."""
    user = user or authenticate_lead(central.uow(), "1011", "694907")
    home = LeadHome(LeadConsole(central.uow, user, "lead-desk"), SynchronousWorker(), 60_000)
    qtbot.addWidget(home)
    home.resize(1280, 800)
    home.tabs.setCurrentWidget(home.settings)
    return home.settings


def cell(tab, code: str, key: str):
    row = [tab.carriers.item(r, 0).text() for r in range(tab.carriers.rowCount())].index(code)
    return tab.carriers.item(row, KEYS.index(key))


def saves_recorded(central) -> int:
    with central.engine.connect() as conn:
        query = select(func.count()).where(events.c.kind == "site.settings_set")
        return conn.execute(query).scalar_one()


def test_the_tab_shows_the_demo_site_and_its_carriers(qtbot, demo_central):
    tab = settings_tab(qtbot, demo_central)
    assert [tab.carriers.item(r, 0).text() for r in range(tab.carriers.rowCount())] == DEMO_CODES
    assert tab.fields["name"].text() == "Shipshape Demo DC"
    assert tab.fields["gs1_company_prefix"].text() == "8712345"
    assert tab.fields["ship_from.city"].text() == "Rotterdam"
    assert cell(tab, "UPS", "cutoffs").text() == "15:30, 17:30"
    assert cell(tab, "POSTNL", "check").text() == "s10"
    assert cell(tab, "POSTNL", "left").text() == "99,999,999"
    assert tab.language.currentData() == "en"
    assert tab.sscc_left.text().replace(",", "").isdigit()
    assert tab.banner.isHidden()  # settings there, no range low, nothing saved yet


def test_a_new_cutoff_is_saved_whole(qtbot, demo_central):
    tab = settings_tab(qtbot, demo_central)
    cell(tab, "DHL", "cutoffs").setText("17:45, 12:00")
    tab.buttons["save"].click()
    assert tab.banner.kind == "ok" and "saved" in tab.banner.words()
    site = current_site(demo_central.uow())
    assert site.carrier("DHL").cutoffs == ("12:00", "17:45")
    assert site.carrier("SF").cutoffs == ("16:30",)  # the rest as it was
    assert cell(tab, "DHL", "cutoffs").text() == "12:00, 17:45"  # the tab shows what is stored


def test_a_six_digit_prefix_is_refused_by_name_and_nothing_is_stored(qtbot, demo_central):
    tab = settings_tab(qtbot, demo_central)
    before = saves_recorded(demo_central)
    tab.fields["gs1_company_prefix"].setText("871234")
    cell(tab, "SF", "cutoffs").setText("11:00")  # an edit that must not slip through alone
    tab.buttons["save"].click()
    assert tab.banner.kind == "error" and tab.banner.isVisibleTo(tab)
    assert "gs1_company_prefix" in tab.banner.words()
    assert "7 to 10 digits" in tab.banner.words()
    assert tab.fields["gs1_company_prefix"].property("problem") is True
    site = current_site(demo_central.uow())
    assert site.gs1_company_prefix == "8712345" and site.carrier("SF").cutoffs == ("16:30",)
    assert saves_recorded(demo_central) == before
    assert tab.buttons["save"].isEnabled()  # fix it and save again
    tab.fields["gs1_company_prefix"].setText("8712345")
    tab.buttons["save"].click()
    assert tab.banner.kind == "ok"
    assert tab.fields["gs1_company_prefix"].property("problem") is False
    assert current_site(demo_central.uow()).carrier("SF").cutoffs == ("11:00",)


def test_two_carriers_with_one_code_are_refused(qtbot, demo_central):
    tab = settings_tab(qtbot, demo_central)
    cell(tab, "DHL", "code").setText("SF")
    tab.buttons["save"].click()
    assert tab.banner.kind == "error"
    assert "carriers[1].code" in tab.banner.words() and "carriers[0]" in tab.banner.words()
    assert tab.carriers.currentRow() == 1  # the refused cell is the one picked out
    assert [c.code for c in current_site(demo_central.uow()).carriers] == DEMO_CODES


def test_remove_a_carrier_and_save(qtbot, demo_central):
    tab = settings_tab(qtbot, demo_central)
    tab.carriers.setCurrentCell(3, 0)
    tab.buttons["remove"].click()
    tab.buttons["save"].click()
    assert tab.banner.kind == "ok"
    assert [c.code for c in current_site(demo_central.uow()).carriers] == DEMO_CODES[:3]
    assert tab.carriers.rowCount() == 3


def test_add_a_carrier_with_its_own_tracking_range(qtbot, demo_central):
    tab = settings_tab(qtbot, demo_central)
    tab.buttons["add"].click()
    row = tab.carriers.rowCount() - 1
    typed = {
        "code": "gls",
        "name": "GLS",
        "services": "Business，Express",  # a Chinese keyboard's comma separates too
        "cutoffs": "16:00",
        "prefix": "GL",
        "digits": "10",
        "suffix": "",
        "last": "9999",
    }
    for key, text in typed.items():
        tab.carriers.item(row, KEYS.index(key)).setText(text)
    tab.buttons["save"].click()
    assert tab.banner.kind == "ok", tab.banner.words()
    gls = current_site(demo_central.uow()).carrier("GLS")
    assert gls.services == ("Business", "Express") and gls.tracking.check == "mod10"
    assert (gls.tracking.range.next, gls.tracking.range.last) == (1, 9999)
    assert cell(tab, "GLS", "left").text() == "9,999"  # a new range, far from low


def test_a_range_running_low_is_shown_in_words(qtbot, demo_central):
    tab = settings_tab(qtbot, demo_central)
    next_sscc = int(tab.fields["sscc_serial.next"].text())
    tab.fields["sscc_serial.last"].setText(str(next_sscc + 99))
    cell(tab, "UPS", "last").setText(str(int(cell(tab, "UPS", "next").text()) + 9))
    tab.buttons["save"].click()
    assert tab.banner.isVisibleTo(tab) and tab.banner.kind == "error"  # red, though it saved
    assert tab.banner.words().startswith("Settings saved. Numbers running low")
    assert current_site(demo_central.uow()).sscc_serial.last == next_sscc + 99
    assert tab.sscc_left.text() == "LOW: 100" and tab.sscc_left.property("low") is True
    assert cell(tab, "UPS", "left").text() == "LOW: 10"
    assert "SSCC (100 left)" in tab.banner.words() and "UPS (10 left)" in tab.banner.words()


def test_reload_drops_edits_not_saved(qtbot, demo_central):
    tab = settings_tab(qtbot, demo_central)
    tab.fields["name"].setText("Somewhere else")
    tab.buttons["remove"].click()  # no row picked: nothing removed
    tab.carriers.setCurrentCell(0, 0)
    tab.buttons["remove"].click()
    tab.buttons["reload"].click()
    assert tab.fields["name"].text() == "Shipshape Demo DC"
    assert tab.carriers.rowCount() == len(DEMO_CODES)


def test_a_non_lead_cannot_save(qtbot, demo_central):
    stored = current_site(demo_central.uow())
    before = saves_recorded(demo_central)
    tab = settings_tab(qtbot, demo_central, User("李娜", Role.PICKER, "1001"))
    assert tab.banner.kind == "error"  # not even shown to a picker
    assert tab.carriers.rowCount() == 0
    tab.show_view(SiteView(stored, []))  # as if the form had been filled in
    tab.fields["name"].setText("Picker's DC")
    tab.buttons["save"].click()
    assert tab.banner.kind == "error" and "only a shift lead" in tab.banner.words()
    assert current_site(demo_central.uow()) == stored
    assert saves_recorded(demo_central) == before


def test_a_site_without_settings_says_packing_is_blocked(qtbot, sqlite_url):
    central = open_central(sqlite_url)
    try:
        save_user(central.uow(), "Lena", "lead", "1011", "246810", by=central.setup_identity())
        lead = authenticate_lead(central.uow(), "1011", "246810")
        tab = settings_tab(qtbot, central, lead)
        assert tab.banner.isVisibleTo(tab) and "packing is blocked" in tab.banner.words()
        assert tab.fields["name"].text() == "" and tab.carriers.rowCount() == 0
        tab.buttons["save"].click()  # an empty form is refused, field by field
        assert tab.banner.kind == "error" and "gs1_company_prefix is empty" in tab.banner.words()
        assert current_site(central.uow()) is None
    finally:
        central.close()


def test_edits_made_before_a_second_warehouse_are_saved_where_they_were_loaded(
    qtbot, demo_central, tmp_path
):
    """Loaded on a single site, edited, then WEST appears and is chosen: the edits are kept
    and saved to the first warehouse's settings, never WEST's."""
    tab = settings_tab(qtbot, demo_central)
    assert tab.whose.isHidden()  # one warehouse: nothing to say
    tab.fields["name"].setText("Demo DC, renamed")
    path = tmp_path / "west.json"
    path.write_text(json.dumps(WEST), encoding="utf-8")
    layouts.import_layout(demo_central.uow(), path, warehouse="WEST")
    home = tab.window()  # the lead console the tab sits in
    home.reload_warehouses()
    index = home.warehouse.findText("WEST")
    home.warehouse.setCurrentIndex(index)
    home.warehouse.activated.emit(index)
    assert tab.fields["name"].text() == "Demo DC, renamed"
    assert tab.banner.kind == "info" and "WH1" in tab.banner.words()
    tab.buttons["save"].click()
    assert current_site(demo_central.uow("WH1")).name == "Demo DC, renamed"
    assert current_site(demo_central.uow("WEST")) is None
