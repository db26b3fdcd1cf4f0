"""Counting end to end on the demo site (SQLite): `shipshape count`, the tolerance, a recount,
the lead's approval, a short pick's count, held stock and reservations a count took away."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from app.cli import main
from app.domain.events import Actor, Event
from app.services.lead.exceptions import exception_queue
from app.services.lead.resolutions import resolve
from app.services.picking_central import CentralPickingBackend
from db.schema import count_tasks, events, stock, stock_movements
from tests.integration.counting.story import (
    LEAD,
    OTHER_CLERK,
    apply,
    at,
    count_fact,
    open_exceptions,
    stock_row,
    tasks_at,
    wide_tolerance,
)
from tests.integration.picking.test_central_picking import PIA


def _unreserved_row(central):
    """A location holding one product, nothing reserved, not lot-controlled."""
    with central.uow() as uow:
        rows = uow.stock.all()
        per_location: dict[str, list] = {}
        for s in rows:
            per_location.setdefault(s.location, []).append(s)
        for held in per_location.values():
            item = held[0]
            if len(held) == 1 and not item.reserved and not item.lot and item.on_hand >= 10:
                return item
    raise AssertionError("the demo has no such location")


def _cli(central, capsys, *args):
    code = main([*args, "--database", str(central.engine.url)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _table_sizes(central):
    with central.engine.connect() as conn:
        return [
            conn.execute(select(func.count()).select_from(t)).scalar()
            for t in (events, count_tasks, stock_movements)
        ]


def test_cli_counts_a_location_and_adjusts_a_small_variance(demo_central, capsys):
    wide_tolerance(demo_central)
    item = _unreserved_row(demo_central)
    code, out, _ = _cli(
        demo_central,
        capsys,
        "count",
        item.location,
        "--scan",
        f"{item.sku}*{item.on_hand - 1}",
        "--badge",
        "1015",
        "--json",
    )
    assert code == 0
    assert json.loads(out) == {
        "location": item.location,
        "lines": [
            {
                "sku": item.sku,
                "lot": "",
                "counted": item.on_hand - 1,
                "expected": item.on_hand,
                "variance": -1,
            }
        ],
        "status": "adjusted",
    }
    assert stock_row(demo_central, item.location, item.sku).on_hand == item.on_hand - 1


def test_cli_with_no_scans_counts_the_location_empty(demo_central, capsys):
    wide_tolerance(demo_central)
    item = _unreserved_row(demo_central)
    code, out, _ = _cli(demo_central, capsys, "count", item.location, "--badge", "1015", "--json")
    assert code == 0 and json.loads(out)["lines"][0]["counted"] == 0
    assert stock_row(demo_central, item.location, item.sku).on_hand == 0


def test_cli_refuses_bad_input_with_one_line_and_changes_nothing(demo_central, capsys):
    item = _unreserved_row(demo_central)
    before = _table_sizes(demo_central)
    bad = [
        ("count", "NO-SUCH-PLACE", "--badge", "1015"),
        ("count", item.location, "--scan", "NOT-A-PRODUCT", "--badge", "1015"),
        ("count", item.location, "--scan", f"{item.sku}*0", "--badge", "1015"),
        ("count", item.location, "--scan", f"{item.sku}", "--badge", "9999"),
    ]
    for args in bad:
        code, out, err = _cli(demo_central, capsys, *args)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, (args, err)
    code, _out, err = _cli(demo_central, capsys, "count", item.location, "--badge", "1001")
    assert code == 1 and "picker" in err  # a picker does not count
    assert _table_sizes(demo_central) == before
    assert stock_row(demo_central, item.location, item.sku).on_hand == item.on_hand


def test_a_big_variance_is_counted_again_then_a_lead_approves_it(demo_central, capsys):
    item = _unreserved_row(demo_central)
    n = item.on_hand
    first = count_fact(item.location, [(item.sku, "", n - 6)], at(1))
    apply(demo_central, first)
    (task,) = tasks_at(demo_central, item.location)
    assert (task.status, task.first_count["lines"][0]["counted"]) == ("recount", n - 6)
    assert stock_row(demo_central, item.location, item.sku).on_hand == n  # not yet
    second = count_fact(item.location, [(item.sku, "", n - 5)], at(2), OTHER_CLERK, task.id)
    apply(demo_central, second)
    (task,) = tasks_at(demo_central, item.location)
    assert task.status == "approval"
    queue = [q for q in exception_queue(demo_central.uow(), LEAD) if q.kind == "count_variance"]
    assert len(queue) == 1 and queue[0].choices == ("approve_count", "recount", "acknowledge")
    said = str(queue[0].summary)
    assert f"expected {n}, counted {n - 6}, then {n - 5}" in said
    outcome = resolve(demo_central.uow(), LEAD, queue[0].key, "approve_count", "seen it", "desk")
    assert "second count" in str(outcome)
    assert stock_row(demo_central, item.location, item.sku).on_hand == n - 5
    (task,) = tasks_at(demo_central, item.location)
    assert (task.status, task.approved_by) == ("done", LEAD.name)
    assert not open_exceptions(demo_central, "count_variance")


def test_a_lead_can_send_a_variance_back_for_another_count(demo_central):
    item = _unreserved_row(demo_central)
    n = item.on_hand
    apply(demo_central, count_fact(item.location, [(item.sku, "", n - 6)], at(1)))
    apply(demo_central, count_fact(item.location, [(item.sku, "", n - 6)], at(2), OTHER_CLERK))
    (key,) = [
        q.key for q in exception_queue(demo_central.uow(), LEAD) if q.kind == "count_variance"
    ]
    resolve(demo_central.uow(), LEAD, key, "recount", "", "desk")
    assert tasks_at(demo_central, item.location)[0].status == "recount"
    apply(demo_central, count_fact(item.location, [(item.sku, "", n)], at(3)))  # found them
    assert tasks_at(demo_central, item.location)[0].status == "done"
    assert stock_row(demo_central, item.location, item.sku).on_hand == n


def _short(view, task, when, reason="empty") -> Event:
    payload = {
        "pick_list_id": view.id,
        "task_id": task.id,
        "found": 0,
        "shortfall": task.quantity,
        "reason": reason,
        "location": task.location,
        "sku": task.sku,
    }
    return Event("pick.short", payload, Actor(PIA.name, "PICK-01"), task.order_ref, when)


def test_a_short_pick_asks_for_a_count_and_the_count_ends_the_hold(demo_central):
    wide_tolerance(demo_central)
    view = CentralPickingBackend(demo_central.uow, "PICK-01").my_pick_list(PIA)
    task = view.tasks[0]
    apply(demo_central, _short(view, task, at(1)))
    (made,) = tasks_at(demo_central, task.location)
    assert (made.reason, made.status, made.created_by) == ("short", "open", PIA.name)
    held = stock_row(demo_central, task.location, task.sku, task.lot)
    assert held.held > 0
    with demo_central.uow() as uow:
        lines = [(s.sku, s.lot, s.on_hand) for s in uow.stock.all() if s.location == task.location]
    apply(demo_central, count_fact(task.location, lines, at(5), task_id=made.id))
    after = stock_row(demo_central, task.location, task.sku, task.lot)
    assert after.held == 0 and after.on_hand == held.on_hand
    assert tasks_at(demo_central, task.location)[0].status == "done"


def test_a_short_for_a_damaged_unit_asks_for_no_count(demo_central):
    view = CentralPickingBackend(demo_central.uow, "PICK-01").my_pick_list(PIA)
    task = view.tasks[0]
    apply(demo_central, _short(view, task, at(1), reason="damaged"))
    assert tasks_at(demo_central, task.location) == []


def test_a_count_below_what_is_reserved_gives_reservations_back(demo_central):
    wide_tolerance(demo_central)
    view = CentralPickingBackend(demo_central.uow, "PICK-01").my_pick_list(PIA)
    task = view.tasks[0]
    before = stock_row(demo_central, task.location, task.sku, task.lot)
    assert before.reserved >= task.quantity > 0
    with demo_central.uow() as uow:
        lines = [
            (s.sku, s.lot, 0 if (s.sku, s.lot) == (task.sku, task.lot) else s.on_hand)
            for s in uow.stock.all()
            if s.location == task.location
        ]
    apply(demo_central, count_fact(task.location, lines, at(5)))
    after = stock_row(demo_central, task.location, task.sku, task.lot)
    assert (after.on_hand, after.reserved) == (0, 0)
    shorts = [
        e for e in open_exceptions(demo_central, "short_pick") if e.details["reason"] == "counted"
    ]
    waiting = open_exceptions(demo_central, "waiting_for_stock")
    assert shorts or waiting  # every order that held units there was told
    assert all(e.details["location"] == task.location for e in shorts)
    with demo_central.engine.connect() as conn:
        reserved = conn.execute(select(stock.c.reserved).where(stock.c.id == after.id)).scalar()
    assert reserved == 0


def test_an_adjustment_tells_other_systems_stock_adjusted(demo_central, capsys):
    from db.schema import integration_messages

    wide_tolerance(demo_central)
    item = _unreserved_row(demo_central)
    same = count_fact(item.location, [(item.sku, "", item.on_hand)], at(1))
    fewer = count_fact(item.location, [(item.sku, "", item.on_hand - 2)], at(2))
    apply(demo_central, same, fewer)
    with demo_central.engine.connect() as conn:
        sent = conn.execute(
            select(integration_messages).where(integration_messages.c.kind == "stock.adjusted")
        ).all()
    assert len(sent) == 1  # the count that matched changed nothing, and says nothing
    body = json.loads(sent[0].body)
    assert body["order"] is None and sent[0].order_ref is None
    assert body["data"]["location"] == item.location
    assert body["data"]["lines"] == [
        {
            "sku": item.sku,
            "lot": "",
            "expected": item.on_hand,
            "counted": item.on_hand - 2,
            "variance": -2,
        }
    ]


def test_a_lead_can_keep_stock_as_it_is_and_the_location_can_be_counted_again(demo_central):
    item = _unreserved_row(demo_central)
    n = item.on_hand
    apply(demo_central, count_fact(item.location, [(item.sku, "", n - 6)], at(1)))
    apply(demo_central, count_fact(item.location, [(item.sku, "", n - 6)], at(2), OTHER_CLERK))
    (key,) = [
        q.key for q in exception_queue(demo_central.uow(), LEAD) if q.kind == "count_variance"
    ]
    resolve(demo_central.uow(), LEAD, key, "acknowledge", "the pallet was behind", "desk")
    (task,) = tasks_at(demo_central, item.location)
    assert (task.status, task.approved_by) == ("done", LEAD.name)
    assert stock_row(demo_central, item.location, item.sku).on_hand == n
    apply(demo_central, count_fact(item.location, [(item.sku, "", n)], at(3)))  # a new task
    assert [t.status for t in tasks_at(demo_central, item.location)] == ["done", "done"]
