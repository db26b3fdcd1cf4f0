"""The lead's cycle time and shipped-vs-due from orders that went the real way — picked,
packed, loaded, collected by their carriers at different times (tests/ui/lead/real_flow.py) —
checked against figures worked out here from the rows and events themselves, with the standard
library's statistics rather than app/domain/kpis.py. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import UTC, timedelta, timezone

import pytest
from sqlalchemy import func, select

from app.domain.events import utcnow
from app.services import lead
from db.schema import events, orders
from tests.ui.lead.history import rewind
from tests.ui.lead.real_flow import LEAD, ship_for_real

SHANGHAI = timezone(timedelta(hours=8))


def check_kpis_from_the_real_flow(central) -> None:
    closed = ship_for_real(central.engine, carts=2)
    assert len(closed) >= 2, "the flow should close two carriers at different times"
    with central.engine.begin() as conn:
        rewind(conn, timedelta(minutes=30))  # the lead looks half an hour after the last close
    end = utcnow()
    start = end - timedelta(days=7)  # the tab's "7 days"
    rows = _orders_as_stored(central)
    hours = [(at - received) / timedelta(hours=1) for received, _, _, at in rows if at]
    due = [(by, at) for _, by, status, at in rows
           if by is not None and start <= by < end and status != "cancelled"]  # fmt: skip
    on_time = Counter(by.date() for by, at in due if at is not None and at <= by)
    # Worth checking only with every case in it: shipped on time, shipped late, not shipped.
    assert on_time and any(at is not None and at > by for by, at in due)
    assert any(at is None for _, at in due)
    assert min(hours) < max(hours) - 1  # two closes at least an hour apart

    report = lead.kpi_report(central.uow(), LEAD, start, end)

    assert report.cycle.orders == len(hours)
    assert report.cycle.median_h == _close_to(statistics.median(hours))
    assert report.cycle.p90_h == _close_to(statistics.quantiles(hours, n=10, method="inclusive")[8])
    due_on = Counter(by.date() for by, _ in due)
    assert [(d.day, d.due, d.shipped_on_time) for d in report.due_days] == [
        (day, due_on[day], on_time[day]) for day in sorted(due_on)
    ]
    _same_figures_for_a_console_in_shanghai(central, end)


def _orders_as_stored(central) -> list[tuple]:
    """(imported, ship-by, status, first `order.shipped`) per order; every shipped event is a
    carrier's close (it names the manifest and the load unit)."""
    first_shipped = (
        select(events.c.order_ref, func.min(events.c.occurred_at).label("at"))
        .where(events.c.kind == "order.shipped")
        .group_by(events.c.order_ref)
        .subquery()
    )
    query = select(orders.c.received_at, orders.c.ship_by, orders.c.status, first_shipped.c.at)
    query = query.outerjoin(first_shipped, first_shipped.c.order_ref == orders.c.id)
    with central.engine.connect() as conn:
        payloads = conn.execute(select(events.c.payload).where(events.c.kind == "order.shipped"))
        assert all(p["manifest_id"] and p["load_unit"] for (p,) in payloads)
        return [(_utc(a), _utc(b), status, _utc(c)) for a, b, status, c in conn.execute(query)]


def _same_figures_for_a_console_in_shanghai(central, end) -> None:
    """The shift button on a console whose clock is in UTC+8: the same instants, given in its
    own zone (as "Today" and a custom range are), give the same figures."""
    shift = end - timedelta(hours=8)
    in_utc = lead.kpi_report(central.uow(), LEAD, shift, end)
    local = lead.kpi_report(
        central.uow(), LEAD, shift.astimezone(SHANGHAI), end.astimezone(SHANGHAI)
    )
    assert in_utc.cycle.orders > 0 and in_utc.due_days and in_utc.rates
    assert (local.cycle, local.due_days, local.rates) == (
        in_utc.cycle,
        in_utc.due_days,
        in_utc.rates,
    )


def _utc(moment):
    """SQLite gives naive UTC datetimes back, PostgreSQL aware ones."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)


def _close_to(value: float):
    return pytest.approx(value, abs=1e-9)
