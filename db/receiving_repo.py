"""Receipts and their lines over SQLAlchemy Core (`uow.receiving`), and what the put-away
suggestion reads: pick faces, stock on hand, location codes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import Connection, func, insert, or_, select, update

from app.domain.put_away import Held, PickFace
from app.domain.receiving import OPEN, Receipt, ReceiptLine, ReceivedProduct
from app.domain.transfer_lots import LotOnItsWay, with_shipped_lots
from db.schema import (
    allocations,
    locations,
    order_lines,
    orders,
    pick_faces,
    pick_tasks,
    product_gtins,
    products,
    receipt_lines,
    receipts,
    stock,
)
from db.warehouses_repo import WarehouseScope

_SHIPPED = ("shipped", "partially_returned", "returned")  # a transfer order A has shipped


class SqlReceivingRepository:
    def __init__(self, connection: Connection, now, scope: WarehouseScope | None = None) -> None:
        self.connection = connection
        self._now = now
        # A station configured with its warehouse sees that warehouse's receipts, locations
        # and stock alone (db/warehouses_repo.py).
        self._scope = scope or WarehouseScope(connection, None)

    # ---- import ----------------------------------------------------------------------------
    def existing(self, receipt_ids: Iterable[str]) -> set[str]:
        ids = list(receipt_ids)
        if not ids:
            return set()
        query = select(receipts.c.receipt_id).where(receipts.c.receipt_id.in_(ids))
        return set(self.connection.execute(query).scalars())

    def add(
        self, receipt: Receipt, warehouse_id: int | None = None, transfer: int | None = None
    ) -> None:
        """A new expected receipt, at `warehouse_id` (None: a site without warehouses yet);
        `transfer`: the transfer order it receives (docs/stock.md, "Transfers")."""
        ref = self.connection.execute(
            insert(receipts)
            .values(
                warehouse_id=warehouse_id,
                receipt_id=receipt.receipt_id,
                supplier=receipt.supplier,
                sscc=receipt.sscc,
                status=OPEN,
                imported_at=self._now(),
                transfer_order_id=transfer,
            )
            .returning(receipts.c.id)
        ).scalar_one()
        ids = self._product_ids({line.sku for line in receipt.lines})
        self.connection.execute(
            insert(receipt_lines),
            [
                {
                    "receipt_ref": ref,
                    "product_id": ids[line.sku],
                    "lot": line.lot,
                    "expiry": line.expiry,
                    "expected": line.expected,
                    "received": 0,
                    "put_away": 0,
                }
                for line in receipt.lines
            ],
        )

    # ---- reading ---------------------------------------------------------------------------
    def receipt(self, code: str) -> Receipt | None:
        """The receipt with this id, else the one with this SSCC (an open one first)."""
        query = (
            select(receipts)
            .where(or_(receipts.c.receipt_id == code, receipts.c.sscc == code))
            .order_by((receipts.c.receipt_id == code).desc(), receipts.c.status.desc())
        )
        home = self._scope.only()  # a station's home: another warehouse's receipt is not here
        if home is not None:
            query = query.where(receipts.c.warehouse_id == home)
        row = self.connection.execute(query).first()
        return None if row is None else self._receipts([row])[0]

    def transfer_receipts(self) -> list[tuple[int, int | None, Receipt]]:
        """Every transfer's receipt: (the transfer order's ref, the warehouse it goes to, the
        receipt), the first made first."""
        query = select(receipts).where(receipts.c.transfer_order_id.is_not(None))
        rows = list(self.connection.execute(query.order_by(receipts.c.id)))
        found = self._receipts(rows)
        return [(r.transfer_order_id, r.warehouse_id, x) for r, x in zip(rows, found, strict=True)]

    def open_receipts(self) -> list[Receipt]:
        query = select(receipts).where(receipts.c.status == OPEN).order_by(receipts.c.id)
        home = self._scope.only()
        if home is not None:
            query = query.where(receipts.c.warehouse_id == home)
        return self._receipts(list(self.connection.execute(query)))

    def _receipts(self, rows: list) -> list[Receipt]:
        by_ref: dict[int, list[ReceiptLine]] = {row.id: [] for row in rows}
        if by_ref:
            query = (
                select(receipt_lines, products.c.sku, products.c.name)
                .join(products, products.c.id == receipt_lines.c.product_id)
                .where(receipt_lines.c.receipt_ref.in_(list(by_ref)))
                .order_by(receipt_lines.c.id)
            )
            for x in self.connection.execute(query):
                by_ref[x.receipt_ref].append(
                    ReceiptLine(x.sku, x.lot, x.expiry, x.expected, x.received, x.put_away, x.name)
                )
        lots = self._shipped_lots([r.transfer_order_id for r in rows if r.transfer_order_id])
        made = []
        for r in rows:
            receipt = Receipt(r.receipt_id, r.supplier, tuple(by_ref[r.id]), r.sscc, r.status)
            if r.transfer_order_id is not None:
                found = lots.get(r.transfer_order_id, [])
                receipt = with_shipped_lots(replace(receipt, transfer=True), found)
            made.append(receipt)
        return made

    def _shipped_lots(self, refs: list[int]) -> dict[int, list[LotOnItsWay]]:
        """Per transfer order that shipped: the lots its picks took (docs/stock.md,
        "Transfers"). Read, never copied onto the receipt: a lead desk's login that closes
        the manifest cannot write receipts."""
        if not refs:
            return {}
        picked = func.sum(pick_tasks.c.picked)
        query = (
            select(order_lines.c.order_id, products.c.sku, stock.c.lot, stock.c.expiry, picked)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .join(orders, orders.c.id == order_lines.c.order_id)
            .join(allocations, allocations.c.id == pick_tasks.c.allocation_id)
            .join(stock, stock.c.id == allocations.c.stock_id)
            .join(products, products.c.id == order_lines.c.product_id)
            .where(
                order_lines.c.order_id.in_(refs),
                orders.c.status.in_(_SHIPPED),
                pick_tasks.c.picked > 0,
                stock.c.lot != "",
            )
            .group_by(order_lines.c.order_id, products.c.sku, stock.c.lot, stock.c.expiry)
            .order_by(order_lines.c.order_id, stock.c.expiry, stock.c.lot)
        )
        found: dict[int, list[LotOnItsWay]] = defaultdict(list)
        for ref, sku, lot, expiry, units in self.connection.execute(query):
            found[ref].append(LotOnItsWay(sku, lot, expiry, int(units)))
        return found

    # ---- applying facts (the receipt row locked first: one receipt's facts follow each other)
    def lock(self, receipt_id: str) -> tuple[int, str] | None:
        """(row id, status) of the receipt, locked until the transaction ends; None: unknown."""
        row = self.connection.execute(
            select(receipts.c.id, receipts.c.status)
            .where(receipts.c.receipt_id == receipt_id)
            .with_for_update()
        ).first()
        return None if row is None else (row.id, row.status)

    def add_received(self, ref: int, sku: str, lot: str, expiry: date | None, quantity: int):
        line = self._line(ref, sku, lot, expiry)
        received = max(line.received + quantity, line.put_away)
        self._set(line.id, expiry, line.expiry, received=received)

    def add_put_away(self, ref: int, sku: str, lot: str, expiry: date | None, quantity: int):
        line = self._line(ref, sku, lot, expiry)
        put_away = line.put_away + quantity
        received = max(line.received, put_away)  # a put-away ahead of its receipt still counts
        self._set(line.id, expiry, line.expiry, received=received, put_away=put_away)

    def close(self, ref: int, at: datetime, by: str) -> None:
        self.connection.execute(
            update(receipts)
            .where(receipts.c.id == ref)
            .values(status="closed", closed_at=at, closed_by=by)
        )

    def _line(self, ref: int, sku: str, lot: str, expiry: date | None):
        product_id = self._product_ids({sku})[sku]
        where = (
            receipt_lines.c.receipt_ref == ref,
            receipt_lines.c.product_id == product_id,
            receipt_lines.c.lot == lot,
        )
        row = self.connection.execute(select(receipt_lines).where(*where)).first()
        if row is None:  # an item nobody announced
            self.connection.execute(
                insert(receipt_lines).values(
                    receipt_ref=ref,
                    product_id=product_id,
                    lot=lot,
                    expiry=expiry,
                    expected=0,
                    received=0,
                    put_away=0,
                )
            )
            row = self.connection.execute(select(receipt_lines).where(*where)).one()
        return row

    def _set(self, line_id: int, expiry: date | None, had: date | None, **values) -> None:
        if had is None and expiry is not None:
            values["expiry"] = expiry
        self.connection.execute(
            update(receipt_lines).where(receipt_lines.c.id == line_id).values(**values)
        )

    def _product_ids(self, skus: set[str]) -> dict[str, int]:
        query = select(products.c.sku, products.c.id).where(products.c.sku.in_(list(skus)))
        return {row.sku: row.id for row in self.connection.execute(query)}

    # ---- products and locations as the clerk's scans find them -----------------------------
    def product_by_gtin(self, gtin: str) -> ReceivedProduct | None:
        found = self.products_by_gtin([gtin])
        return found.get(gtin)

    def products_by_gtin(self, gtins: list[str] | None = None) -> dict[str, ReceivedProduct]:
        query = select(
            product_gtins.c.gtin, products.c.sku, products.c.name, products.c.lot_controlled
        ).join(products, products.c.id == product_gtins.c.product_id)
        if gtins is not None:
            query = query.where(product_gtins.c.gtin.in_(gtins))
        return {
            row.gtin: ReceivedProduct(row.sku, row.name, bool(row.lot_controlled))
            for row in self.connection.execute(query)
        }

    def location_exists(self, code: str) -> bool:
        query = self._home(select(locations.c.id).where(locations.c.code == code))
        return self.connection.execute(query).first() is not None

    def _home(self, query, warehouse_id: int | None = None):
        """`query` (over `locations`) limited to warehouse `warehouse_id`; when None, to the
        station's warehouse if it has one (as db/catalog_repo.py `location_codes`)."""
        home = warehouse_id if warehouse_id is not None else self._scope.only()
        return query if home is None else query.where(locations.c.warehouse_id == home)

    def receipt_warehouses(self, receipt_ids: Iterable[str]) -> dict[str, int | None]:
        """The warehouse each of these receipts is expected at (None: a receipt made before
        the site had warehouses; unknown ids are left out). A station's home answers for
        all of them: it sees no other warehouse's receipts."""
        ids = list(receipt_ids)
        home = self._scope.only()
        query = select(receipts.c.receipt_id, receipts.c.warehouse_id)
        found: dict[str, int | None] = {}
        for start in range(0, len(ids), 900):  # keep under SQLite's bound-parameter limit
            chunk = query.where(receipts.c.receipt_id.in_(ids[start : start + 900]))
            for code, warehouse_id in self.connection.execute(chunk):
                found[code] = home if home is not None else warehouse_id
        return found

    def location_codes(self, warehouse_id: int | None = None) -> list[str]:
        """The location codes of warehouse `warehouse_id`; None: of the station's home, else
        of every warehouse. `pick_faces` and `stock_on_hand` take it the same way."""
        query = self._home(select(locations.c.code).order_by(locations.c.code), warehouse_id)
        return list(self.connection.execute(query).scalars())

    def pick_faces(self, warehouse_id: int | None = None) -> list[PickFace]:
        query = (
            select(locations.c.code, products.c.sku, pick_faces.c.max_qty)
            .join(locations, locations.c.id == pick_faces.c.location_id)
            .join(products, products.c.id == pick_faces.c.product_id)
        )
        query = self._home(query, warehouse_id)
        return [PickFace(r.code, r.sku, r.max_qty) for r in self.connection.execute(query)]

    def stock_on_hand(self, warehouse_id: int | None = None) -> list[Held]:
        query = (
            select(locations.c.code, products.c.sku, stock.c.lot, stock.c.on_hand)
            .join(locations, locations.c.id == stock.c.location_id)
            .join(products, products.c.id == stock.c.product_id)
            .where(stock.c.on_hand > 0)
        )
        query = self._home(query, warehouse_id)
        return [Held(r.code, r.sku, r.lot, r.on_hand) for r in self.connection.execute(query)]
