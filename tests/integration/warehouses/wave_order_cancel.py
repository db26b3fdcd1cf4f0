"""A lead cancels an order on a wave's carts, and a wave's top-up at release meets a cancel
(app/services/order_off_wave.py, app/services/wave_topup.py; docs/lead.md, "Cancelling an
order on a wave"). The checks run on SQLite (test_wave_order_cancel.py) and PostgreSQL
(tests/pg/test_wave_order_cancel_pg.py), which adds the races.

The sites of wave_cancel.py: TR-1 (2 GLUE from N01-001) and TR-2 (1 BOLT from N01-002), both
reserved at NORTH.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from app.bootstrap import open_central
from app.domain.waves import PlannedWave
from app.errors import BadInput
from app.routing import solve_route
from app.services import holds, waves
from app.services import wave_topup as topup_module
from app.services.lead import resolutions
from app.services.wave_plan import site_layout
from app.services.waves import WaveFilter
from db.engine import make_engine
from db.schema import allocations, events, order_lines, orders, pick_lists, pick_tasks
from db.schema import waves as waves_table
from tests.integration.warehouses.transfer_cancel import BY
from tests.integration.warehouses.transfers import LEAD, TransferSites
from tests.integration.warehouses.wave_cancel import plan_north, save, two_transfers


def north_plan(url: str, capacity: int = 8, max_orders: int | None = None) -> PlannedWave:
    central = open_central(url)
    try:
        with central.uow() as uow:
            north = next(w.id for w in uow.warehouses.all() if w.code == "NORTH")
        wave_filter = WaveFilter(max_orders=max_orders)
        return waves.plan_wave(central.uow(), capacity, wave_filter, warehouse_id=north)
    finally:
        central.close()


def lead_cancels(url: str, ref: str) -> str:
    """A lead's *Cancel order* (`holds --cancel`): the order's status, or the refusal's id."""
    central = open_central(url)
    try:
        return holds.cancel_order(central.uow(), LEAD, ref, "customer called", "LEAD-01").status
    except BadInput as refused:
        return f"refused: {refused.message.id}: {refused}"
    finally:
        central.close()


def lead_decides(url: str, decide, ref: str) -> str:
    """A lead's `holds --hold` or `--release` (`decide`): the order's status."""
    central = open_central(url)
    try:
        return decide(central.uow(), LEAD, ref, "address to check", "LEAD-01").status
    finally:
        central.close()


def release(url: str, wave_id: int) -> None:
    central = open_central(url)
    try:
        waves.release_wave(central.uow(), wave_id, BY)
    finally:
        central.close()


def rows(url: str, query) -> list[tuple]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(query)]
    finally:
        engine.dispose()


def carts(url: str) -> dict[int, tuple[str, list[str]]]:
    """Every pick list: (status, the order ids of its tasks, in walking order)."""
    found: dict[int, tuple[str, list[str]]] = {
        i: (s, []) for i, s in rows(url, select(pick_lists.c.id, pick_lists.c.status))
    }
    query = (
        select(pick_tasks.c.pick_list_id, orders.c.order_id)
        .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
        .join(orders, orders.c.id == order_lines.c.order_id)
        .order_by(pick_tasks.c.pick_list_id, pick_tasks.c.seq)
    )
    for list_id, order_id in rows(url, query):
        found[list_id][1].append(order_id)
    return found


def wave_statuses(url: str) -> dict[str, str]:
    return dict(rows(url, select(waves_table.c.name, waves_table.c.status)))


def removed_events(url: str) -> list[dict]:
    query = select(events.c.payload).where(events.c.kind == "wave.order_removed")
    return [p for (p,) in rows(url, query.order_by(events.c.seq))]


def planned_wave(sites: TransferSites, capacity: int = 8) -> PlannedWave:
    """TR-1 and TR-2 on a planned (saved, not released) wave."""
    two_transfers(sites)
    plan = north_plan(sites.url, capacity)
    save(sites.url, plan, release=False)
    return plan


def check_a_cancel_takes_the_order_off_a_planned_wave(sites: TransferSites) -> None:
    plan = planned_wave(sites)
    assert lead_cancels(sites.url, "transfer/TR-1") == "cancelled"
    (cart,) = carts(sites.url).values()
    assert cart == ("planned", ["TR-2"])
    central = open_central(sites.url)
    try:  # routed again by the exact router for what is left
        with central.uow() as uow:
            layout = site_layout(uow, plan.warehouse_id)
    finally:
        central.close()
    distance = rows(sites.url, select(pick_lists.c.distance_m))
    assert distance == [(pytest.approx(solve_route(layout, ["N01-002"]).distance_m),)]
    (event,) = removed_events(sites.url)
    assert (event["wave"], event["order"], event["dropped"]) == (plan.name, "transfer/TR-1", [])
    assert sites.allocated_in("NORTH") == {("N01-002", "BOLT"): 1}  # TR-1's GLUE given back

    release(sites.url, plan.id)

    orders_now = sites.orders()
    assert (orders_now["TR-1"]["status"], orders_now["TR-2"]["status"]) == (
        "cancelled",
        "released",
    )
    assert list(carts(sites.url).values()) == [("released", ["TR-2"])]


