"""A lead's daily ABC counts (docs/stock.md "Count plan"): the pure count plan
(app/domain/count_plan.py) over what central holds — pick lines over the plan's window, the
stock on hand per location, each location's last count — and a count task for each location
due that day.

Days are the site's local calendar days (the machine's time zone, as the lead's screens show
them): a pick confirmed at 00:30 local time belongs to that day, whatever UTC says.

Any thread; the lead console runs it on the database worker.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

from app.domain.count_plan import (
    DEFAULT_PLAN,
    CountClass,
    CountPlan,
    classify,
    due_locations,
    location_class,
    pick_window,
)
from app.domain.counting import CountReason
from app.domain.events import Actor
from app.domain.users import User
from app.services.count_tasks import schedule_counts
from app.services.ports import UnitOfWork
from app.services.users import require_lead


@dataclass(frozen=True)
class AbcScheduled:
    day: date
    classes: dict[str, CountClass]  # each location due that day -> its class, in code order
    added: list[int]  # new task ids (a location with an unfinished count keeps that one)

    @property
    def locations(self) -> list[str]:
        return list(self.classes)

    def per_class(self) -> dict[str, int]:
        """How many locations of each class are due (every class named, 0 included)."""
        counted = Counter(self.classes.values())
        return {str(c): counted[c] for c in CountClass}

    def record(self) -> dict:
        """The CLI's --json line (docs/interfaces.md §13)."""
        return {
            "day": self.day.isoformat(),
            "locations": [{"location": code, "class": str(c)} for code, c in self.classes.items()],
            "tasks": self.added,
            "classes": self.per_class(),
        }


def schedule_abc_counts(
    uow: UnitOfWork, lead: User, day: date, station: str, plan: CountPlan = DEFAULT_PLAN
) -> AbcScheduled:
    """Count tasks (reason `abc`) for the locations due on `day`. A location counted on `day`
    or later is left out, so running it again the same day adds nothing even after the clerks
    finished the morning's counts."""
    require_lead(lead)
    first, last = pick_window(day, plan)
    with uow:
        picks = uow.counts.pick_lines(_local_midnight(first), _local_midnight(last))
        holdings = uow.counts.holdings()
        last_counted = {code: _local_day(at) for code, at in uow.counts.last_counts().items()}
        classes = classify(picks, plan)
        due = [
            code
            for code in due_locations(day, holdings, classes, plan, last_counted)
            if last_counted.get(code, date.min) < day
        ]
        added = schedule_counts(uow, due, CountReason.ABC, Actor(lead.name, station))
        uow.commit()
    return AbcScheduled(day, {code: location_class(holdings[code], classes) for code in due}, added)


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()
