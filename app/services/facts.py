"""Facts: what happened on the floor (a confirmed pick, a short, a packed item, a printed label),
recorded at a station and applied to the central database exactly once.

A fact is an `Event` with a UUID made at the station. `apply_facts` inserts the facts central
has not seen (keyed by UUID, so a replay changes nothing) and, in the same transaction, runs the
applier of each new fact's kind (app/services/fact_appliers.py lists them). A fact is never
refused for arriving late: the item was physically picked. A kind central neither applies nor
records only is refused loudly (`UnknownFactKind`), and the caller sets the fact aside.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from app.domain.events import Event
from app.services.fact_appliers import APPLIERS, RECORD_ONLY
from app.services.ports import UnitOfWork


class UnknownFactKind(LookupError):
    """A fact of a kind central neither applies nor records only: a station newer than central,
    or a bug. Raised (never skipped), so the transaction rolls back and the fact is set aside
    for the lead (app.services.sync.set_aside), to be retried once central knows the kind."""

    def __init__(self, fact: Event) -> None:
        super().__init__(f"central does not know fact kind {fact.kind!r} (fact {fact.uuid})")
        self.kind = fact.kind


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
    for kind, run in groupby(fresh, key=lambda fact: fact.kind):
        _apply_run(kind, uow, list(run))
    return fresh


def reapply(uow: UnitOfWork, fact: Event) -> None:
    """Apply a stored fact that was set aside when its applier failed (see
    app.services.sync.set_aside), inside the caller's transaction."""
    _apply_run(fact.kind, uow, [fact])


def _apply_run(kind: str, uow: UnitOfWork, facts: list[Event]) -> None:
    """A run of consecutive facts of one kind: its applier, nothing for a record-only kind."""
    applier = APPLIERS.get(kind)
    if applier is not None:
        applier(uow, facts)
    elif kind not in RECORD_ONLY:
        raise UnknownFactKind(facts[0])
