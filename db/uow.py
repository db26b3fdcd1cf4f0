"""The SQLAlchemy unit of work: one connection and transaction per `with uow:` block."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from app.domain.events import utcnow
from app.errors import Conflict
from app.messages import message
from db.catalog_repo import SqlCatalogRepository
from db.counts_repo import SqlCountRepository
from db.customers_repo import SqlCustomerRepository
from db.dispatch_repo import SqlDispatchRepository
from db.events_repo import SqlEventLog
from db.labels_repo import SqlLabelRepository
from db.lead_repo import SqlLeadRepository
from db.moves_repo import SqlMovesRepository
from db.orders_repo import SqlOrderRepository
from db.packing_repo import SqlPackingRepository
from db.picking_repo import SqlPickingRepository
from db.receiving_repo import SqlReceivingRepository
from db.returns_desk_repo import SqlReturnsDeskRepository
from db.returns_repo import SqlReturnsRepository
from db.settings_repo import SqlSettings
from db.stock_repo import SqlStockRepository
from db.sync_repo import SqlSyncRepository
from db.users_repo import SqlUserRepository
from db.warehouses_repo import SqlWarehouseRepository, WarehouseScope
from db.waves_repo import SqlWaveRepository


class SqlUnitOfWork:
    """Leaving the block without `commit()` rolls back. Re-enterable: each block is new work.

    Runs on whichever thread enters it (the station's database worker, a CLI command, the sync
    thread); never on the UI thread.
    """

    def __init__(
        self, engine: Engine, now: Callable[[], datetime] = utcnow, warehouse: str | None = None
    ) -> None:
        self.engine = engine
        self._now = now
        self.warehouse = warehouse  # whose site settings and label counters: None, the first
        self.connection = None

    def __enter__(self) -> SqlUnitOfWork:
        self.connection = self.engine.connect()
        self._transaction = self.connection.begin()
        self.orders = SqlOrderRepository(self.connection, self._now)
        scope = WarehouseScope(self.connection, self.warehouse)
        self.catalog = SqlCatalogRepository(self.connection, scope)
        self.stock = SqlStockRepository(self.connection, self._now)
        self.users = SqlUserRepository(self.connection)
        self.events = SqlEventLog(self.connection)
        self.warehouses = SqlWarehouseRepository(self.connection, scope)
        self.settings = SqlSettings(self.connection, scope)
        self.waves = SqlWaveRepository(self.connection)
        self.packing = SqlPackingRepository(self.connection, self._now, scope)
        self.lead = SqlLeadRepository(self.connection)
        self.picking = SqlPickingRepository(self.connection, self._now, scope)
        self.sync = SqlSyncRepository(self.connection, scope)
        self.dispatch = SqlDispatchRepository(self.connection, scope)
        self.labels = SqlLabelRepository(self.connection)
        self.customers = SqlCustomerRepository(self.connection)
        self.receiving = SqlReceivingRepository(self.connection, self._now, scope)
        self.moves = SqlMovesRepository(self.connection, self._now, self.picking.flush, scope)
        self.counts = SqlCountRepository(self.connection, scope)
        self.returns_desk = SqlReturnsDeskRepository(self.connection, scope)
        self.returns = SqlReturnsRepository(self.connection, scope)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self._transaction.is_active:
                self._transaction.rollback()
        finally:
            self.connection.close()
            self.connection = None
        if isinstance(exc, IntegrityError):
            raise Conflict(message("db.conflict", detail=str(exc.orig))) from exc

    def commit(self) -> None:
        try:
            self.picking.flush()  # stock taken by picks: locked last, held for milliseconds
            self._transaction.commit()
        except IntegrityError as exc:
            raise Conflict(message("db.conflict", detail=str(exc.orig))) from exc

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


__all__ = ["SqlUnitOfWork", "OperationalError"]
