"""The ABC count plan run on the demo site (SQLite): `shipshape count-schedule --abc` and the
use case behind it read the picks in the plan's window, the stock and the last counts, and
schedule the locations due that day (docs/stock.md "Count plan")."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, insert, select, update

from app.cli import main
from app.domain.count_plan import CountClass, classify, location_class
from app.domain.users import Role, User
from app.errors import NotAllowed
from app.services.count_abc import schedule_abc_counts
from db.schema import count_tasks, events, locations, pick_tasks, products, stock
from tests.integration.counting.story import LEAD

DAY = date(2026, 12, 4)
LEAD_BADGE, LEAD_PIN = "1011", "694907"


def local(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def picks_in_the_window(central, day: date) -> Counter:
    """The demo's pick tasks confirmed over the weeks before `day` (one in ten long before,
    outside the 90-day window, and so not counted); the pick lines per SKU in the window."""
    in_window: Counter = Counter()
    with central.engine.begin() as conn:
        rows = conn.execute(
            select(pick_tasks.c.id, pick_tasks.c.quantity, products.c.sku).join(
                products, products.c.id == pick_tasks.c.product_id
            )
        ).all()
        for n, row in enumerate(rows):
            old = n % 10 == 0
            when = day - timedelta(days=120 if old else 1 + n % 60)
            conn.execute(
                update(pick_tasks)
                .where(pick_tasks.c.id == row.id)
                .values(status="done", picked=row.quantity, picked_at=local(when))
            )
            if not old:
                in_window[row.sku] += 1
    return in_window


def location_classes(central, picks: Counter) -> dict[str, CountClass]:
    """What each location holding stock should be, worked out here from the rows."""
    with central.engine.connect() as conn:
        rows = conn.execute(
            select(locations.c.code, products.c.sku)
            .join(locations, locations.c.id == stock.c.location_id)
            .join(products, products.c.id == stock.c.product_id)
            .where(stock.c.on_hand > 0)
        ).all()
    held: dict[str, list[str]] = {}
    for code, sku in rows:
        held.setdefault(code, []).append(sku)
    classes = classify(picks)
    return {code: location_class(skus, classes) for code, skus in held.items()}


def slot_days(codes: list[str], interval: int, first: date) -> dict[str, date]:
    """Location i of n (code order) is due when the day's ordinal mod interval is i·interval//n."""
    slots = {}
    for rank, code in enumerate(sorted(codes)):
        slot = rank * interval // len(codes)
        slots[code] = next(
            first + timedelta(days=k)
            for k in range(interval)
            if (first + timedelta(days=k)).toordinal() % interval == slot
        )
    return slots


def task_count(central) -> int:
    with central.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(count_tasks)).scalar_one()


def test_a_locations_are_due_once_a_month_on_their_own_day(demo_central):
    picks = picks_in_the_window(demo_central, DAY)
    expected = location_classes(demo_central, picks)
    a_codes = [code for code, c in expected.items() if c is CountClass.A]
    assert 10 < len(a_codes) < len(expected)  # the demo's picks make a real A class
    days_of: dict[str, list[date]] = {}
    for k in range(30):
        day = DAY + timedelta(days=k)
        done = schedule_abc_counts(demo_central.uow(), LEAD, day, "desk")
        assert done.day == day and done.locations == sorted(done.locations)
        for code, count_class in done.classes.items():
            assert count_class is expected[code], code
            days_of.setdefault(code, []).append(day)
    slots = slot_days(a_codes, 30, DAY)
    assert {code: days_of.get(code) for code in a_codes} == {
        code: [slots[code]] for code in a_codes
    }
    # B and C locations come round too, spread: not all on the first day.
    scheduled = Counter(expected[code] for code in days_of)
    assert scheduled[CountClass.B] > 0 and scheduled[CountClass.C] > 0
    assert max(Counter(d for ds in days_of.values() for d in ds).values()) < len(expected) / 20


