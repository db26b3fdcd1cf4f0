"""Each kind of exception, resolved by the lead, changes real state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select, update

from app.errors import BadInput
from app.services import lead
from app.services.lead.queue_order import kind_counts
from db.schema import (
    allocations,
    exceptions,
    locations,
    order_lines,
    orders,
    pick_tasks,
    products,
    stock,
)
from tests.integration.lead.site import STATION, build_site, short_task


def milk_task(site):
    """The released task for order SO-M's 2 MILK, and its order ref."""
    row = site.rows(
        select(pick_tasks.c.id, order_lines.c.order_id, pick_tasks.c.order_line_id)
        .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
        .join(products, products.c.id == pick_tasks.c.product_id)
        .where(products.c.sku == "MILK")
    )[0]
    return row.id, row.order_id, row.order_line_id


def stock_at(site, code):
    return site.rows(
        select(stock.c.on_hand, stock.c.reserved)
        .join(locations, locations.c.id == stock.c.location_id)
        .where(locations.c.code == code)
    )[0]


def line(site, line_id):
    return site.rows(select(order_lines).where(order_lines.c.id == line_id))[0]


@pytest.fixture
def shorted(tmp_path, sqlite_url, run_cli):
    """SO-M's MILK picked 1 of 2 at A01-002 (FEFO); the order waits in exception."""
    site = build_site(tmp_path, sqlite_url, run_cli)
    task_id, order_ref, line_id = milk_task(site)
    site.run(update(orders).where(orders.c.id == order_ref).values(status="exception"))
    exception_id = short_task(site, task_id, "Pia", 1, order_ref)
    return site, exception_id, task_id, order_ref, line_id


def resolve(site, key, resolution, note="checked"):
    """The outcome as the CLI prints it (English)."""
    return lead.resolve(site.uow(), site.lead, key, resolution, note, STATION).english()


def test_the_queue_lists_stored_late_and_held_orders(shorted):
    site, exception_id, *_ = shorted
    past = datetime.now(UTC) - timedelta(hours=1)
    site.run(update(orders).where(orders.c.order_id == "SO-0").values(ship_by=past))
    site.run(
        update(orders)
        .where(orders.c.order_id == "SO-1")
        .values(status="on_hold", reason="big order")
    )
    queue = {item.key: item for item in lead.exception_queue(site.uow(), site.lead)}
    assert queue[f"exception:{exception_id}"].choices == lead.RESOLUTIONS["short_pick"]
    assert queue["late:web/SO-0"].kind == "late"
    assert queue["hold:web/SO-1"].summary.english() == "big order"


def test_what_blocks_work_comes_before_late_orders(shorted):
    """A short pick stops a cart: it leads the queue however many orders run late."""
    site, exception_id, *_ = shorted
    long_ago = datetime.now(UTC) - timedelta(days=3)
    site.run(update(orders).where(orders.c.order_id != "SO-M").values(ship_by=long_ago))
    site.run(update(exceptions).values(created_at=datetime.now(UTC)))  # newer than the lateness
    queue = lead.exception_queue(site.uow(), site.lead)
    kinds = [item.kind for item in queue]
    assert kinds[0] == "short_pick" and queue[0].key == f"exception:{exception_id}"
    assert "late" in kinds and kinds[-1] == "late"
    assert kind_counts(queue) == [("short_pick", 1), ("late", kinds.count("late"))]


def test_reallocate_moves_the_short_units_to_another_location(shorted):
    site, exception_id, task_id, order_ref, line_id = shorted
    assert stock_at(site, "A01-002-L-1").reserved == 1  # the short fact gave 1 back
    assert line(site, line_id).allocated == 1
    outcome = resolve(site, f"exception:{exception_id}", "reallocate")
    assert "A01-001-L-1" in outcome
    assert stock_at(site, "A01-002-L-1").reserved == 1
    assert stock_at(site, "A01-001-L-1").reserved == 1
    new_task = site.rows(
        select(pick_tasks).where(pick_tasks.c.id != task_id, pick_tasks.c.order_line_id == line_id)
    )[0]
    assert (new_task.quantity, new_task.status) == (1, "open")
    assert line(site, line_id).allocated == 2
    exception = site.rows(select(exceptions))[0]
    assert (exception.status, exception.resolution, exception.note) == (
        "resolved",
        "reallocate",
        "checked",
    )
    assert site.rows(select(orders.c.status).where(orders.c.id == order_ref))[0][0] == "picking"


def test_backorder_gives_the_reservation_back(shorted):
    site, exception_id, _, _, line_id = shorted
    resolve(site, f"exception:{exception_id}", "backorder")
    assert stock_at(site, "A01-002-L-1") == (5, 1)
    assert (line(site, line_id).quantity, line(site, line_id).allocated) == (2, 1)


