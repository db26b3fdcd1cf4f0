"""Labour standards from the exact route: how long a pick list should take. Pure: no I/O.

A pick list's *work time* (what a typical picker needs without breaks) is

    route metres ÷ walking speed + lines × seconds per line + scans × seconds per scan
    + seconds per list (cart set-up and hand-off)

where the route metres are the exact route's (`pick_lists.distance_m`) and scans are item scans
(one per unit; the location and tote scans of a line are in the per-line time). The *standard*
(the fair target) is the work time plus an allowance for personal needs, fatigue and delay
(13 % by default). A picker-hour's percentage of standard is the standard seconds of the work
done in that hour ÷ 3,600 s (÷ the part of the hour inside the report's range, for the hour in
progress): 100 % means exactly the standard's pace; a picker who never stops reaches about
100 + allowance. See docs/lead.md "Labour standards".

Each coefficient is set by a lead (`shipshape labour-settings --set FILE`) or learnt from the
site's finished pick lists (`--learn`, app/domain/labour_fit.py), which also stores each
picker's pace (their time ÷ the work time): the board's estimated finish uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

LABOUR_KEY = "labour_standard"  # the settings row (`shipshape labour-settings`)
MIN_LINES_FOR_OWN_PACE = 3  # below this many lines done a list's own pace is mostly noise


@dataclass(frozen=True)
class Work:
    """What a pick list (or a part of it) asks of a picker."""

    metres: float = 0.0
    lines: float = 0.0
    scans: float = 0.0
    lists: float = 0.0  # 1 for a whole list; a share of it for a part

    def __add__(self, other: Work) -> Work:
        return Work(
            self.metres + other.metres,
            self.lines + other.lines,
            self.scans + other.scans,
            self.lists + other.lists,
        )

    def scaled(self, share: float) -> Work:
        return Work(self.metres * share, self.lines * share, self.scans * share, self.lists * share)


@dataclass(frozen=True)
class LabourStandard:
    walk_speed_m_s: float = 1.0
    seconds_per_line: float = 12.0
    seconds_per_scan: float = 2.0
    seconds_per_list: float = 60.0
    allowance_pct: float = 13.0
    # Each picker's time ÷ work time, learnt with the coefficients (1.0: the typical picker).
    paces: dict[str, float] = field(default_factory=dict)
    learnt_from: int = 0  # finished lists the last fit used; 0: set by hand or the defaults

    def work_seconds(self, work: Work) -> float:
        return (
            work.metres / self.walk_speed_m_s
            + work.lines * self.seconds_per_line
            + work.scans * self.seconds_per_scan
            + work.lists * self.seconds_per_list
        )

    def standard_seconds(self, work: Work) -> float:
        return self.work_seconds(work) * (1 + self.allowance_pct / 100)

    def pace(self, picker: str | None) -> float:
        return self.paces.get(picker or "", 1.0)

    def predicted_seconds(self, work: Work, picker: str | None) -> float:
        """How long this picker will most likely take (no allowance: a prediction, not a target)."""
        return self.work_seconds(work) * self.pace(picker)

    def problems(self) -> list[str]:
        """What makes a standard unusable (empty: fine)."""
        found = []
        if not 0.1 <= self.walk_speed_m_s <= 5:
            found.append(f"walk_speed_m_s {self.walk_speed_m_s}: between 0.1 and 5")
        for name in ("seconds_per_line", "seconds_per_scan", "seconds_per_list"):
            if not 0 <= getattr(self, name) <= 3600:
                found.append(f"{name} {getattr(self, name)}: between 0 and 3600")
        if not 0 <= self.allowance_pct <= 100:
            found.append(f"allowance_pct {self.allowance_pct}: between 0 and 100")
        found += [
            f"pace of {p} {v}: between 0.2 and 5"
            for p, v in self.paces.items()
            if not 0.2 <= v <= 5
        ]
        return found

    def as_dict(self) -> dict:
        return {
            "walk_speed_m_s": round(self.walk_speed_m_s, 4),
            "seconds_per_line": round(self.seconds_per_line, 3),
            "seconds_per_scan": round(self.seconds_per_scan, 3),
            "seconds_per_list": round(self.seconds_per_list, 3),
            "allowance_pct": round(self.allowance_pct, 3),
            "paces": {p: round(v, 4) for p, v in sorted(self.paces.items())},
            "learnt_from": self.learnt_from,
        }

    @classmethod
    def from_dict(cls, value: dict | None) -> LabourStandard:
        """A stored or typed document; missing keys keep the defaults. Raises ValueError/TypeError
        on a value that is not a number."""
        value = value or {}
        base = cls()
        numbers = {
            name: float(value.get(name, getattr(base, name)))
            for name in (
                "walk_speed_m_s",
                "seconds_per_line",
                "seconds_per_scan",
                "seconds_per_list",
                "allowance_pct",
            )
        }
        paces = {str(p): float(v) for p, v in (value.get("paces") or {}).items()}
        return cls(**numbers, paces=paces, learnt_from=int(value.get("learnt_from", 0)))

    def with_changes(self, **changes) -> LabourStandard:
        return replace(self, **changes)


DEFAULT_STANDARD = LabourStandard()


def remaining_work(work: Work, total_lines: int, lines_left: int, scans_left: float) -> Work:
    """The part of a list still to do: its walking in proportion to the lines left, the set-up
    only while nothing was picked."""
    if total_lines <= 0:
        return Work()
    share = lines_left / total_lines
    started = lines_left < total_lines
    return Work(work.metres * share, lines_left, scans_left, 0.0 if started else work.lists)


@dataclass(frozen=True)
class Progress:
    """An open list as the board knows it."""

    work: Work  # the whole list
    done: int
    total: int
    scans_left: float
    started: datetime | None
    picker: str | None


def estimated_finish(
    standard: LabourStandard, progress: Progress, now: datetime
) -> datetime | None:
    """The remaining work at the picker's pace: the list's own pace (elapsed ÷ work done) once
    a few lines are done, else the assignee's learnt pace."""
    p = progress
    if p.total == 0 or p.done >= p.total:
        return None
    left = remaining_work(p.work, p.total, p.total - p.done, p.scans_left)
    pace = standard.pace(p.picker)
    if p.started is not None and p.started <= now and p.done >= MIN_LINES_FOR_OWN_PACE:
        done_work = standard.work_seconds(p.work) - standard.work_seconds(left)
        elapsed = (now - p.started).total_seconds()
        if done_work > 0 and elapsed > 0:
            pace = elapsed / done_work
    begin = p.started if p.started and p.started > now else now
    return begin + timedelta(seconds=standard.work_seconds(left) * pace)


