"""A small site in the fake unit of work, for the use-case tests: people, products, stock,
orders. Orders go in through the fake's own `orders.add_all` (one committed block), so they
get their ids as imported orders do."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.catalog import StockItem
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.users import Role, User
from tests.fakes.uow import FakeUnitOfWork

LEAD = User("Lea", Role.LEAD, "9001")
PICKER = User("Pia", Role.PICKER, "1001")
ADDRESS = Address(
    name="Anna Schmidt", street1="Hauptstr. 1", city="Köln", postal_code="50667", country="DE"
)


def order(
    order_id: str,
    *lines: tuple[str, int],
    channel: str = "web",
    status: OrderStatus = OrderStatus.RECEIVED,
    **fields: Any,
) -> Order:
    """An order of (sku, quantity) lines to a good German address unless `ship_to` says."""
    fields.setdefault("ship_to", ADDRESS)
    return Order(
        channel,
        order_id,
        lines=[OrderLine(sku, qty) for sku, qty in lines],
        status=status,
        **fields,
    )


def add_orders(uow: FakeUnitOfWork, *orders: Order) -> list[int]:
    """Store the orders (their SKUs become known products); their refs."""
    uow.state.skus |= {line.sku for o in orders for line in o.lines}
    with uow:
        refs = uow.orders.add_all(list(orders))
        uow.commit()
    return refs


def add_stock(
    uow: FakeUnitOfWork,
    sku: str,
    on_hand: int,
    location: str = "A01-001-L-1",
    lot: str = "",
    expiry: date | None = None,
    held: int = 0,
) -> int:
    """A stock row, received now (after every row added before it); its id."""
    stock_id = uow.state.next_id()
    uow.state.skus.add(sku)
    uow.state.stock[stock_id] = StockItem(
        location, sku, on_hand, lot=lot, expiry=expiry, id=stock_id, held=held
    )
    return stock_id


def stored(uow: FakeUnitOfWork, ref: int) -> Order:
    """The order as committed."""
    return uow.state.orders[ref]


def kinds(uow: FakeUnitOfWork) -> list[str]:
    return [e.kind for e in uow.state.events]
