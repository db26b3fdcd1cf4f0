"""Stock rows in memory (db/stock_repo.py SqlStockRepository); what is read is a copy."""

from __future__ import annotations

import copy

from app.domain.catalog import StockItem
from tests.fakes.state import FakeState


class FakeStock:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def lock_for_allocation(
        self, skus: set[str], warehouse_id: int | None = None
    ) -> list[StockItem]:
        """Rows of these SKUs with units free of reservations and holds, by id."""
        return [
            copy.copy(item)
            for _id, item in sorted(self._state.stock.items())
            if item.sku in skus
            and item.on_hand > item.reserved + item.held
            and warehouse_id in (None, item.warehouse_id)
        ]

    def save_reserved(self, items: list[StockItem]) -> None:
        for item in items:
            assert item.id is not None, f"{item} was never stored"
            self._state.stock[item.id].reserved = item.reserved

    def all(self, warehouse_id: int | None = None) -> list[StockItem]:  # one warehouse only
        return [copy.copy(item) for _id, item in sorted(self._state.stock.items())]
