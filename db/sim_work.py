"""Pick work for `shipshape simulate --warehouses N`: a unit of work whose allocation reserves
one warehouse's stock for one channel's orders.

Allocation chooses the warehouse that ships an order by the site's rules (app/domain/sourcing.py):
any warehouse with the stock could take a simulated order. A load test of several warehouses
needs released work in each, so it allocates its own orders (channel `sim-<CODE>`) with the
same use case (app/services/allocation.py) on this unit of work: the stock rows it may lock
are that warehouse's, the received orders it claims are that channel's. Nothing else uses it.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from app.domain.catalog import StockItem
from app.domain.orders import Order, OrderStatus
from db.orders_repo import SqlOrderRepository
from db.schema import orders, warehouses
from db.stock_repo import SqlStockRepository
from db.uow import SqlUnitOfWork


class _OneWarehouseStock(SqlStockRepository):
    def __init__(self, connection, now, warehouse: str) -> None:
        super().__init__(connection, now)
        self.warehouse = warehouse

    def lock_for_allocation(
        self, skus: set[str], warehouse_id: int | None = None
    ) -> list[StockItem]:
        """As the allocator's own query, of this warehouse alone."""
        home = select(warehouses.c.id).where(warehouses.c.code == self.warehouse)
        return super().lock_for_allocation(skus, self.connection.execute(home).scalar_one())


class _OneChannelOrders(SqlOrderRepository):
    def __init__(self, connection, now, channel: str) -> None:
        super().__init__(connection, now)
        self.channel = channel

    def claim_received(self, limit: int) -> list[Order]:
        query = (
            select(orders)
            .where(orders.c.status == OrderStatus.RECEIVED.value, orders.c.channel == self.channel)
            .order_by(orders.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return self._load(query)


class SimAllocation(SqlUnitOfWork):
    """`allocation.allocate(SimAllocation(engine, "SIM2", "sim-SIM2"))` allocates the received orders of
    channel `sim-SIM2` from SIM2's stock. The site's settings (review rules, carriers) are the
    first warehouse's, as for every other order."""

    def __init__(self, engine: Engine, warehouse: str, channel: str) -> None:
        super().__init__(engine)
        self.home, self.channel = warehouse, channel

    def __enter__(self) -> SimAllocation:
        super().__enter__()
        self.stock = _OneWarehouseStock(self.connection, self._now, self.home)
        self.orders = _OneChannelOrders(self.connection, self._now, self.channel)
        return self
