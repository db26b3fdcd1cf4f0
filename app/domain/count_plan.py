"""The count plan: which locations are due for a cycle count on a given day (docs/stock.md).

- **ABC classes by pick frequency.** Products are ranked by how often they were picked over the
  plan's window (pick lines, not units). A = the products making the first 80 % of all picks,
  B = the next 15 %, C = the rest, and every product not picked at all. Precisely: in order of
  picks, most first, a product is A while the picks of the products before it are under 80 %
  of all picks (so the product that crosses 80 % is A), B while under 95 %. Equal pick counts
  go in SKU order: the same picks always give the same classes, whatever order they come in,
  and A is never bigger than 80 % needs (a sparse window, where hundreds of products have one
  pick each, must not make them all A and the count work with them).
- **Intervals.** A is counted every 30 days, B every 90, C every 365 (`CountPlan` changes them).
- **A location's class** is that of the most frequently picked class among the products the
  system has there (A before B before C); a product without a class counts as C. A location
  the system holds nothing at is not scheduled.
- **Level work.** Within a class, the locations in code order get their slot days spread
  evenly over the interval (location i of n: day i·interval // n of the cycle), so each day
  counts ⌊n/interval⌋ or ⌈n/interval⌉ of them instead of all on day 1. The cycle runs on the
  calendar (`date.toordinal()`), so any `interval` consecutive days count each location once.
  When locations join or leave a class the slots after them shift (by about interval/n days);
  `last_counted` catches a location whose slot moved past it: it is due once its last count
  is `interval` days old.
- **Short-triggered counts.** A short pick reported empty or not found says the location does
  not hold what the system thinks: count that location the same day (`count_after_short`).
  It is the same set of reasons that hold the location's stock (app/domain/picking.py).

Pure: the caller reads picks, stock and last counts; this module decides. Any thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.domain.picking import HOLDS_LOCATION


class CountClass(StrEnum):
    A = "A"
    B = "B"
    C = "C"


@dataclass(frozen=True)
class CountPlan:
    a_percent: int = 80  # A: the products making the first 80 % of picks
    b_percent: int = 15  # B: the next 15 %; C: the rest
    a_days: int = 30
    b_days: int = 90
    c_days: int = 365
    window_days: int = 90  # picks counted for the classes: the last 90 days

    def interval(self, count_class: CountClass) -> int:
        """Days between two counts of a location of this class."""
        return {CountClass.A: self.a_days, CountClass.B: self.b_days}.get(count_class, self.c_days)


DEFAULT_PLAN = CountPlan()


def pick_frequency(
    picks: Iterable[tuple[str, date]], today: date, plan: CountPlan = DEFAULT_PLAN
) -> Counter[str]:
    """Pick lines per SKU over the plan's window: the `window_days` days before `today`."""
    since, until = pick_window(today, plan)
    return Counter(sku for sku, day in picks if since <= day < until)


def pick_window(today: date, plan: CountPlan = DEFAULT_PLAN) -> tuple[date, date]:
    """The days whose picks make the classes: from the first (included) to the second (not
    included, so `today`'s picks, still coming in, never change today's plan)."""
    return today - timedelta(days=plan.window_days), today


def classify(picks: Mapping[str, int], plan: CountPlan = DEFAULT_PLAN) -> dict[str, CountClass]:
    """The ABC class of each SKU in `picks` (SKU -> pick lines over the window)."""
    total = sum(count for count in picks.values() if count > 0)
    classes: dict[str, CountClass] = {}
    ahead = 0  # the picks of the SKUs before this one
    for sku, count in sorted(picks.items(), key=lambda pair: (-pair[1], pair[0])):
        classes[sku] = _class_of(ahead, total, plan) if count > 0 else CountClass.C
        ahead += max(count, 0)
    return classes


def _class_of(ahead: int, total: int, plan: CountPlan) -> CountClass:
    # Integer percentages: 80 + 15 must be exactly 95, which 0.80 + 0.15 is not in floats.
    if ahead * 100 < plan.a_percent * total:
        return CountClass.A
    if ahead * 100 < (plan.a_percent + plan.b_percent) * total:
        return CountClass.B
    return CountClass.C


def location_class(skus: Iterable[str], classes: Mapping[str, CountClass]) -> CountClass:
    """The class of a location holding these SKUs: its most frequently picked class."""
    return min((classes.get(sku, CountClass.C) for sku in skus), default=CountClass.C)


def due_locations(
    day: date,
    holdings: Mapping[str, Iterable[str]],
    classes: Mapping[str, CountClass],
    plan: CountPlan = DEFAULT_PLAN,
    last_counted: Mapping[str, date] | None = None,
) -> list[str]:
    """The locations to cycle-count on `day`, in code order.

    `holdings`: location -> the SKUs the system has there (a location with none is skipped);
    `classes`: from `classify`; `last_counted`: location -> the day of its last count."""
    by_class: dict[CountClass, list[str]] = {}
    for code in sorted(holdings):
        skus = list(holdings[code])
        if skus:
            by_class.setdefault(location_class(skus, classes), []).append(code)
    last_counted = last_counted or {}
    due = []
    for count_class, codes in by_class.items():
        interval = plan.interval(count_class)
        today = day.toordinal() % interval
        for rank, code in enumerate(codes):
            counted = last_counted.get(code)
            overdue = counted is not None and (day - counted).days >= interval
            if rank * interval // len(codes) == today or overdue:
                due.append(code)
    return sorted(due)


def count_after_short(reason: str) -> bool:
    """A short with this reason sends a counter to the location the same day."""
    return reason in HOLDS_LOCATION
