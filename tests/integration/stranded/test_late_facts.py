"""Facts from a station that was offline arrive late: stock and totes stay true.

Both were found by the floor property test: a late pick whose reservation another picker's
short had already given back drove `stock.reserved` below zero, and a late `tote.bound` took a
tote back from packing, so the picked order had no tote waiting there.
"""

from __future__ import annotations

from sqlalchemy import select

from app.services import lead
from app.services.waves import WaveFilter
from db.schema import exceptions, locations, orders, pick_tasks, stock, totes
from tests.integration.lead.site import STATION, build_site
from tests.integration.stranded import floor


def _site(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, capacity=8)
    (row,) = lead.load_board(site.uow(), site.lead).rows
    lead.reassign(site.uow(), site.lead, [row.id], "Pia", STATION)
    backend = floor.picker_station(site)
    floor.bind_totes(backend, backend.my_pick_list(site.pia), site.pia)
    return site, row.id, backend


def test_a_late_pick_after_another_pickers_short_never_drives_reservations_negative(
    tmp_path, sqlite_url, run_cli
):
    site, list_id, backend = _site(tmp_path, sqlite_url, run_cli)
    view = backend.my_pick_list(site.pia)
    (milk,) = [t for t in view.tasks if t.sku == "MILK"]
    offline = floor.confirm_fact(view, milk, site.pia, 2)  # Pia's station is offline
    lead.reassign(site.uow(), site.lead, [list_id], "Paul", STATION)
    paul_view = backend.my_pick_list(site.paul)
    (paul_milk,) = [t for t in paul_view.tasks if t.sku == "MILK"]
    floor.short(backend, paul_view, paul_milk, site.paul, found=0, reason="damaged")
    backend.record([offline])  # Pia's station is back: the pick happened, it is applied
    (row,) = site.rows(
        select(stock.c.on_hand, stock.c.reserved)
        .join(locations, locations.c.id == stock.c.location_id)
        .where(locations.c.code == "A01-002-L-1")
    )
    assert tuple(row) == (3, 0)  # 2 left the shelf; nothing is reserved there any more


def test_a_late_tote_bind_leaves_the_tote_waiting_at_packing(tmp_path, sqlite_url, run_cli):
    site, _list_id, backend = _site(tmp_path, sqlite_url, run_cli)
    view = backend.my_pick_list(site.pia)
    # The same binds again, as a station that restarted offline sends them (new facts).
    late = [
        floor.fact(
            view,
            site.pia,
            "tote.bound",
            slot.order_ref,
            order_ref=slot.order_ref,
            order_id=slot.order_id,
            tote=slot.tote,
        )
        for slot in view.cart
    ]
    assert all(slot.tote for slot in view.cart)
    for task in view.tasks:
        floor.confirm(backend, view, task, site.pia)
    floor.finish(backend, backend.my_pick_list(site.pia), site.pia)
    backend.record(late)
    rows = site.rows(
        select(orders.c.status, totes.c.status).join(totes, totes.c.order_id == orders.c.id)
    )
    assert set(rows) == {("picked", "ready")}


def test_a_late_fact_for_a_cancelled_wave_never_lands_on_a_new_task(tmp_path, sqlite_url, run_cli):
    site, list_id, backend = _site(tmp_path, sqlite_url, run_cli)
    view = backend.my_pick_list(site.pia)
    late = floor.short_fact(view, view.tasks[0], site.pia, 0, "damaged")  # offline, unsent
    (row,) = lead.load_board(site.uow(), site.lead).rows
    lead.cancel_wave(site.uow(), site.lead, row.wave_id, "replanned", STATION)
    assert run_cli("allocate", "--database", sqlite_url)[0] == 0
    wave = lead.plan_wave(site.uow(), site.lead, 8, WaveFilter())
    lead.save_wave(site.uow(), site.lead, wave, True, STATION)
    reused = site.rows(select(pick_tasks.c.pick_list_id).where(pick_tasks.c.id == view.tasks[0].id))
    assert reused and reused[0][0] != list_id  # SQLite handed the old task id to a new task
    backend.record([late])
    assert site.rows(select(pick_tasks.c.id).where(pick_tasks.c.short > 0)) == []
    assert site.rows(select(exceptions.c.id).where(exceptions.c.kind == "short_pick")) == []


def test_units_picked_offline_for_a_cancelled_wave_go_to_the_lead(tmp_path, sqlite_url, run_cli):
    """Nothing recorded is lost: the units are in a tote although their task is gone."""
    site, list_id, backend = _site(tmp_path, sqlite_url, run_cli)
    view = backend.my_pick_list(site.pia)
    task = view.tasks[0]
    late = [
        floor.confirm_fact(view, task, site.pia, 1),
        floor.short_fact(view, view.tasks[1], site.pia, 1, "damaged"),
    ]
    (row,) = lead.load_board(site.uow(), site.lead).rows
    lead.cancel_wave(site.uow(), site.lead, row.wave_id, "replanned", STATION)
    on_hand = site.rows(select(stock.c.on_hand).order_by(stock.c.id))
    backend.record(late)
    items = [i for i in lead.exception_queue(site.uow(), site.lead) if i.kind == "pick_task_gone"]
    said = [str(i.summary) for i in items]
    assert len(items) == 2 and f"{task.sku} picked at {task.location}" in said[0]
    assert items[0].choices == ("acknowledge",)
    assert site.rows(select(stock.c.on_hand).order_by(stock.c.id)) == on_hand  # nothing booked