def test_mark_damaged_writes_the_units_off(shorted):
    site, exception_id, *_ = shorted
    resolve(site, f"exception:{exception_id}", "mark_damaged")
    assert stock_at(site, "A01-002-L-1") == (4, 1)


def test_cancel_line_shrinks_the_order(shorted):
    site, exception_id, _, _, line_id = shorted
    resolve(site, f"exception:{exception_id}", "cancel_line")
    assert (line(site, line_id).quantity, line(site, line_id).allocated) == (1, 1)
    with pytest.raises(BadInput, match="already resolved"):
        resolve(site, f"exception:{exception_id}", "cancel_line")


def test_a_resolution_that_does_not_fit_is_refused(shorted):
    site, exception_id, *_ = shorted
    with pytest.raises(BadInput, match="choose reallocate"):
        resolve(site, f"exception:{exception_id}", "prioritise")


def test_packing_mismatch_printer_failure_and_override_are_acknowledged(shorted):
    site, *_ = shorted
    now = datetime.now(UTC)
    for kind in ("pack_mismatch", "printer_failure", "pack_override"):
        site.run(
            insert(exceptions).values(
                kind=kind, status="open", details={"summary": kind}, created_at=now, note=""
            )
        )
    stored = site.rows(
        select(exceptions.c.id, exceptions.c.kind).where(exceptions.c.kind != "short_pick")
    )
    for exception_id, _kind in stored:
        assert resolve(site, f"exception:{exception_id}", "acknowledge") == "acknowledged"
    assert {
        r.status
        for r in site.rows(select(exceptions.c.status).where(exceptions.c.kind != "short_pick"))
    } == {"resolved"}


def test_a_late_order_is_prioritised_or_cancelled(shorted):
    site, *_ = shorted
    past = datetime.now(UTC) - timedelta(hours=2)
    site.run(update(orders).where(orders.c.order_id.in_(["SO-0", "SO-2"])).values(ship_by=past))
    resolve(site, "late:web/SO-0", "prioritise")
    resolve(site, "late:web/SO-2", "cancel_order")
    got = dict(site.rows(select(orders.c.order_id, orders.c.priority)))
    assert got["SO-0"] == lead.URGENT_PRIORITY
    status = dict(site.rows(select(orders.c.order_id, orders.c.status)))
    assert status["SO-2"] == "cancelled"
    so2_lines = select(order_lines.c.id).join(orders).where(orders.c.order_id == "SO-2")
    held = site.rows(select(allocations).where(allocations.c.order_line_id.in_(so2_lines)))
    assert held == []


def test_a_held_order_is_released_to_allocation(shorted):
    site, *_ = shorted
    site.run(
        insert(orders).values(
            channel="web",
            order_id="SO-H",
            priority=0,
            carrier="",
            service="",
            ship_to={
                "name": "A",
                "street1": "S 1",
                "city": "C",
                "postal_code": "1",
                "country": "DE",
            },
            status="on_hold",
            reason="address check",
            review_passed=False,
            received_at=datetime.now(UTC),
        )
    )
    resolve(site, "hold:web/SO-H", "release_hold", "address fine")
    row = site.rows(select(orders).where(orders.c.order_id == "SO-H"))[0]
    assert (row.status, row.review_passed) == ("received", True)


def test_a_short_pick_from_the_picker_station_is_resolved_by_reallocation(
    tmp_path, sqlite_url, run_cli
):
    """The real chain: the station's `pick.short` fact, its applier, the lead's queue."""
    from app.domain.events import Actor, Event
    from app.services.facts import apply_facts

    site = build_site(tmp_path, sqlite_url, run_cli)
    task_id, order_ref, line_id = milk_task(site)
    lead.reassign(
        site.uow(),
        site.lead,
        [site.rows(select(pick_tasks.c.pick_list_id).where(pick_tasks.c.id == task_id))[0][0]],
        "Pia",
        STATION,
    )
    fact = Event(
        "pick.short",
        {
            "task_id": task_id,
            "found": 1,
            "shortfall": 1,
            "location": "A01-002-L-1",
            "sku": "MILK",
            "reason": "empty",
        },
        Actor("Pia", "pick-1"),
        order_ref,
    )
    apply_facts(site.uow(), [fact])
    (item,) = [i for i in lead.exception_queue(site.uow(), site.lead) if i.kind == "short_pick"]
    assert item.order == "web/SO-M"
    assert (
        item.suggested == "reallocate"
        and "MILK at A01-002-L-1: 1 missing" in item.summary.english()
    )
    resolve(site, item.key, "reallocate")
    assert stock_at(site, "A01-001-L-1").reserved == 1
    assert line(site, line_id).allocated == 2
    open_tasks = site.rows(
        select(pick_tasks).where(
            pick_tasks.c.order_line_id == line_id, pick_tasks.c.status == "open"
        )
    )
    assert [(t.quantity, t.picked_by) for t in open_tasks] == [(1, None)]
