"""Allocation (app/services/allocation.py) on the in-memory unit of work: which stock each order
takes (app/domain/stock_choice.py), orders short of stock waiting with what they lack, and the
waiting orders retried before anything new. The review that holds orders: test_review_fake_uow.

Not here: which received order is claimed first (priority, ship-by, age) and row locking are
the repository's query (db/orders_repo.py); tests/integration/stranded/test_waiting_for_stock.py
and tests/pg/test_pg_allocation.py cover them on real databases.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.events import SYSTEM, Actor
from app.domain.orders import OrderStatus
from app.messages import decode
from app.services import allocation
from tests.fakes.site import add_orders, add_stock, kinds, order, stored
from tests.fakes.uow import FakeUnitOfWork

TODAY = date(2026, 12, 1)
LEAD_DESK = Actor("Lea", "desk")


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


def reserved(uow: FakeUnitOfWork) -> dict[int, int]:
    return {stock_id: item.reserved for stock_id, item in uow.state.stock.items()}


def waiting_rows(uow: FakeUnitOfWork) -> list[dict]:
    return [row for row in uow.state.exceptions if row["kind"] == "waiting_for_stock"]


def shortfall(uow: FakeUnitOfWork, ref: int) -> list[dict]:
    """What the order's reason says it lacks: (sku, short, needed) per line."""
    (cannot,) = decode(stored(uow, ref).reason)
    assert cannot.id == "allocation.cannot_allocate"
    return [dict(line.params) for line in cannot.params["lines"]]


def test_earliest_expiry_goes_first_and_no_lot_is_reserved_beyond_what_is_on_hand(uow):
    march = add_stock(uow, "MILK", 5, "A01-001-L-1", "L3", date(2027, 3, 1))
    december = add_stock(uow, "MILK", 5, "A01-002-L-1", "L1", date(2026, 12, 20))
    refs = add_orders(uow, *(order(f"SO-{n}", ("MILK", 4)) for n in (1, 2, 3)))
    report = allocation.allocate(uow, today=TODAY)
    assert report.allocated == ["web/SO-1", "web/SO-2"]
    assert report.exceptions == ["web/SO-3: cannot allocate: MILK: short 2 of 4"]
    assert reserved(uow) == {march: 3, december: 5}
    statuses = [stored(uow, ref).status for ref in refs]
    assert statuses == [OrderStatus.ALLOCATED, OrderStatus.ALLOCATED, OrderStatus.EXCEPTION]
    assert [line.allocated for ref in refs for line in stored(uow, ref).lines] == [4, 4, 0]
    allocated = [e for e in uow.state.events if e.kind == "order.allocated"]
    lines = [e.payload["lines"] for e in allocated]
    first, second = (str(stored(uow, ref).lines[0].id) for ref in refs[:2])
    assert lines == [
        {first: [{"stock_id": december, "quantity": 4}]},
        {second: [{"stock_id": december, "quantity": 1}, {"stock_id": march, "quantity": 3}]},
    ]
    assert [e.order_ref for e in allocated] == refs[:2]


def test_an_order_short_of_one_line_reserves_nothing_and_waits_with_what_it_lacks(uow):
    glue = add_stock(uow, "GLUE", 10)
    add_stock(uow, "BOLT", 3)
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 2), ("BOLT", 5)))
    report = allocation.allocate(uow, today=TODAY)
    assert report.allocated == [] and len(report.exceptions) == 1
    assert reserved(uow)[glue] == 0 and uow.state.allocations == []
    assert stored(uow, ref).status is OrderStatus.EXCEPTION
    assert shortfall(uow, ref) == [{"sku": "BOLT", "short": 2, "needed": 5}]
    (row,) = waiting_rows(uow)
    assert (row["order_ref"], row["status"]) == (ref, "open")
    assert row["details"] == {"lines": [{"sku": "BOLT", "short": 2, "quantity": 5}]}
    assert kinds(uow) == ["order.exception"]


def test_two_lines_of_one_sku_never_both_count_the_same_units(uow):
    add_stock(uow, "GLUE", 4)
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 3), ("GLUE", 2)))
    allocation.allocate(uow, today=TODAY)
    assert shortfall(uow, ref) == [{"sku": "GLUE", "short": 1, "needed": 2}]
    assert uow.state.allocations == []


