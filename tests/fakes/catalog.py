"""The product catalog in memory: which SKUs exist (db/catalog_repo.py SqlCatalogRepository)."""

from __future__ import annotations

from collections.abc import Iterable

from tests.fakes.state import FakeState


class FakeCatalog:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def known_skus(self, skus: Iterable[str]) -> set[str]:
        return set(skus) & self._state.skus
