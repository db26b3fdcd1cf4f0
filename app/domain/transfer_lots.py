"""The lots a transfer brings (docs/stock.md, "Transfers"). Pure: no I/O.

A transfer's receipt at B is made with one line per product and no lot: nobody knows yet which
lots A will pick. Once A has shipped it, the lots A picked (their stock rows' lot and expiry)
are what B expects: per product, the lots replace the line without a lot, so a GS1 scan with
that lot matches its line and the put-away keeps A's lot and expiry (FEFO at B works). Nothing
is written: the receipt is read this way whenever A's picks are known to have shipped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.domain.receiving import Receipt, ReceiptLine


@dataclass(frozen=True)
class LotOnItsWay:
    """Units of one lot of a product that A picked and shipped for the transfer."""

    sku: str
    lot: str
    expiry: date | None
    quantity: int


def with_shipped_lots(receipt: Receipt, lots: list[LotOnItsWay]) -> Receipt:
    """`receipt` as B expects it once A shipped `lots`: each product's lots expected (with
    their expiry) in place of as many units of its line without a lot; that line goes when
    nothing is left on it."""
    merged: dict[tuple[str, str], LotOnItsWay] = {}
    for x in lots:
        if x.lot and x.quantity > 0:  # one lot once, though its stock rows named two dates
            had = merged.get((x.sku, x.lot))
            merged[(x.sku, x.lot)] = replace(had, quantity=had.quantity + x.quantity) if had else x
    lines = list(receipt.lines)
    for sku in dict.fromkeys(sku for sku, _ in merged):
        lines = _lots_in(lines, sku, [x for x in merged.values() if x.sku == sku])
    return replace(receipt, lines=tuple(lines))


def _lots_in(lines: list[ReceiptLine], sku: str, lots: list[LotOnItsWay]) -> list[ReceiptLine]:
    plain = next((x for x in lines if x.sku == sku and not x.lot), None)
    name = next((x.name for x in lines if x.sku == sku and x.name), "")
    at = lines.index(plain) if plain is not None else len(lines)
    fresh = []
    for lot in lots:
        had = next((x for x in lines if x.sku == sku and x.lot == lot.lot), None)
        line = had or ReceiptLine(sku, lot.lot, lot.expiry, name=name)
        line = replace(
            line, expected=line.expected + lot.quantity, expiry=line.expiry or lot.expiry
        )
        if had is not None:
            lines[lines.index(had)] = line
        else:
            fresh.append(line)
    if plain is not None:
        left = replace(plain, expected=max(plain.expected - sum(x.quantity for x in lots), 0))
        lines[at] = left
        if not (left.expected or left.received or left.put_away):
            lines.pop(at)
    return lines[:at] + fresh + lines[at:]


def lots_coming(receipt: Receipt, sku: str) -> list[ReceiptLine]:
    """The product's lots the receipt still expects (announced, not all received yet)."""
    return [x for x in receipt.lines if x.sku == sku and x.lot and x.expected > x.received]


def in_transit_lots(receipt: Receipt, sku: str) -> list[dict]:
    """`transfers --json`'s lots of a line: each announced lot's units not received yet."""
    return [
        {
            "lot": x.lot,
            "expiry": x.expiry.isoformat() if x.expiry else None,
            "quantity": x.expected - x.received,
        }
        for x in lots_coming(receipt, sku)
    ]
