"""Orders, their lines and the order state machine.

The status moves received → allocated → released → picking → picked → packed → shipped, with
on-hold and exception as side tracks and cancelled as an end. Only `Order.move_to` changes it, so
no caller (CLI, UI, sync) can skip a step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.customers import order_value_cents
from app.errors import IllegalTransition
from app.messages import message


class OrderStatus(StrEnum):
    RECEIVED = "received"
    ON_HOLD = "on_hold"
    ALLOCATED = "allocated"
    RELEASED = "released"
    PICKING = "picking"
    PICKED = "picked"
    PACKED = "packed"
    SHIPPED = "shipped"
    EXCEPTION = "exception"
    CANCELLED = "cancelled"
    # Units came back from the customer (docs/returns.md): some, or every shipped unit.
    PARTIALLY_RETURNED = "partially_returned"
    RETURNED = "returned"


S = OrderStatus
ALLOWED_TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.RECEIVED: frozenset({S.ALLOCATED, S.ON_HOLD, S.EXCEPTION, S.CANCELLED}),
    # A packed order may be held at the dock (a fraud alert, an address to check): released,
    # it is packed again; cancelled, its cartons are pulled (docs/dispatch.md).
    S.ON_HOLD: frozenset({S.RECEIVED, S.PACKED, S.CANCELLED}),
    S.ALLOCATED: frozenset({S.RELEASED, S.RECEIVED, S.ON_HOLD, S.EXCEPTION, S.CANCELLED}),
    S.RELEASED: frozenset({S.PICKING, S.ALLOCATED, S.EXCEPTION, S.CANCELLED}),
    # Back to allocated only when its wave is cancelled with nothing picked (every pick undone).
    S.PICKING: frozenset({S.PICKED, S.EXCEPTION, S.ALLOCATED}),
    S.PICKED: frozenset({S.PACKED, S.EXCEPTION}),
    S.PACKED: frozenset({S.SHIPPED, S.ON_HOLD}),
    S.SHIPPED: frozenset({S.PARTIALLY_RETURNED, S.RETURNED}),
    S.PARTIALLY_RETURNED: frozenset({S.RETURNED}),
    S.RETURNED: frozenset(),
    # An exception is cleared by the lead: retry allocation, resume picking or packing, or cancel.
    S.EXCEPTION: frozenset({S.RECEIVED, S.ALLOCATED, S.PICKING, S.PICKED, S.ON_HOLD, S.CANCELLED}),
    S.CANCELLED: frozenset(),
}


@dataclass(frozen=True)
class PickProgress:
    """Where an order stands on the carts: what decides its status once picking stops."""

    tasks: int = 0  # pick tasks of the order on lists that are not cancelled
    open_tasks: int = 0  # still to pick (an open list, or a reallocation appended to one)
    open_lists: int = 0  # lists holding its tasks that are not finished yet
    open_shorts: int = 0  # short picks the lead has not decided yet


def status_after_picking(progress: PickProgress) -> OrderStatus | None:
    """The status an order on a cart moves to once its short picks are settled: picked when
    every task is closed and its cart went to packing, picking while anything is left to pick,
    exception while a short pick waits for the lead. None: it is not on a cart at all."""
    if progress.tasks == 0:
        return None
    if progress.open_shorts:
        return OrderStatus.EXCEPTION
    if progress.open_tasks or progress.open_lists:
        return OrderStatus.PICKING
    return OrderStatus.PICKED


def check_transition(current: OrderStatus, new: OrderStatus) -> None:
    if new not in ALLOWED_TRANSITIONS[current]:
        raise IllegalTransition(message("order.illegal_move", old=current.value, new=new.value))


ADDRESS_FIELDS = (
    "name",
    "company",
    "street1",
    "street2",
    "city",
    "region",
    "postal_code",
    "country",
    "phone",
    "email",
)
REQUIRED_ADDRESS_FIELDS = ("name", "street1", "city", "postal_code", "country")


@dataclass(frozen=True)
class Address:
    name: str
    street1: str
    city: str
    postal_code: str
    country: str
    company: str = ""
    street2: str = ""
    region: str = ""
    phone: str = ""
    email: str = ""

    def missing_fields(self) -> list[str]:
        return [f for f in REQUIRED_ADDRESS_FIELDS if not getattr(self, f).strip()]

    def lines(self) -> list[str]:
        """The address as printed on labels and slips, top to bottom, empty parts left out."""
        city_line = " ".join(p for p in (self.postal_code, self.city, self.region) if p)
        parts = [self.name, self.company, self.street1, self.street2, city_line, self.country]
        if self.phone:
            parts.append(f"Tel {self.phone}")
        return [p for p in parts if p]


@dataclass
class OrderLine:
    sku: str
    quantity: int
    allocated: int = 0
    picked: int = 0
    packed: int = 0
    id: int | None = None
    returned: int = 0  # units the customer sent back (docs/returns.md)
    unit_price_cents: int | None = None  # the channel's price of one unit, if it sent one


@dataclass
class Order:
    channel: str
    order_id: str
    ship_to: Address
    lines: list[OrderLine]
    order_date: datetime | None = None
    priority: int = 0
    carrier: str = ""
    service: str = ""
    ship_by: datetime | None = None
    status: OrderStatus = OrderStatus.RECEIVED
    reason: str = ""  # why it is on hold or in exception, for the lead
    review_passed: bool = False  # a lead released it from hold: do not review it again
    customer_id: str | None = None  # the CRM's customer (`import-customers`), if it names one
    ship_complete: bool = False  # its customer's term when it came in: never ship it short
    source_warehouse: int | None = None  # the one warehouse it ships from (a transfer's)
    id: int | None = None
    events: list[tuple[str, dict]] = field(default_factory=list, repr=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.channel, self.order_id)

    @property
    def value_cents(self) -> int | None:
        """The sum of quantity × unit price, in cents; None when its lines carry no price."""
        return order_value_cents([(line.quantity, line.unit_price_cents) for line in self.lines])

    def move_to(self, new: OrderStatus, reason: str = "") -> None:
        """Change status by the rules; remember an event for the audit trail."""
        check_transition(self.status, new)
        old, self.status, self.reason = self.status, new, reason
        self.events.append(
            (f"order.{new.value}", {"from": old.value, "to": new.value, "reason": reason})
        )
