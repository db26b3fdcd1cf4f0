"""The picking repository in memory: only the lead's exception items that appliers open (a PIN
lock). Pick tasks and lists are not here (tests/fakes/__init__.py says why)."""

from __future__ import annotations

from datetime import datetime

from tests.fakes.state import FakeState


class FakePicking:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def add_exception(
        self, kind: str, order_ref: int | None, task_id: int | None, details: dict, now: datetime
    ) -> None:
        self._state.add_exception(kind, order_ref, details, now, task_id=task_id)
