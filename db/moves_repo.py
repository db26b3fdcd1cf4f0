"""Moves, pick faces and replenishment tasks over SQLAlchemy Core (`uow.moves`; the port is
app/services/ports/moves.py). Runs on whichever thread holds the unit of work.

Reads of stock first write the picks a push has taken so far (`flush`, the picking
repository's deferred stock changes), so a move or a replenishment check after picks in the
same transaction sees the shelf as it is now.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import Connection, delete, exists, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.domain.catalog import StockItem
from app.domain.moves import LocationView, ReplenishTask, StockHere
from app.domain.replenishment import PickFace, Replenishment
from db.schema import (
    aisles,
    locations,
    pick_faces,
    pick_lists,
    pick_tasks,
    product_gtins,
    products,
    replenishments,
    stock,
    warehouses,
)
from db.slotting_repo import SlottingReads
from db.stock_repo import stock_item, stock_query
from db.users_repo import aware
from db.warehouses_repo import WarehouseScope

OPEN = "open"
SLOTTING = "slotting"  # a slotting move (0031): its own unique index


class SqlMovesRepository(SlottingReads):
    def __init__(
        self,
        connection: Connection,
        now: Callable[[], datetime],
        flush,
        scope: WarehouseScope | None = None,
    ) -> None:
        self.connection, self._now, self._flush = connection, now, flush
        self._scope = scope  # a station's home: it sees only its warehouse's refills

    # ---- a location as the mover sees it ----------------------------------------------------
    def location_view(self, code: str) -> LocationView | None:
        known = select(locations.c.id).where(locations.c.code == code)
        if self.connection.execute(known).first() is None:
            return None
        self._flush()
        query = (
            select(
                products.c.id.label("product_id"),
                products.c.sku,
                products.c.name,
                products.c.lot_controlled,
                stock.c.lot,
                stock.c.on_hand,
                stock.c.reserved,
                stock.c.held,
                stock.c.expiry,
            )
            .join(products, products.c.id == stock.c.product_id)
            .join(locations, locations.c.id == stock.c.location_id)
            .where(locations.c.code == code, stock.c.on_hand != 0)
            .order_by(products.c.sku, stock.c.expiry, stock.c.lot)
        )
        rows = list(self.connection.execute(query))
        gtins = self._gtins({row.product_id for row in rows})
        here = tuple(
            StockHere(
                row.sku,
                row.name,
                row.lot,
                row.on_hand,
                row.reserved,
                row.held,
                row.expiry.isoformat() if row.expiry else None,
                tuple(gtins[row.product_id]),
                bool(row.lot_controlled),
            )
            for row in rows
        )
        return LocationView(code, here)

    def _gtins(self, product_ids: set[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = defaultdict(list)
        if product_ids:
            query = select(product_gtins.c.product_id, product_gtins.c.gtin).where(
                product_gtins.c.product_id.in_(sorted(product_ids))
            )
            for product_id, gtin in self.connection.execute(query):
                found[product_id].append(gtin)
        return found

    def lock_stock(self, location: str, sku: str, lot: str) -> StockItem | None:
        """The stock row, locked until the transaction ends (a move out of it follows)."""
        self._flush()
        query = stock_query().where(
            locations.c.code == location, products.c.sku == sku, stock.c.lot == lot
        )
        row = self.connection.execute(query.with_for_update(of=stock)).first()
        return stock_item(row) if row else None

    # ---- pick faces --------------------------------------------------------------------------
    def pick_faces_at(self, codes: Iterable[str]) -> list[PickFace]:
        codes = sorted(set(codes))
        if not codes:
            return []
        query = (
            select(locations.c.code, products.c.sku, pick_faces.c.min_qty, pick_faces.c.max_qty)
            .join(locations, locations.c.id == pick_faces.c.location_id)
            .join(products, products.c.id == pick_faces.c.product_id)
            .where(locations.c.code.in_(codes))
            .order_by(locations.c.code)
        )
        return [PickFace(*row) for row in self.connection.execute(query)]

    def every_pick_face(self) -> list[tuple[PickFace, int]]:
        """Every pick face with its location's warehouse (app/services/transfer_rule.py)."""
        query = (
            select(
                locations.c.code,
                products.c.sku,
                pick_faces.c.min_qty,
                pick_faces.c.max_qty,
                locations.c.warehouse_id,
            )
            .join(locations, locations.c.id == pick_faces.c.location_id)
            .join(products, products.c.id == pick_faces.c.product_id)
            .where(locations.c.warehouse_id.is_not(None))
            .order_by(locations.c.code)
        )
        rows = self.connection.execute(query)
        return [(PickFace(r.code, r.sku, r.min_qty, r.max_qty), r.warehouse_id) for r in rows]

    def save_pick_face(self, face: PickFace) -> None:
        """Create or replace the pick face at `face.location` (one product per face)."""
        location_id = self._location_id(face.location)
        product_id = self._product_id(face.sku)
        values = {"product_id": product_id, "min_qty": face.min_qty, "max_qty": face.max_qty}
        found = self.connection.execute(
            update(pick_faces).where(pick_faces.c.location_id == location_id).values(values)
        )
        if found.rowcount == 0:
            self.connection.execute(insert(pick_faces).values(location_id=location_id, **values))

    def stock_at(self, location: str) -> list[StockItem]:
        self._flush()
        query = stock_query().where(locations.c.code == location).order_by(stock.c.id)
        return [stock_item(row) for row in self.connection.execute(query)]

    def reserve_stock(self, sku: str, face: str | None = None) -> list[StockItem]:
        """The product's stock at locations that are not pick faces (reserve); only in the
        warehouse of location `face` when it is given (a face is refilled from its own)."""
        self._flush()
        is_face = exists().where(pick_faces.c.location_id == stock.c.location_id)
        query = stock_query().where(products.c.sku == sku, ~is_face).order_by(stock.c.id)
        if face is not None:
            home = select(locations.c.warehouse_id).where(locations.c.code == face)
            query = query.where(locations.c.warehouse_id.in_(home))
        return [stock_item(row) for row in self.connection.execute(query)]

    def positions(self, codes: Iterable[str]) -> dict[str, tuple[float, float]]:
        """Where each location is on the floor: its aisle's x and its y."""
        query = (
            select(locations.c.code, aisles.c.x, locations.c.y)
            .join(aisles, aisles.c.id == locations.c.aisle_id)
            .where(locations.c.code.in_(sorted(set(codes))))
        )
        return {code: (x, y) for code, x, y in self.connection.execute(query)}

    def cross_aisles(self) -> list[float]:
        document = self.connection.execute(select(warehouses.c.layout).limit(1)).scalar()
        return sorted(float(y) for y in (document or {}).get("cross_aisles", []))

    def location_codes_of(self, location_ids: Iterable[int]) -> set[str]:
        ids = sorted(set(location_ids))
        if not ids:
            return set()
        query = select(locations.c.code).where(locations.c.id.in_(ids))
        return set(self.connection.execute(query).scalars())

    def wave_locations(self, wave_id: int) -> set[str]:
        """The locations a wave's pick lists take stock from."""
        query = (
            select(locations.c.code)
            .distinct()
            .join(pick_tasks, pick_tasks.c.location_id == locations.c.id)
            .join(pick_lists, pick_lists.c.id == pick_tasks.c.pick_list_id)
            .where(pick_lists.c.wave_id == wave_id)
        )
        return set(self.connection.execute(query).scalars())

    # ---- replenishment tasks -----------------------------------------------------------------
    def has_open_replenishment(self, face: str) -> bool:
        query = select(replenishments.c.id).where(
            replenishments.c.to_location_id == self._location_id(face),
            replenishments.c.status == OPEN,
        )
        return self.connection.execute(query).first() is not None

    def add_replenishment(self, task: Replenishment) -> int | None:
        """The task's id; None when the face has an open task already (another transaction
        added it a moment ago: the unique index on open faces, no error)."""
        values = {
            "product_id": self._product_id(task.sku),
            "lot": task.lot,
            "from_location_id": self._location_id(task.from_location),
            "to_location_id": self._location_id(task.to_location),
            "quantity": task.quantity,
            "status": OPEN,
            "created_at": self._now(),
            "reason": task.reason,
        }
        dialect = self.connection.dialect.name
        maker = pg_insert if dialect == "postgresql" else sqlite_insert
        # The partial unique index that applies (0031): one open slotting task per product lot
        # and source; one open task of any other reason per pick face.
        if task.reason == SLOTTING:
            elements = ["product_id", "lot", "from_location_id"]
            where = text("status = 'open' AND reason = 'slotting'")
        else:
            elements, where = ["to_location_id"], text("status = 'open' AND reason <> 'slotting'")
        statement = (
            maker(replenishments)
            .values(values)
            .on_conflict_do_nothing(index_elements=elements, index_where=where)
            .returning(replenishments.c.id)
        )
        return self.connection.execute(statement).scalar()

    def replenishment_task(self, task_id: int) -> Replenishment | None:
        """Any task by id, whatever its status (a slotting move's face follows it when done)."""
        source, face = locations.alias("source"), locations.alias("face")
        query = (
            select(
                products.c.sku,
                replenishments.c.lot,
                source.c.code,
                face.c.code,
                replenishments.c.quantity,
                replenishments.c.reason,
            )
            .join(products, products.c.id == replenishments.c.product_id)
            .join(source, source.c.id == replenishments.c.from_location_id)
            .join(face, face.c.id == replenishments.c.to_location_id)
            .where(replenishments.c.id == task_id)
        )
        row = self.connection.execute(query).first()
        return Replenishment(*row) if row else None

    def open_slotting_tasks(self, sku: str, source: str, target: str) -> int:
        query = select(func.count()).where(
            replenishments.c.product_id == self._product_id(sku),
            replenishments.c.from_location_id == self._location_id(source),
            replenishments.c.to_location_id == self._location_id(target),
            replenishments.c.reason == SLOTTING,
            replenishments.c.status == OPEN,
        )
        return int(self.connection.execute(query).scalar_one())

    def cancel_replenishments(self, sku: str, face: str) -> int:
        """Cancel the open replenishments (not slotting moves) of `sku` into `face`: its face
        moved away, so they would fill the wrong location. Returns how many."""
        done = self.connection.execute(
            update(replenishments)
            .where(
                replenishments.c.product_id == self._product_id(sku),
                replenishments.c.to_location_id == self._location_id(face),
                replenishments.c.status == OPEN,
                replenishments.c.reason != SLOTTING,
            )
            .values(status="cancelled")
        )
        return done.rowcount

    def delete_pick_face(self, location: str) -> None:
        self.connection.execute(
            delete(pick_faces).where(pick_faces.c.location_id == self._location_id(location))
        )

    def open_replenishments(self) -> list[ReplenishTask]:
        source, face = locations.alias("source"), locations.alias("face")
        waiting = (
            select(func.coalesce(func.sum(stock.c.reserved), 0))
            .where(
                stock.c.location_id == replenishments.c.to_location_id,
                stock.c.product_id == replenishments.c.product_id,
            )
            .scalar_subquery()
        )
        query = (
            select(
                replenishments.c.id,
                products.c.sku,
                products.c.name,
                replenishments.c.lot,
                source.c.code.label("source"),
                face.c.code.label("face"),
                replenishments.c.quantity,
                replenishments.c.reason,
                replenishments.c.created_at,
                waiting.label("waiting"),
            )
            .join(products, products.c.id == replenishments.c.product_id)
            .join(source, source.c.id == replenishments.c.from_location_id)
            .join(face, face.c.id == replenishments.c.to_location_id)
            .where(replenishments.c.status == OPEN)
            .order_by(replenishments.c.id)
        )
        home = self._scope.only() if self._scope is not None else None
        if home is not None:
            query = query.where(face.c.warehouse_id == home)
        return [
            ReplenishTask(
                row.id,
                row.sku,
                row.name,
                row.lot,
                row.source,
                row.face,
                row.quantity,
                row.reason,
                _iso(row.created_at),
                int(row.waiting or 0),
            )
            for row in self.connection.execute(query)
        ]

    def finish_replenishment(self, task_id: int, at: datetime, by: str) -> bool:
        """Mark an open task done; False when it was not open (done or cancelled already)."""
        done = self.connection.execute(
            update(replenishments)
            .where(replenishments.c.id == task_id, replenishments.c.status == OPEN)
            .values(status="done", done_at=at, done_by=by)
        )
        return done.rowcount == 1

    # ---- helpers -----------------------------------------------------------------------------
    def _location_id(self, code: str) -> int:
        return self.connection.execute(
            select(locations.c.id).where(locations.c.code == code)
        ).scalar_one()

    def _product_id(self, sku: str) -> int:
        return self.connection.execute(
            select(products.c.id).where(products.c.sku == sku)
        ).scalar_one()


def _iso(moment: datetime) -> str:
    found = aware(moment)
    assert found is not None
    return found.isoformat()
