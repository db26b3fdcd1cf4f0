"""The lead's "Schedule today's ABC counts" button on the Exceptions tab, through the real
widgets and the real use case on the demo site: it says how many it scheduled, a second press
the same day adds none, and it reads in Chinese too."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select

from app.services.lead.console import LeadConsole
from db.schema import count_tasks
from tests.integration.counting.story import LEAD
from tests.integration.counting.test_abc_counts import picks_in_the_window
from tests.ui.lead.test_lead_chinese import ENGLISH_RUN, chinese  # noqa: F401 - a fixture
from ui.lead import LeadHome
from ui.worker import SynchronousWorker


def abc_tasks(central) -> int:
    with central.engine.connect() as conn:
        query = select(func.count()).select_from(count_tasks).where(count_tasks.c.reason == "abc")
        return conn.execute(query).scalar_one()


def exceptions_tab(qtbot, central):
    home = LeadHome(LeadConsole(central.uow, LEAD, "lead-desk"), SynchronousWorker())
    qtbot.addWidget(home)
    return home.exceptions


def test_the_button_schedules_todays_abc_counts_once(qtbot, demo_central):
    picks_in_the_window(demo_central, date.today())  # the console plans the lead's today
    tab = exceptions_tab(qtbot, demo_central)
    assert tab.counts.abc_button.text() == "Schedule today's ABC counts"
    tab.counts.abc_button.click()
    added = abc_tasks(demo_central)
    assert added > 0
    said = tab.counts.abc_result.text()
    assert said.startswith(f"Today: {added} new count task(s) · {added} location(s) due (A ")
    assert tab.counts.abc_result.toolTip() == said
    per_class = re.search(r"\(A (\d+) · B (\d+) · C (\d+)\)$", said)
    assert per_class and sum(int(n) for n in per_class.groups()) == added
    tab.counts.abc_button.click()
    assert abc_tasks(demo_central) == added
    assert tab.counts.abc_result.text().startswith(
        f"Today: 0 new count task(s) · {added} location(s) due"
    )


def test_the_button_and_its_answer_read_in_chinese(qtbot, demo_central, chinese):  # noqa: F811
    picks_in_the_window(demo_central, date.today())
    tab = exceptions_tab(qtbot, demo_central)
    tab.counts.abc_button.click()
    added = abc_tasks(demo_central)
    for text in (tab.counts.abc_button.text(), tab.counts.abc_result.text()):
        assert not ENGLISH_RUN.search(text), text
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
    assert f"{added} 个盘点任务" in tab.counts.abc_result.text()
