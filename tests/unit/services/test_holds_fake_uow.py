"""A shift lead releases or cancels an order (app/services/holds.py), on the in-memory unit of
work: who may, which orders, what the order and the stock become, and what is recorded."""

from __future__ import annotations

import pytest

from app.domain.catalog import StockItem
from app.domain.events import Actor
from app.domain.orders import Address, OrderStatus
from app.errors import IllegalTransition, NotAllowed, NotFound
from app.services import allocation, holds
from tests.fakes.site import LEAD, PICKER, add_orders, add_stock, kinds, order, stored
from tests.fakes.uow import FakeUnitOfWork

BAD_ADDRESS = Address(
    name="Anna", street1="Hauptstr. 1", city="Köln", postal_code="123", country="DE"
)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    add_stock(uow, "GLUE", 10)
    return uow


def glue(uow: FakeUnitOfWork) -> StockItem:
    (item,) = uow.state.stock.values()
    return item


def on_hold(uow: FakeUnitOfWork, order_id: str = "SO-1") -> int:
    (ref,) = add_orders(
        uow, order(order_id, ("GLUE", 3), status=OrderStatus.ON_HOLD, reason="big order")
    )
    return ref


def allocated(uow: FakeUnitOfWork, order_id: str = "SO-2") -> int:
    (ref,) = add_orders(uow, order(order_id, ("GLUE", 3)))
    assert allocation.allocate(uow).allocated == [f"web/{order_id}"]
    return ref


def test_a_lead_releases_a_held_order_back_to_received_marked_as_reviewed(uow):
    ref = on_hold(uow)
    commits = uow.commits
    released = holds.release_hold(uow, LEAD, "web/SO-1", "called the customer", "desk")
    assert (released.status, released.review_passed) == (OrderStatus.RECEIVED, True)
    kept = stored(uow, ref)
    assert (kept.status, kept.reason, kept.review_passed) == (
        OrderStatus.RECEIVED,
        "called the customer",
        True,
    )
    (event,) = uow.state.events
    assert (event.kind, event.order_ref, event.actor) == (
        "order.received",
        ref,
        Actor("Lea", "desk"),
    )
    assert event.payload == {
        "from": "on_hold",
        "to": "received",
        "reason": "called the customer",
        "note": "called the customer",
    }
    assert uow.commits == commits + 1


def test_a_released_hold_is_allocated_by_the_next_run_without_a_second_review(uow):
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 3), ship_to=BAD_ADDRESS))
    assert allocation.allocate(uow).held  # the postal code is not German
    assert stored(uow, ref).status is OrderStatus.ON_HOLD
    holds.release_hold(uow, LEAD, "web/SO-1", "address checked by phone", "desk")
    report = allocation.allocate(uow)
    assert (report.allocated, report.held) == (["web/SO-1"], [])
    assert stored(uow, ref).status is OrderStatus.ALLOCATED


def test_cancelling_an_allocated_order_gives_its_stock_back(uow):
    ref = allocated(uow)
    assert glue(uow).reserved == 3
    cancelled = holds.cancel_order(uow, LEAD, "web/SO-2", "customer withdrew", "desk")
    assert cancelled.status is OrderStatus.CANCELLED
    kept = stored(uow, ref)
    assert (kept.status, kept.reason) == (OrderStatus.CANCELLED, "customer withdrew")
    assert [line.allocated for line in kept.lines] == [0]
    assert glue(uow).reserved == 0 and uow.state.allocations == []
    event = uow.state.events[-1]
    assert (event.kind, event.order_ref, event.payload["from"], event.payload["note"]) == (
        "order.cancelled",
        ref,
        "allocated",
        "customer withdrew",
    )


def test_cancelling_a_held_order_touches_no_stock(uow):
    ref = on_hold(uow)
    holds.cancel_order(uow, LEAD, "web/SO-1", "fraud", "desk")
    assert stored(uow, ref).status is OrderStatus.CANCELLED
    assert glue(uow).reserved == 0
    assert kinds(uow) == ["order.cancelled"]


