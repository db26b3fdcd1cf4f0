"""The board and the lead's changes to it, against a real SQLite central database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import BadInput
from app.services import lead
from app.services.waves import WaveFilter
from db.schema import allocations, orders, pick_lists, pick_tasks, stock, waves
from tests.integration.lead.site import STATION, build_site, confirm_task, list_ids


def test_plan_preview_then_release_puts_orders_on_the_floor(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, release=False)
    preview = lead.plan_wave(site.uow(), site.lead, 3, WaveFilter(carrier=None))
    assert preview.pick_lists and site.rows(select(waves)) == []  # a preview writes nothing
    assert lead.preview_seconds(preview) > 0
    wave_id = lead.save_wave(site.uow(), site.lead, preview, False, STATION)
    board = lead.load_board(site.uow(), site.lead)
    assert {r.status for r in board.rows} == {"planned"}
    lead.release_wave(site.uow(), site.lead, wave_id, STATION)
    board = lead.load_board(site.uow(), site.lead)
    assert {r.status for r in board.rows} == {"released"}
    assert board.waves[0].pick_lists == len(preview.pick_lists)
    assert board.pickers == ["Paul", "Pia"]
    statuses = {r.status for r in site.rows(select(orders.c.status))}
    assert statuses == {"released"}


def test_reassigning_mid_way_moves_the_remaining_tasks_and_keeps_confirmed_ones(
    tmp_path, sqlite_url, run_cli
):
    site = build_site(tmp_path, sqlite_url, run_cli)
    first = list_ids(site)[0]
    lead.reassign(site.uow(), site.lead, [first], "Pia", STATION)
    tasks = site.rows(
        select(pick_tasks).where(pick_tasks.c.pick_list_id == first).order_by(pick_tasks.c.seq)
    )
    assert len(tasks) >= 2
    confirm_task(site, tasks[0].id, "Pia")
    version_before = site.rows(select(pick_lists.c.version).where(pick_lists.c.id == first))[0][0]

    lead.reassign(site.uow(), site.lead, [first], "Paul", STATION)

    row = site.rows(select(pick_lists).where(pick_lists.c.id == first))[0]
    assert row.assignee_id == site.paul.id and row.version == version_before + 1
    after = site.rows(
        select(pick_tasks).where(pick_tasks.c.pick_list_id == first).order_by(pick_tasks.c.seq)
    )
    assert after[0].picked_by == "Pia" and after[0].status == "done"
    assert all(t.status == "open" and t.picked_by is None for t in after[1:])
    board_row = next(r for r in lead.load_board(site.uow(), site.lead).rows if r.id == first)
    assert (board_row.assignee, board_row.done, board_row.total) == ("Paul", 1, len(after))
    assert board_row.estimated_finish is not None


def test_unassign_hold_and_resume(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    ids = list_ids(site)
    wave_id = site.rows(select(waves.c.id))[0][0]
    lead.reassign_wave(site.uow(), site.lead, wave_id, "Pia", STATION)
    assert {r.status for r in site.rows(select(pick_lists.c.status))} == {"assigned"}
    lead.unassign(site.uow(), site.lead, ids[:1], STATION)
    first = site.rows(select(pick_lists).where(pick_lists.c.id == ids[0]))[0]
    assert first.assignee_id is None and first.status == "released"
    assert lead.hold_wave(site.uow(), site.lead, wave_id, STATION) == len(ids)
    assert {r.status for r in site.rows(select(pick_lists.c.status))} == {"held"}
    lead.resume_wave(site.uow(), site.lead, wave_id, STATION)
    by_id = dict(site.rows(select(pick_lists.c.id, pick_lists.c.status)))
    assert by_id[ids[0]] == "released" and {by_id[i] for i in ids[1:]} == {"assigned"}


def test_cancelling_a_wave_gives_the_stock_back(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    assert site.rows(select(func.sum(stock.c.reserved)))[0][0] > 0
    wave_id = site.rows(select(waves.c.id))[0][0]
    refs = lead.cancel_wave(site.uow(), site.lead, wave_id, "truck late", STATION)
    assert refs
    assert site.rows(select(func.sum(stock.c.reserved)))[0][0] == 0
    assert site.rows(select(func.count()).select_from(allocations))[0][0] == 0
    assert {r.status for r in site.rows(select(orders.c.status))} == {"received"}
    assert {r.status for r in site.rows(select(pick_lists.c.status))} == {"cancelled"}
    assert lead.load_board(site.uow(), site.lead).rows == []


def test_a_wave_with_picked_tasks_cannot_be_cancelled(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    task = site.rows(select(pick_tasks.c.id).limit(1))[0][0]
    confirm_task(site, task, "Pia")
    wave_id = site.rows(select(waves.c.id))[0][0]
    with pytest.raises(BadInput, match="already picked"):
        lead.cancel_wave(site.uow(), site.lead, wave_id, "", STATION)
    assert site.rows(select(waves.c.status))[0][0] == "released"
