"""Central picking: claims, facts applied exactly once, late facts after a reassignment, shorts,
tote conflicts and finishing, on the demo database (SQLite; PostgreSQL when configured)."""

from __future__ import annotations

import csv
import os
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text, update
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.events import Actor, Event
from app.domain.users import Role, User
from app.services import demo
from app.services.picking_central import CentralPickingBackend
from db.engine import normalize_url
from db.schema import (
    allocations,
    exceptions,
    order_lines,
    orders,
    pick_lists,
    pick_tasks,
    stock,
    totes,
    users,
)

DEMO_USERS = Path(__file__).resolve().parents[3] / "resources" / "demo" / "users.csv"
PICKERS = [
    User(r["name"], Role.PICKER, r["badge"])
    for r in csv.DictReader(DEMO_USERS.open(encoding="utf-8"))
    if r["role"] == "picker"
]
PIA, BEN = PICKERS[0], PICKERS[1]


def backend(central, station="PICK-01"):
    return CentralPickingBackend(central.uow, station)


def confirm(view, task, quantity, who=PIA, station="PICK-01") -> Event:
    return Event(
        "pick.confirmed",
        {"pick_list_id": view.id, "task_id": task.id, "quantity": quantity, "lot": task.lot},
        Actor(who.name, station),
        task.order_ref,
    )


def row(central, table, key):
    with central.engine.connect() as conn:
        return conn.execute(select(table).where(table.c.id == key)).one()


def stock_of(central, task):
    with central.engine.connect() as conn:
        return conn.execute(
            select(stock.c.on_hand, stock.c.reserved)
            .join(allocations, allocations.c.stock_id == stock.c.id)
            .join(pick_tasks, pick_tasks.c.allocation_id == allocations.c.id)
            .where(pick_tasks.c.id == task.id)
        ).one()


def test_two_pickers_never_get_the_same_list_and_keep_their_own(demo_central):
    lists = _claim_at_once(demo_central)
    assert len(set(lists.values())) == len(PICKERS)
    again = backend(demo_central).my_pick_list(PIA)
    assert again.id == lists[PIA.badge] and again.assignee == PIA.name


def test_a_replayed_confirmation_changes_stock_and_the_task_once(demo_central):
    central = backend(demo_central)
    view = central.my_pick_list(PIA)
    task = view.tasks[0]
    before = stock_of(demo_central, task)
    fact = confirm(view, task, task.quantity)
    central.record([fact])
    central.record([fact])
    after = stock_of(demo_central, task)
    assert (after.on_hand, after.reserved) == (
        before.on_hand - task.quantity,
        before.reserved - task.quantity,
    )
    done = row(demo_central, pick_tasks, task.id)
    assert (done.picked, done.status, done.picked_by) == (task.quantity, "done", PIA.name)
    line = row(demo_central, order_lines, done.order_line_id)
    assert line.picked == task.quantity
    assert row(demo_central, orders, task.order_ref).status == "picking"
    assert row(demo_central, pick_lists, view.id).status == "picking"


def test_late_facts_after_a_reassignment_apply_and_the_rest_stays_with_the_new_picker(
    demo_central,
):
    old_station = backend(demo_central, "PICK-01")
    view = old_station.my_pick_list(PIA)
    task = (
        next(t for t in view.tasks if t.quantity >= 2)
        if any(t.quantity >= 2 for t in view.tasks)
        else view.tasks[0]
    )
    with demo_central.engine.begin() as conn:  # the lead gives the list to Ben
        ben_id = conn.execute(select(users.c.id).where(users.c.badge == BEN.badge)).scalar()
        conn.execute(
            update(pick_lists).where(pick_lists.c.id == view.id).values(assignee_id=ben_id)
        )
    assert not old_station.still_mine(view.id, PIA)
    late = confirm(view, task, 1)  # picked on Pia's cart while her station was offline
    old_station.record([late])
    picked = row(demo_central, pick_tasks, task.id)
    assert (picked.picked, picked.picked_by) == (1, PIA.name)
    bens = backend(demo_central, "PICK-02").my_pick_list(BEN)
    assert bens.id == view.id
    assert next(t for t in bens.tasks if t.id == task.id).remaining == task.quantity - 1


