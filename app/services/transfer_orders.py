"""The transfer as the database keeps it: make one inside an open transaction, and read them
back (app/services/transfers.py has the commands; docs/stock.md, "Transfers").

Kept apart from the commands so the replenishment check, which runs in the fact appliers, can
make a transfer (app/services/transfer_rule.py) without importing the lead's cancelling, which
needs the users module the appliers must not reach.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.events import Actor, Event, utcnow
from app.domain.fields import FieldProblem, shown
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.receiving import Receipt, ReceiptLine
from app.domain.site import SiteSettings, parse_site
from app.domain.transfer_lots import in_transit_lots
from app.domain.warehouses import Warehouse
from app.errors import BadInput
from app.messages import message
from app.services.ports import UnitOfWork

CHANNEL = "transfer"
COUNTER = "transfer"  # one counter for the database: TR-1, TR-2, ...
# Who made a transfer: a person (a lead, the set-up identity) or the automatic rule, known by
# the event the rule writes with it (app/services/transfer_rule.py), which names the face.
MADE_BY_LEAD, MADE_BY_RULE = "lead", "rule"
AUTO_MADE = "transfer.auto_made"
SITE_KEY = "site"
ADDRESS_KEYS = ("name", "company", "street1", "street2", "city", "region", "postal_code")
_STATUS = {  # the order's status → the transfer's, before it ships
    OrderStatus.RECEIVED: "open",
    OrderStatus.ON_HOLD: "open",
    OrderStatus.EXCEPTION: "open",
    OrderStatus.ALLOCATED: "allocated",
    OrderStatus.RELEASED: "allocated",
    OrderStatus.PICKING: "allocated",
    OrderStatus.PICKED: "picked",
    OrderStatus.PACKED: "picked",
    OrderStatus.CANCELLED: "cancelled",
}


@dataclass(frozen=True)
class TransferLine:
    sku: str
    quantity: int
    shipped: int
    received: int
    lots: tuple[dict, ...] = ()  # {lot, expiry, quantity}: the lots A shipped, not received yet

    @property
    def in_transit(self) -> int:
        return max(self.shipped - self.received, 0)


@dataclass(frozen=True)
class Transfer:
    transfer: str
    source: str
    target: str
    carrier: str
    status: str
    lines: tuple[TransferLine, ...]
    made_by: str = MADE_BY_LEAD  # MADE_BY_RULE: the automatic transfer made it
    face: str | None = None  # the rule's: the pick face that was below its min

    def record(self) -> dict:
        """`shipshape transfer(s) --json` (docs/interfaces.md §15)."""
        return {
            "transfer": self.transfer,
            "from": self.source,
            "to": self.target,
            "carrier": self.carrier,
            "status": self.status,
            "made_by": self.made_by,
            "face": self.face,
            "lines": [
                {
                    "sku": x.sku,
                    "quantity": x.quantity,
                    "shipped": x.shipped,
                    "received": x.received,
                    "in_transit": x.in_transit,
                    "lots": list(x.lots),
                }
                for x in self.lines
            ],
        }


def make_within(
    uow: UnitOfWork,
    home: Warehouse,
    away: Warehouse,
    wanted: dict[str, int],
    actor: Actor,
    carrier: str | None,
    settings: dict[int, SiteSettings],
) -> tuple[int, str]:
    """Inside the caller's transaction: the order at `home` and the receipt at `away` for
    `wanted` (sku → units, known SKUs). Returns the order's ref and its id `TR-<n>`. A
    receiver without settings or a sender without carriers raises BadInput before any write."""
    ship_to = _ship_to(settings.get(away.id), away)
    chosen = _carrier(settings.get(home.id), home, carrier)
    number = uow.packing.next_counter(COUNTER)
    order = _order(f"TR-{number}", ship_to, chosen, home, wanted)
    (ref,) = uow.orders.add_all([order])
    receipt = _receipt(order.order_id, home, wanted)
    uow.receiving.add(receipt, away.id, transfer=ref)
    payload = {"channel": CHANNEL, "order_id": order.order_id, "to": away.code}
    uow.events.add_all([Event("order.received", payload, actor, ref)])
    return ref, order.order_id


def sites(uow: UnitOfWork) -> dict[int, SiteSettings]:
    """Call inside `with uow:`. Each warehouse's site settings, by warehouse id."""
    return {
        warehouse_id: parse_site(document)
        for warehouse_id, document in uow.settings.each_warehouse(SITE_KEY).items()
    }


