"""Cycle counts over SQLAlchemy Core: count tasks, and the stock of one location as a count
reads and locks it (docs/stock.md "Counting"). Runs inside a `SqlUnitOfWork` transaction."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select, update

from app.domain.counting import UNFINISHED, CountStatus, CountTask
from app.domain.stock_ledger import MovementKind
from db.schema import (
    allocations,
    count_tasks,
    locations,
    order_lines,
    orders,
    pick_tasks,
    products,
    stock,
    stock_movements,
)
from db.warehouses_repo import WarehouseScope

_UNFINISHED = [s.value for s in UNFINISHED]
_OUTCOME_OF = {CountStatus.DONE.value: "adjusted"}  # recount and approval say themselves
_TASK_COLUMNS = (
    count_tasks.c.id,
    locations.c.code.label("location"),
    count_tasks.c.reason,
    count_tasks.c.status,
    count_tasks.c.created_by,
    count_tasks.c.counted_by,
)


# Ledger kinds that set a row's figure (a count on the floor, an import at the desk).
SETS_THE_FIGURE = (MovementKind.COUNT.value, MovementKind.IMPORT.value)


class SqlCountRepository:
    def __init__(self, connection: Connection, scope: WarehouseScope | None = None) -> None:
        self.connection = connection
        self._scope = scope  # a station's home: it counts only its warehouse's locations

    # ---- locations ------------------------------------------------------------------------
    def location_range(self, first: str, last: str) -> list[str]:
        """Location codes from `first` to `last` (both included), in code order."""
        query = (
            select(locations.c.code)
            .where(locations.c.code >= first, locations.c.code <= last)
            .order_by(locations.c.code)
        )
        return list(self.connection.execute(query).scalars())

    def known_locations(self, codes: list[str]) -> set[str]:
        query = select(locations.c.code).where(locations.c.code.in_(codes))
        return set(self.connection.execute(query).scalars())

    # ---- what the count plan reads (app/services/count_abc.py) -----------------------------
    def pick_lines(self, since: datetime, until: datetime) -> dict[str, int]:
        """Pick lines confirmed with units from `since` (included) to `until`, per SKU."""
        query = (
            select(products.c.sku, func.count())
            .join(products, products.c.id == pick_tasks.c.product_id)
            .where(
                pick_tasks.c.picked > 0,
                pick_tasks.c.picked_at >= _utc(since),
                pick_tasks.c.picked_at < _utc(until),
            )
            .group_by(products.c.sku)
        )
        return {sku: int(n) for sku, n in self.connection.execute(query)}

    def holdings(self) -> dict[str, list[str]]:
        """Location code -> the SKUs the system has on hand there (locations holding none are
        left out)."""
        query = (
            select(locations.c.code, products.c.sku)
            .join(locations, locations.c.id == stock.c.location_id)
            .join(products, products.c.id == stock.c.product_id)
            .where(stock.c.on_hand > 0)
            .distinct()
            .order_by(locations.c.code, products.c.sku)
        )
        held: dict[str, list[str]] = {}
        for code, sku in self.connection.execute(query):
            held.setdefault(code, []).append(sku)
        return held

    def last_counts(self) -> dict[str, datetime]:
        """Location code -> when its last count task was done (closed)."""
        query = (
            select(locations.c.code, func.max(count_tasks.c.closed_at))
            .join(locations, locations.c.id == count_tasks.c.location_id)
            .where(
                count_tasks.c.status == CountStatus.DONE.value, count_tasks.c.closed_at.isnot(None)
            )
            .group_by(locations.c.code)
        )
        return {code: _aware(at) for code, at in self.connection.execute(query)}

    # ---- tasks ----------------------------------------------------------------------------
    def add_tasks(self, codes: list[str], reason: str, created_by: str, now: datetime) -> list[int]:
        """A task per location that has no unfinished one yet (one count at a time)."""
        ids = dict(
            self.connection.execute(
                select(locations.c.code, locations.c.id).where(locations.c.code.in_(codes))
            ).all()
        )
        busy = set(
            self.connection.execute(
                select(count_tasks.c.location_id).where(count_tasks.c.status.in_(_UNFINISHED))
            ).scalars()
        )
        added = []
        for code in dict.fromkeys(codes):
            if code not in ids or ids[code] in busy:
                continue
            statement = insert(count_tasks).values(
                location_id=ids[code],
                reason=reason,
                status=CountStatus.OPEN.value,
                created_at=now,
                created_by=created_by,
            )
            added.append(self.connection.execute(statement).inserted_primary_key[0])
        return added

    def task(self, task_id: int) -> dict | None:
        query = (
            select(count_tasks, locations.c.code.label("location"))
            .join(locations, locations.c.id == count_tasks.c.location_id)
            .where(count_tasks.c.id == task_id)
        )
        row = self.connection.execute(query).mappings().first()
        return dict(row) if row else None

    def unfinished_at(self, location: str) -> dict | None:
        query = (
            select(count_tasks.c.id)
            .join(locations, locations.c.id == count_tasks.c.location_id)
            .where(locations.c.code == location, count_tasks.c.status.in_(_UNFINISHED))
            .order_by(count_tasks.c.id)
        )
        found = self.connection.execute(query).scalar()
        return None if found is None else self.task(found)

    def lock_task(self, task_id: int) -> dict | None:
        """The task, locked: two counts (or a count and a lead) of one task follow each other."""
        self.connection.execute(
            select(count_tasks.c.id).where(count_tasks.c.id == task_id).with_for_update()
        ).first()
        return self.task(task_id)

    def open_tasks(self, limit: int = 200) -> list[CountTask]:
        """Tasks waiting for a count, recounts first (a variance waits), then oldest first."""
        waiting = [CountStatus.OPEN.value, CountStatus.RECOUNT.value]
        query = (
            select(*_TASK_COLUMNS)
            .join(locations, locations.c.id == count_tasks.c.location_id)
            .where(count_tasks.c.status.in_(waiting))
            .order_by((count_tasks.c.status == CountStatus.OPEN.value), count_tasks.c.id)
            .limit(limit)
        )
        home = self._scope.only() if self._scope is not None else None
        if home is not None:
            query = query.where(locations.c.warehouse_id == home)
        return [CountTask(**row._mapping) for row in self.connection.execute(query)]

    def update_task(self, task_id: int, **values) -> None:
        self.connection.execute(
            update(count_tasks).where(count_tasks.c.id == task_id).values(**values)
        )

    # ---- stock at a location --------------------------------------------------------------
    def lock_location(self, location: str) -> list[dict]:
        """The location's stock rows, locked in id order (the order every writer locks them),
        so a pick's write waits for the count and then sees what it set."""
        query = (
            select(
                stock.c.id,
                products.c.sku,
                stock.c.lot,
                stock.c.on_hand,
                stock.c.reserved,
                stock.c.held,
                stock.c.counted_at,
                stock.c.expiry,
            )
            .join(locations, locations.c.id == stock.c.location_id)
            .join(products, products.c.id == stock.c.product_id)
            .where(locations.c.code == location)
            .order_by(stock.c.id)
            .with_for_update(of=stock)
        )
        return [dict(row._mapping) for row in self.connection.execute(query)]

    def changed_after(self, location: str, sku: str, lot: str, after: datetime) -> int:
        """What the ledger added to the row for changes that happened on the floor after
        `after` (picks, moves, put-aways): they are not in a count made then. Counts and
        imports set the figure rather than change it, so they are not added."""
        query = (
            select(func.coalesce(func.sum(stock_movements.c.delta), 0))
            .join(locations, locations.c.id == stock_movements.c.location_id)
            .join(products, products.c.id == stock_movements.c.product_id)
            .where(
                locations.c.code == location,
                products.c.sku == sku,
                stock_movements.c.lot == lot,
                stock_movements.c.occurred_at > after,
                stock_movements.c.kind.not_in(SETS_THE_FIGURE),
            )
        )
        return int(self.connection.execute(query).scalar_one())

    def mark_counted(self, stock_id: int, at: datetime, expiry=None) -> None:
        """The row was counted at `at` (floor time): a hold from a short pick ends."""
        values: dict = {"counted_at": at, "held": 0}
        if expiry is not None:
            values["expiry"] = expiry
        self.connection.execute(update(stock).where(stock.c.id == stock_id).values(**values))

    def reservations(self, stock_id: int) -> list[dict]:
        """What is reserved on a stock row, least urgent (then newest) order first: who gives
        units back when a count leaves less on the shelf than is reserved. Each with its open
        pick task, if any."""
        query = (
            select(
                allocations.c.id.label("allocation_id"),
                allocations.c.quantity,
                allocations.c.order_line_id,
                order_lines.c.order_id.label("order_ref"),
                orders.c.status.label("order_status"),
                pick_tasks.c.id.label("task_id"),
                func.coalesce(pick_tasks.c.picked, 0).label("picked"),
            )
            .join(order_lines, order_lines.c.id == allocations.c.order_line_id)
            .join(orders, orders.c.id == order_lines.c.order_id)
            .outerjoin(pick_tasks, pick_tasks.c.allocation_id == allocations.c.id)
            .where(
                allocations.c.stock_id == stock_id,
                allocations.c.quantity > 0,
                (pick_tasks.c.id.is_(None)) | (pick_tasks.c.status == "open"),
            )
            .order_by(orders.c.priority, orders.c.id.desc())
        )
        return [dict(row._mapping) for row in self.connection.execute(query)]

    def latest_counted(self, location: str, fact_id: str) -> tuple[dict, str] | None:
        """The record a count fact left on its task at `location` and what came of it
        (adjusted, recount, approval), or None when no task holds it."""
        query = (
            select(count_tasks.c.status, count_tasks.c.first_count, count_tasks.c.second_count)
            .join(locations, locations.c.id == count_tasks.c.location_id)
            .where(locations.c.code == location)
            .order_by(count_tasks.c.id.desc())
            .limit(20)
        )
        for row in self.connection.execute(query):
            for record in (row.second_count, row.first_count):
                if record and record.get("fact_id") == fact_id:
                    return record, _OUTCOME_OF.get(row.status, row.status)
        return None


def _utc(moment: datetime) -> datetime:
    # SQLite keeps the wall time it was given: the writers give UTC, so compare in UTC.
    return moment.astimezone(UTC)


def _aware(value) -> datetime:
    """SQLite hands back naive UTC datetimes (or text); PostgreSQL aware ones."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
