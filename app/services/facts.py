"""Facts: what happened on the floor (a confirmed pick, a short, a packed item, a printed label),
recorded at a station and applied to the central database exactly once.

A fact is an `Event` with a UUID made at the station. `apply_facts` inserts the facts central
has not seen (keyed by UUID, so a replay changes nothing) and, in the same transaction, runs the
applier registered for each new fact's kind. A fact is never refused for arriving late: the item
was physically picked. Appliers are registered with `@applies("kind")` in the feature modules
that `app.services.fact_appliers` imports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby
from typing import Literal, cast, overload

from app.domain.events import Event
from app.services.ports import UnitOfWork

Applier = Callable[[UnitOfWork, Event], None]
BulkApplier = Callable[[UnitOfWork, list[Event]], None]
AnyApplier = Applier | BulkApplier
_APPLIERS: dict[str, tuple[AnyApplier, bool]] = {}  # kind -> (applier, takes a run of facts)


@overload
def applies(kind: str) -> Callable[[Applier], Applier]: ...
@overload
def applies(kind: str, in_bulk: Literal[False]) -> Callable[[Applier], Applier]: ...
@overload
def applies(kind: str, in_bulk: Literal[True]) -> Callable[[BulkApplier], BulkApplier]: ...


def applies(kind: str, in_bulk: bool = False) -> Callable:
    """Register the applier of one fact kind. An `in_bulk` applier takes a run of consecutive
    facts of its kind at once and must leave central exactly as applying them one by one would:
    a station pushes hundreds of scans per batch, and one query per run beats four per fact."""

    def register(fn: AnyApplier) -> AnyApplier:
        if kind in _APPLIERS and _APPLIERS[kind][0] is not fn:
            raise RuntimeError(f"two appliers for fact kind {kind!r}")
        _APPLIERS[kind] = (fn, in_bulk)
        return fn

    return register


def _registry() -> dict[str, tuple[AnyApplier, bool]]:
    import app.services.fact_appliers  # noqa: F401 - registers every feature's appliers

    return _APPLIERS


def apply_facts(uow: UnitOfWork, facts: Iterable[Event]) -> list[str]:
    """Apply the facts central has not seen yet, in one transaction. Returns their UUIDs."""
    facts = list(facts)
    with uow:
        apply_fresh(uow, facts)
        uow.commit()
    return [f.uuid for f in facts]


def apply_fresh(uow: UnitOfWork, facts: list[Event]) -> list[Event]:
    """Inside the caller's transaction: store the facts central has not seen (keyed by UUID)
    and apply them in the order given. Returns the fresh ones (a replay returns none)."""
    fresh_ids = uow.events.add_new(facts)
    fresh = []
    for fact in facts:
        if fact.uuid in fresh_ids:
            fresh_ids.discard(fact.uuid)  # a fact listed twice in one batch applies once
            fresh.append(fact)
    registry = _registry()
    for kind, run in groupby(fresh, key=lambda fact: fact.kind):
        if kind in registry:
            _run(registry[kind], uow, list(run))
    return fresh


def reapply(uow: UnitOfWork, fact: Event) -> None:
    """Apply a stored fact that was set aside when its applier failed (see
    app.services.sync.set_aside), inside the caller's transaction."""
    registry = _registry()
    if fact.kind in registry:
        _run(registry[fact.kind], uow, [fact])


def _run(entry: tuple[AnyApplier, bool], uow: UnitOfWork, facts: list[Event]) -> None:
    """One registered applier over a run of its kind's facts. `applies`' overloads tie the
    applier's type to `in_bulk`; the casts restate that pairing for the checker."""
    applier, in_bulk = entry
    if in_bulk:
        cast(BulkApplier, applier)(uow, facts)
        return
    for fact in facts:
        cast(Applier, applier)(uow, fact)


def known_kinds() -> list[str]:
    return sorted(_registry())
