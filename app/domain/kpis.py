"""Shift-lead KPIs, computed from rows the database already summed up. Pure: no I/O, no clock.

The repository reduces a range of events to small rows (one per person, kind and clock hour;
one per shipped order; one per pick list) so that a month of a million events arrives here as a
few thousand rows. Everything below is arithmetic a lead can redo on paper:

- lines/hour and units/hour: a person's lines (units) divided by the clock hours in which they
  recorded any work of that kind (an hour with one confirmed pick counts as a working hour);
- pick accuracy: refused scans per 1,000 scans, where scans = confirmed pick lines + refused scans;
- cycle time: hours from import (orders.received_at) to the `order.shipped` event, median and p90
  (linear interpolation between ranks, like `statistics.quantiles(method="inclusive")`);
- shipped vs due: orders whose ship-by falls on a day, and how many of them shipped by it;
- walking saved: S-shape metres minus routed metres over the pick lists released in the range.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.domain.labour import PickerPerformance

# How long a pick list takes, for the preview and the board's estimated finish. Documented in
# docs/lead.md: an average walking pace between locations, plus time at the shelf per line.
WALK_SPEED_M_S = 1.0
SECONDS_PER_LINE = 20.0


def estimated_pick_seconds(distance_m: float, lines: int) -> float:
    return distance_m / WALK_SPEED_M_S + lines * SECONDS_PER_LINE


def estimated_finish(
    started: datetime | None, done: int, total: int, distance_m: float, now: datetime
) -> datetime | None:
    """When a pick list should be done: its own pace once lines are done, else the estimate."""
    if total == 0 or done >= total:
        return None
    if started is not None and done > 0:
        elapsed = max((now - started).total_seconds(), 0.0)
        return now + timedelta(seconds=elapsed / done * (total - done))
    remaining = estimated_pick_seconds(distance_m * (total - done) / total, total - done)
    return (started if started and started > now else now) + timedelta(seconds=remaining)


@dataclass(frozen=True)
class ActivityRow:
    """One person's work of one kind ("pick" or "pack") in one clock hour."""

    user: str
    kind: str
    hour: datetime
    lines: int
    units: int


@dataclass(frozen=True)
class Rate:
    user: str
    kind: str
    lines: int
    units: int
    hours: int

    @property
    def lines_per_hour(self) -> float:
        return self.lines / self.hours if self.hours else 0.0

    @property
    def units_per_hour(self) -> float:
        return self.units / self.hours if self.hours else 0.0


def rates(rows: list[ActivityRow]) -> list[Rate]:
    """Per person and kind, sorted by kind then by lines/hour (best first)."""
    totals: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0, set()])
    for row in rows:
        entry = totals[(row.user, row.kind)]
        entry[0] += row.lines
        entry[1] += row.units
        entry[2].add(row.hour)
    found = [
        Rate(u, k, lines, units, len(hours)) for (u, k), (lines, units, hours) in totals.items()
    ]
    return sorted(found, key=lambda r: (r.kind, -r.lines_per_hour, r.user))


def mis_scans_per_1000(good_scans: int, refused_scans: int) -> float | None:
    scans = good_scans + refused_scans
    return None if scans == 0 else 1000.0 * refused_scans / scans


def quantile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (q in 0..1); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class CycleTime:
    orders: int
    median_h: float | None
    p90_h: float | None


def cycle_time(pairs: list[tuple[datetime, datetime]]) -> CycleTime:
    """From (imported, shipped) pairs; hours."""
    hours = [(shipped - imported).total_seconds() / 3600 for imported, shipped in pairs]
    return CycleTime(len(hours), quantile(hours, 0.5), quantile(hours, 0.9))


@dataclass(frozen=True)
class DueDay:
    day: date
    due: int
    shipped_on_time: int

    @property
    def missed(self) -> int:
        return self.due - self.shipped_on_time


