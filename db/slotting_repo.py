"""What slotting reads from the central database (`uow.moves`, docs/routing.md "Slotting"):
the period's pick lists, each product's home, the locations in use, the space of each face.
A unit of work opened for a warehouse (`shipshape slotting --warehouse`, the lead console's
chosen warehouse) reads that warehouse's alone: its picks, faces, stock and slotting tasks.

A mixin of `SqlMovesRepository` (db/moves_repo.py): slotting's moves are stock move tasks, so
its reads live beside theirs. Runs on whichever thread holds the unit of work.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, func, select

from db.schema import locations, pick_faces, pick_tasks, products, replenishments, stock
from db.warehouses_repo import WarehouseScope

SLOTTING = "slotting"


class SlottingReads:
    connection: Connection
    _scope: WarehouseScope | None

    def _here(self, query, location_id):
        """`query` kept to the locations of the warehouse this unit of work is limited to."""
        home = self._scope.only() if self._scope is not None else None
        if home is None:
            return query
        return query.where(
            location_id.in_(select(locations.c.id).where(locations.c.warehouse_id == home))
        )

    def pick_history(self, since: datetime) -> list[tuple[str, ...]]:
        """The SKUs of each pick list, as picked since `since` (a unit picked is a visit)."""
        query = (
            select(pick_tasks.c.pick_list_id, products.c.sku)
            .distinct()
            .select_from(pick_tasks)
            .join(products, products.c.id == pick_tasks.c.product_id)
            .where(pick_tasks.c.picked > 0, pick_tasks.c.picked_at >= since)
            .order_by(pick_tasks.c.pick_list_id, products.c.sku)
        )
        query = self._here(query, pick_tasks.c.location_id)
        lists: dict[int, list[str]] = defaultdict(list)
        for list_id, sku in self.connection.execute(query):
            lists[list_id].append(sku)
        return [tuple(skus) for skus in lists.values()]

    def homes(self) -> dict[str, str]:
        """Each product's home: its pick face (the first by code if it has several); a product
        without one lives where it has the most units on hand."""
        faces = (
            select(products.c.sku, locations.c.code)
            .select_from(pick_faces)
            .join(products, products.c.id == pick_faces.c.product_id)
            .join(locations, locations.c.id == pick_faces.c.location_id)
            .order_by(products.c.sku, locations.c.code.desc())
        )
        faces = self._here(faces, locations.c.id)
        found = dict(self.connection.execute(faces).all())  # the last per SKU wins: lowest code
        shelves = (
            select(products.c.sku, locations.c.code, func.sum(stock.c.on_hand).label("units"))
            .select_from(stock)
            .join(products, products.c.id == stock.c.product_id)
            .join(locations, locations.c.id == stock.c.location_id)
            .where(stock.c.on_hand > 0)
            .group_by(products.c.sku, locations.c.code)
            .order_by(products.c.sku, func.sum(stock.c.on_hand), locations.c.code.desc())
        )
        shelves = self._here(shelves, locations.c.id)
        most = dict((sku, code) for sku, code, _ in self.connection.execute(shelves))
        return {**most, **found}

    def used_locations(self) -> set[str]:
        """Locations with stock on hand or a pick face."""
        held = select(locations.c.code).join(stock, stock.c.location_id == locations.c.id)
        held = self._here(held.where(stock.c.on_hand != 0), locations.c.id)
        faced = select(locations.c.code).join(
            pick_faces, pick_faces.c.location_id == locations.c.id
        )
        faced = self._here(faced, locations.c.id)
        return set(self.connection.execute(held.union(faced)).scalars())

    def face_space(self) -> dict[str, float]:
        """Shelf space of each pick face, cm³: its product's unit volume × the face's max."""
        volume = products.c.length_cm * products.c.width_cm * products.c.height_cm
        query = (
            select(products.c.sku, func.max(volume * pick_faces.c.max_qty))
            .select_from(pick_faces)
            .join(products, products.c.id == pick_faces.c.product_id)
            .where(products.c.length_cm.is_not(None))
            .group_by(products.c.sku)
        )
        query = self._here(query, pick_faces.c.location_id)
        return {sku: float(space) for sku, space in self.connection.execute(query) if space}

    def open_slotting_moves(self) -> list[tuple[str, str, str]]:
        """(SKU, from, to) of every slotting move with a task still open."""
        source, target = locations.alias("source"), locations.alias("target")
        query = (
            select(products.c.sku, source.c.code, target.c.code)
            .distinct()
            .select_from(replenishments)
            .join(products, products.c.id == replenishments.c.product_id)
            .join(source, source.c.id == replenishments.c.from_location_id)
            .join(target, target.c.id == replenishments.c.to_location_id)
            .where(replenishments.c.reason == SLOTTING, replenishments.c.status == "open")
            .order_by(products.c.sku)
        )
        query = self._here(query, replenishments.c.from_location_id)
        return [(sku, a, b) for sku, a, b in self.connection.execute(query)]

    def slotting_relocations_since(self, since: datetime) -> int:
        """Products moved (or being moved) by slotting tasks made since `since`."""
        moved = (
            select(replenishments.c.product_id, replenishments.c.from_location_id)
            .distinct()
            .where(replenishments.c.reason == SLOTTING, replenishments.c.created_at >= since)
        )
        moved = self._here(moved, replenishments.c.from_location_id).subquery()
        return int(self.connection.execute(select(func.count()).select_from(moved)).scalar_one())
