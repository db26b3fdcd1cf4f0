"""Stock at locations over SQLAlchemy Core: counts, and the rows allocation locks and reserves."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.domain.catalog import StockItem
from app.domain.stock_ledger import Movement, Recorded
from db.bulk import update_rows
from db.schema import locations, products, stock, stock_movements

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
    locations.c.warehouse_id,
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
        warehouse_id=row.warehouse_id,
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

    def change(self, movement: Movement, expiry=None) -> Recorded:
        """Add `movement.delta` to the on-hand of its location, product and lot (a new row when
        there is none) and write it to the ledger. The row stays locked until the transaction
        ends, so two changes of one row (two clerks, a count and a pick) follow each other."""
        location_id, product_id = self._ids(movement.location, movement.sku)
        key = (stock.c.location_id == location_id, stock.c.product_id == product_id)
        where = (*key, stock.c.lot == movement.lot)
        locked = select(stock.c.id, stock.c.on_hand).where(*where).with_for_update()
        row = self.connection.execute(locked).first()
        if row is None:  # a new row: another clerk may be creating it this very moment
            self._create_empty(location_id, product_id, movement.lot, expiry)
            row = self.connection.execute(locked).one()
        before = row.on_hand
        after = before + movement.delta
        self.connection.execute(update(stock).where(stock.c.id == row.id).values(on_hand=after))
        self._write_movement(movement, location_id, product_id, before, after)
        return Recorded(movement, before, after)

    def _create_empty(self, location_id: int, product_id: int, lot: str, expiry) -> None:
        """An empty stock row, unless one exists already (made by a transaction that committed
        while this one waited): the unique key decides, never an error."""
        values = {
            "location_id": location_id,
            "product_id": product_id,
            "lot": lot,
            "expiry": expiry,
            "on_hand": 0,
            "reserved": 0,
            "held": 0,
            "received_at": self._now(),
        }
        dialect_insert = (
            pg_insert if self.connection.dialect.name == "postgresql" else sqlite_insert
        )
        self.connection.execute(dialect_insert(stock).values(**values).on_conflict_do_nothing())

    def _ids(self, location: str, sku: str) -> tuple[int, int]:
        location_id = self.connection.execute(
            select(locations.c.id).where(locations.c.code == location)
        ).scalar_one()
        product_id = self.connection.execute(
            select(products.c.id).where(products.c.sku == sku)
        ).scalar_one()
        return location_id, product_id

    def _write_movement(
        self, movement: Movement, location_id: int, product_id: int, before: int, after: int
    ) -> None:
        self.connection.execute(
            insert(stock_movements).values(
                fact_id=movement.fact_id,
                kind=movement.kind.value,
                location_id=location_id,
                product_id=product_id,
                lot=movement.lot,
                delta=after - before,
                on_hand_before=before,
                on_hand_after=after,
                actor=movement.actor.user,
                station=movement.actor.station,
                occurred_at=movement.occurred_at,
                recorded_at=self._now(),
            )
        )

    def lock_for_allocation(
        self, skus: set[str], warehouse_id: int | None = None
    ) -> list[StockItem]:
        """The rows allocation may reserve from, in every warehouse (each order then takes all
        its units from one: app/domain/sourcing.py), or in `warehouse_id` alone."""
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
        if warehouse_id is not None:
            query = query.where(locations.c.warehouse_id == warehouse_id)
        return [stock_item(r) for r in self.connection.execute(query)]

    def warehouse_of_stock(self, stock_id: int) -> int | None:
        """The warehouse a stock row is in."""
        query = (
            select(locations.c.warehouse_id)
            .join(stock, stock.c.location_id == locations.c.id)
            .where(stock.c.id == stock_id)
        )
        return self.connection.execute(query).scalar()

    def save_reserved(self, items: list[StockItem]) -> None:
        rows = [{"id": i.id, "reserved": i.reserved} for i in items]
        update_rows(self.connection, stock, rows, {"id": "bigint", "reserved": "integer"})

    def all(self, warehouse_id: int | None = None) -> list[StockItem]:
        """Every stock row; only one warehouse's when `warehouse_id` is given."""
        query = stock_query().order_by(stock.c.id)
        if warehouse_id is not None:
            query = query.where(locations.c.warehouse_id == warehouse_id)
        return [stock_item(r) for r in self.connection.execute(query)]