def shipped_vs_due(rows: list[tuple[datetime, datetime | None]]) -> list[DueDay]:
    """From (ship_by, shipped_at or None) per order due in the range; one entry per day."""
    days: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for ship_by, shipped_at in rows:
        entry = days[_naive(ship_by).date()]
        entry[0] += 1
        if shipped_at is not None and _naive(shipped_at) <= _naive(ship_by):
            entry[1] += 1
    return [DueDay(day, due, on_time) for day, (due, on_time) in sorted(days.items())]


def _naive(moment: datetime) -> datetime:
    """UTC without tzinfo: SQLite gives naive datetimes back, PostgreSQL aware ones."""
    if moment.tzinfo is None:
        return moment
    return moment.replace(tzinfo=None) - (moment.utcoffset() or timedelta())


@dataclass(frozen=True)
class DistanceSaved:
    pick_lists: int
    routed_m: float
    sshape_m: float

    @property
    def saved_m(self) -> float:
        return self.sshape_m - self.routed_m

    @property
    def saved_percent(self) -> float | None:
        return None if self.sshape_m <= 0 else 100.0 * self.saved_m / self.sshape_m


def distance_saved(rows: list[tuple[float, float]]) -> DistanceSaved:
    """From (routed metres, S-shape metres) per pick list."""
    return DistanceSaved(len(rows), sum(r for r, _ in rows), sum(s for _, s in rows))


@dataclass
class KpiReport:
    start: datetime
    end: datetime
    rates: list[Rate] = field(default_factory=list)
    good_scans: int = 0
    refused_scans: int = 0
    cycle: CycleTime = CycleTime(0, None, None)
    due_days: list[DueDay] = field(default_factory=list)
    distance: DistanceSaved = DistanceSaved(0, 0.0, 0.0)
    # Each picker's hours as a percentage of the labour standard (app/domain/labour.py).
    performance: list[PickerPerformance] = field(default_factory=list)

    @property
    def mis_scans_per_1000(self) -> float | None:
        return mis_scans_per_1000(self.good_scans, self.refused_scans)


def csv_rows(report: KpiReport) -> list[list[str]]:
    """The report as CSV rows: section, name, value columns (one table a spreadsheet can pivot)."""
    rows = [["section", "name", "metric", "value"]]
    rows += [["range", "", "from", report.start.isoformat()]]
    rows += [["range", "", "to", report.end.isoformat()]]
    for r in report.rates:
        for metric, value in (
            ("lines", r.lines),
            ("units", r.units),
            ("hours", r.hours),
            ("lines_per_hour", f"{r.lines_per_hour:.2f}"),
            ("units_per_hour", f"{r.units_per_hour:.2f}"),
        ):
            rows.append([f"{r.kind}_rate", r.user, metric, str(value)])
    accuracy = report.mis_scans_per_1000
    rows += [
        ["accuracy", "", "scans", str(report.good_scans + report.refused_scans)],
        ["accuracy", "", "mis_scans", str(report.refused_scans)],
        ["accuracy", "", "mis_scans_per_1000", "" if accuracy is None else f"{accuracy:.2f}"],
        ["cycle_time", "", "orders", str(report.cycle.orders)],
        ["cycle_time", "", "median_h", _number(report.cycle.median_h)],
        ["cycle_time", "", "p90_h", _number(report.cycle.p90_h)],
    ]
    for day in report.due_days:
        rows.append(["cutoff", day.day.isoformat(), "due", str(day.due)])
        rows.append(["cutoff", day.day.isoformat(), "shipped_on_time", str(day.shipped_on_time)])
    d = report.distance
    rows += [
        ["walking", "", "pick_lists", str(d.pick_lists)],
        ["walking", "", "routed_m", f"{d.routed_m:.1f}"],
        ["walking", "", "sshape_m", f"{d.sshape_m:.1f}"],
        ["walking", "", "saved_m", f"{d.saved_m:.1f}"],
        ["walking", "", "saved_percent", _number(d.saved_percent)],
    ]
    for p in report.performance:
        rows.append(["standard", p.user, "percent", f"{p.percent:.1f}"])
        for h in p.hours:
            rows.append(["standard", p.user, f"percent_{h.hour:%Y-%m-%dT%H}", f"{h.percent:.1f}"])
    return rows


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
