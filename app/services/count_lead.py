"""What a shift lead does with counts (docs/stock.md "Counting"): schedule a range of
locations, set the tolerance, approve a confirmed variance or order another count. Each checks
the lead's role here, in the use case, and is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.counting import (
    TOLERANCE_KEY,
    CountedLine,
    CountReason,
    CountStatus,
    Tolerance,
)
from app.domain.events import Actor, Event, utcnow
from app.domain.users import User
from app.errors import BadInput
from app.messages import message
from app.services import allocation
from app.services.count_tasks import schedule_counts
from app.services.counting import adjust, variances_at
from app.services.ports import UnitOfWork
from app.services.users import require_lead

# The count_variance item's resolutions.
APPROVE, RECOUNT, KEEP = "approve_count", "recount", "acknowledge"


@dataclass(frozen=True)
class Scheduled:
    locations: list[str]  # every location in the range
    added: list[int]  # new task ids (a location with an unfinished count keeps that one)


def schedule_range(uow: UnitOfWork, lead: User, first: str, last: str, station: str) -> Scheduled:
    require_lead(lead)
    first, last = first.strip(), last.strip()
    with uow:
        codes = uow.counts.location_range(first, last)
        if not codes:
            raise BadInput(message("count.no_locations", first=first, last=last))
        added = schedule_counts(uow, codes, CountReason.RANGE, Actor(lead.name, station))
        uow.commit()
    return Scheduled(codes, added)


def set_tolerance(uow: UnitOfWork, lead: User, tolerance: Tolerance, station: str) -> Tolerance:
    require_lead(lead)
    if tolerance.max_units < 0 or not 0 <= tolerance.max_pct <= 100:
        raise BadInput(
            message("count.bad_tolerance", units=tolerance.max_units, pct=tolerance.max_pct)
        )
    with uow:
        uow.settings.save_value(TOLERANCE_KEY, tolerance.as_dict())
        event = Event("count.tolerance_set", tolerance.as_dict(), Actor(lead.name, station))
        uow.events.add_all([event])
        uow.commit()
    return tolerance


def settle_variance(uow: UnitOfWork, lead: User, details: dict, resolution: str, station: str):
    """Inside the caller's transaction (the exceptions queue's resolve): approve the second
    count (stock set from it, as of when it was made), send the location back to be counted
    again, or keep stock as it is (`acknowledge`: the task closes, nothing changes; also what
    closes an item whose task a later count settled already). Returns (what changed, orders
    now waiting for stock)."""
    require_lead(lead)
    task = uow.counts.lock_task(int(details["count_task_id"])) or {"status": "gone"}
    waiting = task["status"] == CountStatus.APPROVAL
    if resolution == KEEP:
        if waiting:
            _close_unchanged(uow, task, Actor(lead.name, station))
        return message("outcome.acknowledged"), []
    if not waiting:
        shown = task["status"]
        raise BadInput(message("count.not_awaiting", id=details["count_task_id"], status=shown))
    actor, location = Actor(lead.name, station), task["location"]
    if resolution == RECOUNT:
        uow.counts.update_task(task["id"], status=CountStatus.RECOUNT.value)
        uow.events.add_all([Event("count.recount_ordered", {"count_task_id": task["id"]}, actor)])
        return message("outcome.recount_ordered", location=location), []
    released = _approve(uow, task, actor)
    return message("outcome.count_approved", location=location), released


def _close_unchanged(uow: UnitOfWork, task: dict, actor: Actor) -> None:
    uow.counts.update_task(
        task["id"], status=CountStatus.DONE.value, approved_by=actor.user, closed_at=utcnow()
    )
    uow.events.add_all([Event("count.kept", {"count_task_id": task["id"]}, actor)])


def _approve(uow: UnitOfWork, task: dict, actor: Actor) -> list[int]:
    second = task["second_count"]
    lines = [CountedLine.from_dict(x) for x in second["lines"]]
    when = datetime.fromisoformat(second["occurred_at"])
    # The ledger names the count fact; the lead is who set the figure.
    source = Event("count.approved", {}, actor, occurred_at=when, uuid=second["fact_id"])
    variances, rows = variances_at(uow, task["location"], lines, when)
    waiting = adjust(uow, task["location"], variances, rows, source)
    uow.counts.update_task(
        task["id"], status=CountStatus.DONE.value, approved_by=actor.user, closed_at=utcnow()
    )
    settled = [x.as_dict() for x in variances]
    payload = {"count_task_id": task["id"], "location": task["location"], "lines": settled}
    uow.events.add_all([Event("count.approved", payload, actor)])
    return waiting


def retry_released(uow: UnitOfWork, refs: list[int], actor: Actor) -> None:
    """Orders a count left without their units: allocated elsewhere now, if stock allows."""
    if refs:
        allocation.retry_waiting(uow, actor, only=set(refs))
