"""What the lead sees of the labour standard: each picker-hour as a percentage of it in the KPIs
tab, the board's "Done by" from it; both fit 1280×800 in English and in Chinese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.domain.labour import LabourStandard
from app.services import labour, lead
from db.schema import pick_lists, pick_tasks
from tests.integration.lead.site import STATION, build_site, confirm_task, list_ids
from tests.ui.fit import SCREEN, look_at
from tests.ui.lead.test_lead_chinese import chinese  # noqa: F401  (a fixture)
from tests.ui.lead.test_lead_home import open_home
from ui.lead.models import clock

STANDARD = LabourStandard(1.0, 10.0, 2.0, 60.0, 12.5, paces={"Paul": 2.0})


def _site_with_an_hour_of_picking(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    labour.set_standard(site.uow(), site.lead, STANDARD, STATION)
    site.run(update(pick_lists).values(distance_m=120.0))
    first, second = list_ids(site)[:2]
    hour = (datetime.now(UTC) - timedelta(hours=2)).replace(minute=10, second=0, microsecond=0)
    tasks = site.rows(select(pick_tasks).where(pick_tasks.c.pick_list_id == first))
    for n, task in enumerate(tasks):
        confirm_task(site, task.id, "Pia", hour + timedelta(minutes=n))
    expected = (120 + 10 * len(tasks) + 2 * sum(t.quantity for t in tasks) + 60) * 1.125
    return site, second, 100 * expected / 3600


def test_the_kpis_tab_shows_each_picker_hour_against_the_standard(
    qtbot, tmp_path, sqlite_url, run_cli
):
    site, _, percent = _site_with_an_hour_of_picking(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, site)
    home.tabs.setCurrentWidget(home.kpis)
    home.kpis.show_range("shift")
    assert home.kpis.right.currentWidget() is home.kpis.due_view  # until the lead asks
    home.kpis.standard_button.click()
    assert home.kpis.right.currentWidget() is home.kpis.standard
    table = home.kpis.standard.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "Pia"
    assert table.item(0, 2).text() == f"{percent:.0f} %"
    summary = home.kpis.standard.summary.text()
    assert summary == f"Picker-hours vs standard: {percent:.0f} % on average (1)"


def test_the_boards_done_by_uses_the_standard_and_the_pickers_pace(
    qtbot, tmp_path, sqlite_url, run_cli
):
    site, second, _ = _site_with_an_hour_of_picking(tmp_path, sqlite_url, run_cli)
    lead.reassign(site.uow(), site.lead, [second], "Paul", STATION)  # Paul: twice the work time
    home = open_home(qtbot, site)
    before = datetime.now(UTC)
    home.poll(force=True)
    after = datetime.now(UTC)
    model = home.board.lists
    n, row = next((n, r) for n, r in enumerate(model.rows) if r.id == second)
    tasks = site.rows(select(pick_tasks).where(pick_tasks.c.pick_list_id == second))
    work_s = 120 + 10 * len(tasks) + 2 * sum(t.quantity for t in tasks) + 60
    low = (before + timedelta(seconds=2 * work_s)).replace(second=0, microsecond=0)
    assert low <= row.estimated_finish <= after + timedelta(seconds=2 * work_s)
    assert model.index(n, 6).data() == clock(row.estimated_finish)  # the "Done by" column


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_kpis_tab_fits_the_station_monitor(
    qtbot, tmp_path, sqlite_url, run_cli, request, language
):
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    site, _, _ = _site_with_an_hour_of_picking(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, site)
    home.resize(SCREEN)
    home.show()
    home.tabs.setCurrentWidget(home.kpis)
    home.kpis.show_range("shift")
    home.kpis.standard_button.click()
    assert home.kpis.standard.table.rowCount() == 1
    if language == "zh_CN":
        assert home.kpis.standard.table.horizontalHeaderItem(2).text() == "达标率"
    assert look_at(home, f"lead_kpis_standard_{language}") == []
