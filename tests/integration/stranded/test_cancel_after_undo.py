"""A wave whose only pick was undone can still be cancelled: its orders go back to allocation.

Before, the order stayed `picking` after the undo and cancelling the wave failed ("an order
cannot go from picking to received"): a cart nobody picked from could not be taken back.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import BadInput
from app.services import lead
from db.schema import orders, stock
from tests.integration.lead.site import STATION, build_site
from tests.integration.stranded import floor


def test_a_wave_whose_picks_were_all_undone_is_cancelled(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, capacity=8)
    (row,) = lead.load_board(site.uow(), site.lead).rows
    lead.reassign(site.uow(), site.lead, [row.id], "Pia", STATION)
    backend = floor.picker_station(site)
    floor.bind_totes(backend, backend.my_pick_list(site.pia), site.pia)
    view = backend.my_pick_list(site.pia)
    task = view.tasks[0]
    picked = floor.confirm(backend, view, task, site.pia)
    backend.record(
        [
            floor.fact(
                view,
                site.pia,
                "pick.undone",
                task.order_ref,
                task_id=task.id,
                quantity=picked.payload["quantity"],
                undoes=picked.uuid,
            )
        ]
    )
    refs = lead.cancel_wave(site.uow(), site.lead, row.wave_id, "planned too early", STATION)
    statuses = {s for (s,) in site.rows(select(orders.c.status).where(orders.c.id.in_(refs)))}
    assert statuses == {"received"}


def test_a_wave_with_a_task_picked_in_part_is_not_cancelled(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, capacity=8)
    (row,) = lead.load_board(site.uow(), site.lead).rows
    lead.reassign(site.uow(), site.lead, [row.id], "Pia", STATION)
    backend = floor.picker_station(site)
    floor.bind_totes(backend, backend.my_pick_list(site.pia), site.pia)
    view = backend.my_pick_list(site.pia)
    (milk,) = [t for t in view.tasks if t.sku == "MILK"]
    floor.confirm(backend, view, milk, site.pia, quantity=1)  # 1 of 2: the task is still open
    with pytest.raises(BadInput, match="already picked"):
        lead.cancel_wave(site.uow(), site.lead, row.wave_id, "planned too early", STATION)
    assert {s for (s,) in site.rows(select(stock.c.reserved).where(stock.c.reserved < 0))} == set()
