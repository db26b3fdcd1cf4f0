"""The lead's returns desk over SQLAlchemy Core (`uow.returns_desk`): open RMAs, received
returns, quarantine stock and its decisions, and the rows the returns KPIs are computed from
(app/domain/returns_desk.py). Runs on whichever thread owns the unit of work (the lead's
database worker, or the CLI's)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, and_, func, or_, select, update

from app.domain.returns import TO_STOCK, counts_as_returned
from app.domain.returns_desk import (
    NO_REASON,
    UNANNOUNCED,
    Decision,
    OpenRma,
    QuarantineItem,
    ReceivedReturn,
    ReturnedUnits,
    ReturnLineView,
)
from db.schema import (
    events,
    order_lines,
    orders,
    products,
    quarantine,
    return_lines,
    returns,
    rma_lines,
    rmas,
)
from db.warehouse_filters import orders_elsewhere, worked_at
from db.warehouses_repo import WarehouseScope

SHIPPED = "order.shipped"
OPEN = "open"


class SqlReturnsDeskRepository:
    def __init__(self, connection: Connection, scope: WarehouseScope | None = None) -> None:
        self.connection = connection
        self._scope = scope  # a desk with a home: its warehouse's returns alone

    def _home(self) -> int | None:
        return self._scope.only() if self._scope is not None else None

    def _ours(self, query):
        """Returns and quarantine of this desk's warehouse: received at one of its stations
        (a station with no home works for the first); one received nowhere known, everywhere."""
        home = self._home()
        if home is None:
            return query
        return query.where(or_(returns.c.station.is_(None), worked_at(home, returns.c.station)))

    # ---- what the Returns tab lists ----------------------------------------------------------
    def open_rmas(self, limit: int = 200) -> list[OpenRma]:
        units = (
            select(rma_lines.c.rma_ref, func.sum(rma_lines.c.quantity).label("units"))
            .group_by(rma_lines.c.rma_ref)
            .subquery()
        )
        query = (
            select(rmas, orders.c.channel, orders.c.order_id, units.c.units)
            .join(orders, orders.c.id == rmas.c.order_ref)
            .outerjoin(units, units.c.rma_ref == rmas.c.id)
            .where(rmas.c.status == OPEN)
            .order_by(rmas.c.imported_at, rmas.c.id)
            .limit(limit)
        )
        home = self._home()
        if home is not None:  # an RMA comes back where its order shipped from
            query = query.where(rmas.c.order_ref.not_in(orders_elsewhere(home)))
        return [
            OpenRma(r.rma_id, r.channel, r.order_id, r.reason, int(r.units or 0), r.imported_at)
            for r in self.connection.execute(query)
        ]

    def received_returns(self, since: datetime, limit: int = 200) -> list[ReceivedReturn]:
        query = (
            select(returns, orders.c.channel, orders.c.order_id, rmas.c.rma_id)
            .join(orders, orders.c.id == returns.c.order_ref)
            .outerjoin(rmas, rmas.c.id == returns.c.rma_ref)
            .where(returns.c.arrived_at >= since)
            .order_by(returns.c.arrived_at.desc(), returns.c.id.desc())
            .limit(limit)
        )
        heads = list(self.connection.execute(self._ours(query)))
        lines = self._lines_of([h.id for h in heads])
        return [
            ReceivedReturn(
                h.return_id,
                h.channel,
                h.order_id,
                h.rma_id or "",
                h.status,
                h.arrived_at,
                h.closed_by or "",
                tuple(lines.get(h.id, ())),
            )
            for h in heads
        ]

    def _lines_of(self, refs: list[int]) -> dict[int, list[ReturnLineView]]:
        if not refs:
            return {}
        query = (
            select(return_lines, products.c.sku)
            .join(products, products.c.id == return_lines.c.product_id)
            .where(return_lines.c.return_ref.in_(refs))
            .order_by(return_lines.c.id)
        )
        out: dict[int, list[ReturnLineView]] = {}
        for r in self.connection.execute(query):
            view = ReturnLineView(
                r.sku, r.quantity, r.condition, r.location, r.lot, r.serial, r.flag
            )
            out.setdefault(r.return_ref, []).append(view)
        return out

    def open_quarantine(self) -> list[QuarantineItem]:
        return [
            _item(r)
            for r in self.connection.execute(
                self._ours(_quarantine_query(quarantine.c.status == OPEN))
            )
        ]

    # ---- a lead's decision ---------------------------------------------------------------------
    def lock_quarantine(self, item_id: int) -> tuple[QuarantineItem, str, str] | None:
        """The row (locked until the transaction ends), its status and who decided it."""
        query = _quarantine_query(quarantine.c.id == item_id).with_for_update(of=quarantine)
        row = self.connection.execute(query).first()
        if row is None:
            return None
        return _item(row), row.status, row.decided_by or ""

    def decide_quarantine(
        self, item_id: int, status: str, at: datetime, by: str, restocked_to: str | None
    ) -> bool:
        """Settle an open row; False when another lead settled it first."""
        done = self.connection.execute(
            update(quarantine)
            .where(quarantine.c.id == item_id, quarantine.c.status == OPEN)
            .values(status=status, decided_at=at, decided_by=by, restocked_to=restocked_to)
        )
        return done.rowcount == 1

    # ---- the KPIs' rows --------------------------------------------------------------------
    def shipped_by_sku(self, start: datetime, end: datetime) -> dict[str, int]:
        """Units packed on orders that shipped in [start, end), per SKU (a homed desk: its own
        warehouse's orders, as `open_rmas`)."""
        shipped = (
            select(events.c.order_ref)
            .where(events.c.kind == SHIPPED, events.c.occurred_at >= start)
            .where(events.c.occurred_at < end)
            .distinct()
            .subquery()
        )
        query = (
            select(products.c.sku, func.sum(order_lines.c.packed))
            .join(order_lines, order_lines.c.product_id == products.c.id)
            .join(shipped, shipped.c.order_ref == order_lines.c.order_id)
            .group_by(products.c.sku)
        )
        home = self._home()
        if home is not None:  # the orders it shipped: none picked or reserved elsewhere
            query = query.where(order_lines.c.order_id.not_in(orders_elsewhere(home)))
        return {sku: int(n or 0) for sku, n in self.connection.execute(query)}

    def returned_units(self, start: datetime, end: datetime) -> list[ReturnedUnits]:
        """The order's own units received back in [start, end), with the RMA's reason (the
        line's, else the RMA's; UNANNOUNCED without an RMA)."""
        reason = func.coalesce(
            func.nullif(rma_lines.c.reason, ""), func.nullif(rmas.c.reason, ""), ""
        )
        query = (
            select(
                products.c.sku,
                return_lines.c.quantity,
                return_lines.c.condition,
                reason.label("reason"),
                rmas.c.id.label("rma_ref"),
            )
            .join(products, products.c.id == return_lines.c.product_id)
            .join(returns, returns.c.id == return_lines.c.return_ref)
            .outerjoin(rmas, rmas.c.id == returns.c.rma_ref)
            .outerjoin(
                rma_lines,
                and_(
                    rma_lines.c.rma_ref == rmas.c.id,
                    rma_lines.c.product_id == return_lines.c.product_id,
                ),
            )
            .where(return_lines.c.order_line_id.is_not(None))
            .where(return_lines.c.received_at >= start, return_lines.c.received_at < end)
        )
        return [
            ReturnedUnits(r.sku, r.quantity, _reason(r.reason, r.rma_ref), r.condition)
            for r in self.connection.execute(self._ours(query))
            if counts_as_returned(r.condition)
        ]

    def decisions(self, start: datetime, end: datetime) -> list[Decision]:
        """Each unit group that arrived in [start, end): arrival, and when its fate was decided
        (at the station for a resellable unit; by a lead for one in quarantine)."""
        query = (
            select(
                returns.c.arrived_at,
                return_lines.c.destination,
                return_lines.c.received_at,
                quarantine.c.decided_at,
            )
            .join(returns, returns.c.id == return_lines.c.return_ref)
            .outerjoin(quarantine, quarantine.c.return_line_id == return_lines.c.id)
            .where(returns.c.arrived_at >= start, returns.c.arrived_at < end)
            .where(return_lines.c.destination != "none")
        )
        return [
            Decision(r.arrived_at, r.received_at if r.destination == TO_STOCK else r.decided_at)
            for r in self.connection.execute(self._ours(query))
        ]


def _reason(reason: str, rma_ref: int | None) -> str:
    if rma_ref is None:
        return UNANNOUNCED
    return reason or NO_REASON


def _quarantine_query(where):
    return (
        select(
            quarantine,
            products.c.sku,
            products.c.name,
            orders.c.channel,
            orders.c.order_id,
        )
        .join(products, products.c.id == quarantine.c.product_id)
        .outerjoin(return_lines, return_lines.c.id == quarantine.c.return_line_id)
        .outerjoin(returns, returns.c.id == return_lines.c.return_ref)
        .outerjoin(orders, orders.c.id == returns.c.order_ref)
        .where(where)
        .order_by(quarantine.c.entered_at, quarantine.c.id)
    )


def _item(r) -> QuarantineItem:
    return QuarantineItem(
        r.id,
        r.sku,
        r.name,
        r.lot,
        r.expiry,
        r.serial,
        r.quantity,
        r.reason,
        r.entered_at,
        r.channel or "",
        r.order_id or "",
    )
