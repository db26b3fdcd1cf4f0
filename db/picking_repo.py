"""Picking over SQLAlchemy Core: claiming pick lists and the row changes the picking facts make
(tasks, order lines, lists, totes, exceptions, reservations and held stock). The picker's view
of a list is read by db/pick_views.py; the stock picks take is written at commit by
db/pick_stock.py.

Runs inside a `SqlUnitOfWork` transaction on whichever thread holds it (a station's database
worker, the sync thread, a CLI command).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Connection, case, func, insert, select, update

from app.domain.catalog import StockItem
from app.domain.events import utcnow
from app.domain.orders import PickProgress
from app.domain.picking import PickListView
from app.domain.stock_ledger import StockTake
from app.domain.waves import PickListStatus
from db.bulk import add_to_rows, update_rows
from db.pick_stock import PendingPickStock
from db.pick_views import PickListViews
from db.schema import (
    allocations,
    exceptions,
    locations,
    order_lines,
    orders,
    pick_lists,
    pick_tasks,
    stock,
    totes,
    users,
)
from db.stock_repo import stock_item, stock_query
from db.warehouses_repo import WarehouseScope

_PICK_TYPES = {
    "id": "bigint",
    "picked": "integer",
    "status": "text",
    "picked_by": "text",
    "picked_at": "timestamptz",
}
MINE = (PickListStatus.ASSIGNED.value, PickListStatus.PICKING.value)
TOTE_DONE_ORDER_STATUSES = ("packed", "shipped", "cancelled")


def in_home(query, home: int | None):
    """`query` of pick lists limited to those with tasks in warehouse `home` (a station's home:
    it never gets another warehouse's work); None: no limit."""
    if home is None:
        return query
    here = (
        select(pick_tasks.c.id)
        .join(locations, locations.c.id == pick_tasks.c.location_id)
        .where(pick_tasks.c.pick_list_id == pick_lists.c.id, locations.c.warehouse_id == home)
    )
    return query.where(here.exists())  # per list, by its tasks' index: not every task


class SqlPickingRepository:
    def __init__(
        self,
        connection: Connection,
        now: Callable[[], datetime] = utcnow,
        scope: WarehouseScope | None = None,
    ) -> None:
        self.connection = connection
        self._scope = scope  # a station's home: it claims only that warehouse's lists
        self._views = PickListViews(connection)
        self._pending = PendingPickStock(connection, now)  # stock taken, written by flush()

    # --- claiming -------------------------------------------------------------------------
    def user_id(self, badge: str) -> int | None:
        return self.connection.execute(select(users.c.id).where(users.c.badge == badge)).scalar()

    def assigned_to(self, user_id: int) -> int | None:
        query = select(pick_lists.c.id).where(
            pick_lists.c.assignee_id == user_id, pick_lists.c.status.in_(MINE)
        )
        query = in_home(query, self._home())
        return self.connection.execute(query.order_by(pick_lists.c.id).limit(1)).scalar()

    def _home(self) -> int | None:
        return self._scope.only() if self._scope is not None else None

    def claim_next_released(
        self, user_id: int, now: datetime, warehouse_id: int | None = None
    ) -> int | None:
        """Lock the oldest released list no one else is claiming (of warehouse `warehouse_id`
        alone when given: a station's home) and give it to `user_id`.

        PostgreSQL: `FOR UPDATE SKIP LOCKED`, so a second picker passes over a row the first one
        holds. SQLite ignores the clause, but its writers run one at a time (BEGIN IMMEDIATE);
        the guarded UPDATE below is the check that holds on both."""
        released = select(pick_lists.c.id).where(
            pick_lists.c.status == PickListStatus.RELEASED.value
        )
        # The claim's own warehouse (a station login's, applied centrally), else this
        # connection's home (a station's own store or its direct connection).
        home = warehouse_id if warehouse_id is not None else self._home()
        released = in_home(released, home)
        while True:
            candidate = self.connection.execute(
                released.order_by(pick_lists.c.id).limit(1).with_for_update(skip_locked=True)
            ).scalar()
            if candidate is None:
                return None
            claimed = self.connection.execute(
                update(pick_lists)
                .where(
                    pick_lists.c.id == candidate,
                    pick_lists.c.status == PickListStatus.RELEASED.value,
                )
                .values(
                    assignee_id=user_id,
                    status=PickListStatus.ASSIGNED.value,
                    claimed_at=now,
                    version=pick_lists.c.version + 1,
                )
            ).rowcount
            if claimed:
                return candidate

    def holder(self, list_id: int) -> tuple[str | None, str | None]:
        """(assignee badge, status) of a pick list; (None, None) when there is no such list."""
        row = self.connection.execute(
            select(users.c.badge, pick_lists.c.status)
            .select_from(pick_lists)
            .outerjoin(users, users.c.id == pick_lists.c.assignee_id)
            .where(pick_lists.c.id == list_id)
        ).first()
        return (row.badge, row.status) if row else (None, None)

    # --- the picker's view ----------------------------------------------------------------
    def view(self, list_id: int) -> PickListView | None:
        return self._views.view(list_id)

    def tote_in_use(self, code: str, order_ref: int) -> bool:
        query = (
            select(func.count())
            .select_from(totes)
            .join(orders, orders.c.id == totes.c.order_id)
            .where(
                totes.c.code == code,
                totes.c.status != "free",
                totes.c.order_id != order_ref,
                orders.c.status.not_in(TOTE_DONE_ORDER_STATUSES),
            )
        )
        return bool(self.connection.execute(query).scalar())

    # --- what the facts change ------------------------------------------------------------
    def task(self, task_id: int):
        return self.tasks([task_id]).get(task_id)

    def tasks(self, task_ids: list[int]) -> dict:
        """Task rows by id, each with its stock row, order and list: what an applier changes."""
        query = (
            select(
                pick_tasks,
                allocations.c.stock_id,
                allocations.c.quantity.label("reserved_for_task"),  # picked ones included
                locations.c.code.label("location"),
                order_lines.c.order_id.label("order_ref"),
                orders.c.status.label("order_status"),
                pick_lists.c.status.label("list_status"),
            )
            .join(allocations, allocations.c.id == pick_tasks.c.allocation_id)
            .join(locations, locations.c.id == pick_tasks.c.location_id)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .join(orders, orders.c.id == order_lines.c.order_id)
            .join(pick_lists, pick_lists.c.id == pick_tasks.c.pick_list_id)
            .where(pick_tasks.c.id.in_(task_ids))
        )
        return {row.id: row for row in self.connection.execute(query)}

    def take_stock(self, stock_id: int, quantity: int, reserved: int) -> None:
        """Units left the shelf (negative to put them back); `reserved` of them were reserved."""
        self.connection.execute(
            update(stock)
            .where(stock.c.id == stock_id)
            .values(on_hand=stock.c.on_hand - quantity, reserved=stock.c.reserved - reserved)
        )

    def take_stock_many(self, taken: list[StockTake], unreserved: dict[int, int]) -> None:
        """Units left the shelf (`taken`, in fact order; negative: put back) and reservations
        they used up (`unreserved`), by stock row id. A late pick whose reservation a short
        already gave back takes units but no reservation. Written by `flush()` just before the
        transaction commits (SqlUnitOfWork.commit; why: db/pick_stock.py)."""
        self._pending.add(taken, unreserved)

    def flush(self) -> None:
        """Write the pending takes (db/pick_stock.py); anything that reads stock calls it first."""
        self._pending.flush()

    def update_task(self, task_id: int, **values) -> None:
        self.connection.execute(update(pick_tasks).where(pick_tasks.c.id == task_id).values(values))

    def update_picks(self, rows: list[dict]) -> None:
        """Rows of id, picked, status, picked_by, picked_at: one statement for many tasks."""
        update_rows(self.connection, pick_tasks, rows, _PICK_TYPES)

    def add_lines_picked(self, added: dict[int, int]) -> None:
        rows = [{"id": line_id, "picked": q} for line_id, q in added.items() if q]
        add_to_rows(self.connection, order_lines, rows, {"id": "bigint", "picked": "integer"})

    def drop_allocation(self, task, quantity: int) -> None:
        """The shortfall will not come from this stock row: release its reservation (what is
        still reserved for the task; a late pick may have used some of it up already)."""
        self.connection.execute(
            update(allocations)
            .where(allocations.c.id == task.allocation_id)
            .values(quantity=allocations.c.quantity - quantity)
        )
        self.connection.execute(
            update(order_lines)
            .where(order_lines.c.id == task.order_line_id)
            .values(allocated=order_lines.c.allocated - quantity)
        )
        self.take_stock(task.stock_id, 0, quantity)

    def hold_location_stock(self, task) -> None:
        """The picker found no more of the product at the task's location: every unit there
        that no other order has reserved is held, so allocation never sends anyone there again
        until the location is counted (a count sets on hand and clears `held`)."""
        self.flush()  # the found units left the shelf first
        location_id = select(stock.c.location_id).where(stock.c.id == task.stock_id)
        free = stock.c.on_hand - stock.c.reserved
        self.connection.execute(
            update(stock)
            .where(
                stock.c.product_id == task.product_id,
                stock.c.location_id == location_id.scalar_subquery(),
            )
            .values(held=case((free > 0, free), else_=0))
        )

    def stock_elsewhere(self, task) -> list[StockItem]:
        """The task's product's other stock rows in its warehouse, unranked and unlocked: what a
        reallocation might take from. Which of them it may take, and in what order, is
        allocation's rule (app/domain/stock_choice), not this query's."""
        self.flush()  # it reads stock: pending picks first
        here = (  # the task's own warehouse: an order ships from one (app/domain/sourcing.py)
            select(locations.c.warehouse_id)
            .join(stock, stock.c.location_id == locations.c.id)
            .where(stock.c.id == task.stock_id)
        )
        query = stock_query().where(
            stock.c.product_id == task.product_id,
            stock.c.id != task.stock_id,
            locations.c.warehouse_id.in_(here),
        )
        return [stock_item(row) for row in self.connection.execute(query.order_by(stock.c.id))]

    def pick_progress(self, order_refs: list[int]) -> dict[int, PickProgress]:
        """Per order: its tasks on lists not cancelled, the open ones, the unfinished lists and
        the short picks still waiting for the lead (what `status_after_picking` decides by)."""
        self.flush()
        lists = pick_lists.c.status.not_in(("done", "cancelled"))
        query = (
            select(
                order_lines.c.order_id,
                func.count(pick_tasks.c.id),
                func.sum(case((pick_tasks.c.status == "open", 1), else_=0)),
                func.count(func.distinct(case((lists, pick_lists.c.id), else_=None))),
            )
            .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
            .join(pick_lists, pick_lists.c.id == pick_tasks.c.pick_list_id)
            .where(order_lines.c.order_id.in_(order_refs), pick_lists.c.status != "cancelled")
            .group_by(order_lines.c.order_id)
        )
        found = {
            ref: [tasks, int(open_ or 0), open_lists]
            for ref, tasks, open_, open_lists in self.connection.execute(query)
        }
        shorts = self.connection.execute(
            select(exceptions.c.order_ref, func.count())
            .where(
                exceptions.c.order_ref.in_(order_refs),
                exceptions.c.kind == "short_pick",
                exceptions.c.status == "open",
            )
            .group_by(exceptions.c.order_ref)
        )
        waiting = dict(shorts.all())
        return {
            ref: PickProgress(*found.get(ref, (0, 0, 0)), open_shorts=waiting.get(ref, 0))
            for ref in order_refs
        }

    def add_exception(
        self, kind: str, order_ref: int | None, task_id: int | None, details: dict, now: datetime
    ) -> None:
        self.connection.execute(
            insert(exceptions).values(
                kind=kind,
                status="open",
                order_ref=order_ref,
                pick_task_id=task_id,
                details=details,
                created_at=now,
                note="",
            )
        )

    def move_to_end(self, list_id: int, task_id: int) -> None:
        last = self.connection.execute(
            select(func.max(pick_tasks.c.seq)).where(pick_tasks.c.pick_list_id == list_id)
        ).scalar()
        self.update_task(task_id, seq=(last or 0) + 1)

    def resequence(self, list_id: int, task_ids: list[int]) -> None:
        """These tasks walked last, in this order (only those still on the list)."""
        last = self.connection.execute(
            select(func.max(pick_tasks.c.seq)).where(pick_tasks.c.pick_list_id == list_id)
        ).scalar()
        for i, task_id in enumerate(task_ids):
            self.connection.execute(
                update(pick_tasks)
                .where(pick_tasks.c.id == task_id, pick_tasks.c.pick_list_id == list_id)
                .values(seq=(last or 0) + 1 + i)
            )

    def set_list_status(self, list_id: int, status: str, **values) -> None:
        self.set_lists_status([list_id], status, **values)

    def set_lists_status(self, list_ids: list[int], status: str, **values) -> None:
        self.connection.execute(
            update(pick_lists)
            .where(pick_lists.c.id.in_(list_ids))
            .values(status=status, version=pick_lists.c.version + 1, **values)
        )

    def bind_tote(self, code: str, order_ref: int) -> None:
        found = self.connection.execute(select(totes.c.id).where(totes.c.code == code)).scalar()
        if found is None:
            self.connection.execute(
                insert(totes).values(code=code, order_id=order_ref, status="in_use")
            )
        else:
            # A late bind of a tote the order already has (its cart went to packing meanwhile)
            # must not take it back from the packer: only a tote bound elsewhere is rebound.
            self.connection.execute(
                update(totes)
                .where(totes.c.id == found)
                .where(
                    (totes.c.order_id != order_ref)
                    | totes.c.order_id.is_(None)
                    | (totes.c.status == "free")
                )
                .values(order_id=order_ref, status="in_use")
            )

    def totes_ready(self, order_refs: list[int]) -> None:
        self.connection.execute(
            update(totes)
            .where(totes.c.order_id.in_(order_refs), totes.c.status == "in_use")
            .values(status="ready")
        )
