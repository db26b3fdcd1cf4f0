"""The lead's cycle time and shipped-vs-due from orders that went the real way — picked,
packed, loaded, closed (tests/ui/lead/real_flow.py) — checked against figures worked out here
from the rows and events themselves. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import statistics
from datetime import UTC, timedelta

import pytest
from sqlalchemy import func, select

from app.domain.events import utcnow
from app.services import lead
from db.schema import events, orders
from tests.ui.lead.history import rewind
from tests.ui.lead.real_flow import LEAD, ship_for_real


def check_kpis_from_the_real_flow(central) -> None:
    with central.engine.begin() as conn:  # the orders came in hours before they were picked
        rewind(conn, timedelta(hours=1))
    closed = ship_for_real(central.engine, carts=2)
    assert closed, "the flow closed no carrier"
    now = utcnow()
    start, end = now - timedelta(days=1), now + timedelta(days=2)
    report = lead.kpi_report(central.uow(), LEAD, start, end)

    first_shipped = (
        select(events.c.order_ref, func.min(events.c.occurred_at).label("at"))
        .where(events.c.kind == "order.shipped")
        .group_by(events.c.order_ref)
        .subquery()
    )
    query = select(orders.c.received_at, orders.c.ship_by, orders.c.status, first_shipped.c.at)
    query = query.outerjoin(first_shipped, first_shipped.c.order_ref == orders.c.id)
    with central.engine.connect() as conn:
        rows = [
            tuple(_utc(v) if i != 2 else v for i, v in enumerate(r)) for r in conn.execute(query)
        ]
        payloads = conn.execute(select(events.c.payload).where(events.c.kind == "order.shipped"))
        assert all(p["manifest_id"] and p["load_unit"] for (p,) in payloads)
    hours = sorted(
        (at - received).total_seconds() / 3600 for received, _, _, at in rows if at is not None
    )
    assert len(hours) >= 2 and report.cycle.orders == len(hours)
    assert report.cycle.median_h == _close_to(statistics.median(hours))
    assert report.cycle.p90_h == _close_to(statistics.quantiles(hours, n=10, method="inclusive")[8])
    assert min(hours) >= 1  # the hour they waited is in it
    due = [(ship_by, at) for _, ship_by, status, at in rows
           if ship_by is not None and start <= ship_by < end and status != "cancelled"]  # fmt: skip
    on_time = sum(1 for ship_by, at in due if at is not None and at <= ship_by)
    assert sum(d.due for d in report.due_days) == len(due)
    assert sum(d.shipped_on_time for d in report.due_days) == on_time > 0


def _utc(moment):
    """SQLite gives naive UTC datetimes back, PostgreSQL aware ones."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)


def _close_to(value: float):
    return pytest.approx(value, abs=1e-9)
