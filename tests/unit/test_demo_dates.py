"""The demo's orders are seeded relative to the day it runs: a fresh demo is not all late."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.services.demo import DEMO_DIR, as_of
from app.services.order_files import read_order_file


def test_ship_by_dates_fall_today_and_tomorrow_with_only_a_few_late():
    now = datetime(2031, 5, 14, 9, 30, tzinfo=UTC)
    drafts = as_of(read_order_file(DEMO_DIR / "orders.csv"), now)
    arrived = [datetime.fromisoformat(d.header["order_date"]) for d in drafts]
    ship_by = [datetime.fromisoformat(d.header["ship_by"]) for d in drafts]
    assert max(arrived) <= now and min(arrived) >= now.replace(hour=0)
    assert {s.date() for s in ship_by} <= {now.date(), now.replace(day=15).date()}
    late = sum(s < now for s in ship_by)
    assert late < len(drafts) * 0.05  # a realistic few, not the whole queue


def test_an_unreadable_date_is_left_for_intake_to_report():
    drafts = read_order_file(DEMO_DIR / "orders.csv")[:2]
    drafts[1].header["ship_by"] = "soon"
    moved = as_of(drafts, datetime(2031, 5, 14, 9, 30, tzinfo=UTC))
    assert moved[1].header["ship_by"] == "soon"
    assert moved[0].header["ship_by"].startswith("2031-05-")


def test_lots_expire_as_far_ahead_of_a_later_seed_as_of_the_demo_day(tmp_path):
    import csv

    from app.services.demo import DEMO_DAY, lots_as_of

    original = list(csv.DictReader((DEMO_DIR / "stock.csv").open(encoding="utf-8")))
    assert lots_as_of(DEMO_DIR / "stock.csv", DEMO_DAY, tmp_path) == DEMO_DIR / "stock.csv"
    later = DEMO_DAY.replace(year=DEMO_DAY.year + 1)
    moved = list(csv.DictReader(lots_as_of(DEMO_DIR / "stock.csv", later, tmp_path).open()))
    assert [r["lot"] for r in moved] == [r["lot"] for r in original]
    pairs = [
        (a["expiry"], b["expiry"]) for a, b in zip(original, moved, strict=True) if a["expiry"]
    ]
    assert pairs and all(
        (date.fromisoformat(b) - date.fromisoformat(a)).days == (later - DEMO_DAY).days
        for a, b in pairs
    )
