"""The append-only event log, in memory (db/events_repo.py SqlEventLog)."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.events import Event
from tests.fakes.state import FakeState


class FakeEventLog:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def add_all(self, new_events: Iterable[Event]) -> None:
        self._state.events.extend(new_events)

    def add_new(self, facts: list[Event]) -> set[str]:
        """The facts whose UUID is not stored yet go in (once, even if listed twice)."""
        seen = {e.uuid for e in self._state.events}
        fresh: set[str] = set()
        for fact in facts:
            if fact.uuid not in seen | fresh:
                fresh.add(fact.uuid)
                self._state.events.append(fact)
        return fresh

    def by_uuid(self, uuid: str) -> Event | None:
        return next((e for e in self._state.events if e.uuid == uuid), None)

    def first_payloads(self, kind: str, order_refs: Iterable[int]) -> dict[int, dict]:
        wanted, found = set(order_refs), dict[int, dict]()
        for event in self._state.events:
            if event.kind == kind and event.order_ref in wanted:
                found.setdefault(event.order_ref, event.payload)
        return found
