"""Helpers the counting tests share: count facts at a given floor time, the rows they change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.domain.counting import Tolerance
from app.domain.events import Actor, Event
from app.domain.fact_payloads import StockCounted
from app.domain.users import Role, User
from app.services import count_lead, facts
from db.schema import count_tasks, exceptions, locations, stock, stock_movements

CLERK = Actor("Sanne de Vries", "count-1")
OTHER_CLERK = Actor("黄敏", "count-2")
LEAD = User("Maria Jansen", Role.LEAD, "1011")
T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def count_fact(location: str, lines: list[tuple], when: datetime, who=CLERK, task_id=None):
    """A `stock.counted` fact: lines of (sku, lot, counted)."""
    payload = StockCounted(
        count_task_id=task_id,
        location=location,
        lines=[{"sku": s, "lot": lot, "expiry": None, "counted": n} for s, lot, n in lines],
    )
    return Event(payload.KIND.value, payload.to_payload(), who, occurred_at=when)


def apply(central, *made: Event) -> None:
    facts.apply_facts(central.uow(), list(made))


def wide_tolerance(central) -> None:
    """Every variance adjusts at once (the race tests are about figures, not the approval)."""
    count_lead.set_tolerance(central.uow(), LEAD, Tolerance(100_000, 100.0), "desk")


def stock_row(central, location: str, sku: str, lot: str = ""):
    with central.uow() as uow:
        return uow.stock.get(location, sku, lot)


def tasks_at(central, location: str) -> list:
    with central.engine.connect() as conn:
        return conn.execute(
            select(count_tasks)
            .join(locations, locations.c.id == count_tasks.c.location_id)
            .where(locations.c.code == location)
            .order_by(count_tasks.c.id)
        ).all()


def open_exceptions(central, kind: str) -> list:
    with central.engine.connect() as conn:
        return conn.execute(
            select(exceptions).where(exceptions.c.kind == kind, exceptions.c.status == "open")
        ).all()


def ledger(central, stock_id: int) -> list:
    with central.engine.connect() as conn:
        where = select(stock.c.location_id, stock.c.product_id, stock.c.lot).where(
            stock.c.id == stock_id
        )
        place = conn.execute(where).one()
        return conn.execute(
            select(stock_movements)
            .where(
                stock_movements.c.location_id == place.location_id,
                stock_movements.c.product_id == place.product_id,
                stock_movements.c.lot == place.lot,
            )
            .order_by(stock_movements.c.id)
        ).all()