def _ship_to(site: SiteSettings | None, away: Warehouse) -> Address:
    if site is None:
        raise BadInput(message("transfer.no_site", code=away.code))
    found = site.ship_from
    parts = {key: found.get(key, "") for key in ADDRESS_KEYS}
    return Address(**parts, country=found.get("country", ""), phone=found.get("phone", ""))


def _carrier(site: SiteSettings | None, home: Warehouse, code: str | None) -> str:
    if site is None or not site.carriers:
        raise BadInput(message("transfer.no_carriers", code=home.code))
    if code is None:
        return site.carriers[0].code
    found = site.carrier(code)
    if found is None:
        accepted = ", ".join(c.code for c in site.carriers)
        raise FieldProblem("not_one_of", field="--carrier", value=shown(code), accepted=accepted)
    return found.code


def _order(order_id: str, ship_to: Address, carrier: str, home: Warehouse, wanted) -> Order:
    return Order(
        channel=CHANNEL,
        order_id=order_id,
        ship_to=ship_to,
        lines=[OrderLine(sku, quantity) for sku, quantity in wanted.items()],
        order_date=utcnow(),
        carrier=carrier,
        review_passed=True,  # our own stock between our own sites: nothing for a lead to check
        source_warehouse=home.id,
    )


def _receipt(order_id: str, home: Warehouse, wanted: dict[str, int]) -> Receipt:
    lines = tuple(ReceiptLine(sku, expected=quantity) for sku, quantity in wanted.items())
    return Receipt(order_id, f"transfer from {home.code}", lines)


def transfers_within(uow: UnitOfWork) -> list[Transfer]:
    """Call inside `with uow:`. Every transfer, the first made first."""
    return read_transfers(uow, None)


def read_transfers(uow: UnitOfWork, refs: set[int] | None, to: int | None = None) -> list[Transfer]:
    found = [
        (ref, where, receipt)
        for ref, where, receipt in uow.receiving.transfer_receipts()
        if (refs is None or ref in refs) and (to is None or where == to)
    ]
    orders = {o.id: o for o in uow.orders.by_refs([ref for ref, _, _ in found])}
    codes = {w.id: w.code for w in uow.warehouses.all()}
    by_rule = uow.events.first_payloads(AUTO_MADE, [ref for ref, _, _ in found])
    made = []
    for ref, where, receipt in found:
        order = orders.get(ref)
        if order is not None:
            source = codes.get(order.source_warehouse or 0, "")
            made.append(
                _transfer(order, receipt, source, codes.get(where or 0, ""), by_rule.get(ref))
            )
    return made


def _transfer(
    order: Order, receipt: Receipt, source: str, target: str, by_rule: dict | None
) -> Transfer:
    gone = order.status in (OrderStatus.SHIPPED, OrderStatus.PARTIALLY_RETURNED)
    lines = tuple(
        TransferLine(
            x.sku,
            x.quantity,
            x.quantity if gone else 0,
            receipt.received(x.sku),
            tuple(in_transit_lots(receipt, x.sku)),
        )
        for x in order.lines
    )
    status = _STATUS.get(order.status, "in transit")
    if gone and all(x.received >= x.shipped for x in lines):
        status = "received"
    if by_rule is None:
        return Transfer(order.order_id, source, target, order.carrier, status, lines)
    face = str(by_rule.get("face", "")) or None
    return Transfer(
        order.order_id, source, target, order.carrier, status, lines, MADE_BY_RULE, face
    )
