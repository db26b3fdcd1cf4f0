"""The lead's KPIs, board and resolutions on PostgreSQL: the same hand-computed figures as on
SQLite (date_trunc on UTC hours, JSON quantities, greatest() floors)."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from app.bootstrap import open_central
from app.services import demo
from tests.integration.lead import test_board, test_exceptions, test_kpis_and_timeline
from tests.integration.lead.real_flow_kpis import check_kpis_from_the_real_flow


def test_kpis_match_the_hand_computed_figures(tmp_path, pg_url, run_cli):
    test_kpis_and_timeline.test_kpis_match_the_hand_computed_figures(tmp_path, pg_url, run_cli)


def test_order_timeline(tmp_path, pg_url, run_cli):
    test_kpis_and_timeline.test_the_order_timeline_tells_the_whole_story(tmp_path, pg_url, run_cli)


def test_reassign_mid_way(tmp_path, pg_url, run_cli):
    test_board.test_reassigning_mid_way_moves_the_remaining_tasks_and_keeps_confirmed_ones(
        tmp_path, pg_url, run_cli
    )


def test_cancel_wave_gives_stock_back(tmp_path, pg_url, run_cli):
    test_board.test_cancelling_a_wave_gives_the_stock_back(tmp_path, pg_url, run_cli)


def test_short_pick_reallocated(tmp_path, pg_url, run_cli):
    shorted = test_exceptions.shorted.__wrapped__(tmp_path, pg_url, run_cli)
    test_exceptions.test_reallocate_moves_the_short_units_to_another_location(shorted)


def test_short_pick_written_off(tmp_path, pg_url, run_cli):
    shorted = test_exceptions.shorted.__wrapped__(tmp_path, pg_url, run_cli)
    test_exceptions.test_mark_damaged_writes_the_units_off(shorted)


def test_the_kpi_statistics_exist(tmp_path, pg_url, run_cli):
    test_kpis_and_timeline.build_site(tmp_path, pg_url, run_cli, release=False)
    engine = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as conn:
        names = conn.execute(text("SELECT stxname FROM pg_statistic_ext")).scalars().all()
    engine.dispose()
    assert "st_events_kpi_hours" in names


def test_rollup_counts_late_facts_once(tmp_path, pg_url, run_cli, monkeypatch):
    from db import kpi_rollup
    from tests.integration.lead import test_kpi_rollup

    monkeypatch.setattr(kpi_rollup, "PG_MARGIN", 0)  # the test's few events are all "settled"
    test_kpi_rollup.test_late_facts_and_partial_hours_count_exactly_once(tmp_path, pg_url, run_cli)


def test_rollup_margin(tmp_path, pg_url, run_cli):
    from tests.integration.lead import test_kpi_rollup

    test_kpi_rollup.test_the_newest_events_within_the_margin_are_summed_directly(
        tmp_path, pg_url, run_cli
    )


def test_cycle_time_and_shipped_vs_due_come_from_the_real_flow_on_postgresql(pg_url):
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        check_kpis_from_the_real_flow(central)
    finally:
        central.close()
