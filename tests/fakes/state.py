"""What the in-memory unit of work stores: one `FakeState` is the whole central database.

Each `with uow:` works on a deep copy (tests/fakes/uow.py); the repositories read and change
that copy, and `commit()` keeps it. Rows that are tables in db/schema.py are plain dicts here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.catalog import StockItem
from app.domain.customers import Customer
from app.domain.events import Event
from app.domain.orders import Order, OrderLine
from app.domain.review_rules import DEFAULT_RULES, ReviewRules
from app.domain.users import User


@dataclass
class FakeState:
    users: dict[str, User] = field(default_factory=dict)  # by badge
    events: list[Event] = field(default_factory=list)
    review_rules: ReviewRules = DEFAULT_RULES
    values: dict[str, Any] = field(default_factory=dict)  # settings documents by key
    counters: dict[str, int] = field(default_factory=dict)  # name -> last value handed out
    # The lead's queue (db/schema.py `exceptions`): kind, status, order_ref, task_id, details,
    # created_at, note, and once resolved: resolution, resolved_by, resolved_at.
    exceptions: list[dict[str, Any]] = field(default_factory=list)
    skus: set[str] = field(default_factory=set)  # the products the catalog knows
    orders: dict[int, Order] = field(default_factory=dict)  # by order ref, lines with ids
    allocations: list[dict[str, int]] = field(default_factory=list)  # line, stock, quantity
    stock: dict[int, StockItem] = field(default_factory=dict)  # by stock id
    shipments: dict[str, int] = field(default_factory=dict)  # tracking number -> order ref
    packages: list[dict[str, Any]] = field(default_factory=list)
    totes: dict[str, int | None] = field(default_factory=dict)  # code -> order ref (None: free)
    units: dict[str, str | None] = field(default_factory=dict)  # load unit -> carrier (None: free)
    loads: dict[int, dict[str, Any]] = field(default_factory=dict)  # package id -> parcel load
    customers: dict[str, Customer] = field(default_factory=dict)  # by customer_id
    last_id: int = 0

    def next_id(self) -> int:
        self.last_id += 1
        return self.last_id

    def add_exception(
        self,
        kind: str,
        order_ref: int | None,
        details: dict,
        now: datetime,
        task_id: int | None = None,
        **resolved: Any,
    ) -> None:
        """A row in the lead's queue, open unless `resolved` says otherwise."""
        row = {
            "kind": kind,
            "status": "open",
            "order_ref": order_ref,
            "task_id": task_id,
            "details": details,
            "created_at": now,
            "note": "",
        }
        self.exceptions.append(row | resolved)

    def line(self, line_id: int) -> OrderLine:
        """An order line as stored; KeyError for a line no order has (a broken reference)."""
        for order in self.orders.values():
            for line in order.lines:
                if line.id == line_id:
                    return line
        raise KeyError(f"no order line {line_id}")
