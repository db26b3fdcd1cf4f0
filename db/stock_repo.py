"""Stock at locations over SQLAlchemy Core: counts, and the rows allocation locks and reserves."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from app.domain.catalog import StockItem
from db.bulk import update_rows
from db.schema import locations, products, stock

_STOCK_COLUMNS = (
    stock.c.id,
    locations.c.code.label("location"),
    products.c.sku,
    stock.c.on_hand,
    stock.c.reserved,
    stock.c.lot,
    stock.c.expiry,
    stock.c.held,
    stock.c.received_at,
)


def stock_query():
    """Stock rows as `stock_item` reads them (the picking repository reads them too)."""
    return (
        select(*_STOCK_COLUMNS)
        .join(locations, locations.c.id == stock.c.location_id)
        .join(products, products.c.id == stock.c.product_id)
    )


def stock_item(row) -> StockItem:
    return StockItem(
        location=row.location,
        sku=row.sku,
        on_hand=row.on_hand,
        reserved=row.reserved,
        lot=row.lot,
        expiry=row.expiry,
        id=row.id,
        held=row.held,
        received_at=row.received_at,
    )


class SqlStockRepository:
    def __init__(self, connection: Connection, now) -> None:
        self.connection = connection
        self._now = now

    def get(self, location: str, sku: str, lot: str) -> StockItem | None:
        query = stock_query().where(
            locations.c.code == location, products.c.sku == sku, stock.c.lot == lot
        )
        row = self.connection.execute(query).first()
        return stock_item(row) if row else None

    def set_on_hand(self, item: StockItem) -> None:
        """A count: the on-hand figure is what is there, so a hold from a short pick ends."""
        if item.id is not None:
            self.connection.execute(
                update(stock)
                .where(stock.c.id == item.id)
                .values(on_hand=item.on_hand, expiry=item.expiry, held=0)
            )
            return
        location_id = self.connection.execute(
            select(locations.c.id).where(locations.c.code == item.location)
        ).scalar_one()
        product_id = self.connection.execute(
            select(products.c.id).where(products.c.sku == item.sku)
        ).scalar_one()
        self.connection.execute(
            insert(stock).values(
                location_id=location_id,
                product_id=product_id,
                lot=item.lot,
                expiry=item.expiry,
                on_hand=item.on_hand,
                reserved=0,
                held=0,
                received_at=self._now(),
            )
        )

    def lock_for_allocation(self, skus: set[str]) -> list[StockItem]:
        query = (
            stock_query()
            .where(
                products.c.sku.in_(list(skus)),
                # Rows with nothing free are not locked: app/domain/stock_choice would not take
                # them anyway, and a lock keeps other allocators waiting.
                stock.c.on_hand > stock.c.reserved + stock.c.held,
            )
            .order_by(stock.c.id)  # lock in one global order: two allocators never deadlock
            .with_for_update(of=stock)
        )
        return [stock_item(r) for r in self.connection.execute(query)]

    def save_reserved(self, items: list[StockItem]) -> None:
        rows = [{"id": i.id, "reserved": i.reserved} for i in items]
        update_rows(self.connection, stock, rows, {"id": "bigint", "reserved": "integer"})

    def all(self) -> list[StockItem]:
        return [stock_item(r) for r in self.connection.execute(stock_query().order_by(stock.c.id))]