def check_a_hold_takes_the_order_off_a_planned_wave_until_released(sites: TransferSites) -> None:
    """Held before picking, TR-1 leaves the wave (which then releases with TR-2) and gives its
    stock back; the hold released, the next allocation reserves it again."""
    plan = planned_wave(sites)
    assert lead_decides(sites.url, holds.hold_order, "transfer/TR-1") == "on_hold"
    assert list(carts(sites.url).values()) == [("planned", ["TR-2"])]
    assert removed_events(sites.url)[0]["order"] == "transfer/TR-1"
    assert sites.allocated_in("NORTH") == {("N01-002", "BOLT"): 1}

    release(sites.url, plan.id)

    assert [sites.orders()[o]["status"] for o in ("TR-1", "TR-2")] == ["on_hold", "released"]
    assert lead_decides(sites.url, holds.release_hold, "transfer/TR-1") == "received"
    sites.ok("allocate")
    assert sites.orders()["TR-1"]["status"] == "allocated"
    assert sites.allocated_in("NORTH") == {("N01-001", "GLUE"): 2, ("N01-002", "BOLT"): 1}


def check_a_transfer_cancelled_on_a_planned_wave_leaves_it(sites: TransferSites) -> None:
    """`transfer --cancel` takes TR-1 off the planned wave as a lead's cancel does, and closes
    its receipt at WEST; the wave releases with TR-2."""
    plan = planned_wave(sites)
    sites.ok("transfer", "--cancel", "TR-1")
    assert list(carts(sites.url).values()) == [("planned", ["TR-2"])]
    assert removed_events(sites.url)[0]["order"] == "transfer/TR-1"
    assert sites.transfers()["TR-1"]["status"] == "cancelled"
    release(sites.url, plan.id)
    assert sites.orders()["TR-2"]["status"] == "released"


def check_a_cart_the_cancel_empties_is_dropped(sites: TransferSites) -> None:
    """One order a cart: cancelling TR-1 drops its cart, and the release leaves it dropped."""
    plan = planned_wave(sites, capacity=1)
    assert len(carts(sites.url)) == 2
    assert lead_cancels(sites.url, "transfer/TR-1") == "cancelled"
    (event,) = removed_events(sites.url)
    assert len(event["dropped"]) == 1 and event["wave_cancelled"] is False

    release(sites.url, plan.id)

    assert sorted(carts(sites.url).values()) == [("cancelled", []), ("released", ["TR-2"])]
    assert sites.orders()["TR-2"]["status"] == "released"


def check_the_last_order_cancelled_cancels_the_wave(sites: TransferSites) -> None:
    plan = planned_wave(sites)
    assert lead_cancels(sites.url, "transfer/TR-1") == "cancelled"
    assert lead_cancels(sites.url, "transfer/TR-2") == "cancelled"
    assert wave_statuses(sites.url) == {plan.name: "cancelled"}
    assert removed_events(sites.url)[-1]["wave_cancelled"] is True
    assert sites.allocated_in("NORTH") == {}


def check_an_order_on_a_released_wave_is_refused_naming_the_wave(sites: TransferSites) -> None:
    two_transfers(sites)
    plan = plan_north(sites.url)
    save(sites.url, plan, release=True)
    refused = lead_cancels(sites.url, "transfer/TR-1")
    assert refused.startswith("refused: order.wave_released:") and plan.name in refused
    assert sites.orders()["TR-1"]["status"] == "released"
    assert list(carts(sites.url).values()) == [("released", ["TR-1", "TR-2"])]
    assert removed_events(sites.url) == []


def check_an_order_whose_cart_a_picker_started_is_refused(sites: TransferSites) -> None:
    """A picker scanned TR-1's GLUE: TR-2, on the same cart, is not taken off either."""
    two_transfers(sites)
    plan = plan_north(sites.url)
    save(sites.url, plan, release=True)
    engine = make_engine(sites.url)
    try:
        with engine.begin() as conn:  # what the picker's first scan leaves on the task
            first = conn.execute(select(func.min(pick_tasks.c.id))).scalar_one()
            conn.execute(update(pick_tasks).where(pick_tasks.c.id == first).values(picked=1))
    finally:
        engine.dispose()
    refused = lead_cancels(sites.url, "transfer/TR-2")
    assert refused.startswith("refused: order.wave_started:") and plan.name in refused
    assert sites.orders()["TR-2"]["status"] == "released"


