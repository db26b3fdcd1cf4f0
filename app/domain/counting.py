"""Cycle counts: the count task, the tolerance rule and a count's variances (docs/stock.md,
"Counting"). Pure: no I/O, no clock.

A count covers a whole location: every product and lot counted there, and every one the
system has there but nobody counted (counted 0). A variance within the tolerance adjusts stock
at once; a larger one needs a second count, and a second count that confirms it needs a lead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

TOLERANCE_KEY = "count_tolerance"  # the settings row (`shipshape count-settings`)


class CountReason(StrEnum):
    RANGE = "range"  # a lead scheduled a range of locations
    SHORT = "short"  # a picker reported the location empty / the product not found
    ABC = "abc"  # due by the product's ABC class (app/domain/count_plan.py)
    LEAD = "lead"  # a lead asked for another count of a variance
    UNPLANNED = "unplanned"  # a clerk counted a location no task named


class CountStatus(StrEnum):
    OPEN = "open"
    RECOUNT = "recount"  # the first count was beyond the tolerance: count again
    APPROVAL = "approval"  # the second count confirmed it: a lead decides
    DONE = "done"
    CANCELLED = "cancelled"


WAITING_FOR_A_COUNT = (CountStatus.OPEN, CountStatus.RECOUNT)
UNFINISHED = (CountStatus.OPEN, CountStatus.RECOUNT, CountStatus.APPROVAL)


class Outcome(StrEnum):
    """What a count did (the CLI's `status`)."""

    ADJUSTED = "adjusted"
    RECOUNT = "recount"
    APPROVAL = "approval"


@dataclass(frozen=True)
class Tolerance:
    """A variance adjusts at once when it is at most `max_units` units AND at most `max_pct`
    per cent of the expected quantity (so with the defaults, 2 units and 5 %, a variance of
    one unit adjusts at once only where 20 or more are expected). No variance always passes."""

    max_units: int = 2
    max_pct: float = 5.0

    def allows(self, expected: int, counted: int) -> bool:
        variance = abs(counted - expected)
        if variance == 0:
            return True
        return variance <= self.max_units and variance * 100 <= self.max_pct * expected

    def as_dict(self) -> dict:
        return {"max_units": self.max_units, "max_pct": self.max_pct}

    @classmethod
    def from_dict(cls, value: dict | None) -> Tolerance:
        if not value:
            return cls()
        return cls(int(value.get("max_units", 2)), float(value.get("max_pct", 5.0)))


DEFAULT_TOLERANCE = Tolerance()


@dataclass(frozen=True)
class CountedLine:
    """What a clerk counted of one product and lot at the location."""

    sku: str
    lot: str
    counted: int
    expiry: str | None = None  # ISO date, from a GS1 scan

    def as_dict(self) -> dict:
        return {"sku": self.sku, "lot": self.lot, "expiry": self.expiry, "counted": self.counted}

    @classmethod
    def from_dict(cls, value: dict) -> CountedLine:
        return cls(
            str(value["sku"]),
            str(value.get("lot") or ""),
            int(value["counted"]),
            value.get("expiry"),
        )


@dataclass(frozen=True)
class LineVariance:
    sku: str
    lot: str
    expected: int  # what the system had when the count was made
    counted: int
    expiry: str | None = None

    @property
    def variance(self) -> int:
        return self.counted - self.expected

    def as_dict(self) -> dict:
        return {
            "sku": self.sku,
            "lot": self.lot,
            "counted": self.counted,
            "expected": self.expected,
            "variance": self.variance,
        }


def compare(counted: list[CountedLine], expected: dict[tuple[str, str], int]) -> list[LineVariance]:
    """Every product and lot counted or expected at the location: not counted means 0, not
    expected means 0. Lines counted twice (two scans of one product) add up."""
    totals: dict[tuple[str, str], int] = {}
    expiries: dict[tuple[str, str], str | None] = {}
    for line in counted:
        key = (line.sku, line.lot)
        totals[key] = totals.get(key, 0) + line.counted
        expiries[key] = line.expiry or expiries.get(key)
    keys = list(totals) + [k for k in sorted(expected) if k not in totals]
    return [
        LineVariance(
            sku,
            lot,
            expected.get((sku, lot), 0),
            totals.get((sku, lot), 0),
            expiries.get((sku, lot)),
        )
        for sku, lot in keys
    ]


def outcome(lines: list[LineVariance], attempt: int, tolerance: Tolerance) -> Outcome:
    """Within the tolerance on every line: adjust. Else a first count asks for a second, and
    a second that confirms a variance beyond the tolerance goes to a lead."""
    if all(tolerance.allows(x.expected, x.counted) for x in lines):
        return Outcome.ADJUSTED
    return Outcome.RECOUNT if attempt < 2 else Outcome.APPROVAL


@dataclass(frozen=True)
class CountTask:
    id: int
    location: str
    reason: str
    status: str
    created_by: str = ""
    counted_by: str | None = None  # who made the first count (a recount asks for another clerk)


def parse_scan_count(code: str) -> tuple[str, int] | None:
    """`CODE*N` (N units of one product, the CLI's short hand) → (CODE, N); plain CODE → 1.
    None: N is not a whole number from 1."""
    base, star, times = code.rpartition("*")
    if not star:
        return code, 1
    if not times.isdigit() or int(times) < 1 or not base:
        return None
    return base, int(times)
