"""The CRM's customers, in memory (db/customers_repo.py SqlCustomerRepository)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from app.domain.customers import Customer
from tests.fakes.state import FakeState


class FakeCustomers:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def save_all(self, found: list[Customer], now: datetime) -> None:
        for customer in found:
            self._state.customers[customer.customer_id] = customer

    def by_ids(self, ids: Iterable[str]) -> dict[str, Customer]:
        return {i: self._state.customers[i] for i in set(ids) if i in self._state.customers}
