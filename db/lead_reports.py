"""Read-only queries for the lead: KPI rows summed in the database, and an order's timeline.

The KPI queries reduce a month of events to a few thousand rows with GROUP BY on the
(kind, occurred_at) index, so the arithmetic in app/domain/kpis.py stays cheap.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from sqlalchemy import Connection, func, or_, select

from app.domain.kpis import ActivityRow
from db.kpi_rollup import WORK_KINDS, KpiRollup
from db.readable_rows import readable_rows
from db.schema import (
    events,
    locations,
    order_lines,
    orders,
    packages,
    pick_lists,
    pick_tasks,
    products,
    shipments,
    totes,
    warehouses,
    waves,
)
from db.warehouse_filters import (
    lists_in_warehouse,
    orders_within,
    warehouses_of_order,
    worked_at,
)

GOOD_SCAN = "pick.confirmed"
SHIPPED = "order.shipped"


class SqlLeadReports:
    def __init__(self, connection: Connection, warehouse_id: int | None = None) -> None:
        self.connection = connection
        self._cache: dict = {}
        self.rollup = KpiRollup(connection)
        self.warehouse_id = warehouse_id  # None: every warehouse's work

    def within(self, warehouse_id: int) -> SqlLeadReports:
        """The same reports, one warehouse's alone: work done at its stations (a station with
        no home works for the first), orders reserved or picked there, and its pick lists'
        walking (db/warehouse_filters.py)."""
        return SqlLeadReports(self.connection, warehouse_id)

    def activity(self, start: datetime, end: datetime) -> list[ActivityRow]:
        """Work per person, kind and UTC hour; refused scans ride along in the same pass."""
        return [r for r in self._hourly(start, end) if r.kind in WORK_KINDS.values()]

    def scan_counts(self, start: datetime, end: datetime) -> tuple[int, int]:
        rows = self._hourly(start, end)
        good = sum(r.lines for r in rows if r.kind == "pick")
        return good, sum(r.lines for r in rows if r.kind == "refused")

    def _hourly(self, start: datetime, end: datetime) -> list[ActivityRow]:
        return self._once("hourly", start, end, self._query_hourly)

    def _once(self, name: str, start: datetime, end: datetime, query) -> list:
        """One pass per range, shared by the figures of one report (one unit of work)."""
        key = (name, start, end)
        if key not in self._cache:
            self._cache[key] = query(start, end)
        return self._cache[key]

    def _query_hourly(self, start: datetime, end: datetime) -> list[ActivityRow]:
        if self.warehouse_id is None:
            return self.rollup.hourly(start, end)
        # The roll-up sums every station's work together: one warehouse's is summed directly.
        return self.rollup.direct(start, end, worked_at(self.warehouse_id, events.c.station))

    def refresh_rollup(self) -> int:
        """Sum new events into the hourly roll-up (a write: the caller commits)."""
        return self.rollup.refresh()

    def shipped(self, start: datetime, end: datetime) -> list[tuple]:
        """(imported, ship-by, status, first shipped) for orders shipped or due in the range."""
        return self._once("shipped", start, end, self._query_shipped)

    def _query_shipped(self, start: datetime, end: datetime) -> list[tuple]:
        first_shipped = (
            select(events.c.order_ref, func.min(events.c.occurred_at).label("at"))
            .where(events.c.kind == SHIPPED, events.c.order_ref.is_not(None))
            .group_by(events.c.order_ref)
            .subquery()
        )
        shipped_in = (first_shipped.c.at >= start) & (first_shipped.c.at < end)
        due_in = (orders.c.ship_by >= start) & (orders.c.ship_by < end)
        query = (
            select(
                orders.c.received_at,
                orders.c.ship_by,
                orders.c.status,
                first_shipped.c.at,
                orders.c.id,
            )
            .outerjoin(first_shipped, first_shipped.c.order_ref == orders.c.id)
            .where(shipped_in | due_in)
        )
        if self.warehouse_id is not None:
            query = query.where(orders.c.id.in_(orders_within(self.warehouse_id)))
        rows = readable_rows(self.connection, query, orders.c.id, "order")
        return [(_moment(a), _moment(b), status, _moment(c)) for a, b, status, c, _ in rows]

    def cycle_pairs(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        return [
            (imported, at)
            for imported, _, _, at in self.shipped(start, end)
            if at is not None and _within(at, start, end)
        ]

    def due_rows(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime | None]]:
        return [
            (ship_by, at)
            for _, ship_by, status, at in self.shipped(start, end)
            if ship_by is not None and status != "cancelled" and _within(ship_by, start, end)
        ]

    def distance_rows(self, start: datetime, end: datetime) -> list[tuple[float, float]]:
        query = (
            select(pick_lists.c.distance_m, pick_lists.c.sshape_distance_m)
            .join(waves, waves.c.id == pick_lists.c.wave_id)
            .where(
                waves.c.released_at >= start,
                waves.c.released_at < end,
                pick_lists.c.status != "cancelled",
            )
        )
        if self.warehouse_id is not None:
            query = query.where(pick_lists.c.id.in_(lists_in_warehouse(self.warehouse_id)))
        # A distance that is not a number (NaN, infinity: written by hand) would poison the sums.
        return [
            (float(a), float(b))
            for a, b in self.connection.execute(query)
            if math.isfinite(float(a)) and math.isfinite(float(b))
        ]

    # --- order lookup and timeline ----------------------------------------------------------

    def find_order(self, text: str, warehouse_id: int | None = None) -> int | None:
        """An order by CHANNEL/ORDER_ID, by its order id alone, or by the tote it sits in. Where
        the text fits several (one order id in two channels, a tote code reused), the one of
        warehouse `warehouse_id` if exactly one is there; else none."""
        text = text.strip()
        channel, _, order_id = text.partition("/")
        if order_id:
            match = (orders.c.channel == channel) & (orders.c.order_id == order_id)
        else:
            code = text[2:] if text.upper().startswith("T:") else text
            in_tote = select(totes.c.order_id).where(totes.c.code == code)
            match = or_(orders.c.order_id == text, orders.c.id.in_(in_tote))
        query = select(orders.c.id).where(match)
        refs = self.connection.execute(query.limit(2)).scalars().all()
        if len(refs) > 1 and warehouse_id is not None:
            here = query.where(orders.c.id.in_(orders_within(warehouse_id)))
            refs = self.connection.execute(here.limit(2)).scalars().all()
        return refs[0] if len(refs) == 1 else None

    def order_warehouse(self, order_ref: int) -> str | None:
        """The code of the warehouse the order is reserved or picked in (an order ships whole
        from one); None while it is reserved nowhere."""
        for picked in (True, False):
            query = (
                select(warehouses.c.code)
                .where(warehouses.c.id.in_(warehouses_of_order(order_ref, picked)))
                .order_by(warehouses.c.id)
                .limit(1)
            )
            found = self.connection.execute(query).scalar()
            if found is not None:
                return found
        return None

    def order_header(self, order_ref: int) -> dict:
        """Only what the timeline shows: an order whose date or address cannot be read (an
        older version's row, docs/security.md) still has its history read back."""
        query = select(orders.c.channel, orders.c.order_id, orders.c.status)
        return dict(self.connection.execute(query.where(orders.c.id == order_ref)).one()._mapping)

    def timeline_events(self, order_ref: int) -> list[dict]:
        query = (
            select(
                events.c.kind,
                events.c.occurred_at,
                events.c.user_name,
                events.c.station,
                events.c.payload,
            )
            .where(events.c.order_ref == order_ref)
            .order_by(events.c.seq)
        )
        query = query.add_columns(events.c.seq)
        rows = readable_rows(self.connection, query, events.c.seq, "event")
        return [dict(r._mapping) | {"occurred_at": _moment(r.occurred_at)} for r in rows]

    def timeline_picks(self, order_ref: int) -> list[dict]:
        query = (
            select(
                pick_tasks.c.id,
                pick_tasks.c.status,
                pick_tasks.c.quantity,
                pick_tasks.c.picked,
                pick_tasks.c.short,
                pick_tasks.c.picked_by,
                pick_tasks.c.picked_at,
                locations.c.code.label("location"),
                products.c.sku,
            )
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .join(locations, locations.c.id == pick_tasks.c.location_id)
            .join(products, products.c.id == pick_tasks.c.product_id)
            .where(order_lines.c.order_id == order_ref)
            .order_by(pick_tasks.c.pick_list_id, pick_tasks.c.seq)
        )
        return [
            dict(r._mapping) | {"picked_at": _moment(r.picked_at)}
            for r in self.connection.execute(query)
        ]

    def timeline_shipments(self, order_ref: int) -> list[dict]:
        query = (
            select(
                shipments.c.carrier,
                shipments.c.tracking_number,
                shipments.c.created_at,
                func.count(packages.c.id).label("packages"),
            )
            .outerjoin(packages, packages.c.shipment_id == shipments.c.id)
            .where(shipments.c.order_id == order_ref)
            .group_by(shipments.c.id)
        )
        return [
            dict(r._mapping) | {"created_at": _moment(r.created_at)}
            for r in self.connection.execute(query)
        ]

    # --- helpers ----------------------------------------------------------------------------

    def _in_range(self, start: datetime, end: datetime) -> tuple:
        return (events.c.occurred_at >= start, events.c.occurred_at < end)


def _within(moment: datetime, start: datetime, end: datetime) -> bool:
    return _utc(start) <= _utc(moment) < _utc(end)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _moment(value) -> datetime | None:
    """SQLite hands back text or naive datetimes; PostgreSQL aware ones. Return datetimes."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