def test_expired_lots_and_held_units_are_never_reserved(uow):
    add_stock(uow, "GLUE", 10, lot="OLD", expiry=TODAY - timedelta(days=1))
    add_stock(uow, "GLUE", 5, "A01-002-L-1", held=5)  # a picker found the location empty
    today_lot = add_stock(uow, "GLUE", 2, lot="NOW", expiry=TODAY)  # expires today: still goes
    first, second = add_orders(uow, order("SO-1", ("GLUE", 2)), order("SO-2", ("GLUE", 1)))
    report = allocation.allocate(uow, today=TODAY)
    assert report.allocated == ["web/SO-1"]
    assert [(a["stock_id"], a["quantity"]) for a in uow.state.allocations] == [(today_lot, 2)]
    assert shortfall(uow, second) == [{"sku": "GLUE", "short": 1, "needed": 1}]


def test_waiting_orders_are_retried_first_when_stock_came_in(uow):
    glue = add_stock(uow, "GLUE", 4)
    (waiting,) = add_orders(uow, order("SO-1", ("GLUE", 6)))
    allocation.allocate(uow, today=TODAY)
    (newer,) = add_orders(uow, order("SO-2", ("GLUE", 4)))
    uow.state.stock[glue].on_hand = 6  # counted again: 2 more behind the shelf
    report = allocation.allocate(uow, LEAD_DESK, today=TODAY)
    assert report.allocated == ["web/SO-1"]  # the waiting order before the newer one
    assert stored(uow, waiting).status is OrderStatus.ALLOCATED
    assert stored(uow, newer).status is OrderStatus.EXCEPTION
    assert reserved(uow) == {glue: 6}
    first, second = waiting_rows(uow)
    assert (first["order_ref"], first["status"], first["resolution"], first["resolved_by"]) == (
        waiting,
        "resolved",
        "allocated",
        "Lea",
    )
    assert (second["order_ref"], second["status"]) == (newer, "open")
    moved = [
        (e.kind, e.payload["from"], e.actor) for e in uow.state.events if e.order_ref == waiting
    ]
    assert moved[-1] == ("order.allocated", "exception", LEAD_DESK)


def test_an_order_still_short_on_retry_keeps_waiting_with_what_it_lacks_now(uow):
    glue = add_stock(uow, "GLUE", 4)
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 6)))
    allocation.allocate(uow, today=TODAY)
    uow.state.stock[glue].on_hand = 5
    report = allocation.allocate(uow, today=TODAY)
    assert report.exceptions == ["web/SO-1: cannot allocate: GLUE: short 1 of 6"]
    assert shortfall(uow, ref) == [{"sku": "GLUE", "short": 1, "needed": 6}]
    assert [row["details"] for row in waiting_rows(uow) if row["status"] == "open"] == [
        {"lines": [{"sku": "GLUE", "short": 1, "quantity": 6}]}
    ]
    assert kinds(uow) == ["order.exception"]  # still waiting is no new move
    assert reserved(uow) == {glue: 0}


def test_the_lead_retries_only_the_waiting_orders_asked_for(uow):
    glue = add_stock(uow, "GLUE", 1)
    first, second = add_orders(uow, order("SO-1", ("GLUE", 6)), order("SO-2", ("GLUE", 6)))
    allocation.allocate(uow, today=TODAY)
    uow.state.stock[glue].on_hand = 20
    report = allocation.retry_waiting(uow, LEAD_DESK, TODAY, only={second})
    assert report.allocated == ["web/SO-2"]
    assert stored(uow, first).status is OrderStatus.EXCEPTION
    assert stored(uow, second).status is OrderStatus.ALLOCATED
    assert [row["status"] for row in waiting_rows(uow)] == ["open", "resolved"]


def test_received_orders_are_allocated_in_batches_each_its_own_transaction(uow, monkeypatch):
    monkeypatch.setattr(allocation, "BATCH", 2)
    add_stock(uow, "GLUE", 100)
    add_orders(uow, *(order(f"SO-{n}", ("GLUE", 1)) for n in range(5)))
    commits = uow.commits
    report = allocation.allocate(uow, SYSTEM, TODAY)
    assert len(report.allocated) == 5
    assert uow.commits - commits == 3
    assert all(o.status is OrderStatus.ALLOCATED for o in uow.state.orders.values())


def test_nothing_to_allocate_writes_nothing(uow):
    add_stock(uow, "GLUE", 1)
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 1), status=OrderStatus.ALLOCATED))
    commits = uow.commits
    report = allocation.allocate(uow, today=TODAY)
    assert (report.allocated, report.held, report.exceptions) == ([], [], [])
    assert (uow.commits, uow.state.events) == (commits, [])
