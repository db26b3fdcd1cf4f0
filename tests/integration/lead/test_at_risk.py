"""Orders at risk on a real database: the floor's pace from the real flow of the last hour (demo
orders picked and packed through the use cases), the prediction worked again by hand from what
the database holds, told once as `order.at_risk`, first in the lead's queue, and settled by
prioritising."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from app.domain.at_risk import pace_of, work_order
from app.domain.events import Actor, utcnow
from app.domain.users import Role, User
from app.services.lead import at_risk
from app.services.lead.console import LeadConsole
from db.schema import events, orders
from station.demo_dispatch import pack_demo_orders
from station.demo_packing import demo_central
from tests.picking_script import pick_a_whole_list

LEAD = User("Maria Jansen", Role.LEAD, "1011")


def test_an_order_that_cannot_make_it_is_told_once_and_first(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    try:
        pick_a_whole_list(central)  # the last hour's work, the floor's pace: a cart picked
        pack_demo_orders(central, 4)  # and four orders packed
        now = utcnow()
        with central.uow() as uow:
            work = uow.lead.risk.work_since(now - timedelta(hours=1))
            waiting = sorted(uow.lead.risk.open_orders(), key=work_order)
        assert {(w.kind, w.user) for w in work} >= {("pick", "李娜")}
        assert sum(w.kind == "pack" for w in work) == 4
        pace = pace_of(work, now)  # the rates the prediction uses, checked below by hand
        lines, packs = pace.pick_lines_per_hour, pace.packs_per_hour
        assert lines > 0 and packs > 0
        # The last order in the floor's queue is due in ten minutes: it cannot make it.
        last = waiting[-1]
        with central.engine.begin() as conn:
            due = now + timedelta(minutes=10)
            conn.execute(update(orders).where(orders.c.id == last.ref).values(ship_by=due))
        found = at_risk.orders_at_risk(central.uow(), now)
        mine = next(p for p in found if p.order.ref == last.ref)
        # Due soonest, it is worked right after what is on the carts: those lines and its own
        # at the floor's pick rate, then its pack at the floor's pack rate, at the earliest.
        ahead = sum(o.lines_to_pick for o in waiting if o.status in ("released", "picking"))
        earliest = now + timedelta(hours=(ahead + last.lines_to_pick) / lines + 1 / packs)
        assert earliest <= mine.packed_at < earliest + timedelta(hours=len(waiting) / packs)
        assert mine.ships_at > due
        # Told once: the first time it is found, not again.
        actor = Actor(LEAD.name, "LEAD-01")
        first = at_risk.tell_at_risk(central.uow(), actor, now)
        assert last.ref in {p.order.ref for p in first}
        assert at_risk.tell_at_risk(central.uow(), actor, now) == []
        told = select(func.count()).where(
            events.c.kind == "order.at_risk", events.c.order_ref == last.ref
        )
        with central.engine.connect() as conn:
            assert conn.execute(told).scalar_one() == 1
        # First in the lead's queue, and prioritising settles it as for a late order.
        console = LeadConsole(central.uow, LEAD, "LEAD-01")
        queue = console.queue()
        assert queue[0].kind == "at_risk"
        key = f"at_risk:{last.channel}/{last.order_id}"
        assert key in [item.key for item in queue]
        console.resolve(key, "prioritise", "express it")
        with central.engine.connect() as conn:
            priority = conn.execute(select(orders.c.priority).where(orders.c.id == last.ref))
            assert priority.scalar_one() >= 9
    finally:
        central.close()
