"""Labour standards (docs/lead.md "Labour standards"): read, set by a lead, learn from history,
and each picker-hour as a percentage of the standard."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.events import Actor, Event, utcnow
from app.domain.labour import LABOUR_KEY, LabourStandard, PickerPerformance, performance
from app.domain.labour_fit import MIN_LISTS, Fit, fit_standard, usable_lists
from app.domain.users import User
from app.errors import BadInput
from app.messages import message
from app.services.ports import UnitOfWork
from app.services.users import require_lead

LEARN_DAYS = 30


def current_standard(uow: UnitOfWork) -> LabourStandard:
    """Inside the caller's unit of work."""
    return LabourStandard.from_dict(uow.settings.value(LABOUR_KEY))


def read_standard(uow: UnitOfWork) -> LabourStandard:
    with uow:
        return current_standard(uow)


def set_standard(
    uow: UnitOfWork, lead: User, standard: LabourStandard, station: str
) -> LabourStandard:
    require_lead(lead)
    problems = standard.problems()
    if problems:
        raise BadInput(message("labour.bad_standard", problems="; ".join(problems)))
    with uow:
        _save(uow, standard, Actor(lead.name, station))
        uow.commit()
    return standard


def learn_standard(
    uow: UnitOfWork, lead: User, station: str, days: int = LEARN_DAYS, now: datetime | None = None
) -> Fit:
    """Fit walking speed, seconds per line, per scan and per list, and each picker's pace, from
    the lists finished in the last `days` days; the allowance stays as set. Saved at once."""
    require_lead(lead)
    until = now or utcnow()
    since = until - timedelta(days=days)
    with uow:
        base = current_standard(uow)
        finished = uow.lead.labour.finished_lists(since, until)
        fit = fit_standard(finished, base)
        if fit is None:
            raise BadInput(
                message(
                    "labour.too_few_lists",
                    lists=len(usable_lists(finished)),
                    since=f"{since:%Y-%m-%d}",
                    needed=MIN_LISTS,
                )
            )
        clipped = {p: min(max(v, 0.2), 5.0) for p, v in fit.standard.paces.items()}
        learnt = LabourStandard.from_dict(fit.standard.with_changes(paces=clipped).as_dict())
        problems = learnt.problems()
        if problems:  # e.g. a walking speed no one walks: the history does not fit the model
            raise BadInput(message("labour.bad_standard", problems="; ".join(problems)))
        _save(uow, learnt, Actor(lead.name, station))
        uow.commit()
    return Fit(learnt, fit.lists, fit.breaks_removed_s)


def _save(uow: UnitOfWork, standard: LabourStandard, actor: Actor) -> None:
    uow.settings.save_value(LABOUR_KEY, standard.as_dict())
    uow.events.add_all([Event("labour.standard_set", standard.as_dict(), actor)])


def picker_performance(
    uow: UnitOfWork, start: datetime, end: datetime, warehouse_id: int | None = None
) -> list[PickerPerformance]:
    """Inside the caller's unit of work (the KPI report's); `warehouse_id`: its lines alone."""
    earned = uow.lead.labour.earned_hours(start, end, warehouse_id)
    return performance(current_standard(uow), earned, start, end)
