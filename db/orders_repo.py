"""Orders and their lines, read and written with SQLAlchemy Core (bulk-friendly)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import Connection, and_, insert, or_, select, update

from app.domain.orders import Address, Order, OrderLine, OrderStatus
from db.bulk import insert_rows, is_postgresql, next_ids, update_rows
from db.readable_rows import decoded, readable_rows
from db.schema import (
    allocations,
    exceptions,
    locations,
    order_lines,
    orders,
    pick_lists,
    pick_tasks,
    products,
    stock,
    warehouses,
    waves,
)

WAITING_FOR_STOCK = "waiting_for_stock"
_WAITING_ROWS = and_(exceptions.c.kind == WAITING_FOR_STOCK, exceptions.c.status == "open")
_WAITING = select(exceptions.c.order_ref).where(_WAITING_ROWS).scalar_subquery()
_IN_A_WAVE = (  # orders with a task on a pick list that is not cancelled
    select(order_lines.c.order_id)
    .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
    .join(pick_lists, pick_lists.c.id == pick_tasks.c.pick_list_id)
    .where(pick_lists.c.status != "cancelled")
)
# What a new wave may take: allocated, on no open pick list yet.
_PLANNABLE = (orders.c.status == OrderStatus.ALLOCATED.value, orders.c.id.not_in(_IN_A_WAVE))


def _plannable(status: str, on_a_wave: bool) -> str:
    """Whether a wave may take an order (lock_plannable's answer for it)."""
    if status == OrderStatus.CANCELLED.value:
        return "cancelled"
    if on_a_wave:
        return "other_wave"
    return "plannable" if status == OrderStatus.ALLOCATED.value else "not_allocated"


class SqlOrderRepository:
    def __init__(self, connection: Connection, now) -> None:
        self.connection = connection
        self._now = now

    def existing_keys(self, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        by_channel: dict[str, list[str]] = defaultdict(list)
        for channel, order_id in keys:
            by_channel[channel].append(order_id)
        condition = or_(
            *(
                and_(orders.c.channel == ch, orders.c.order_id.in_(ids))
                for ch, ids in by_channel.items()
            )
        )
        if not by_channel:
            return set()
        rows = self.connection.execute(select(orders.c.channel, orders.c.order_id).where(condition))
        return {(r.channel, r.order_id) for r in rows}

    def add_all(self, new_orders: list[Order]) -> list[int]:
        if not new_orders:
            return []
        now = self._now()
        rows = [_order_row(o, now) for o in new_orders]
        if is_postgresql(self.connection):
            ids = next_ids(self.connection, orders, len(rows))
            insert_rows(
                self.connection, orders, [r | {"id": i} for r, i in zip(rows, ids, strict=True)]
            )
        else:
            result = self.connection.execute(
                insert(orders).returning(orders.c.id, sort_by_parameter_order=True), rows
            )
            ids = [row.id for row in result]
        skus = {line.sku for o in new_orders for line in o.lines}
        product_ids = dict(
            self.connection.execute(
                select(products.c.sku, products.c.id).where(products.c.sku.in_(skus))
            ).all()
        )
        line_rows = [
            {
                "order_id": oid,
                "line_no": n,
                "product_id": product_ids[line.sku],
                "quantity": line.quantity,
                "allocated": 0,
                "picked": 0,
                "packed": 0,
                "unit_price_cents": line.unit_price_cents,
            }
            for order, oid in zip(new_orders, ids, strict=True)
            for n, line in enumerate(order.lines, start=1)
        ]
        insert_rows(self.connection, order_lines, line_rows)
        for order, oid in zip(new_orders, ids, strict=True):
            order.id = oid
        return ids

    def get(self, channel: str, order_id: str) -> Order | None:
        query = select(orders).where(orders.c.channel == channel, orders.c.order_id == order_id)
        found = self._load(query)
        return found[0] if found else None

    def lock(self, channel: str, order_id: str) -> Order | None:
        """The order, its row locked until the transaction ends: an allocator (which skips
        locked rows) or a wave release waits for whoever decides about it (a transfer's cancel)."""
        where = (orders.c.channel == channel, orders.c.order_id == order_id)
        self.connection.execute(select(orders.c.id).where(*where).with_for_update())
        return self.get(channel, order_id)

    def find(self, status: str | None = None) -> Iterator[Order]:
        query = select(orders).order_by(orders.c.id)
        if status:
            query = query.where(orders.c.status == status)
        last_id = 0
        while True:  # in pages, so 100,000 orders never sit in memory at once
            # Page by id first (ids always read back), so a page whose orders are all
            # unreadable and skipped does not look like the end of the listing.
            ids = (
                self.connection.execute(
                    query.with_only_columns(orders.c.id).where(orders.c.id > last_id).limit(1000)
                )
                .scalars()
                .all()
            )
            if not ids:
                return
            yield from self._load(query.where(orders.c.id.in_(ids)))
            last_id = ids[-1]

    def by_refs(self, refs: list[int]) -> list[Order]:
        return self._load(select(orders).where(orders.c.id.in_(refs)).order_by(orders.c.id))

    def unplanned_allocated(self, warehouse_id: int | None = None) -> list[Order]:
        """Allocated orders that are in no open pick list yet (so not in a wave); only those
        reserved in warehouse `warehouse_id` when it is given (an order's reservations are all
        in one warehouse: app/services/allocation.py)."""
        query = select(orders).where(*_PLANNABLE).order_by(orders.c.id)
        if warehouse_id is not None:
            query = query.where(orders.c.id.in_(_reserved_in(warehouse_id)))
        return self._load(query)

    def lock_plannable(self, refs: list[int]) -> dict[int, str]:
        """Each of `refs` and whether a wave may still take it: `plannable` (allocated, on no
        open pick list), else `cancelled`, `other_wave` (on an open pick list) or `not_allocated`.
        Their rows are locked first (in id order: two savers never deadlock) until the
        transaction ends, then read again in a statement of its own, so on PostgreSQL it sees
        whatever committed while it waited: a cancel that locked the order (`lock`) went first
        and the order reads cancelled, or it waits for this wave and finds the order on it."""
        if not refs:
            return {}
        locked = select(orders.c.id).where(orders.c.id.in_(refs)).order_by(orders.c.id)
        self.connection.execute(locked.with_for_update()).all()
        on_a_wave = orders.c.id.in_(_IN_A_WAVE)
        query = select(orders.c.id, orders.c.status, on_a_wave).where(orders.c.id.in_(refs))
        return {
            ref: _plannable(status, busy) for ref, status, busy in self.connection.execute(query)
        }

    def waves_of(self, order_ref: int) -> list[tuple[int, str]]:
        """The waves (id, name) whose open pick lists hold a task of the order."""
        query = (
            select(waves.c.id, waves.c.name)
            .distinct()
            .join(pick_lists, pick_lists.c.wave_id == waves.c.id)
            .join(pick_tasks, pick_tasks.c.pick_list_id == pick_lists.c.id)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .where(order_lines.c.order_id == order_ref, pick_lists.c.status != "cancelled")
        )
        return [(wid, name) for wid, name in self.connection.execute(query.order_by(waves.c.id))]

    def claim_received(self, limit: int) -> list[Order]:
        query = (
            select(orders)
            .where(orders.c.status == OrderStatus.RECEIVED.value)
            .order_by(orders.c.priority.desc(), orders.c.ship_by.asc().nulls_last(), orders.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)  # another allocator's orders are left to it
        )
        return self._load(query)

    # --- orders waiting for stock: an open `waiting_for_stock` row in the lead's queue -------

    def waiting_for_stock(self, skus: set[str] | None = None) -> list[int]:
        """Orders allocation could not cover (with a line of one of `skus`, when given), most
        urgent first, then oldest."""
        query = (
            select(orders.c.id)
            .where(orders.c.status == OrderStatus.EXCEPTION.value, orders.c.id.in_(_WAITING))
            .order_by(orders.c.priority.desc(), orders.c.ship_by.asc().nulls_last(), orders.c.id)
        )
        if skus is not None:
            wanting = (
                select(order_lines.c.order_id)
                .join(products, products.c.id == order_lines.c.product_id)
                .where(products.c.sku.in_(sorted(skus)))
            )
            query = query.where(orders.c.id.in_(wanting))
        return list(self.connection.execute(query).scalars())

    def claim_waiting(self, refs: list[int]) -> list[Order]:
        """Lock these waiting orders for an allocation retry (another allocator's are skipped)."""
        query = (
            select(orders)
            .where(orders.c.id.in_(refs), orders.c.status == OrderStatus.EXCEPTION.value)
            .order_by(orders.c.priority.desc(), orders.c.ship_by.asc().nulls_last(), orders.c.id)
            .with_for_update(skip_locked=True)
        )
        return self._load(query)

    def mark_waiting(self, order_ref: int, details: dict, now) -> None:
        """Put the order in the lead's queue with what it lacks (one open row per order)."""
        mine = and_(_WAITING_ROWS, exceptions.c.order_ref == order_ref)
        if self.connection.execute(update(exceptions).where(mine).values(details=details)).rowcount:
            return
        self.connection.execute(
            insert(exceptions).values(
                kind=WAITING_FOR_STOCK,
                status="open",
                order_ref=order_ref,
                details=details,
                created_at=now,
                note="",
            )
        )

    def stop_waiting(self, refs: list[int], resolution: str, by: str, now) -> None:
        if refs:
            self.connection.execute(
                update(exceptions)
                .where(_WAITING_ROWS, exceptions.c.order_ref.in_(refs))
                .values(status="resolved", resolution=resolution, resolved_by=by, resolved_at=now)
            )

    def save_allocations(self, changed: list[Order], reservations: list) -> None:
        self.save_statuses(changed)
        line_rows = [
            {"id": line.id, "allocated": line.allocated}
            for order in changed
            for line in order.lines
            if line.allocated
        ]
        update_rows(
            self.connection, order_lines, line_rows, {"id": "bigint", "allocated": "integer"}
        )
        insert_rows(
            self.connection,
            allocations,
            [
                {"order_line_id": r.order_line_id, "stock_id": r.stock_id, "quantity": r.quantity}
                for r in reservations
            ],
        )

    def save_status(self, order: Order) -> None:
        self.save_statuses([order])

    def save_statuses(self, changed: list[Order]) -> None:
        rows = [
            {
                "id": o.id,
                "status": o.status.value,
                "reason": o.reason,
                "review_passed": o.review_passed,
            }
            for o in changed
        ]
        update_rows(
            self.connection,
            orders,
            rows,
            {"id": "bigint", "status": "text", "reason": "text", "review_passed": "boolean"},
        )

    def line_warehouses(self, line_ids: list[int]) -> dict[int, str]:
        """Per order line: the code of the warehouse its units are reserved in (lines without
        a reservation are left out). Allocation takes a line's units from one warehouse."""
        query = (
            select(allocations.c.order_line_id, warehouses.c.code)
            .select_from(
                allocations.join(stock, stock.c.id == allocations.c.stock_id)
                .join(locations, locations.c.id == stock.c.location_id)
                .join(warehouses, warehouses.c.id == locations.c.warehouse_id)
            )
            .where(allocations.c.order_line_id.in_(line_ids))
            .order_by(allocations.c.order_line_id, allocations.c.id)
        )
        found: dict[int, str] = {}
        for row in self.connection.execute(query):
            found.setdefault(row.order_line_id, row.code)
        return found

    def release_allocations(self, order: Order) -> None:
        """Give the order's reserved stock back (a cancelled or re-planned order)."""
        line_ids = [line.id for line in order.lines]
        held = self.connection.execute(
            select(allocations.c.id, allocations.c.stock_id, allocations.c.quantity).where(
                allocations.c.order_line_id.in_(line_ids)
            )
        ).all()
        for row in held:
            self.connection.execute(
                update(stock)
                .where(stock.c.id == row.stock_id)
                .values(reserved=stock.c.reserved - row.quantity)
            )
        self.connection.execute(
            allocations.delete().where(allocations.c.order_line_id.in_(line_ids))
        )
        self.connection.execute(
            update(order_lines).where(order_lines.c.id.in_(line_ids)).values(allocated=0)
        )
        for line in order.lines:
            line.allocated = 0

    def _load(self, query) -> list[Order]:
        # One order that cannot be read (a date out of range, an address that is not one) is
        # reported and skipped: the listing, the allocation run and the floor go on.
        rows = readable_rows(self.connection, query, orders.c.id, "order")
        if not rows:
            return []
        lines = defaultdict(list)
        line_query = (
            select(order_lines, products.c.sku)
            .join(products, products.c.id == order_lines.c.product_id)
            .where(order_lines.c.order_id.in_([r.id for r in rows]))
            .order_by(order_lines.c.order_id, order_lines.c.line_no)
        )
        for line in self.connection.execute(line_query):
            lines[line.order_id].append(
                OrderLine(
                    sku=line.sku,
                    quantity=line.quantity,
                    allocated=line.allocated,
                    picked=line.picked,
                    packed=line.packed,
                    id=line.id,
                    returned=line.returned,
                    unit_price_cents=line.unit_price_cents,
                )
            )
        return decoded(rows, lambda r: _order_from_row(r, lines[r.id]), "order")


def _order_row(order: Order, now) -> dict:
    return {
        "channel": order.channel,
        "order_id": order.order_id,
        "order_date": order.order_date,
        "priority": order.priority,
        "carrier": order.carrier,
        "service": order.service,
        "ship_by": order.ship_by,
        "ship_to": order.ship_to.__dict__,
        "status": order.status.value,
        "reason": order.reason,
        "review_passed": order.review_passed,
        "received_at": now,
        "customer_id": order.customer_id,
        "ship_complete": order.ship_complete,
        "source_warehouse_id": order.source_warehouse,
    }


def _order_from_row(row, lines: list[OrderLine]) -> Order:
    return Order(
        channel=row.channel,
        order_id=row.order_id,
        ship_to=Address(**row.ship_to),
        lines=lines,
        order_date=row.order_date,
        priority=row.priority,
        carrier=row.carrier,
        service=row.service,
        ship_by=row.ship_by,
        status=OrderStatus(row.status),
        reason=row.reason,
        review_passed=row.review_passed,
        customer_id=row.customer_id,
        ship_complete=row.ship_complete,
        source_warehouse=row.source_warehouse_id,
        id=row.id,
    )


def _reserved_in(warehouse_id: int):
    """The ids of orders with units reserved in this warehouse."""
    return (
        select(order_lines.c.order_id)
        .join(allocations, allocations.c.order_line_id == order_lines.c.id)
        .join(stock, stock.c.id == allocations.c.stock_id)
        .join(locations, locations.c.id == stock.c.location_id)
        .where(locations.c.warehouse_id == warehouse_id)
    )
