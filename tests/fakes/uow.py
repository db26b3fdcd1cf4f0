"""An in-memory unit of work: the repositories use cases and fact appliers need, over dicts.

Same contract as db.uow.SqlUnitOfWork (app.services.ports.UnitOfWork): `with uow:` opens work;
leaving the block without `commit()` throws its changes away, and the repositories exist only
inside the block. A repository a test does not need is absent: reaching it fails loudly
instead of answering wrongly.
"""

from __future__ import annotations

import copy
from types import TracebackType
from typing import Self

from tests.fakes.catalog import FakeCatalog
from tests.fakes.customers import FakeCustomers
from tests.fakes.dispatch import FakeDispatch
from tests.fakes.events import FakeEventLog
from tests.fakes.orders import FakeOrders
from tests.fakes.packing import FakePacking
from tests.fakes.picking import FakePicking
from tests.fakes.settings import FakeSettings
from tests.fakes.state import FakeState
from tests.fakes.stock import FakeStock
from tests.fakes.users import FakeUsers

REPOSITORIES = (
    "orders",
    "catalog",
    "stock",
    "users",
    "events",
    "settings",
    "packing",
    "picking",
    "dispatch",
    "customers",
)


class FakeUnitOfWork:
    """`state` is what is committed; a block works on a copy and keeps it only on commit."""

    def __init__(self) -> None:
        self.state = FakeState()
        self.commits = 0
        self._work: FakeState | None = None

    def __enter__(self) -> Self:
        assert self._work is None, "a unit of work is not entered twice at once"
        work = self._work = copy.deepcopy(self.state)
        self.orders = FakeOrders(work)
        self.catalog = FakeCatalog(work)
        self.stock = FakeStock(work)
        self.users = FakeUsers(work)
        self.events = FakeEventLog(work)
        self.settings = FakeSettings(work)
        self.packing = FakePacking(work)
        self.picking = FakePicking(work)
        self.dispatch = FakeDispatch(work)
        self.customers = FakeCustomers(work)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._work = None
        for name in REPOSITORIES:  # outside the block there is no transaction to work in
            delattr(self, name)

    def commit(self) -> None:
        assert self._work is not None, "commit outside `with uow:`"
        self.state = copy.deepcopy(self._work)
        self.commits += 1
