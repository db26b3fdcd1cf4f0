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

from app.domain.events import Event
from app.services.ports import UnitOfWork

Applier = Callable[[UnitOfWork, Event], None]
_APPLIERS: dict[str, Applier] = {}


def applies(kind: str) -> Callable[[Applier], Applier]:
    def register(fn: Applier) -> Applier:
        if kind in _APPLIERS and _APPLIERS[kind] is not fn:
            raise RuntimeError(f"two appliers for fact kind {kind!r}")
        _APPLIERS[kind] = fn
        return fn

    return register


def applier_for(kind: str) -> Applier | None:
    import app.services.fact_appliers  # noqa: F401 - registers every feature's appliers

    return _APPLIERS.get(kind)


def apply_facts(uow: UnitOfWork, facts: Iterable[Event]) -> list[str]:
    """Apply the facts central has not seen yet, in one transaction. Returns their UUIDs."""
    facts = list(facts)
    with uow:
        fresh = uow.events.add_new(facts)
        for fact in facts:
            if fact.uuid in fresh:
                fresh.discard(fact.uuid)  # a fact listed twice in one batch applies once
                handler = applier_for(fact.kind)
                if handler is not None:
                    handler(uow, fact)
        uow.commit()
    return [f.uuid for f in facts]


def known_kinds() -> list[str]:
    applier_for("")
    return sorted(_APPLIERS)
