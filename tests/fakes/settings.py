"""Settings documents, in memory (db/settings_repo.py SqlSettings)."""

from __future__ import annotations

from typing import Any

from app.domain.review_rules import ReviewRules
from tests.fakes.state import FakeState


class FakeSettings:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def review_rules(self) -> ReviewRules:
        return self._state.review_rules

    def save_review_rules(self, rules: ReviewRules) -> None:
        self._state.review_rules = rules

    def save_value(self, key: str, value: Any) -> None:
        self._state.values[key] = value

    def value(self, key: str) -> Any:
        return self._state.values.get(key)
