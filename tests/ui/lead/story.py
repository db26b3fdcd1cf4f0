"""A believable shift on the demo database, for screenshots: the first wave's eight carts
picked (ten minutes apart), packed and loaded through the real use cases, three carriers
collected one after another (tests/ui/lead/real_flow.py: the KPIs' facts; the fourth
carrier's parcels still wait at the dock), then the whole history moved three hours back
(tests/ui/lead/history.py: ship-by times move with it, so orders of the second wave are late
by their own ship-by); pickers part-way through their lists, a short pick and a printer
failure written straight to the tables for the board and the queue (state, no events: every
figure on the KPI tab comes from the real flow).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert, select, update

from db.schema import (
    exceptions,
    locations,
    order_lines,
    pick_lists,
    pick_tasks,
    products,
    users,
)
from tests.ui.lead.history import rewind
from tests.ui.lead.real_flow import ship_for_real


def play_shift(engine: Engine) -> None:
    with engine.begin() as conn:  # the orders came in half an hour before the first cart
        rewind(conn, timedelta(minutes=30))
    ship_for_real(engine, carts=8)  # the KPIs' facts: picked, packed, loaded and collected
    now = datetime.now(UTC)
    with engine.begin() as conn:
        rewind(conn, timedelta(hours=3))
        lists = _pickers_on_their_lists(conn, now)
        _problems(conn, now, lists)


def _pickers_on_their_lists(conn, now) -> list[int]:
    """The second wave's carts claimed over the last half hour, six of them part-way picked
    (the board's state; the KPIs do not read it). Returns the open lists."""
    pickers = conn.execute(
        select(users.c.id, users.c.name).where(users.c.role == "picker").order_by(users.c.id)
    ).all()
    open_lists = pick_lists.c.status.not_in(("done", "cancelled"))
    lists = (
        conn.execute(select(pick_lists.c.id).where(open_lists).order_by(pick_lists.c.id))
        .scalars()
        .all()
    )
    for n, list_id in enumerate(lists[:8]):
        picker_id, picker = pickers[n % len(pickers)]
        started = now - timedelta(minutes=10 + 4 * n)
        conn.execute(
            update(pick_lists)
            .where(pick_lists.c.id == list_id)
            .values(
                assignee_id=picker_id,
                status="picking" if n < 6 else "assigned",
                claimed_at=started,
                version=pick_lists.c.version + 1,
            )
        )
        _tasks_done(conn, list_id, picker, started, tenths=9 - n)
    return lists


def _tasks_done(conn, list_id: int, picker: str, started, tenths: int) -> None:
    """The first `tenths` tenths of the list's tasks done, one every 40 s from `started`."""
    tasks = conn.execute(
        select(pick_tasks.c.id, pick_tasks.c.quantity)
        .where(pick_tasks.c.pick_list_id == list_id)
        .order_by(pick_tasks.c.seq)
    ).all()
    for k, (task_id, quantity) in enumerate(tasks[: (len(tasks) * tenths) // 10]):
        at = started + timedelta(seconds=40 * (k + 1))
        conn.execute(
            update(pick_tasks)
            .where(pick_tasks.c.id == task_id)
            .values(status="done", picked=quantity, picked_by=picker, picked_at=at)
        )


def _problems(conn, now, lists) -> None:
    task = conn.execute(
        select(
            pick_tasks.c.id,
            pick_tasks.c.quantity,
            pick_tasks.c.order_line_id,
            products.c.sku,
            locations.c.code.label("location"),
        )
        .join(products, products.c.id == pick_tasks.c.product_id)
        .join(locations, locations.c.id == pick_tasks.c.location_id)
        .where(pick_tasks.c.pick_list_id == lists[0], pick_tasks.c.status == "open")
        .order_by(pick_tasks.c.seq)
    ).first()
    if task is not None:
        order_ref = conn.execute(
            select(order_lines.c.order_id).where(order_lines.c.id == task.order_line_id)
        ).scalar()
        conn.execute(
            update(pick_tasks)
            .where(pick_tasks.c.id == task.id)
            .values(status="short", short=task.quantity, picked_by="Chen Wei", picked_at=now)
        )
        conn.execute(
            insert(exceptions).values(
                kind="short_pick",
                status="open",
                order_ref=order_ref,
                pick_task_id=task.id,
                details={  # as the short-pick applier writes them (a summary is derived)
                    "pick_list_id": lists[0],
                    "location": task.location,
                    "sku": task.sku,
                    "found": 0,
                    "shortfall": task.quantity,
                    "reason": "empty",
                    "reported_by": "Chen Wei",
                    "suggestion": "reallocate",
                },
                created_at=now - timedelta(minutes=6),
                note="",
            )
        )
    conn.execute(
        insert(exceptions).values(
            kind="printer_failure",
            status="open",
            order_ref=None,
            details={  # a label.failed fact's payload, as the packing station records it
                "job_id": "376130321109103420-label",
                "sscc": "376130321109103420",
                "carton": 1,
                "printer": "pack-2-label",
                "message": "out of labels",
            },
            created_at=now - timedelta(minutes=3),
            note="",
        )
    )
