"""Returns: parcels customers send back, received and decided item by item (docs/returns.md).
Pure: no I/O, no clock (the caller passes `today`).

A return belongs to one shipped order. It may be announced by an RMA (`shipshape
import-returns`: the order, the items and quantities expected back, the reason) or arrive
unannounced. The returns clerk scans the parcel (our label's tracking number or SSCC, the RMA
number, or CHANNEL/ORDER_ID), then each item with its condition:

- `resell`: the unit goes back onto a shelf (stock, allocatable) — unless its lot has expired,
  then it goes to quarantine like a damaged unit;
- `damaged`: to quarantine, which is not stock: never allocated, never in `shipshape stock`,
  until a lead decides (scrap, return to the supplier, restock after inspection);
- `wrong_item`: the unit in the parcel is not one this order shipped (another product, or a
  serial that was not shipped on it): to quarantine, never counted as returned on the order;
- `missing`: an announced unit that is not in the parcel (recorded so the shop does not refund
  it; no unit moves).

An item that was not in the order, or a serial that was not shipped on it, is flagged: it is
taken in only as `wrong_item`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

RESELL, DAMAGED, WRONG_ITEM, MISSING = "resell", "damaged", "wrong_item", "missing"
CONDITIONS = (RESELL, DAMAGED, WRONG_ITEM, MISSING)

# Where a returned unit goes.
TO_STOCK, TO_QUARANTINE, NOWHERE = "stock", "quarantine", "none"

# The quarantine area's name: units there are not stock (app/domain/returns.py docstring).
QUARANTINE_AREA = "QUARANTINE"

# Why a unit is in quarantine.
Q_DAMAGED, Q_WRONG_ITEM, Q_EXPIRED = "damaged", "wrong_item", "expired"

# What a lead decides for a unit in quarantine.
SCRAP, TO_SUPPLIER, RESTOCK = "scrapped", "returned_to_supplier", "restocked"
DECISIONS = (SCRAP, TO_SUPPLIER, RESTOCK)

# Flags on a scanned item (the empty string: it is one the order shipped).
NOT_IN_ORDER = "not_in_order"
SERIAL_NOT_SHIPPED = "serial_not_shipped"
SERIAL_ALREADY_RETURNED = "serial_already_returned"
MORE_THAN_SHIPPED = "more_than_shipped"

# An order's status once units came back (app/domain/orders.OrderStatus has both).
RETURNED, PARTIALLY_RETURNED = "returned", "partially_returned"
# An order whose parcels may come back: shipped, or some units back already.
RETURNABLE_STATUSES = ("shipped", PARTIALLY_RETURNED, RETURNED)


@dataclass(frozen=True)
class ShippedLot:
    lot: str
    expiry: date | None
    quantity: int


@dataclass(frozen=True)
class ShippedLine:
    """One product of a shipped order, as the returns station sees it."""

    sku: str
    name: str
    shipped: int  # units shipped (packed into cartons that shipped)
    returned: int = 0  # units already returned on earlier returns
    expected: int = 0  # units the RMA announces back (0: not announced)
    lots: tuple[ShippedLot, ...] = ()
    serials: tuple[str, ...] = ()  # serials shipped on this order
    returned_serials: tuple[str, ...] = ()  # serials already returned
    picked_from: tuple[str, ...] = ()  # the locations it was picked from, most units first
    lot_controlled: bool = False
    serial_required: bool = False
    gtins: tuple[str, ...] = ()  # 14-digit GTINs of the product

    @property
    def returnable(self) -> int:
        return max(self.shipped - self.returned, 0)

    def expiry_of(self, lot: str) -> date | None:
        return next((x.expiry for x in self.lots if x.lot == lot), None)


@dataclass(frozen=True)
class ReturnContext:
    """The order behind a scanned parcel: what was shipped and what is expected back."""

    channel: str
    order_id: str
    status: str  # the order's status now
    lines: tuple[ShippedLine, ...] = ()
    rma: str = ""  # the RMA number ("" unannounced)
    rma_reason: str = ""
    parcel: str = ""  # the code scanned to find it (tracking number, SSCC, RMA, CHANNEL/ORDER_ID)
    codes: tuple[str, ...] = ()  # every code that finds it (a station's copy is keyed by them)
    # The order's return still open (items taken, not closed): scanning the parcel again
    # resumes it. Its units are not in the lines' `returned`, which counts other returns only.
    open_return: OpenReturn | None = None

    def line(self, sku: str) -> ShippedLine | None:
        return next((x for x in self.lines if x.sku == sku), None)

    def with_open_return(self, found: OpenReturn | None) -> ReturnContext:
        """This context with `found` as the order's open return: its counted units move out of
        the lines' `returned` (they are the resumed parcel's own, judged as taken on it); the
        return open before, if another, counts as returned again."""
        lines = self.lines
        if self.open_return is not None:
            lines = counted_in(lines, self.open_return.items, +1)
        if found is not None:
            lines = counted_in(lines, found.items, -1)
        return replace(self, lines=lines, open_return=found)

    @property
    def announced(self) -> bool:
        return bool(self.rma)

    def judge(self, sku: str, serial: str = "", taken: int = 0) -> str:
        """The flag on one more unit of `sku` (with `serial`, if any) after `taken` units of it
        were already taken in on this return: "" when the order shipped it."""
        line = self.line(sku)
        if line is None or line.shipped == 0:
            return NOT_IN_ORDER
        if serial and serial not in line.serials:
            return SERIAL_NOT_SHIPPED
        if serial and serial in line.returned_serials:
            return SERIAL_ALREADY_RETURNED
        if taken + 1 > line.returnable:
            return MORE_THAN_SHIPPED
        return ""


@dataclass(frozen=True)
class OpenReturn:
    """A return of the order whose parcel was left before it was closed (C:CANCEL, a station
    restarted): its id and the items already taken in on it, in order."""

    return_id: str
    items: tuple[ReturnedItem, ...] = ()


def counted_in(
    lines: tuple[ShippedLine, ...], items: tuple[ReturnedItem, ...] | list[ReturnedItem], sign: int
) -> tuple[ShippedLine, ...]:
    """The lines with the items that count as returned (the order's own, not flagged: what
    central counts on the order's line) added (+1) to or taken (-1) from `returned`."""
    out = list(lines)
    for item in items:
        if item.flag or not counts_as_returned(item.condition):
            continue
        for n, line in enumerate(out):
            if line.sku != item.sku:
                continue
            serials = line.returned_serials
            if item.serial:
                others = tuple(x for x in serials if x != item.serial)
                serials = (*others, item.serial) if sign > 0 else others
            out[n] = replace(
                line,
                returned=max(line.returned + sign * item.quantity, 0),
                returned_serials=serials,
            )
            break
    return tuple(out)


def destination(condition: str, expiry: date | None, today: date) -> str:
    """Where a unit in this condition goes: an expired lot never goes back to stock."""
    if condition == MISSING:
        return NOWHERE
    if condition == RESELL and not is_expired(expiry, today):
        return TO_STOCK
    return TO_QUARANTINE


def quarantine_reason(condition: str) -> str:
    """Why a unit that goes to quarantine is there (resell: its lot expired)."""
    return {DAMAGED: Q_DAMAGED, WRONG_ITEM: Q_WRONG_ITEM}.get(condition, Q_EXPIRED)


def is_expired(expiry: date | None, today: date) -> bool:
    return expiry is not None and expiry < today


def counts_as_returned(condition: str) -> bool:
    """A unit of the order's own that came back (resellable or damaged): the order's line
    counts it returned. A wrong item is not the order's; a missing one did not come."""
    return condition in (RESELL, DAMAGED)


def status_after(lines: tuple[ShippedLine, ...] | list[ShippedLine]) -> str | None:
    """The order's status once these lines' `returned` counts are in: returned when every
    shipped unit came back, partially returned when some did, None when none did."""
    shipped = sum(x.shipped for x in lines)
    back = sum(min(x.returned, x.shipped) for x in lines)
    if back == 0:
        return None
    return RETURNED if back >= shipped else PARTIALLY_RETURNED


@dataclass(frozen=True)
class RmaLine:
    sku: str
    quantity: int
    reason: str = ""


@dataclass(frozen=True)
class RmaDraft:
    """One RMA as an import file states it (app/services/return_files.py reads them)."""

    rma: str
    channel: str
    order_id: str
    reason: str = ""
    lines: tuple[RmaLine, ...] = ()
    rows: tuple[int, ...] = field(default=(), compare=False)  # the file's rows, for errors


@dataclass(frozen=True)
class ReturnedItem:
    """One unit group taken in on a return, as recorded (central's return_lines)."""

    sku: str
    quantity: int
    condition: str
    location: str  # a stock location, QUARANTINE_AREA, or "" (missing)
    lot: str = ""
    expiry: date | None = None
    serial: str = ""
    flag: str = ""
    fact_id: str = ""  # the return.item_received that recorded it (what C:UNDO names)

    def as_record(self) -> dict:
        """The `items` entry of docs/interfaces.md §14."""
        return {
            "sku": self.sku,
            "quantity": self.quantity,
            "condition": self.condition,
            "location": self.location,
        }


def merged(items: list[ReturnedItem]) -> list[ReturnedItem]:
    """Items of the same product, condition, location, lot and serial folded into one."""
    out: dict[tuple, ReturnedItem] = {}
    for item in items:
        key = (item.sku, item.condition, item.location, item.lot, item.serial)
        found = out.get(key)
        out[key] = (
            item if found is None else replace(found, quantity=found.quantity + item.quantity)
        )
    return list(out.values())
