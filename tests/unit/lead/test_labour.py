"""The labour standard and its fit: pure arithmetic, no database, no Qt."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.labour import (
    DEFAULT_STANDARD,
    EarnedHour,
    LabourStandard,
    Progress,
    Work,
    estimated_finish,
    performance,
)
from app.domain.labour_fit import FinishedList, fit_standard, mape_pct, nnls, worked_seconds

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
STANDARD = LabourStandard(1.25, 10.0, 2.0, 60.0, 12.5)


def test_standard_is_route_walk_plus_lines_scans_set_up_plus_allowance():
    work = Work(metres=250.0, lines=8, scans=12, lists=1)
    assert STANDARD.work_seconds(work) == pytest.approx(200 + 80 + 24 + 60)
    assert STANDARD.standard_seconds(work) == pytest.approx(364 * 1.125)


def test_a_document_round_trips_and_keys_left_out_keep_the_defaults():
    learnt = STANDARD.with_changes(paces={"Pia": 0.9}, learnt_from=40)
    assert LabourStandard.from_dict(learnt.as_dict()) == learnt
    assert LabourStandard.from_dict({"allowance_pct": 15}).seconds_per_line == 12.0
    assert LabourStandard.from_dict(None) == DEFAULT_STANDARD
    assert DEFAULT_STANDARD.problems() == []
    assert len(LabourStandard(walk_speed_m_s=0, allowance_pct=150).problems()) == 2


def test_picker_hour_percentage_is_standard_seconds_earned_over_an_hour():
    hour = T0.replace(minute=0)
    # 12 lines, each with 1/6 of a 300 m list's walk and set-up, 2 units each:
    line = Work(50.0, 1, 2, 1 / 6)
    rows = [EarnedHour("Pia", hour, line)] * 12 + [
        EarnedHour("Pia", hour + timedelta(hours=1), line)
    ]
    found = performance(STANDARD, rows)
    assert [p.user for p in found] == ["Pia"]
    first, second = found[0].hours
    expected = 12 * (40 + 10 + 4 + 10) * 1.125  # per line: walk 40 s, 10 s, 2 scans, set-up 10 s
    assert first.standard_s == pytest.approx(expected)
    assert first.percent == pytest.approx(100 * expected / 3600)
    assert found[0].percent == pytest.approx((first.percent + second.percent) / 2)


def test_the_hour_in_progress_counts_only_its_part_so_far():
    hour = T0.replace(minute=0)
    rows = [EarnedHour("Pia", hour, Work(0, 1, 0, 0))]  # 10 s of work, 11.25 s standard
    [whole] = performance(STANDARD, rows)
    [so_far] = performance(STANDARD, rows, hour - timedelta(hours=8), hour + timedelta(minutes=15))
    assert whole.hours[0].seconds == 3600 and so_far.hours[0].seconds == 900
    assert so_far.percent == pytest.approx(4 * whole.percent)


def test_estimated_finish_before_start_uses_the_assignees_pace():
    standard = STANDARD.with_changes(paces={"Pia": 1.2})
    work = Work(250.0, 8, 12, 1)
    progress = Progress(work, 0, 8, 12, None, "Pia")
    finish = estimated_finish(standard, progress, T0)
    assert finish == T0 + timedelta(seconds=364 * 1.2)
    unknown = estimated_finish(standard, Progress(work, 0, 8, 12, None, None), T0)
    assert unknown == T0 + timedelta(seconds=364)


def test_estimated_finish_midway_uses_the_lists_own_pace():
    work = Work(200.0, 4, 4, 1)  # 160 s walk, 40 s lines, 8 s scans, 60 s set-up: 268 s
    started = T0 - timedelta(seconds=2 * 268)  # half the list done, at half the standard's pace
    progress = Progress(work, 2, 4, 2, started, "Pia")
    low = LabourStandard(1.25, 10.0, 2.0, 60.0, 12.5)
    with_three = Progress(work, 3, 4, 1, started, "Pia")
    left_one = 40 + 10 + 2  # a quarter of the walk, one line, one scan
    done_three = 268 - left_one
    assert estimated_finish(low, with_three, T0) == T0 + timedelta(
        seconds=left_one * (2 * 268) / done_three
    )
    # two lines done is too few to trust the list's own pace: the learnt pace (1.0) is used
    assert estimated_finish(low, progress, T0) == T0 + timedelta(seconds=80 + 20 + 4)
    assert estimated_finish(low, Progress(work, 4, 4, 0, started, "Pia"), T0) is None


def test_nnls_keeps_coefficients_non_negative():
    rows = [[1.0, 1.0], [2.0, 1.0], [3.0, 1.0]]
    assert nnls(rows, [3.0, 5.0, 7.0], [1.0] * 3) == pytest.approx([2.0, 1.0])
    # the unconstrained fit would want a negative intercept
    beta = nnls(rows, [1.0, 4.0, 7.0], [1.0] * 3)
    assert min(beta) >= 0 and beta[1] == 0


def test_a_break_between_two_confirmations_is_left_out_of_the_worked_time():
    picks = tuple(T0 + timedelta(seconds=60 * n) for n in range(1, 6))
    steady = FinishedList("Pia", Work(1, 5, 5, 1), T0, T0 + timedelta(seconds=360), picks)
    assert worked_seconds(steady) == 360
    late = tuple(p + timedelta(minutes=15) if p > picks[2] else p for p in picks)
    paused = FinishedList("Pia", Work(1, 5, 5, 1), T0, T0 + timedelta(seconds=1260), late)
    assert worked_seconds(paused) == 360


def _history(rng: random.Random, count: int, breaks: float) -> list[FinishedList]:
    truth = LabourStandard(1.2, 9.0, 3.0, 45.0)
    paces = {"Fast": 0.85, "Mid": 1.0, "Slow": 1.2}
    found = []
    for n in range(count):
        picker = rng.choice(sorted(paces))
        work = Work(rng.uniform(60, 400), rng.randint(2, 20), 0, 1)
        work = Work(work.metres, work.lines, work.lines * rng.randint(1, 3), 1)
        total = truth.work_seconds(work) * paces[picker] * rng.uniform(0.95, 1.05)
        step = total / (work.lines + 1)
        moments = [T0 + timedelta(hours=n, seconds=step * (i + 1)) for i in range(int(work.lines))]
        if rng.random() < breaks:  # a 20-minute break before the last line
            moments[-1] += timedelta(minutes=20)
            total += 1200
        start = T0 + timedelta(hours=n)
        found.append(
            FinishedList(picker, work, start, start + timedelta(seconds=total), tuple(moments))
        )
    return found


def test_the_fit_recovers_the_site_and_the_pickers_despite_breaks():
    history = _history(random.Random(4), 300, breaks=0.1)
    fit = fit_standard(history, DEFAULT_STANDARD)
    assert fit is not None and fit.lists == 300 and fit.breaks_removed_s > 0
    s = fit.standard
    assert s.allowance_pct == DEFAULT_STANDARD.allowance_pct  # the allowance is the lead's
    assert s.paces["Mid"] == pytest.approx(1.0)
    assert s.paces["Fast"] == pytest.approx(0.85, rel=0.05)
    assert s.paces["Slow"] == pytest.approx(1.2, rel=0.05)
    assert s.walk_speed_m_s == pytest.approx(1.2, rel=0.1)
    assert s.seconds_per_line + 2 * s.seconds_per_scan == pytest.approx(15.0, rel=0.1)
    clean = [f for f in history if worked_seconds(f) == f.elapsed_s]
    pairs = [(s.predicted_seconds(f.work, f.picker), f.elapsed_s) for f in clean]
    assert mape_pct(pairs) < 4


def test_too_few_lists_learn_nothing():
    assert fit_standard(_history(random.Random(1), 5, 0.0), DEFAULT_STANDARD) is None


def test_lists_worked_in_seconds_are_no_ones_time():
    """A load generator confirms a list in milliseconds: nothing to learn from."""
    history = _history(random.Random(2), 20, 0.0)
    instant = [
        FinishedList(f.picker, f.work, f.started, f.started + timedelta(seconds=2), ())
        for f in history
    ]
    assert fit_standard(instant, DEFAULT_STANDARD) is None
