"""Pick work for `shipshape simulate --warehouses N`: a unit of work whose allocation reserves
one warehouse's stock for one channel's orders.

Allocation reserves only the first warehouse's stock until orders say which warehouse ships
them (issue 22; db/stock_repo.py `lock_for_allocation`). A load test of several warehouses
needs released work in each, so it allocates its own orders (channel `sim-<CODE>`) with the
same use case (app/services/allocation.py) on this unit of work: the stock rows it may lock
are that warehouse's, the received orders it claims are that channel's. Nothing else uses it.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from app.domain.catalog import StockItem
from app.domain.orders import Order, OrderStatus
from db.orders_repo import SqlOrderRepository
from db.schema import locations, orders, products, stock, warehouses
from db.stock_repo import SqlStockRepository, stock_item, stock_query
from db.uow import SqlUnitOfWork


class _OneWarehouseStock(SqlStockRepository):
    def __init__(self, connection, now, warehouse: str) -> None:
        super().__init__(connection, now)
        self.warehouse = warehouse

    def lock_for_allocation(self, skus: set[str]) -> list[StockItem]:
        """As the allocator's own query, with this warehouse in place of the first."""
        home = select(warehouses.c.id).where(warehouses.c.code == self.warehouse)
        query = (
            stock_query()
            .where(
                locations.c.warehouse_id == home.scalar_subquery(),
                products.c.sku.in_(list(skus)),
                stock.c.on_hand > stock.c.reserved + stock.c.held,
            )
            .order_by(stock.c.id)
            .with_for_update(of=stock)
        )
        return [stock_item(r) for r in self.connection.execute(query)]


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
