"""The CRM's customers (`shipshape import-customers`), read and written with SQLAlchemy Core."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from app.domain.customers import Customer
from db.readable_rows import decoded, readable_rows
from db.schema import customers

LOOKUP_CHUNK = 1000  # ids per IN (...) list


class SqlCustomerRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def save_all(self, found: list[Customer], now: datetime) -> None:
        """Create or update each customer by its customer_id."""
        existing = set(self.by_ids(c.customer_id for c in found))
        for customer in found:
            row = _row(customer) | {"updated_at": now}
            if customer.customer_id in existing:
                self.connection.execute(
                    update(customers)
                    .where(customers.c.customer_id == customer.customer_id)
                    .values(row)
                )
            else:
                self.connection.execute(insert(customers).values(row))
                existing.add(customer.customer_id)

    def by_ids(self, ids: Iterable[str]) -> dict[str, Customer]:
        wanted = sorted(set(ids))
        found: dict[str, Customer] = {}
        for start in range(0, len(wanted), LOOKUP_CHUNK):
            query = select(customers).where(
                customers.c.customer_id.in_(wanted[start : start + LOOKUP_CHUNK])
            )
            rows = readable_rows(self.connection, query, customers.c.customer_id, "customer")
            for customer in decoded(rows, _customer, "customer"):
                found[customer.customer_id] = customer
        return found


def _row(customer: Customer) -> dict:
    return {
        "customer_id": customer.customer_id,
        "name": customer.name,
        "email": customer.email,
        "phone": customer.phone,
        "credit_limit_cents": customer.credit_limit_cents,
        "open_balance_cents": customer.open_balance_cents,
        "currency": customer.currency,
        "blocked": customer.blocked,
        "terms": list(customer.terms),
    }


def _customer(row) -> Customer:
    return Customer(
        customer_id=row.customer_id,
        name=row.name,
        currency=row.currency,
        email=row.email,
        phone=row.phone,
        credit_limit_cents=row.credit_limit_cents,
        open_balance_cents=row.open_balance_cents,
        blocked=row.blocked,
        terms=tuple(row.terms),
    )
