"""What the at-risk prediction reads (app/domain/at_risk.py): the open orders with the lines
each still has to pick, and the floor's work in the last hour. Read only; `uow.lead.risk`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, func, select

from app.domain.at_risk import OPEN, OpenOrder, Work
from db.readable_rows import readable_rows
from db.schema import events, order_lines, orders
from db.users_repo import aware

# One pick.confirmed per line confirmed at the shelf (db/kpi_rollup.py), one order.packed per
# order, both stamped with who did it.
WORK = {"pick.confirmed": "pick", "order.packed": "pack"}
AT_RISK = "order.at_risk"


class SqlRiskReads:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def open_orders(self) -> list[OpenOrder]:
        """Orders not yet shipped that have a ship-by, with their lines not fully picked; a row
        that cannot be read is skipped and reported (db/readable_rows.py)."""
        to_pick = func.sum(
            (order_lines.c.picked < order_lines.c.quantity).cast(order_lines.c.quantity.type)
        )
        query = (
            select(
                orders.c.id,
                orders.c.channel,
                orders.c.order_id,
                orders.c.status,
                orders.c.priority,
                orders.c.ship_by,
                orders.c.carrier,
                func.coalesce(to_pick, 0).label("to_pick"),
            )
            .outerjoin(order_lines, order_lines.c.order_id == orders.c.id)
            .where(orders.c.status.in_(OPEN), orders.c.ship_by.is_not(None))
            .group_by(orders.c.id)
        )
        return [
            OpenOrder(
                r.id,
                r.channel,
                r.order_id,
                r.status,
                r.priority,
                aware(r.ship_by),
                r.carrier or "",
                int(r.to_pick),
            )  # fmt: skip
            for r in readable_rows(self.connection, query, orders.c.id, "order")
        ]

    def work_since(self, since: datetime) -> list[Work]:
        """Every line picked and order packed since `since`, with who and when."""
        query = select(events.c.kind, events.c.user_name, events.c.occurred_at).where(
            events.c.kind.in_(tuple(WORK)), events.c.occurred_at >= since
        )
        return [
            Work(WORK[r.kind], r.user_name or "", aware(r.occurred_at))
            for r in self.connection.execute(query)
        ]

    def flagged(self, order_refs: list[int]) -> set[int]:
        """Which of these orders were told at risk already (an `order.at_risk` event)."""
        if not order_refs:
            return set()
        query = select(events.c.order_ref).where(
            events.c.kind == AT_RISK, events.c.order_ref.in_(order_refs)
        )
        return set(self.connection.execute(query).scalars())
