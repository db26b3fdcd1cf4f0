"""The picker's view of one pick list (`PickListView`): its head, its tasks in walking order
with each product's barcodes, and the cart (each order's slot and the tote bound to it).

Read for db/picking_repo.py `view`, inside the `SqlUnitOfWork` transaction on whichever thread
holds it (a station's database worker, the sync thread, a CLI command).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from app.domain.picking import CartSlot, PickListView, PickTaskView
from db.readable_rows import readable_rows
from db.schema import (
    allocations,
    locations,
    order_lines,
    orders,
    pick_lists,
    pick_tasks,
    product_gtins,
    products,
    stock,
    totes,
    users,
    waves,
)


class PickListViews:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def view(self, list_id: int) -> PickListView | None:
        head = self.connection.execute(
            select(pick_lists, waves.c.name.label("wave"), users.c.name.label("assignee"))
            .join(waves, waves.c.id == pick_lists.c.wave_id)
            .outerjoin(users, users.c.id == pick_lists.c.assignee_id)
            .where(pick_lists.c.id == list_id)
        ).first()
        if head is None:
            return None
        tasks = self._tasks(list_id)
        cart_order = list(dict.fromkeys((t.order_ref, t.order_id) for t in tasks))
        bound = self._totes([ref for ref, _ in cart_order])
        cart = tuple(CartSlot(ref, oid, bound.get(ref)) for ref, oid in cart_order)
        return PickListView(
            head.id, head.wave, head.assignee, head.status, tasks, cart, head.distance_m
        )

    def _tasks(self, list_id: int) -> tuple[PickTaskView, ...]:
        query = (
            select(
                pick_tasks.c.id,
                pick_tasks.c.seq,
                locations.c.code.label("location"),
                products.c.sku,
                products.c.name,
                products.c.id.label("product_id"),
                pick_tasks.c.quantity,
                orders.c.id.label("order_ref"),
                orders.c.order_id,
                pick_tasks.c.picked,
                pick_tasks.c.short,
                pick_tasks.c.status,
                stock.c.lot,
                stock.c.expiry,
                products.c.lot_controlled,
                products.c.no_barcode,
                pick_tasks.c.picked_by,
            )
            .join(locations, locations.c.id == pick_tasks.c.location_id)
            .join(products, products.c.id == pick_tasks.c.product_id)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .join(orders, orders.c.id == order_lines.c.order_id)
            .join(allocations, allocations.c.id == pick_tasks.c.allocation_id)
            .join(stock, stock.c.id == allocations.c.stock_id)
            .where(pick_tasks.c.pick_list_id == list_id)
            .order_by(pick_tasks.c.seq)
        )
        rows = readable_rows(self.connection, query, pick_tasks.c.id, "pick task")
        gtins = self._gtins({r.product_id for r in rows})
        return tuple(
            PickTaskView(
                r.id,
                r.seq,
                r.location,
                r.sku,
                r.name,
                gtins.get(r.product_id, ()),
                r.quantity,
                r.order_ref,
                r.order_id,
                r.picked,
                r.short,
                r.status,
                r.lot or "",
                r.expiry,
                bool(r.lot_controlled),
                bool(r.no_barcode),
                r.picked_by or "",
            )
            for r in rows
        )

    def _gtins(self, product_ids: set[int]) -> dict[int, tuple[str, ...]]:
        found = defaultdict(list)
        query = select(product_gtins.c.product_id, product_gtins.c.gtin).where(
            product_gtins.c.product_id.in_(product_ids)
        )
        for product_id, gtin in self.connection.execute(query.order_by(product_gtins.c.gtin)):
            found[product_id].append(gtin)
        return {k: tuple(v) for k, v in found.items()}

    def _totes(self, order_refs: list[int]) -> dict[int, str]:
        query = select(totes.c.order_id, totes.c.code).where(
            totes.c.order_id.in_(order_refs), totes.c.status != "free"
        )
        return dict(self.connection.execute(query.order_by(totes.c.id)).all())
