"""What the shift lead's console reads and changes: the board, assignments, exceptions, stock fixes.

SQLAlchemy Core over one connection of a unit of work (the database worker thread runs it).
KPI and timeline queries live in db/lead_reports.py.
"""

from __future__ import annotations

from sqlalchemy import Connection, and_, case, func, insert, or_, select, update

from app.errors import BadInput, NotFound
from app.messages import message
from db.labour_reads import SqlLabourReads
from db.lead_reports import SqlLeadReports
from db.readable_rows import readable_rows
from db.risk_reads import SqlRiskReads
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
    users,
    waves,
)
from db.warehouse_filters import lists_in_warehouse, orders_elsewhere, tasks_elsewhere

ACTIVE_LISTS = ("planned", "released", "assigned", "picking", "held")
HELD = "held"  # a held pick list is offered to no station until the lead resumes its wave


class SqlLeadRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.reports = SqlLeadReports(connection)  # KPIs and timelines, read only
        self.risk = SqlRiskReads(connection)  # what the at-risk prediction reads
        self.labour = SqlLabourReads(connection)  # labour standards: history and earned work

    # --- the board --------------------------------------------------------------------------

    def board(self, warehouse_id: int | None = None) -> list[dict]:
        """Every active pick list with its wave, assignee and progress; only the lists of
        warehouse `warehouse_id` when it is given.

        Progress is summed per list first (an index walk over the active lists' tasks), then
        joined: about three times faster on SQLite than grouping the whole join.
        """
        active = pick_lists.c.status.in_(ACTIVE_LISTS)
        if warehouse_id is not None:
            active = and_(active, pick_lists.c.id.in_(lists_in_warehouse(warehouse_id)))
        progress = (
            select(
                pick_tasks.c.pick_list_id,
                func.count().label("total"),
                func.sum(case((pick_tasks.c.status != "open", 1), else_=0)).label("done"),
                func.min(pick_tasks.c.picked_at).label("first_pick"),
                # units to scan, and still to scan: the labour standard's scans (docs/lead.md)
                func.sum(pick_tasks.c.quantity).label("units"),
                func.sum(
                    case((pick_tasks.c.status == "open", pick_tasks.c.quantity), else_=0)
                ).label("units_left"),
            )
            .where(pick_tasks.c.pick_list_id.in_(select(pick_lists.c.id).where(active)))
            .group_by(pick_tasks.c.pick_list_id)
            .subquery()
        )
        query = (
            select(
                pick_lists.c.id,
                waves.c.id.label("wave_id"),
                waves.c.name.label("wave"),
                waves.c.status.label("wave_status"),
                pick_lists.c.status,
                pick_lists.c.assignee_id,
                users.c.name.label("assignee"),
                pick_lists.c.claimed_at,
                progress.c.first_pick,
                pick_lists.c.distance_m,
                pick_lists.c.version,
                func.coalesce(progress.c.total, 0).label("total"),
                func.coalesce(progress.c.done, 0).label("done"),
                func.coalesce(progress.c.units, 0).label("units"),
                func.coalesce(progress.c.units_left, 0).label("units_left"),
            )
            .join(waves, waves.c.id == pick_lists.c.wave_id)
            .outerjoin(users, users.c.id == pick_lists.c.assignee_id)
            .outerjoin(progress, progress.c.pick_list_id == pick_lists.c.id)
            .where(active)
            .order_by(waves.c.id, pick_lists.c.id)
        )
        rows = readable_rows(self.connection, query, pick_lists.c.id, "pick list")
        return [row._asdict() for row in rows]

    def pickers(self) -> list[tuple[int, str]]:
        query = (
            select(users.c.id, users.c.name)
            .where(users.c.role == "picker", users.c.active.is_(True))
            .order_by(users.c.name)
        )
        return [tuple(row) for row in self.connection.execute(query)]

    def user_id(self, name: str) -> int:
        found = self.connection.execute(select(users.c.id).where(users.c.name == name)).scalar()
        if found is None:
            raise NotFound(message("user.not_found", name=name))
        return found

    def wave(self, wave_id: int) -> dict:
        row = self.connection.execute(select(waves).where(waves.c.id == wave_id)).first()
        if row is None:
            raise NotFound(message("wave.not_found", id=wave_id))
        return dict(row._mapping)

    def wave_list_ids(self, wave_id: int) -> list[int]:
        query = select(pick_lists.c.id).where(
            pick_lists.c.wave_id == wave_id, pick_lists.c.status.in_(ACTIVE_LISTS)
        )
        return list(self.connection.execute(query).scalars())

    # --- assignments ------------------------------------------------------------------------

    def assign(self, list_ids: list[int], user_id: int | None) -> list[int]:
        """Give the lists (their remaining tasks) to a picker, or back to the pool with None.

        The version bump tells every station its copy is stale: the old one stops offering the
        list, the new assignee's station picks it up. Confirmed tasks keep their `picked_by`.
        """
        active = pick_lists.c.status.in_(("planned", "released", "assigned", "picking", HELD))
        found = self.connection.execute(
            select(pick_lists.c.id).where(pick_lists.c.id.in_(list_ids), active)
        ).scalars()
        found = sorted(found)
        if not found:
            return []
        if user_id is None:
            status = case(
                (pick_lists.c.status.in_(("assigned", "picking")), "released"),
                else_=pick_lists.c.status,
            )
        else:
            status = case(
                (pick_lists.c.status == "released", "assigned"), else_=pick_lists.c.status
            )
        self.connection.execute(
            update(pick_lists)
            .where(pick_lists.c.id.in_(found))
            .values(assignee_id=user_id, status=status, version=pick_lists.c.version + 1)
        )
        return found

    def set_wave_held(self, wave_id: int, held: bool) -> int:
        """Hold: no station is offered its lists. Resume: back to assigned or released."""
        lists = and_(pick_lists.c.wave_id == wave_id)
        if held:
            changed = self.connection.execute(
                update(pick_lists)
                .where(lists, pick_lists.c.status.in_(("released", "assigned", "picking")))
                .values(status=HELD, version=pick_lists.c.version + 1)
            ).rowcount
            new_wave_status = "on_hold"
        else:
            back = case((pick_lists.c.assignee_id.is_(None), "released"), else_="assigned")
            changed = self.connection.execute(
                update(pick_lists)
                .where(lists, pick_lists.c.status == HELD)
                .values(status=back, version=pick_lists.c.version + 1)
            ).rowcount
            new_wave_status = "released"
        self.connection.execute(
            update(waves).where(waves.c.id == wave_id).values(status=new_wave_status)
        )
        return changed

    def cancel_wave(self, wave_id: int) -> list[int]:
        """Drop a wave nobody has picked from yet; returns its orders (to release their stock)."""
        list_ids = select(pick_lists.c.id).where(pick_lists.c.wave_id == wave_id)
        tasks = pick_tasks.c.pick_list_id.in_(list_ids)
        started = self.connection.execute(  # a task picked in part is still open: it counts
            select(func.count()).where(
                tasks, (pick_tasks.c.status != "open") | (pick_tasks.c.picked > 0)
            )
        ).scalar_one()
        if started:
            raise BadInput(message("wave.already_picked", id=wave_id, started=started))
        refs = self.connection.execute(
            select(order_lines.c.order_id)
            .distinct()
            .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
            .where(tasks)
        ).scalars()
        refs = sorted(refs)
        # The tasks point at the allocations that are about to be released: they go first.
        self.connection.execute(pick_tasks.delete().where(tasks))
        self.connection.execute(
            update(pick_lists)
            .where(pick_lists.c.wave_id == wave_id)
            .values(status="cancelled", version=pick_lists.c.version + 1)
        )
        self.connection.execute(
            update(waves).where(waves.c.id == wave_id).values(status="cancelled")
        )
        return refs

    def drop_open_tasks(self, order_ref: int) -> int:
        """Take a cancelled order's open tasks off its carts (before its allocations go)."""
        lines = select(order_lines.c.id).where(order_lines.c.order_id == order_ref)
        mine = pick_tasks.c.order_line_id.in_(lines)
        list_ids = (
            self.connection.execute(select(pick_tasks.c.pick_list_id).distinct().where(mine))
            .scalars()
            .all()
        )
        dropped = self.connection.execute(
            pick_tasks.delete().where(mine, pick_tasks.c.status == "open")
        ).rowcount
        emptied = (
            ~select(pick_tasks.c.id).where(pick_tasks.c.pick_list_id == pick_lists.c.id).exists()
        )
        self.connection.execute(
            update(pick_lists)
            .where(pick_lists.c.id.in_(list_ids))
            .values(
                version=pick_lists.c.version + 1,
                status=case((emptied, "cancelled"), else_=pick_lists.c.status),
            )
        )
        return dropped

    # --- exceptions -------------------------------------------------------------------------

    def open_exceptions(self, warehouse_id: int | None = None) -> list[dict]:
        """Open exceptions; with `warehouse_id`, not those of another warehouse's orders or
        pick tasks (one that names neither is every warehouse's)."""
        query = (
            select(
                exceptions.c.id,
                exceptions.c.kind,
                exceptions.c.order_ref,
                exceptions.c.pick_task_id,
                exceptions.c.details,
                exceptions.c.created_at,
                orders.c.channel,
                orders.c.order_id,
            )
            .outerjoin(orders, orders.c.id == exceptions.c.order_ref)
            .where(exceptions.c.status == "open")
            .order_by(exceptions.c.created_at, exceptions.c.id)
        )
        if warehouse_id is not None:
            query = query.where(
                or_(
                    exceptions.c.order_ref.is_(None),
                    exceptions.c.order_ref.not_in(orders_elsewhere(warehouse_id)),
                ),
                or_(
                    exceptions.c.pick_task_id.is_(None),
                    exceptions.c.pick_task_id.not_in(tasks_elsewhere(warehouse_id)),
                ),
            )
        rows = readable_rows(self.connection, query, exceptions.c.id, "exception")
        return [dict(row._mapping) for row in rows]

    def orders_in(
        self, statuses: tuple[str, ...], ship_by_before=None, warehouse_id: int | None = None
    ) -> list[dict]:
        """Orders in these statuses; with `warehouse_id`, not another warehouse's."""
        query = select(
            orders.c.id,
            orders.c.channel,
            orders.c.order_id,
            orders.c.status,
            orders.c.ship_by,
            orders.c.priority,
            orders.c.reason,
        ).where(orders.c.status.in_(statuses))
        if ship_by_before is not None:
            query = query.where(orders.c.ship_by < ship_by_before)
        if warehouse_id is not None:
            query = query.where(orders.c.id.not_in(orders_elsewhere(warehouse_id)))
        rows = readable_rows(self.connection, query.order_by(orders.c.id), orders.c.id, "order")
        return [dict(r._mapping) for r in rows]

    def orders_of_other_warehouses(self, warehouse_id: int, order_refs: list[int]) -> set[int]:
        """Which of these orders are reserved or picked in a warehouse other than this one."""
        if not order_refs:
            return set()
        query = select(orders.c.id).where(
            orders.c.id.in_(order_refs), orders.c.id.in_(orders_elsewhere(warehouse_id))
        )
        return set(self.connection.execute(query).scalars())

    def exception(self, exception_id: int) -> dict:
        row = self.connection.execute(
            select(exceptions).where(exceptions.c.id == exception_id)
        ).first()
        if row is None:
            raise NotFound(message("exception.not_found", id=exception_id))
        return dict(row._mapping)

    def mark_resolved(self, exception_id: int, resolution: str, note: str, by: str, now) -> None:
        changed = self.connection.execute(
            update(exceptions)
            .where(exceptions.c.id == exception_id, exceptions.c.status == "open")
            .values(
                status="resolved",
                resolution=resolution,
                note=note,
                resolved_by=by,
                resolved_at=now,
            )
        ).rowcount
        if not changed:
            raise BadInput(message("exception.already_resolved", id=exception_id))

    def set_priority(self, order_ref: int, priority: int) -> None:
        self.connection.execute(
            update(orders).where(orders.c.id == order_ref).values(priority=priority)
        )

    # --- stock and allocation fixes behind a resolution --------------------------------------

    def task(self, task_id: int) -> dict:
        query = (
            select(
                pick_tasks,
                allocations.c.stock_id,
                locations.c.code.label("location"),
                products.c.sku,
                order_lines.c.order_id.label("order_ref"),
            )
            .join(allocations, allocations.c.id == pick_tasks.c.allocation_id)
            .join(locations, locations.c.id == pick_tasks.c.location_id)
            .join(products, products.c.id == pick_tasks.c.product_id)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .where(pick_tasks.c.id == task_id)
        )
        row = self.connection.execute(query).first()
        if row is None:
            raise NotFound(message("task.not_found", id=task_id))
        return dict(row._mapping)

    def write_off(self, stock_id: int, quantity: int) -> None:
        self.connection.execute(
            update(stock)
            .where(stock.c.id == stock_id)
            .values(on_hand=self._floor(stock.c.on_hand - quantity, 0))
        )

    def cancel_units(self, line_id: int, quantity: int) -> None:
        """The customer gets fewer: the ordered quantity shrinks (never below what was picked)."""
        self.connection.execute(
            update(order_lines)
            .where(order_lines.c.id == line_id)
            .values(quantity=self._floor(order_lines.c.quantity - quantity, order_lines.c.picked))
        )

    def reallocate(self, task: dict, stock_id: int, quantity: int) -> str:
        """Reserve `quantity` of stock row `stock_id` for the task's order line and add a task
        for it to the same pick list; returns its location. The caller chose the row by the
        allocation rule (app/domain/stock_choice) over rows it locked: this writes, not checks."""
        source = self.connection.execute(
            select(stock.c.id, stock.c.location_id, locations.c.code)
            .join(locations, locations.c.id == stock.c.location_id)
            .where(stock.c.id == stock_id)
        ).one()
        allocation_id = self.connection.execute(
            insert(allocations)
            .values(order_line_id=task["order_line_id"], stock_id=source.id, quantity=quantity)
            .returning(allocations.c.id)
        ).scalar_one()
        self._add_reserved(source.id, quantity)
        self.connection.execute(
            update(order_lines)
            .where(order_lines.c.id == task["order_line_id"])
            .values(allocated=order_lines.c.allocated + quantity)
        )
        self._append_task(task, allocation_id, source.location_id, quantity)
        return source.code

    def _append_task(self, task: dict, allocation_id: int, location_id: int, quantity: int):
        list_id = task["pick_list_id"]
        last = self.connection.execute(
            select(func.max(pick_tasks.c.seq)).where(pick_tasks.c.pick_list_id == list_id)
        ).scalar_one()
        self.connection.execute(
            insert(pick_tasks).values(
                pick_list_id=list_id,
                seq=(last or 0) + 1,
                allocation_id=allocation_id,
                location_id=location_id,
                product_id=task["product_id"],
                order_line_id=task["order_line_id"],
                quantity=quantity,
                picked=0,
                short=0,
                status="open",
            )
        )
        reopened = case((pick_lists.c.assignee_id.is_(None), "released"), else_="assigned")
        status = case((pick_lists.c.status == "done", reopened), else_=pick_lists.c.status)
        self.connection.execute(
            update(pick_lists)
            .where(pick_lists.c.id == list_id)
            .values(status=status, finished_at=None, version=pick_lists.c.version + 1)
        )

    def _add_reserved(self, stock_id: int, delta: int) -> None:
        self.connection.execute(
            update(stock)
            .where(stock.c.id == stock_id)
            .values(reserved=self._floor(stock.c.reserved + delta, 0))
        )

    def _floor(self, value, lowest):
        """The larger of two values: max() on SQLite, greatest() on PostgreSQL."""
        larger = func.max if self.connection.dialect.name == "sqlite" else func.greatest
        return larger(value, lowest)
