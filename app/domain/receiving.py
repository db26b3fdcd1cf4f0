"""Receipts: deliveries announced by a supplier, received and put away on the floor
(docs/stock.md, "Receiving and put-away"). Pure: no I/O.

A receipt has a line per product and lot with what was expected, received and put away. Units
received but not put away yet are in receiving: not stock, never allocated. Over, under and
unexpected are judged per product (all lots together): a supplier that announced 10 units of a
product without a lot and delivered them as lot L1 delivered what it announced.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

OPEN, CLOSED = "open", "closed"


@dataclass(frozen=True)
class ReceiptLine:
    sku: str
    lot: str = ""
    expiry: date | None = None
    expected: int = 0
    received: int = 0
    put_away: int = 0
    name: str = ""  # the product's name, for the screen

    @property
    def in_receiving(self) -> int:
        """Received, not on a shelf yet: not stock."""
        return max(self.received - self.put_away, 0)


@dataclass(frozen=True)
class Receipt:
    receipt_id: str
    supplier: str
    lines: tuple[ReceiptLine, ...] = ()
    sscc: str | None = None
    status: str = OPEN
    transfer: bool = False  # a transfer's receipt: its lots are the ones A shipped

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    def expected(self, sku: str) -> int:
        return sum(line.expected for line in self.lines if line.sku == sku)

    def received(self, sku: str) -> int:
        return sum(line.received for line in self.lines if line.sku == sku)

    def announces(self, sku: str) -> bool:
        return self.expected(sku) > 0

    def line(self, sku: str, lot: str) -> ReceiptLine | None:
        return next((x for x in self.lines if x.sku == sku and x.lot == lot), None)

    def announced_expiry(self, sku: str, lot: str) -> date | None:
        line = self.line(sku, lot)
        return line.expiry if line is not None else None

    def with_received(self, sku: str, lot: str, expiry: date | None, quantity: int) -> Receipt:
        """This receipt with `quantity` more received of the product's lot (a new line with
        expected 0 when there is none); never below what is put away."""
        return self._changed(sku, lot, expiry, received=quantity)

    def with_put_away(self, sku: str, lot: str, expiry: date | None, quantity: int) -> Receipt:
        return self._changed(sku, lot, expiry, put_away=quantity)

    def _changed(self, sku, lot, expiry, received: int = 0, put_away: int = 0) -> Receipt:
        found = self.line(sku, lot)
        line = found or ReceiptLine(sku, lot, expiry)
        new_put_away = line.put_away + put_away
        new_received = max(line.received + received, new_put_away)
        changed = replace(line, received=new_received, put_away=new_put_away)
        if line.expiry is None and expiry is not None:
            changed = replace(changed, expiry=expiry)
        if found is None:
            return replace(self, lines=(*self.lines, changed))
        return replace(self, lines=tuple(changed if x is found else x for x in self.lines))


@dataclass(frozen=True)
class Difference:
    """One product whose received quantity is not what was announced."""

    sku: str
    expected: int
    received: int

    @property
    def kind(self) -> str:
        if self.expected == 0:
            return "unexpected"
        return "over" if self.received > self.expected else "under"

    def as_dict(self) -> dict:
        return {
            "sku": self.sku,
            "kind": self.kind,
            "expected": self.expected,
            "received": self.received,
        }


def differences(receipt: Receipt) -> list[Difference]:
    """Every product received more or less than announced, or not announced at all."""
    skus = list(dict.fromkeys(line.sku for line in receipt.lines))
    found = [Difference(sku, receipt.expected(sku), receipt.received(sku)) for sku in skus]
    return [d for d in found if d.expected != d.received]


def parse_expiry(value: object) -> date | None:
    """`YYYY-MM-DD` (a GS1 expiry as the scanner reads it, a stored one) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@dataclass(frozen=True)
class ReceivedProduct:
    """A product as the receiving clerk's scan finds it by its GTIN."""

    sku: str
    name: str
    lot_controlled: bool = False