@pytest.mark.parametrize("decide", [holds.release_hold, holds.cancel_order])
def test_only_a_lead_decides_and_a_refusal_changes_nothing(uow, decide):
    ref = on_hold(uow)
    commits = uow.commits
    with pytest.raises(NotAllowed) as refused:
        decide(uow, PICKER, "web/SO-1", "", "pick-1")
    assert refused.value.message.id == "sign_in.not_a_lead"
    assert refused.value.message.params == {"name": "Pia", "role": "picker"}
    assert stored(uow, ref).status is OrderStatus.ON_HOLD
    assert (uow.commits, kinds(uow)) == (commits, [])


@pytest.mark.parametrize("ref", ["SO-1", "web/", "", "web SO-1"])
def test_a_reference_without_channel_and_order_id_is_refused(uow, ref):
    on_hold(uow)
    with pytest.raises(NotFound) as refused:
        holds.release_hold(uow, LEAD, ref, "", "desk")
    assert (refused.value.message.id, refused.value.message.params) == (
        "order.ref_format",
        {"ref": ref},
    )


@pytest.mark.parametrize("ref", ["web/SO-9", "edi/SO-1", "web/so-1"])
def test_an_order_that_does_not_exist_is_refused_by_its_reference(uow, ref):
    on_hold(uow)
    with pytest.raises(NotFound) as refused:
        holds.cancel_order(uow, LEAD, ref, "", "desk")
    assert (refused.value.message.id, refused.value.message.params) == (
        "order.not_found",
        {"ref": ref},
    )
    assert kinds(uow) == []


def test_releasing_an_order_that_is_not_held_is_an_illegal_move(uow):
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 1)))
    with pytest.raises(IllegalTransition) as refused:
        holds.release_hold(uow, LEAD, "web/SO-1", "", "desk")
    assert refused.value.message.params == {"old": "received", "new": "received"}
    kept = stored(uow, ref)
    assert (kept.status, kept.review_passed) == (OrderStatus.RECEIVED, False)


@pytest.mark.parametrize(
    "status", [OrderStatus.PICKING, OrderStatus.SHIPPED, OrderStatus.CANCELLED]
)
def test_an_order_past_cancelling_keeps_its_status_and_its_stock(uow, status):
    ref = allocated(uow)
    uow.state.orders[ref].status = status  # it went on to the floor meanwhile
    commits, events = uow.commits, list(uow.state.events)
    with pytest.raises(IllegalTransition) as refused:
        holds.cancel_order(uow, LEAD, "web/SO-2", "too late", "desk")
    assert refused.value.message.id == "order.illegal_move"
    assert stored(uow, ref).status is status
    assert glue(uow).reserved == 3 and [a["quantity"] for a in uow.state.allocations] == [3]
    assert (uow.commits, uow.state.events) == (commits, events)


def test_cancelling_an_order_waiting_for_stock_takes_it_out_of_the_leads_queue(uow):
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 12)))  # 10 on hand: it waits
    allocation.allocate(uow)
    assert [row["kind"] for row in uow.state.exceptions] == ["waiting_for_stock"]
    holds.cancel_order(uow, LEAD, "web/SO-1", "customer withdrew", "desk")
    assert stored(uow, ref).status is OrderStatus.CANCELLED
    still_open = [row for row in uow.state.exceptions if row["status"] == "open"]
    assert still_open == []


def test_an_order_released_from_waiting_and_then_allocated_leaves_the_leads_queue(uow):
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 12)))  # 10 on hand: it waits
    allocation.allocate(uow)
    holds.release_hold(uow, LEAD, "web/SO-1", "more is coming", "desk")
    glue(uow).on_hand = 20  # received meanwhile
    assert allocation.allocate(uow).allocated == ["web/SO-1"]
    assert stored(uow, ref).status is OrderStatus.ALLOCATED
    still_open = [row for row in uow.state.exceptions if row["status"] == "open"]
    assert still_open == []
