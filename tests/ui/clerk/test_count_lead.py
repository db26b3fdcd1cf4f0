"""The lead's side of counting through the real widgets: schedule a range from the Exceptions
tab, then approve a confirmed variance (its `count_variance` item) there."""

from __future__ import annotations

from app.services.lead.console import LeadConsole
from tests.integration.counting.story import LEAD, OTHER_CLERK, apply, at, count_fact
from ui.lead import LeadHome
from ui.worker import SynchronousWorker


def test_a_lead_schedules_counts_and_approves_a_variance_in_the_exceptions_tab(qtbot, central):
    home = LeadHome(LeadConsole(central.uow, LEAD, "lead-desk"), SynchronousWorker())
    qtbot.addWidget(home)
    tab = home.exceptions
    tab.counts.first.setText("A01-001-L-1")
    tab.counts.last.setText("A01-001-L-2")
    tab.counts.schedule()
    assert "2 new task(s), 2 location(s)" in tab.counts.result.text()
    with central.uow() as uow:
        item = next(s for s in uow.stock.all() if s.location == "A01-001-L-1")
    lines = [(item.sku, item.lot, item.on_hand - 8)]
    apply(central, count_fact(item.location, lines, at(1)))
    apply(central, count_fact(item.location, lines, at(2), OTHER_CLERK))
    home.poll(force=True)
    tab.show_kind("count_variance")
    tab.view.selectRow(0)
    assert tab.current().kind == "count_variance"
    assert (
        f"expected {item.on_hand}, counted {item.on_hand - 8}"
        in tab.queue.rows[0].summary.english()
    )
    tab.choose("approve_count")
    tab.resolve()
    with central.uow() as uow:
        assert uow.stock.get(item.location, item.sku, item.lot).on_hand == item.on_hand - 8
    home.poll(force=True)
    assert all(q.kind != "count_variance" for q in home.console.queue())
