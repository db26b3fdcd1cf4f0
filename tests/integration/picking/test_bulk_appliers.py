"""Bulk appliers change central exactly as applying the same facts one by one would.

A station pushes hundreds of scans per batch and `pick.confirmed` / `pick.undone` are applied a
run at a time (app.services.facts). Here a random mix of picking facts over two carts, with
repeats, over-picks, put-backs, shorts and totes, goes into two copies of the same database:
one as a single batch, one fact per transaction. Every row the facts touch must come out equal.
"""

from __future__ import annotations

import random
import shutil
import uuid
from collections import Counter

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.events import Actor, Event
from app.services import demo, facts
from app.services.picking_central import CentralPickingBackend
from db.engine import normalize_url
from db.schema import events, exceptions, order_lines, orders, pick_lists, pick_tasks, stock, totes
from tests.integration.picking.test_central_picking import BEN, PIA
from tests.pg.conftest import PG_URL


def random_facts(views: dict, rng: random.Random, count: int) -> list[Event]:
    """Scans as pickers make them: mostly confirmations, some put-backs, shorts and totes."""
    made = []
    for _ in range(count):
        who, view = rng.choice(list(views.items()))
        task = rng.choice(view.tasks)
        actor = Actor(who.name, f"PICK-{who.badge[-2:]}")
        base = {"pick_list_id": view.id, "task_id": task.id}
        roll = rng.random()
        if roll < 0.7:
            payload, kind = (
                {**base, "quantity": rng.choice([1, 1, 1, 2, task.quantity])},
                "confirmed",
            )
        elif roll < 0.85:
            payload, kind = {**base, "quantity": 1}, "undone"
        elif roll < 0.95:
            found = rng.randint(0, 1)
            payload = {**base, "found": found, "shortfall": 1, "reason": "empty"}
            kind = "short"
        else:
            slot = rng.choice(view.cart)
            payload = {
                "pick_list_id": view.id,
                "order_ref": slot.order_ref,
                "tote": f"T{rng.randint(1, 6):05d}",
            }
            made.append(Event("tote.bound", payload, actor, slot.order_ref))
            continue
        made.append(Event(f"pick.{kind}", payload, actor, task.order_ref))
    return made


def outcome(engine) -> dict:
    """Everything picking facts change, in a comparable form (no ids of new rows, no times)."""
    with engine.connect() as conn:
        rows = {
            table.name: sorted(tuple(r) for r in conn.execute(select(*cols)))
            for table, cols in [
                (
                    pick_tasks,
                    [
                        pick_tasks.c.id,
                        pick_tasks.c.picked,
                        pick_tasks.c.short,
                        pick_tasks.c.status,
                        pick_tasks.c.picked_by,
                        pick_tasks.c.seq,
                    ],
                ),
                (stock, [stock.c.id, stock.c.on_hand, stock.c.reserved]),
                (order_lines, [order_lines.c.id, order_lines.c.picked, order_lines.c.allocated]),
                (pick_lists, [pick_lists.c.id, pick_lists.c.status, pick_lists.c.version]),
                (orders, [orders.c.id, orders.c.status, orders.c.reason]),
                (totes, [totes.c.code, totes.c.order_id, totes.c.status]),
                (
                    exceptions,
                    [exceptions.c.kind, exceptions.c.order_ref, exceptions.c.pick_task_id],
                ),
            ]
        }
        log = conn.execute(
            select(events.c.kind, events.c.order_ref, events.c.user_name, events.c.station)
        )
        rows["events"] = Counter(tuple(r) for r in log)
    return rows


def claim_two_carts(url: str) -> dict:
    central = open_central(url)
    views = {
        who: CentralPickingBackend(central.uow, "PICK-01").my_pick_list(who) for who in (PIA, BEN)
    }
    central.close()
    return views


def assert_bulk_equals_one_by_one(batch_url: str, single_url: str, made: list[Event]) -> None:
    batch, single = open_central(batch_url), open_central(single_url)
    facts.apply_facts(batch.uow(), made)
    for fact in made:
        facts.apply_facts(single.uow(), [fact])
    try:
        assert outcome(batch.engine) == outcome(single.engine)
        picked = outcome(batch.engine)["pick_tasks"]
        assert any(row[1] for row in picked), "the facts picked nothing: the test proves nothing"
    finally:
        batch.close()
        single.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_on_sqlite_a_batch_of_picking_facts_equals_applying_them_one_by_one(
    seeded_demo, tmp_path, seed
):
    first, second = tmp_path / "batch.sqlite", tmp_path / "single.sqlite"
    shutil.copy(seeded_demo, first)
    views = claim_two_carts(f"sqlite:///{first}")
    shutil.copy(first, second)
    made = random_facts(views, random.Random(seed), 300)
    assert_bulk_equals_one_by_one(f"sqlite:///{first}", f"sqlite:///{second}", made)


@pytest.mark.skipif(not PG_URL, reason="SHIPSHAPE_TEST_PG_URL is not set")
def test_on_postgresql_a_batch_of_picking_facts_equals_applying_them_one_by_one():
    server = make_url(normalize_url(PG_URL))
    names = [f"shipshape_test_bulk_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    urls = [server.set(database=n).render_as_string(hide_password=False) for n in names]
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{names[0]}"'))
        central = open_central(urls[0])
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _line: None)
        central.close()
        views = claim_two_carts(urls[0])
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{names[1]}" TEMPLATE "{names[0]}"'))
        made = random_facts(views, random.Random(7), 400)
        assert_bulk_equals_one_by_one(urls[0], urls[1], made)
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
