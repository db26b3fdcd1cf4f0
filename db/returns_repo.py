"""Customer returns over SQLAlchemy Core (`uow.returns`; docs/returns.md): the order behind a
returned parcel (db/return_contexts.py), products as the returns clerk scans them, RMAs in,
and what central's appliers write: the return, its lines, the order lines' returned units,
quarantine. Runs on the thread that owns the unit of work.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, and_, delete, insert, select, update

from app.domain.returns import ReturnContext, RmaDraft
from app.steps.returning_state import ReturnedProduct
from db.return_contexts import ReturnContextReads
from db.schema import (
    locations,
    order_lines,
    orders,
    product_gtins,
    products,
    quarantine,
    return_lines,
    returns,
    rma_lines,
    rmas,
)
from db.warehouse_filters import warehouses_of_order
from db.warehouses_repo import WarehouseScope


class SqlReturnsRepository(ReturnContextReads):
    """`uow.returns`: the reads of db/return_contexts.py, and the writes."""

    def __init__(self, connection: Connection, scope: WarehouseScope | None = None) -> None:
        super().__init__(connection)
        self._scope = scope  # a station's home: its returns go back into its warehouse

    def products_by_gtin(self, gtins: list[str] | None = None) -> dict[str, ReturnedProduct]:
        query = select(
            product_gtins.c.gtin,
            products.c.sku,
            products.c.name,
            products.c.lot_controlled,
            products.c.serial_required,
        ).join(products, products.c.id == product_gtins.c.product_id)
        if gtins is not None:
            query = query.where(product_gtins.c.gtin.in_(gtins))
        return {r.gtin: _product(r) for r in self.connection.execute(query)}

    def product_by_sku(self, sku: str) -> tuple[ReturnedProduct, str | None] | None:
        """The product and one of its GTINs (None: it has none)."""
        query = (
            select(
                products.c.sku,
                products.c.name,
                products.c.lot_controlled,
                products.c.serial_required,
                product_gtins.c.gtin,
            )
            .outerjoin(product_gtins, product_gtins.c.product_id == products.c.id)
            .where(products.c.sku == sku)
        )
        row = self.connection.execute(query).first()
        return None if row is None else (_product(row), row.gtin)

    # ---- RMAs in ------------------------------------------------------------------------------
    def rma_exists(self, rma_ids: Iterable[str]) -> set[str]:
        ids = list(rma_ids)
        query = select(rmas.c.rma_id).where(rmas.c.rma_id.in_(ids))
        return set(self.connection.execute(query).scalars()) if ids else set()

    def add_rma(self, draft: RmaDraft, order_ref: int, at: datetime) -> None:
        ref = self.connection.execute(
            insert(rmas).values(
                rma_id=draft.rma, order_ref=order_ref, reason=draft.reason, imported_at=at
            )
        ).inserted_primary_key[0]
        ids = dict(self.connection.execute(select(products.c.sku, products.c.id)).all())
        rows = [
            {"rma_ref": ref, "product_id": ids[x.sku], "quantity": x.quantity, "reason": x.reason}
            for x in draft.lines
        ]
        self.connection.execute(insert(rma_lines), rows)

    def order_ref(self, channel: str, order_id: str) -> int | None:
        query = select(orders.c.id).where(
            orders.c.channel == channel, orders.c.order_id == order_id
        )
        return self.connection.execute(query).scalar()

    def order_warehouse(self, channel: str, order_id: str) -> int | None:
        """The warehouse a return of this order goes back into: the station's home when it has
        one; else the one the order was picked in, else reserved in (db/warehouse_filters.py);
        None when neither is known (an order picked nowhere on record)."""
        home = self._scope.only() if self._scope is not None else None
        ref = self.order_ref(channel, order_id)
        if home is not None or ref is None:
            return home
        for picked in (True, False):
            query = warehouses_of_order(ref, picked).order_by(locations.c.warehouse_id).limit(1)
            found = self.connection.execute(query).scalar()
            if found is not None:
                return found
        return None

    def order_context(self, order_ref: int) -> ReturnContext | None:
        """The order with every unit returned counted, its open return's too."""
        return self._contexts([order_ref], None, resume=False).get(order_ref)

    # ---- what central's appliers write --------------------------------------------------------
    def lock_return(self, return_id: str) -> tuple[int, str] | None:
        query = (
            select(returns.c.id, returns.c.status)
            .where(returns.c.return_id == return_id)
            .with_for_update()
        )
        row = self.connection.execute(query).first()
        return None if row is None else (row.id, row.status)

    def open_return(
        self, return_id: str, order_ref: int, rma: str, parcel: str, station: str, at: datetime
    ) -> int:
        """The return's row, made by its first fact (a second station's first fact finds it)."""
        found = self.lock_return(return_id)
        if found is not None:
            return found[0]
        rma_ref = None
        if rma:
            rma_ref = self.connection.execute(
                select(rmas.c.id).where(rmas.c.rma_id == rma)
            ).scalar()
        return self.connection.execute(
            insert(returns).values(
                return_id=return_id,
                order_ref=order_ref,
                rma_ref=rma_ref,
                parcel=parcel[:80],
                station=station,
                arrived_at=at,
            )
        ).inserted_primary_key[0]

    def count_returned(self, order_ref: int, sku: str, quantity: int) -> tuple[int | None, bool]:
        """Add `quantity` returned units to the order's line of `sku` (locked first, so two
        stations' returns of one order follow each other). (its id, True) when they fit in
        what was shipped; (its id, False) when they would exceed it: nothing counted. (None,
        False): the order has no such line."""
        line = self.connection.execute(
            select(order_lines.c.id, order_lines.c.packed, order_lines.c.returned)
            .join(products, products.c.id == order_lines.c.product_id)
            .where(order_lines.c.order_id == order_ref, products.c.sku == sku)
            .order_by(order_lines.c.line_no)
            .with_for_update(of=order_lines)
        ).first()
        if line is None:
            return None, False
        if line.returned + quantity > line.packed:
            return line.id, False
        self.connection.execute(
            update(order_lines)
            .where(order_lines.c.id == line.id)
            .values(returned=order_lines.c.returned + quantity)
        )
        return line.id, True

    def add_line(self, return_ref: int, order_line_id: int | None, values: dict) -> int:
        pid = self.connection.execute(
            select(products.c.id).where(products.c.sku == values.pop("sku"))
        ).scalar_one()
        return self.connection.execute(
            insert(return_lines).values(
                return_ref=return_ref, order_line_id=order_line_id, product_id=pid, **values
            )
        ).inserted_primary_key[0]

    def add_quarantine(self, line_id: int, sku: str, values: dict) -> None:
        pid = self.connection.execute(
            select(products.c.id).where(products.c.sku == sku)
        ).scalar_one()
        self.connection.execute(
            insert(quarantine).values(return_line_id=line_id, product_id=pid, **values)
        )

    # ---- an item taken back (C:UNDO) ----------------------------------------------------------
    def line_of_fact(self, return_ref: int, fact_id: str) -> dict | None:
        """The return's line the item fact made (None: none, or taken back already)."""
        query = (
            select(return_lines, products.c.sku)
            .join(products, products.c.id == return_lines.c.product_id)
            .where(return_lines.c.return_ref == return_ref, return_lines.c.fact_id == fact_id)
            .with_for_update(of=return_lines)
        )
        row = self.connection.execute(query).first()
        return None if row is None else dict(row._mapping)

    def drop_quarantine(self, line_id: int) -> bool:
        """The line's units out of quarantine; False when a lead decided them already."""
        rows = self.connection.execute(
            select(quarantine.c.id, quarantine.c.status)
            .where(quarantine.c.return_line_id == line_id)
            .with_for_update()
        ).all()
        if any(r.status != "open" for r in rows):
            return False
        self.connection.execute(delete(quarantine).where(quarantine.c.return_line_id == line_id))
        return True

    def uncount_returned(self, order_line_id: int, quantity: int) -> None:
        self.connection.execute(
            update(order_lines)
            .where(order_lines.c.id == order_line_id)
            .values(returned=order_lines.c.returned - quantity)  # what the item counted
        )

    def drop_line(self, line_id: int) -> None:
        """The undone item's line goes: every reader (the open return, return.received, the
        desk's reports) sees the return as if it had not been taken; its facts stay."""
        self.connection.execute(delete(return_lines).where(return_lines.c.id == line_id))

    def close_return(self, return_ref: int, at: datetime, by: str) -> None:
        self.connection.execute(
            update(returns)
            .where(returns.c.id == return_ref)
            .values(status="closed", closed_at=at, closed_by=by)
        )

    def mark_rma_received(self, rma: str) -> None:
        self.connection.execute(
            update(rmas)
            .where(and_(rmas.c.rma_id == rma, rmas.c.status == "open"))
            .values(status="received")
        )

    def return_lines_of(self, return_ref: int) -> list[dict]:
        query = (
            select(return_lines, products.c.sku)
            .join(products, products.c.id == return_lines.c.product_id)
            .where(return_lines.c.return_ref == return_ref)
            .order_by(return_lines.c.id)
        )
        return [dict(r._mapping) for r in self.connection.execute(query)]


def _product(row) -> ReturnedProduct:
    return ReturnedProduct(row.sku, row.name, bool(row.lot_controlled), bool(row.serial_required))