def check_a_save_says_why_each_order_was_left_out(sites: TransferSites) -> None:
    """TR-1 taken by another lead's wave, TR-2's reservation changed since the preview."""
    two_transfers(sites)
    plan = plan_north(sites.url)
    other = north_plan(sites.url, max_orders=1)  # TR-1 alone
    save(sites.url, other, release=False)
    engine = make_engine(sites.url)
    try:
        with engine.begin() as conn:
            tr2 = select(order_lines.c.id).join(orders).where(orders.c.order_id == "TR-2")
            # Given back and reserved again (the same units, a new reservation row).
            (row,) = conn.execute(select(allocations).where(allocations.c.order_line_id.in_(tr2)))
            values = dict(row._mapping)
            values.pop("id")
            conn.execute(allocations.insert().values(**values))  # first: a new id
            conn.execute(allocations.delete().where(allocations.c.id == row.id))
    finally:
        engine.dispose()
    with pytest.raises(BadInput):
        save(sites.url, plan, release=False)
    assert plan.left_out == {
        "transfer/TR-1": "other_wave",
        "transfer/TR-2": "reservation_changed",
    }


def check_the_top_up_at_release_checks_again_what_it_read(sites: TransferSites) -> None:
    """The release's top-up read TR-2 as arriving (allocated, on no wave); before it locked
    TR-2, another lead's wave took it. TR-2 does not join this wave too, and the release works
    with TR-1 alone."""
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "GLUE", "--quantity", "2")
    sites.ok("allocate")
    plan = north_plan(sites.url)
    assert plan.order_count == 1
    save(sites.url, plan, release=False)
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "BOLT", "--quantity", "1")
    sites.ok("allocate")
    read = topup_module._arriving
    stale = _read_before_another_wave_took_tr2(sites)
    topup_module._arriving = lambda uow, *args: stale
    try:
        release(sites.url, plan.id)
    finally:
        topup_module._arriving = read
    assert sorted(carts(sites.url).values()) == [("planned", ["TR-2"]), ("released", ["TR-1"])]
    assert sites.orders()["TR-1"]["status"] == "released"
    kinds = [k for (k,) in rows(sites.url, select(events.c.kind))]
    assert "wave.topped_up" not in kinds


def _read_before_another_wave_took_tr2(sites: TransferSites) -> list:
    """TR-2 as the top-up's read found it; then another lead saves a wave with TR-2."""
    central = open_central(sites.url)
    try:
        with central.uow() as uow:
            (tr2,) = [o for o in uow.orders.unplanned_allocated() if o.order_id == "TR-2"]
    finally:
        central.close()
    other = north_plan(sites.url)
    assert other.order_count == 1
    save(sites.url, other, release=False)
    return [tr2]


def check_an_at_risk_order_cancelled_from_the_queue_leaves_its_planned_wave(
    sites: TransferSites,
) -> None:
    """*Cancel the order* on an at-risk item (settled as a late one) takes it off the same way."""
    plan = planned_wave(sites)
    central = open_central(sites.url)
    try:
        resolutions.resolve(
            central.uow(), LEAD, "at_risk:transfer/TR-2", "cancel_order", "", "LEAD-01"
        )
    finally:
        central.close()
    assert list(carts(sites.url).values()) == [("planned", ["TR-1"])]
    assert removed_events(sites.url)[-1]["order"] == "transfer/TR-2"
    release(sites.url, plan.id)
    assert list(carts(sites.url).values()) == [("released", ["TR-1"])]


CHECKS = (
    check_a_cancel_takes_the_order_off_a_planned_wave,
    check_a_hold_takes_the_order_off_a_planned_wave_until_released,
    check_a_transfer_cancelled_on_a_planned_wave_leaves_it,
    check_a_cart_the_cancel_empties_is_dropped,
    check_the_last_order_cancelled_cancels_the_wave,
    check_an_order_on_a_released_wave_is_refused_naming_the_wave,
    check_an_order_whose_cart_a_picker_started_is_refused,
    check_a_save_says_why_each_order_was_left_out,
    check_the_top_up_at_release_checks_again_what_it_read,
    check_an_at_risk_order_cancelled_from_the_queue_leaves_its_planned_wave,
)