def test_the_first_run_schedules_the_due_locations_and_a_second_adds_nothing(demo_central):
    picks_in_the_window(demo_central, DAY)
    first = schedule_abc_counts(demo_central.uow(), LEAD, DAY, "desk")
    assert first.locations and len(first.added) == len(first.locations)
    with demo_central.engine.connect() as conn:
        rows = conn.execute(
            select(locations.c.code, count_tasks.c.reason, count_tasks.c.status).join(
                locations, locations.c.id == count_tasks.c.location_id
            )
        ).all()
    assert sorted(rows) == [(code, "abc", "open") for code in first.locations]
    again = schedule_abc_counts(demo_central.uow(), LEAD, DAY, "desk")
    assert again.added == [] and again.locations == first.locations
    assert task_count(demo_central) == len(first.added)
    # The clerks count one that morning: the lead's second press still adds nothing.
    with demo_central.engine.begin() as conn:
        conn.execute(
            update(count_tasks)
            .where(count_tasks.c.id == first.added[0])
            .values(status="done", closed_at=local(DAY, 10))
        )
    third = schedule_abc_counts(demo_central.uow(), LEAD, DAY, "desk")
    assert third.added == [] and len(third.locations) == len(first.locations) - 1


def test_a_location_whose_last_count_is_a_whole_interval_old_is_due(demo_central):
    picks = picks_in_the_window(demo_central, DAY)
    expected = location_classes(demo_central, picks)
    a_codes = sorted(code for code, c in expected.items() if c is CountClass.A)
    slots = slot_days(a_codes, 30, DAY)
    late = next(code for code in a_codes if slots[code] != DAY)  # not its day by the slots
    with demo_central.engine.begin() as conn:
        location_id = conn.execute(
            select(locations.c.id).where(locations.c.code == late)
        ).scalar_one()
        conn.execute(
            insert(count_tasks).values(
                location_id=location_id,
                reason="range",
                status="done",
                created_at=local(DAY - timedelta(days=31)),
                created_by=LEAD.name,
                closed_at=local(DAY - timedelta(days=30), 9),
            )
        )
    done = schedule_abc_counts(demo_central.uow(), LEAD, DAY, "desk")
    assert done.classes[late] is CountClass.A
    # Counted 29 days ago instead: not due yet.
    with demo_central.engine.begin() as conn:
        conn.execute(update(count_tasks).values(closed_at=local(DAY - timedelta(days=29))))
    assert late not in schedule_abc_counts(demo_central.uow(), LEAD, DAY, "desk").classes


def test_only_a_lead_runs_the_plan(demo_central):
    picks_in_the_window(demo_central, DAY)
    picker = User("李娜", Role.PICKER, "1001")
    with pytest.raises(NotAllowed):
        schedule_abc_counts(demo_central.uow(), picker, DAY, "desk")
    assert task_count(demo_central) == 0


def cli(central, capsys, *args: str):
    code = main(["count-schedule", *args, "--database", str(central.engine.url)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_schedules_the_days_counts_as_json(demo_central, capsys):
    picks_in_the_window(demo_central, DAY)
    args = ("--abc", "--day", DAY.isoformat(), "--badge", LEAD_BADGE, "--pin", LEAD_PIN)
    code, out, _ = cli(demo_central, capsys, *args, "--json")
    assert code == 0
    record = json.loads(out)
    assert record["day"] == "2026-12-04" and set(record["classes"]) == {"A", "B", "C"}
    assert sum(record["classes"].values()) == len(record["locations"]) > 0
    assert len(record["tasks"]) == len(record["locations"]) == task_count(demo_central)
    first = record["locations"][0]
    assert set(first) == {"location", "class"} and first["class"] in "ABC"
    code, out, _ = cli(demo_central, capsys, *args)
    assert code == 0 and out.startswith(f"2026-12-04: 0 count task(s) for {len(record['tasks'])}")
    assert task_count(demo_central) == len(record["tasks"])


def test_cli_refuses_bad_input_and_a_pickers_badge_changing_nothing(demo_central, capsys):
    picks_in_the_window(demo_central, DAY)
    with demo_central.engine.connect() as conn:
        events_before = conn.execute(select(func.count()).select_from(events)).scalar_one()
    lead = ("--badge", LEAD_BADGE, "--pin", LEAD_PIN)
    bad = [
        ("--abc", "--day", "2026-13-04", *lead),
        ("--abc", "--day", "tomorrow", *lead),
        ("--abc", "--from", "A01-001-L-1", "--to", "A01-001-L-2", *lead),
        ("--from", "A01-001-L-1", *lead),
        ("--from", "A01-001-L-1", "--to", "A01-001-L-2", "--day", "2026-12-04", *lead),
        (*lead,),
    ]
    for args in bad:
        code, out, err = cli(demo_central, capsys, *args)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, (args, err)
    code, out, err = cli(demo_central, capsys, "--abc", "--badge", "1001", "--pin", "1234")
    assert code == 1 and out == "" and "lead" in err
    assert task_count(demo_central) == 0
    with demo_central.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(events)).scalar_one() == events_before
