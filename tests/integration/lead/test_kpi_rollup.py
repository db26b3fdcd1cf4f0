"""The hourly roll-up gives the same figures as summing the events, late facts included."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from app.services import lead
from db.kpi_rollup import KpiRollup
from db.schema import kpi_hours
from tests.integration.lead.site import add_event, build_site

DAY = datetime(2026, 11, 2, tzinfo=UTC)


def at(hour: int, minute: int = 0) -> datetime:
    return DAY.replace(hour=hour, minute=minute)


def pia(report):
    (rate,) = [r for r in report.rates if r.user == "Pia"]
    return rate.lines, rate.units, rate.hours


def test_late_facts_and_partial_hours_count_exactly_once(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, release=False)
    for hh, mm, qty in ((8, 5, 1), (8, 40, 3), (9, 10, 4), (11, 30, 2)):
        add_event(site, "pick.confirmed", "Pia", at(hh, mm), quantity=qty)

    assert pia(lead.kpi_report(site.uow(), site.lead, at(8), at(12))) == (4, 10, 3)
    assert site.rows(select(func.sum(kpi_hours.c.lines)))[0][0] == 4  # rolled up
    # Not on whole hours: 08:30–09:15 holds the 08:40 and 09:10 picks only.
    assert pia(lead.kpi_report(site.uow(), site.lead, at(8, 30), at(9, 15))) == (2, 7, 2)

    # A station that was offline syncs a pick made at 08:50: it lands in a rolled-up hour.
    add_event(site, "pick.confirmed", "Pia", at(8, 50), quantity=5)
    assert pia(lead.kpi_report(site.uow(), site.lead, at(8), at(12))) == (5, 15, 3)
    assert pia(lead.kpi_report(site.uow(), site.lead, at(8), at(12))) == (5, 15, 3)
    assert site.rows(select(func.sum(kpi_hours.c.lines)))[0][0] == 5


def test_the_newest_events_within_the_margin_are_summed_directly(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, release=False)
    for minute in (5, 15, 25):
        add_event(site, "pick.confirmed", "Pia", at(10, minute), quantity=1)
    with site.uow() as uow:
        rollup = KpiRollup(uow.connection, margin=2)  # as if two were still in flight
        rollup.refresh()
        rows = rollup.hourly(at(10), at(11))
        uow.commit()
    assert site.rows(select(func.sum(kpi_hours.c.lines)))[0][0] < 3
    assert [(r.user, r.lines, r.units) for r in rows] == [("Pia", 3, 3)]
