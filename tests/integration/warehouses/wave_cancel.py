"""A wave planned while one of its orders is cancelled (app/services/wave_save.py; docs/lead.md,
"Planning a wave"): the save reads its orders again under their locks. The checks run on SQLite
(test_wave_cancel.py) and PostgreSQL (tests/pg/test_wave_cancel_pg.py), which adds the races.

On the sites of transfers.py, NORTH sends WEST two transfers: TR-1 (2 GLUE from N01-001) and
TR-2 (1 BOLT from N01-002), both reserved at NORTH, so a NORTH wave of capacity 8 puts both on
one cart.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.bootstrap import open_central
from app.domain.waves import PlannedWave
from app.errors import BadInput
from app.routing import solve_route
from app.services import transfers, waves
from app.services.wave_plan import site_layout
from db.engine import make_engine
from db.schema import events, pick_lists, pick_tasks
from tests.integration.warehouses.transfer_cancel import BY
from tests.integration.warehouses.transfers import TransferSites


def two_transfers(sites: TransferSites) -> None:
    for sku, units in (("GLUE", "2"), ("BOLT", "1")):
        sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", sku, "--quantity", units)
    sites.ok("allocate")
    assert sites.allocated_in("NORTH") == {("N01-001", "GLUE"): 2, ("N01-002", "BOLT"): 1}


def plan_north(url: str) -> PlannedWave:
    """The lead's preview, read in its own transaction on its own connection."""
    central = open_central(url)
    try:
        with central.uow() as uow:
            north = next(w.id for w in uow.warehouses.all() if w.code == "NORTH")
        plan = waves.plan_wave(central.uow(), capacity=8, warehouse_id=north)
    finally:
        central.close()
    assert plan.order_count == 2 and len(plan.pick_lists) == 1
    return plan


def save(url: str, plan: PlannedWave, release: bool = True) -> int:
    central = open_central(url)
    try:
        return waves.save_wave(central.uow(), plan, release, BY)
    finally:
        central.close()


def cancel_tr1(url: str) -> None:
    """Another lead cancels TR-1 on another connection; it commits."""
    central = open_central(url)
    try:
        assert transfers.cancel_transfer(central.uow(), "TR-1", BY).status == "cancelled"
    finally:
        central.close()


def stored_tasks(url: str) -> list[tuple[str, int]]:
    """(pick list id, its number of tasks) for every stored pick list."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            query = select(pick_lists.c.id, func.count(pick_tasks.c.id)).join(
                pick_tasks, pick_tasks.c.pick_list_id == pick_lists.c.id
            )
            return [tuple(r) for r in conn.execute(query.group_by(pick_lists.c.id))]
    finally:
        engine.dispose()


def planned_events(url: str) -> list[dict]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            query = select(events.c.payload).where(events.c.kind == "wave.planned")
            return list(conn.execute(query.order_by(events.c.seq)).scalars())
    finally:
        engine.dispose()


def check_a_cancel_between_plan_and_save_leaves_the_order_out(sites: TransferSites) -> None:
    two_transfers(sites)
    plan = plan_north(sites.url)
    cancel_tr1(sites.url)  # commits after the plan read TR-1 as allocated
    save(sites.url, plan)
    assert plan.order_count == 1
    (cart,) = plan.pick_lists
    assert [(t.sku, t.location, t.quantity) for t in cart.tasks] == [("BOLT", "N01-002", 1)]
    central = open_central(sites.url)
    try:  # routed again for what is left, not the two-stop walk of the preview
        with central.uow() as uow:
            layout = site_layout(uow, plan.warehouse_id)
    finally:
        central.close()
    assert cart.distance_m == pytest.approx(solve_route(layout, ["N01-002"]).distance_m)
    assert [tasks for _, tasks in stored_tasks(sites.url)] == [1]  # TR-1's task not stored
    orders = sites.orders()
    assert orders["TR-1"]["status"] == "cancelled"
    assert orders["TR-2"]["status"] == "released"
    assert sites.allocated_in("NORTH") == {("N01-002", "BOLT"): 1}
    assert planned_events(sites.url)[-1]["left_out"] == ["transfer/TR-1"]
    assert planned_events(sites.url)[-1]["orders"] == 1


def check_a_wave_whose_orders_are_all_gone_is_refused(sites: TransferSites) -> None:
    """Only TR-1 on the plan, cancelled before the save: refused, nothing stored."""
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "GLUE", "--quantity", "2")
    sites.ok("allocate")
    central = open_central(sites.url)
    try:
        with central.uow() as uow:
            north = next(w.id for w in uow.warehouses.all() if w.code == "NORTH")
        plan = waves.plan_wave(central.uow(), capacity=8, warehouse_id=north)
    finally:
        central.close()
    cancel_tr1(sites.url)
    with pytest.raises(BadInput) as refused:
        save(sites.url, plan)
    assert refused.value.message.id == "wave.orders_gone"
    assert "transfer/TR-1" in str(refused.value)
    assert stored_tasks(sites.url) == [] and planned_events(sites.url) == []
    assert sites.orders()["TR-1"]["status"] == "cancelled"


def check_an_order_another_wave_took_is_left_out(sites: TransferSites) -> None:
    """Two leads preview the same orders; the second save finds them on the first's wave."""
    two_transfers(sites)
    first, second = plan_north(sites.url), plan_north(sites.url)
    save(sites.url, first, release=False)
    with pytest.raises(BadInput) as refused:
        save(sites.url, second, release=False)
    assert refused.value.message.id == "wave.orders_gone"
    assert len(stored_tasks(sites.url)) == 1  # the first wave's one cart, nothing doubled


CHECKS = (
    check_a_cancel_between_plan_and_save_leaves_the_order_out,
    check_a_wave_whose_orders_are_all_gone_is_refused,
    check_an_order_another_wave_took_is_left_out,
)