@dataclass(frozen=True)
class EarnedHour:
    """The work one picker confirmed in one clock hour (each line carries its list's walking
    and set-up in proportion: metres ÷ lines, 1 ÷ lines)."""

    user: str
    hour: datetime
    work: Work


@dataclass(frozen=True)
class HourPerformance:
    user: str
    hour: datetime
    standard_s: float
    seconds: float = 3600.0  # the part of the hour inside the range (the current hour: so far)

    @property
    def percent(self) -> float:
        return 100.0 * self.standard_s / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class PickerPerformance:
    user: str
    hours: tuple[HourPerformance, ...]

    @property
    def percent(self) -> float:
        """Over the range: standard seconds earned ÷ the hours with work (as lines/hour)."""
        if not self.hours:
            return 0.0
        return sum(h.percent for h in self.hours) / len(self.hours)


def performance(
    standard: LabourStandard,
    rows: list[EarnedHour],
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[PickerPerformance]:
    """Per picker (by name), their hours oldest first; rows of one picker-hour are summed. An
    hour cut by the range's start or end (the hour in progress) counts only its part inside."""
    summed: dict[tuple[str, datetime], Work] = {}
    for row in rows:
        key = (row.user, row.hour)
        summed[key] = summed.get(key, Work()) + row.work
    by_user: dict[str, list[HourPerformance]] = {}
    for (user, hour), work in sorted(summed.items()):
        by_user.setdefault(user, []).append(
            HourPerformance(user, hour, standard.standard_seconds(work), _inside(hour, start, end))
        )
    return [PickerPerformance(u, tuple(h)) for u, h in sorted(by_user.items())]


def _inside(hour: datetime, start: datetime | None, end: datetime | None) -> float:
    """Seconds of [hour, hour + 1 h) inside [start, end); at least a minute."""
    begin, finish = hour, hour + timedelta(hours=1)
    if start is not None and start > begin:
        begin = start
    if end is not None and end < finish:
        finish = end
    return max((finish - begin).total_seconds(), 60.0)
