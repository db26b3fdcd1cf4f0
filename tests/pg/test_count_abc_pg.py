"""The ABC count plan on the real PostgreSQL, run by a lead desk's login with its own grants
(db/roles.sql): it reads the picks, stock and last counts (timestamptz) and schedules the day's
locations, A ones on their slot days; a second run adds nothing (docs/stock.md "Count plan")."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert, select

from app.bootstrap import open_central
from app.domain.count_plan import CountClass
from app.services import demo
from app.services.count_abc import schedule_abc_counts
from db.engine import make_engine
from db.schema import count_tasks, locations
from db.uow import SqlUnitOfWork
from tests.integration.counting.story import LEAD
from tests.integration.counting.test_abc_counts import (
    DAY,
    local,
    location_classes,
    picks_in_the_window,
    slot_days,
)
from tests.integration.sync.support import role_url


def test_a_lead_desk_login_schedules_the_days_abc_counts(pg_url):
    central = open_central(pg_url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
    expected = location_classes(central, picks_in_the_window(central, DAY))
    a_codes = sorted(code for code, c in expected.items() if c is CountClass.A)
    slots = slot_days(a_codes, 30, DAY)
    late = next(code for code in a_codes if slots[code] != DAY)
    with central.engine.begin() as conn:  # counted a whole interval ago: due today as well
        location_id = conn.execute(select(locations.c.id).where(locations.c.code == late))
        conn.execute(
            insert(count_tasks).values(
                location_id=location_id.scalar_one(),
                reason="range",
                status="done",
                created_at=local(DAY - timedelta(days=31)),
                created_by=LEAD.name,
                closed_at=local(DAY - timedelta(days=30), 9),
            )
        )
    engine = make_engine(role_url(pg_url, "shipshape_test_lead_abc", "shipshape_lead"))
    desk = lambda: SqlUnitOfWork(engine)  # noqa: E731
    try:
        done = schedule_abc_counts(desk(), LEAD, DAY, "lead-desk")
        due_a = sorted(code for code, c in done.classes.items() if c is CountClass.A)
        assert due_a == sorted([code for code in a_codes if slots[code] == DAY] + [late])
        assert all(expected[code] is c for code, c in done.classes.items())
        assert len(done.added) == len(done.locations)
        again = schedule_abc_counts(desk(), LEAD, DAY, "lead-desk")
        assert again.added == [] and again.classes == done.classes
    finally:
        engine.dispose()
        central.close()
