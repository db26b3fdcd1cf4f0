"""Asking for counts: the one entry point every kind of scheduling calls (a lead's range, a
short pick, ABC classes via app/domain/count_plan.py), inside the caller's transaction.

Kept apart from app/services/counting.py (which applies counts) so the picking appliers can
ask for a count without importing the count appliers.
"""

from __future__ import annotations

from app.domain.counting import CountReason
from app.domain.events import Actor, Event, utcnow
from app.services.ports import UnitOfWork


def schedule_counts(
    uow: UnitOfWork, locations: list[str], reason: CountReason | str, actor: Actor
) -> list[int]:
    """A count task for each of these locations that has no unfinished one (one count of a
    location at a time); unknown codes are left out. The new tasks' ids, audited."""
    codes = [code for code in dict.fromkeys(locations) if code]
    if not codes:
        return []
    added = uow.counts.add_tasks(codes, str(reason), actor.user, utcnow())
    if added:
        payload = {"reason": str(reason), "tasks": added, "locations": codes}
        uow.events.add_all([Event("count.scheduled", payload, actor)])
    return added
