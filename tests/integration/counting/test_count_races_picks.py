"""Counting races picks (docs/stock.md "Counting races picks"), deterministically: a count made
before or after a pick, the two facts applied at central in either order — on-hand ends at what
is physically on the shelf every time, and the ledger says why."""

from __future__ import annotations

from datetime import UTC

import pytest
from sqlalchemy import select

from app.domain.events import Actor, Event
from app.domain.stock_ledger import Movement, MovementKind
from app.services.picking_central import CentralPickingBackend
from db.schema import stock
from tests.integration.counting.story import (
    apply,
    at,
    count_fact,
    ledger,
    stock_row,
    tasks_at,
    wide_tolerance,
)
from tests.integration.picking.test_central_picking import PIA

RECEIVER = Actor("Sanne de Vries", "recv-1")


def _a_task(central):
    """A task of Pia's list, its shelf topped up with 5 units nobody reserved (earlier than
    anything here), so no count below is over-reserved (that is count_release's case)."""
    view = CentralPickingBackend(central.uow, "PICK-01").my_pick_list(PIA)
    task = view.tasks[0]
    with central.uow() as uow:
        put = Movement(
            MovementKind.PUT_AWAY, task.location, task.sku, task.lot, 5, RECEIVER, at(-60)
        )
        uow.stock.change(put)
        uow.commit()
    return view, task


def _pick(view, task, when, quantity=1) -> Event:
    payload = {"pick_list_id": view.id, "task_id": task.id, "quantity": quantity, "lot": task.lot}
    return Event("pick.confirmed", payload, Actor(PIA.name, "PICK-01"), task.order_ref, when)


def _whole_location(central, location, sku, lot, counted):
    """Every line at the location as it stands, with the one under test counted `counted`."""
    with central.uow() as uow:
        rows = [s for s in uow.stock.all() if s.location == location]
    return [(s.sku, s.lot, counted if (s.sku, s.lot) == (sku, lot) else s.on_hand) for s in rows]


@pytest.mark.parametrize(
    ("count_minute", "count_first"),
    [(2, False), (2, True), (0, False), (0, True)],
    ids=[
        "pick-then-count,pick-applied-first",
        "pick-then-count,count-applied-first",
        "count-then-pick,pick-applied-first",
        "count-then-pick,count-applied-first",
    ],
)
def test_a_count_and_a_pick_end_at_what_is_on_the_shelf_in_any_order(
    demo_central, count_minute, count_first
):
    wide_tolerance(demo_central)
    view, task = _a_task(demo_central)
    before = stock_row(demo_central, task.location, task.sku, task.lot)
    n = before.on_hand
    # On the shelf: n units until the pick at minute 1, n - 1 after it. The count sees which.
    seen = n - 1 if count_minute > 1 else n
    lines = _whole_location(demo_central, task.location, task.sku, task.lot, seen)
    count = count_fact(task.location, lines, at(count_minute))
    pick = _pick(view, task, at(1))
    for fact in [count, pick] if count_first else [pick, count]:
        apply(demo_central, fact)
    after = stock_row(demo_central, task.location, task.sku, task.lot)
    assert after.on_hand == n - 1
    assert after.reserved == before.reserved - 1  # the pick's bookkeeping happens either way
    moves = [(m.kind, m.delta) for m in ledger(demo_central, after.id)]
    assert ("pick", -1) in moves or ("pick", 0) in moves
    # The ledger adds up from nothing: the import, the put-away, the pick, the count.
    assert sum(m.delta for m in ledger(demo_central, after.id)) == n - 1
    assert tasks_at(demo_central, task.location)[-1].status == "done"


def test_a_pick_counted_already_is_not_taken_off_twice_and_the_ledger_says_so(demo_central):
    wide_tolerance(demo_central)
    view, task = _a_task(demo_central)
    n = stock_row(demo_central, task.location, task.sku, task.lot).on_hand
    lines = _whole_location(demo_central, task.location, task.sku, task.lot, n - 2)
    apply(demo_central, count_fact(task.location, lines, at(5)))  # the shelf after both picks
    apply(demo_central, _pick(view, task, at(1)), _pick(view, task, at(2)))  # late, offline
    after = stock_row(demo_central, task.location, task.sku, task.lot)
    assert after.on_hand == n - 2
    picks = [m for m in ledger(demo_central, after.id) if m.kind == "pick"]
    assert [(m.delta, m.on_hand_before, m.on_hand_after) for m in picks] == [
        (0, n - 2, n - 2),
        (0, n - 2, n - 2),
    ]


def test_an_older_count_arriving_after_a_newer_one_changes_nothing_but_is_recorded(demo_central):
    wide_tolerance(demo_central)
    _view, task = _a_task(demo_central)
    n = stock_row(demo_central, task.location, task.sku, task.lot).on_hand
    newer = _whole_location(demo_central, task.location, task.sku, task.lot, n + 3)
    older = _whole_location(demo_central, task.location, task.sku, task.lot, n + 1)
    apply(demo_central, count_fact(task.location, newer, at(10)))
    apply(demo_central, count_fact(task.location, older, at(4)))
    after = stock_row(demo_central, task.location, task.sku, task.lot)
    assert after.on_hand == n + 3
    with demo_central.engine.connect() as conn:
        counted_at = conn.execute(select(stock.c.counted_at).where(stock.c.id == after.id)).scalar()
    assert counted_at.replace(tzinfo=UTC) == at(10)  # never moved backwards
    assert len(tasks_at(demo_central, task.location)) == 2  # both counts are on record
    counts = [m for m in ledger(demo_central, after.id) if m.kind == "count"]
    assert [m.delta for m in counts] == [3]


def test_a_move_made_after_the_count_but_applied_before_it_stays(demo_central):
    """Any ledger change later than the count (here a put-away) is added to what was counted."""
    wide_tolerance(demo_central)
    _view, task = _a_task(demo_central)
    n = stock_row(demo_central, task.location, task.sku, task.lot).on_hand
    with demo_central.uow() as uow:
        put = Movement(
            MovementKind.PUT_AWAY,
            task.location,
            task.sku,
            task.lot,
            4,
            Actor("Sanne de Vries", "recv-1"),
            at(3),
        )
        uow.stock.change(put)
        uow.commit()
    lines = _whole_location(demo_central, task.location, task.sku, task.lot, n)
    lines = [(s, lot, n if (s, lot) == (task.sku, task.lot) else c) for s, lot, c in lines]
    apply(demo_central, count_fact(task.location, lines, at(2)))
    assert stock_row(demo_central, task.location, task.sku, task.lot).on_hand == n + 4
