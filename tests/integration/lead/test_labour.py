"""Labour standards against a real SQLite central database: the KPI's percentage of standard
and the board's estimated finish on known data, learning from finished lists, the CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.domain.labour import LabourStandard
from app.errors import BadInput, NotAllowed
from app.services import labour, lead
from db.schema import pick_lists, pick_tasks
from tests.integration.lead.site import STATION, build_site, confirm_task, list_ids

DAY = datetime(2026, 11, 2, tzinfo=UTC)
STANDARD = LabourStandard(1.0, 10.0, 2.0, 60.0, 12.5)


def at(hour: int, minute: int = 0, second: int = 0) -> datetime:
    return DAY.replace(hour=hour, minute=minute, second=second)


def _tasks(site, list_id: int) -> list:
    query = select(pick_tasks).where(pick_tasks.c.pick_list_id == list_id)
    return site.rows(query.order_by(pick_tasks.c.seq))


def test_picker_hours_as_percentage_of_standard(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    labour.set_standard(site.uow(), site.lead, STANDARD, STATION)
    first = list_ids(site)[0]
    site.run(update(pick_lists).values(distance_m=120.0))
    tasks = _tasks(site, first)
    for n, task in enumerate(tasks):
        confirm_task(site, task.id, "Pia", at(9, 10 + n))
    lines, units = len(tasks), sum(t.quantity for t in tasks)
    # the whole list in one hour: its walk, set-up, lines and scans, with the allowance
    expected_s = (120 / 1.0 + 10 * lines + 2 * units + 60) * 1.125

    report = lead.kpi_report(site.uow(), site.lead, at(8), at(16))

    [pia] = report.performance
    assert pia.user == "Pia" and [h.hour for h in pia.hours] == [at(9)]
    assert pia.hours[0].standard_s == pytest.approx(expected_s)
    assert pia.percent == pytest.approx(100 * expected_s / 3600)
    assert lead.kpi_report(site.uow(), site.lead, at(10), at(16)).performance == []


def test_the_boards_estimated_finish_uses_the_standard_and_the_pickers_pace(
    tmp_path, sqlite_url, run_cli
):
    site = build_site(tmp_path, sqlite_url, run_cli)
    labour.set_standard(site.uow(), site.lead, STANDARD.with_changes(paces={"Pia": 1.5}), STATION)
    first = list_ids(site)[0]
    site.run(update(pick_lists).values(distance_m=100.0))
    lead.reassign(site.uow(), site.lead, [first], "Pia", STATION)
    tasks = _tasks(site, first)
    work_s = 100 + 10 * len(tasks) + 2 * sum(t.quantity for t in tasks) + 60

    before = datetime.now(UTC)
    row = next(r for r in lead.load_board(site.uow(), site.lead).rows if r.id == first)
    after = datetime.now(UTC)

    low = (before + timedelta(seconds=1.5 * work_s)).replace(second=0, microsecond=0)
    assert low <= row.estimated_finish <= after + timedelta(seconds=1.5 * work_s)
    other = next(r for r in lead.load_board(site.uow(), site.lead).rows if r.id != first)
    assert other.assignee is None and other.estimated_finish is not None


def _finish_lists_as_picked(site, speed_m_s: float, line_s: float, paces: dict) -> int:
    """Every list picked by one picker at a known pace; a long break on the first list (one
    or two lines: too few gaps to see it, the robust weights leave the list out instead)."""
    ids = list_ids(site)
    for n, list_id in enumerate(ids):
        picker = sorted(paces)[n % len(paces)]
        pace = paces[picker]
        tasks = _tasks(site, list_id)
        metres = 40.0 + 30 * n
        start = at(6) + timedelta(minutes=20 * n)
        clock = 0.0
        for i, task in enumerate(tasks):
            clock += (metres / len(tasks) / speed_m_s + line_s) * pace
            if n == 0 and i == 0:
                clock += 900  # a break: left out of the fit
            confirm_task(site, task.id, picker, start + timedelta(seconds=clock))
        user = site.pia.id if picker == "Pia" else site.paul.id
        site.run(
            update(pick_lists)
            .where(pick_lists.c.id == list_id)
            .values(
                status="done",
                assignee_id=user,
                distance_m=metres,
                claimed_at=start,
                finished_at=start + timedelta(seconds=clock + 1),
            )
        )
    return len(ids)


def test_learning_from_finished_lists(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, n_orders=10, capacity=1)
    count = _finish_lists_as_picked(site, 1.25, 20.0, {"Pia": 1.0, "Paul": 1.3})
    assert count >= 8

    fit = labour.learn_standard(site.uow(), site.lead, STATION, days=30, now=at(12))

    s = labour.read_standard(site.uow())
    assert s == fit.standard and fit.lists == count
    assert s.paces["Paul"] / s.paces["Pia"] == pytest.approx(1.3, rel=0.05)
    assert s.walk_speed_m_s == pytest.approx(1.25 * s.paces["Pia"], rel=0.1)
    with pytest.raises(BadInput):  # nothing finished in the last day before these lists
        labour.learn_standard(site.uow(), site.lead, STATION, days=1, now=at(5))
    with pytest.raises(NotAllowed):
        labour.learn_standard(site.uow(), site.pia, STATION, now=at(12))


def test_labour_settings_cli(tmp_path, sqlite_url, run_cli):
    build_site(tmp_path, sqlite_url, run_cli)
    status, out, _ = run_cli("labour-settings", "--database", sqlite_url, "--json")
    assert status == 0 and json.loads(out)["allowance_pct"] == 13.0
    changes = tmp_path / "labour.json"
    changes.write_text('{"allowance_pct": 15, "walk_speed_m_s": 1.1}')
    lead_args = ("--badge", "1011", "--pin", "246810")
    status, out, _ = run_cli(
        "labour-settings", "--database", sqlite_url, "--set", changes, *lead_args
    )
    assert status == 0 and "1.10 m/s" in out and "allowance 15 %" in out
    status, out, _ = run_cli("labour-settings", "--database", sqlite_url, "--json")
    assert json.loads(out)["walk_speed_m_s"] == 1.1
    changes.write_text('{"allowance_pct": 150}')
    status, _, err = run_cli(
        "labour-settings", "--database", sqlite_url, "--set", changes, *lead_args
    )
    assert status == 2 and "allowance_pct 150" in err
    changes.write_text('{"speed": 2}')
    status, _, err = run_cli(
        "labour-settings", "--database", sqlite_url, "--set", changes, *lead_args
    )
    assert status == 2 and "unknown setting 'speed'" in err
    status, _, err = run_cli("labour-settings", "--database", sqlite_url, "--learn", *lead_args)
    assert status == 2 and "at least 8" in err
