"""Applying counts at central, and what a lead decides about them (docs/stock.md "Counting").

`apply_stock_counted` is the central applier of `stock.counted` facts (registered in
app/services/fact_appliers.py): exactly once per fact, in the fact engine's transaction, from a
station, the sync thread or `shipshape count`. Counting races picks: both change on-hand
through the ledger, each with its time on the floor. A count made at `t` sets

    on_hand := counted + Σ delta of the row's ledger rows (not counts) that happened after t

— the picks and moves made after the count but applied before it — and stamps the row
`counted_at = t`; a pick made before `t` that arrives later changes nothing (its units were
already gone when they were counted: db/pick_stock.py `flush`). An older count arriving after a
newer one changes nothing but is recorded. Station clocks are trusted to within the time
between a pick and a count at the same shelf: that is the known limit (clock skew).
"""

from __future__ import annotations

from datetime import date, datetime

from app.domain.counting import (
    TOLERANCE_KEY,
    CountedLine,
    CountReason,
    CountStatus,
    LineVariance,
    Outcome,
    Tolerance,
    compare,
    outcome,
)
from app.domain.events import Actor, Event, utcnow
from app.domain.fact_payloads import StockCounted
from app.domain.stock_ledger import Movement, MovementKind, counted_since
from app.services.count_release import release_excess
from app.services.count_tasks import schedule_counts
from app.services.ports import UnitOfWork
from app.services.replenishment import replenish_if_low

VARIANCE = "count_variance"  # the lead's queue item of a confirmed variance


def current_tolerance(uow: UnitOfWork) -> Tolerance:
    return Tolerance.from_dict(uow.settings.value(TOLERANCE_KEY))


def apply_stock_counted(uow: UnitOfWork, fact: Event) -> None:
    count_location(uow, fact)


def count_location(uow: UnitOfWork, fact: Event) -> tuple[dict, Outcome, list[LineVariance]]:
    """Apply one count; the task it belongs to (made for an unplanned count), what it did and
    its lines (counted, expected when it was made)."""
    counted = StockCounted.of(fact)
    location = counted.location
    if not uow.counts.known_locations([location]):
        details = {"location": location, "counted_by": fact.actor.user, "uuid": fact.uuid}
        uow.picking.add_exception("count_unknown_location", None, None, details, fact.occurred_at)
        return {}, Outcome.ADJUSTED, []
    task = _task_of(uow, counted, fact.actor)
    attempt = 2 if task["status"] in (CountStatus.RECOUNT, CountStatus.APPROVAL) else 1
    lines = [CountedLine.from_dict(x) for x in counted.lines]
    variances, rows = variances_at(uow, location, lines, fact.occurred_at)
    result = outcome(variances, attempt, current_tolerance(uow))
    record = _record(fact, variances)
    values: dict = {"first_count": record} if attempt == 1 else {"second_count": record}
    if attempt == 1:
        values["counted_by"] = fact.actor.user
    if result is Outcome.ADJUSTED:
        adjust(uow, location, variances, rows, fact)
        values |= {"status": CountStatus.DONE.value, "closed_at": utcnow()}
    elif result is Outcome.RECOUNT:
        values["status"] = CountStatus.RECOUNT.value
    else:
        values["status"] = CountStatus.APPROVAL.value
        _ask_the_lead(uow, task, record, fact)
    uow.counts.update_task(task["id"], **values)
    uow.events.add_all([_audit(fact, task["id"], result, variances)])
    return uow.counts.task(task["id"]) or task, result, variances


def _task_of(uow: UnitOfWork, counted: StockCounted, actor: Actor) -> dict:
    """The task the count answers: the one named, else the location's unfinished one, else a
    new unplanned task (a count of a closed task is a new count all the same)."""
    task = uow.counts.lock_task(counted.count_task_id) if counted.count_task_id else None
    if task is None or task["status"] in (CountStatus.DONE, CountStatus.CANCELLED):
        task = uow.counts.unfinished_at(counted.location)
    if task is None:
        (task_id,) = schedule_counts(uow, [counted.location], CountReason.UNPLANNED, actor)
        task = uow.counts.lock_task(task_id)
    assert task is not None
    return task


def variances_at(
    uow: UnitOfWork, location: str, lines: list[CountedLine], at: datetime
) -> tuple[list[LineVariance], dict]:
    """Each line against what the system had at the location when the count was made (on hand
    now less what changed there since). Rows counted later than `at` are left as they are."""
    rows = {(r["sku"], r["lot"]): r for r in uow.counts.lock_location(location)}
    newer = {key for key, r in rows.items() if counted_since(r["counted_at"], at)}
    expected = {
        key: r["on_hand"] - uow.counts.changed_after(location, key[0], key[1], at)
        for key, r in rows.items()
        if key not in newer
    }
    fresh = [line for line in lines if (line.sku, line.lot) not in newer]
    return compare(fresh, expected), rows


def adjust(
    uow: UnitOfWork, location: str, variances: list[LineVariance], rows: dict, fact: Event
) -> list[int]:
    """Set each line's on-hand from the count (a COUNT ledger row with the variance), stamp
    it counted, end its hold, and give back reservations beyond what is there. The orders now
    waiting for stock."""
    at, waiting = fact.occurred_at, []
    for line in variances:
        row = rows.get((line.sku, line.lot))
        after = max(line.counted + uow.counts.changed_after(location, line.sku, line.lot, at), 0)
        before = row["on_hand"] if row else 0
        expiry = date.fromisoformat(line.expiry) if line.expiry else None
        movement = Movement(
            MovementKind.COUNT,
            location,
            line.sku,
            line.lot,
            after - before,
            fact.actor,
            at,
            fact.uuid,
        )
        uow.stock.change(movement, expiry)
        item = uow.stock.get(location, line.sku, line.lot)
        assert item is not None and item.id is not None
        uow.counts.mark_counted(item.id, at, expiry)
        if item.reserved > after:
            waiting += release_excess(uow, item.id, item.reserved - after, fact)
    replenish_if_low(uow, [location], "count")  # a pick face counted below its min
    return waiting


def _record(fact: Event, variances: list[LineVariance]) -> dict:
    return {
        "fact_id": fact.uuid,
        "counted_by": fact.actor.user,
        "station": fact.actor.station,
        "occurred_at": fact.occurred_at.isoformat(),
        "lines": [x.as_dict() | {"expiry": x.expiry} for x in variances],
    }


def _ask_the_lead(uow: UnitOfWork, task: dict, second: dict, fact: Event) -> None:
    """The second count confirmed a variance beyond the tolerance: the lead's queue item with
    expected, first and second count per line."""
    first = {
        (x["sku"], x["lot"]): x["counted"] for x in (task["first_count"] or {}).get("lines", [])
    }
    lines = [
        {
            "sku": x["sku"],
            "lot": x["lot"],
            "expected": x["expected"],
            "first": first.get((x["sku"], x["lot"]), 0),
            "second": x["counted"],
        }
        for x in second["lines"]
    ]
    details = {"count_task_id": task["id"], "location": task["location"], "lines": lines}
    details |= {"counted_by": fact.actor.user, "station": fact.actor.station}
    uow.picking.add_exception(VARIANCE, None, None, details, fact.occurred_at)


def _audit(fact: Event, task_id: int, result: Outcome, variances: list[LineVariance]) -> Event:
    payload = {
        "count_task_id": task_id,
        "location": StockCounted.of(fact).location,
        "status": result.value,
        "lines": [x.as_dict() for x in variances],
        "fact": fact.uuid,
    }
    return Event("count.applied", payload, fact.actor)
