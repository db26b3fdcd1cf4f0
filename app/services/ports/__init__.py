"""The ports: what the use cases need from the outside, as Protocols the adapters implement.

`db.uow.SqlUnitOfWork` implements UnitOfWork over SQLAlchemy; tests/fakes has an in-memory one
for fast use-case tests. Each repository Protocol lists exactly the methods app/ calls on it, so
mypy (`make lint`) flags a use case that reaches past its contract.
"""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from app.services.ports.carriers import (
    CarrierLabel,
    CarrierLabels,
    LabelRequest,
    Parcel,
    Purchase,
)
from app.services.ports.central import (
    Cursor,
    FactDoor,
    LeadReports,
    LeadRepository,
    SyncRepository,
)
from app.services.ports.counting import CountBackend, CountRepository
from app.services.ports.dispatch import DispatchBackend, DispatchRepository
from app.services.ports.floor import LabelRepository, PackingRepository, PickingRepository
from app.services.ports.moves import MoveBackend, MovesRepository
from app.services.ports.receiving import ReceivingBackend, ReceivingRepository
from app.services.ports.records import (
    CatalogRepository,
    CustomerRepository,
    EventLog,
    OrderRepository,
    Settings,
    StockRepository,
    UserRepository,
    WarehouseRepository,
    WaveRepository,
)
from app.services.ports.returns import ReturnsBackend, ReturnsRepository
from app.services.ports.returns_desk import ReturnsDeskRepository
from app.services.ports.stations import CartonPrinter, PackingBackend, PickingBackend


class UnitOfWork(Protocol):
    """`with uow:` opens a transaction; leaving it without `commit()` rolls back. The
    repositories exist only inside the block.

    They are read-only properties here (an adapter's own repository classes satisfy them; a
    plain attribute in a Protocol would have to be declared with exactly the Protocol's type).
    """

    @property
    def orders(self) -> OrderRepository: ...
    @property
    def catalog(self) -> CatalogRepository: ...
    @property
    def warehouses(self) -> WarehouseRepository: ...
    @property
    def stock(self) -> StockRepository: ...
    @property
    def users(self) -> UserRepository: ...
    @property
    def events(self) -> EventLog: ...
    @property
    def settings(self) -> Settings: ...
    @property
    def waves(self) -> WaveRepository: ...
    @property
    def packing(self) -> PackingRepository: ...
    @property
    def lead(self) -> LeadRepository: ...
    @property
    def picking(self) -> PickingRepository: ...
    @property
    def sync(self) -> SyncRepository: ...
    @property
    def dispatch(self) -> DispatchRepository: ...
    @property
    def labels(self) -> LabelRepository: ...
    @property
    def customers(self) -> CustomerRepository: ...
    @property
    def receiving(self) -> ReceivingRepository: ...
    @property
    def moves(self) -> MovesRepository: ...
    @property
    def counts(self) -> CountRepository: ...
    @property
    def returns_desk(self) -> ReturnsDeskRepository: ...
    @property
    def returns(self) -> ReturnsRepository: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...


__all__ = [
    "ReturnsBackend",
    "WarehouseRepository",
    "ReturnsRepository",
    "ReturnsDeskRepository",
    "CountBackend",
    "CountRepository",
    "CarrierLabel",
    "CarrierLabels",
    "CatalogRepository",
    "Cursor",
    "CustomerRepository",
    "DispatchBackend",
    "DispatchRepository",
    "EventLog",
    "FactDoor",
    "LeadReports",
    "LabelRepository",
    "LabelRequest",
    "LeadRepository",
    "MoveBackend",
    "MovesRepository",
    "OrderRepository",
    "CartonPrinter",
    "PackingBackend",
    "PackingRepository",
    "Parcel",
    "PickingBackend",
    "PickingRepository",
    "Purchase",
    "ReceivingBackend",
    "ReceivingRepository",
    "Settings",
    "StockRepository",
    "SyncRepository",
    "UnitOfWork",
    "UserRepository",
    "WaveRepository",
]
