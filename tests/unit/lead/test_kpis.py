"""The KPI arithmetic, on rows written by hand (no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain import kpis

T0 = datetime(2026, 11, 2, 8, tzinfo=UTC)


def test_rates_divide_by_the_hours_with_work():
    rows = [
        kpis.ActivityRow("pia", "pick", T0, 3, 6),
        kpis.ActivityRow("pia", "pick", T0 + timedelta(hours=2), 1, 4),
        kpis.ActivityRow("pat", "pack", T0, 5, 5),
    ]
    (pack, pick) = kpis.rates(rows)
    assert (pick.user, pick.lines, pick.units, pick.hours) == ("pia", 4, 10, 2)
    assert (pick.lines_per_hour, pick.units_per_hour) == (2.0, 5.0)
    assert (pack.kind, pack.lines_per_hour) == ("pack", 5.0)


def test_accuracy_is_refused_per_thousand_scans():
    assert kpis.mis_scans_per_1000(998, 2) == 2.0
    assert kpis.mis_scans_per_1000(0, 0) is None


def test_quantiles_interpolate_between_ranks():
    assert kpis.quantile([10, 2, 4, 8, 6], 0.5) == 6
    assert kpis.quantile([2, 4, 6, 8, 10], 0.9) == pytest.approx(9.2)
    assert kpis.quantile([], 0.5) is None


def test_cycle_time_in_hours():
    pairs = [(T0, T0 + timedelta(hours=h)) for h in (1, 3)]
    assert kpis.cycle_time(pairs) == kpis.CycleTime(2, 2.0, pytest.approx(2.8))


def test_shipped_vs_due_counts_only_shipments_by_the_cut_off():
    naive_shipped = (T0 + timedelta(minutes=30)).replace(tzinfo=None)  # as SQLite returns it
    rows = [(T0 + timedelta(hours=1), naive_shipped), (T0, T0 + timedelta(hours=1)), (T0, None)]
    (day,) = kpis.shipped_vs_due(rows)
    assert (day.due, day.shipped_on_time, day.missed) == (3, 1, 2)


def test_distance_saved_against_s_shape():
    saved = kpis.distance_saved([(30.0, 40.0), (50.0, 60.0)])
    assert (saved.saved_m, saved.saved_percent) == (20.0, 20.0)
    assert kpis.distance_saved([]).saved_percent is None


def test_estimates_use_walking_speed_and_time_per_line():
    assert kpis.estimated_pick_seconds(100.0, 3) == 100 / kpis.WALK_SPEED_M_S + 60
    started = T0
    finish = kpis.estimated_finish(started, 2, 4, 100.0, T0 + timedelta(minutes=10))
    assert finish == T0 + timedelta(minutes=20)  # its own pace: 5 minutes a line
    assert kpis.estimated_finish(None, 0, 0, 0.0, T0) is None
    fresh = kpis.estimated_finish(None, 0, 2, 40.0, T0)
    assert fresh == T0 + timedelta(seconds=40 + 2 * kpis.SECONDS_PER_LINE)


def test_csv_rows_start_with_a_header_and_the_range():
    report = kpis.KpiReport(T0, T0 + timedelta(hours=8))
    rows = kpis.csv_rows(report)
    assert rows[0] == ["section", "name", "metric", "value"]
    assert rows[1][3] == T0.isoformat()


def test_a_short_pick_reads_as_one_line():
    from app.services.lead.exceptions import summarise

    details = {
        "sku": "MILK",
        "location": "A01-002-L-1",
        "shortfall": 2,
        "reason": "empty",
        "reported_by": "Pia",
        "stock_elsewhere": [{"code": "A01-001-L-1", "free": 5}],
    }
    assert summarise("short_pick", details).english() == (
        "MILK at A01-002-L-1: 2 missing (empty), reported by Pia"
    )
    assert (
        summarise("weight_mismatch", {"weight_kg": 1.2, "sscc": ""}).english() == "weight_kg: 1.2"
    )