def test_a_short_is_an_exception_for_the_lead_with_what_can_be_done(demo_central):
    central = backend(demo_central)
    view = central.my_pick_list(PIA)
    task = view.tasks[0]
    before = stock_of(demo_central, task)
    short = Event(
        "pick.short",
        {
            "pick_list_id": view.id,
            "task_id": task.id,
            "found": 0,
            "shortfall": task.quantity,
            "reason": "empty",
            "location": task.location,
            "sku": task.sku,
        },
        Actor(PIA.name, "PICK-01"),
        task.order_ref,
    )
    central.record([short, short])
    product_id = row(demo_central, pick_tasks, task.id).product_id
    stock_id = _stock_id(demo_central, task)
    with demo_central.engine.connect() as conn:
        found = conn.execute(select(exceptions).where(exceptions.c.pick_task_id == task.id)).all()
        free_elsewhere = conn.execute(
            select(func.coalesce(func.sum(stock.c.on_hand - stock.c.reserved), 0)).where(
                stock.c.product_id == product_id,
                stock.c.id != stock_id,
                stock.c.on_hand > stock.c.reserved,
            )
        ).scalar()
    assert len(found) == 1 and found[0].kind == "short_pick" and found[0].status == "open"
    expected = "reallocate" if free_elsewhere >= task.quantity else "backorder"
    assert found[0].details["suggestion"] == expected
    assert found[0].details["reason"] == "empty" and found[0].details["shortfall"] == task.quantity
    after = stock_of(demo_central, task)
    assert (after.on_hand, after.reserved) == (before.on_hand, before.reserved - task.quantity)
    assert row(demo_central, pick_tasks, task.id).status == "short"


def test_finishing_needs_every_task_done_then_orders_are_picked_and_totes_ready(demo_central):
    central = backend(demo_central)
    view = central.my_pick_list(PIA)
    actor = Actor(PIA.name, "PICK-01")
    bound = [
        Event(
            "tote.bound",
            {"pick_list_id": view.id, "order_ref": s.order_ref, "tote": f"F{n}"},
            actor,
            s.order_ref,
        )
        for n, s in enumerate(view.cart)
    ]
    finish = Event("picklist.finished", {"pick_list_id": view.id}, actor)
    central.record([*bound, finish])  # too early: tasks are open
    assert row(demo_central, pick_lists, view.id).status == "assigned"
    central.record([confirm(view, t, t.quantity) for t in view.tasks])
    central.record([Event("picklist.finished", {"pick_list_id": view.id}, actor)])
    assert row(demo_central, pick_lists, view.id).status == "done"
    with demo_central.engine.connect() as conn:
        refs = [s.order_ref for s in view.cart]
        statuses = conn.execute(select(orders.c.status).where(orders.c.id.in_(refs))).scalars()
        assert set(statuses) == {"picked"}
        states = conn.execute(select(totes.c.status).where(totes.c.code.like("F%"))).scalars()
        assert list(states) == ["ready"] * len(view.cart)
    assert central.tote_in_use("F0", refs[-1]) and not central.tote_in_use("F0", refs[0])


def test_a_tote_bound_elsewhere_meanwhile_becomes_a_tote_conflict(demo_central):
    central = backend(demo_central)
    mine = central.my_pick_list(PIA)
    bens = backend(demo_central, "PICK-02").my_pick_list(BEN)
    a, b = mine.cart[0], bens.cart[0]
    central.record(
        [
            Event(
                "tote.bound",
                {"pick_list_id": bens.id, "order_ref": b.order_ref, "tote": "T77"},
                Actor(BEN.name, "PICK-02"),
            )
        ]
    )
    central.record(
        [
            Event(
                "tote.bound",
                {"pick_list_id": mine.id, "order_ref": a.order_ref, "tote": "T77"},
                Actor(PIA.name, "PICK-01"),
            )
        ]
    )
    with demo_central.engine.connect() as conn:
        kinds = conn.execute(select(exceptions.c.kind, exceptions.c.order_ref)).all()
        owner = conn.execute(select(totes.c.order_id).where(totes.c.code == "T77")).scalar()
    assert ("tote_conflict", a.order_ref) in kinds and owner == b.order_ref


def _stock_id(central, task) -> int:
    return row(central, allocations, row(central, pick_tasks, task.id).allocation_id).stock_id


def _claim_at_once(central) -> dict[str, int]:
    """Every picker asks for work at the same moment, each on its own thread."""
    start, claimed, errors = threading.Barrier(len(PICKERS)), {}, []

    def claim(user):
        try:
            start.wait()
            claimed[user.badge] = backend(central, f"S-{user.badge}").my_pick_list(user).id
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=claim, args=(u,)) for u in PICKERS]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    return claimed


PG_URL = os.environ.get("SHIPSHAPE_TEST_PG_URL")


@pytest.mark.skipif(not PG_URL, reason="SHIPSHAPE_TEST_PG_URL is not set: PostgreSQL claim test")
def test_claims_on_postgresql_skip_locked_rows():
    server = make_url(normalize_url(PG_URL))
    name = f"shipshape_pick_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        central = open_central(server.set(database=name).render_as_string(hide_password=False))
        demo.seed_demo(central.uow(), central.setup_identity())
        lists = _claim_at_once(central)
        assert len(set(lists.values())) == len(PICKERS)
        central.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
