"""Use cases: transfers between warehouses (docs/stock.md, "Transfers"; docs/interfaces.md §15).

A transfer from A to B is two things made in one transaction:

- an order, channel `transfer`, id `TR-<n>` (a per-database counter), shipped to B's ship-from
  address with a carrier A's settings know, bound to A (`source_warehouse`): allocation takes
  its stock in A alone (app/domain/sourcing.py), A's waves pick it, A's packers pack it and A's
  dock loads it on a manifest like any order;
- an expected receipt at B with the same id, linked to the order, one line per product: B's
  clerks receive it on the receiving screen or with `shipshape receive TR-<n>`, as any receipt.
  Its put-away allocates B's orders waiting for those products (app/services/
  receiving_appliers.py).

In transit: what the transfer shipped (its order `shipped` at A's manifest close) and B has not
received yet. It is not stock anywhere (no stock row), so it is never allocated.

Cancelled (`cancel_transfer`): while nothing is picked, the order is cancelled as any order is
(its reservation given back) and B's receipt closed, in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.domain.events import Actor, Event, utcnow
from app.domain.fields import FieldProblem, shown
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.receiving import Receipt, ReceiptLine
from app.domain.site import SiteSettings, parse_site
from app.domain.transfer_rule import propose
from app.domain.warehouses import Warehouse, choose
from app.errors import BadInput
from app.messages import message
from app.services import holds
from app.services.ports import UnitOfWork

CHANNEL = "transfer"
COUNTER = "transfer"  # one counter for the database: TR-1, TR-2, ...
SITE_KEY = "site"
MAX_QUANTITY = 1_000_000
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

    def record(self) -> dict:
        """`shipshape transfer(s) --json` (docs/interfaces.md §15)."""
        return {
            "transfer": self.transfer,
            "from": self.source,
            "to": self.target,
            "carrier": self.carrier,
            "status": self.status,
            "lines": [
                {
                    "sku": x.sku,
                    "quantity": x.quantity,
                    "shipped": x.shipped,
                    "received": x.received,
                    "in_transit": x.in_transit,
                }
                for x in self.lines
            ],
        }


def create_transfer(
    uow: UnitOfWork,
    source: str,
    target: str,
    lines: list[tuple[str, int]],
    actor: Actor,
    carrier: str | None = None,
) -> Transfer:
    """A transfer of `lines` (sku, units) from warehouse `source` to `target` (codes). Bad
    input raises BadInput (one line) before anything is kept."""
    wanted = _merged(lines)
    with uow:
        every = uow.warehouses.all()
        home, away = _pair(every, source, target)
        _known(uow, list(wanted))
        sites = _sites(uow)
        ship_to = _ship_to(sites.get(away.id), away)
        chosen = _carrier(sites.get(home.id), home, carrier)
        number = uow.packing.next_counter(COUNTER)
        order = _order(f"TR-{number}", ship_to, chosen, home, wanted)
        (ref,) = uow.orders.add_all([order])
        receipt = _receipt(order.order_id, home, wanted)
        uow.receiving.add(receipt, away.id, transfer=ref)
        payload = {"channel": CHANNEL, "order_id": order.order_id, "to": away.code}
        uow.events.add_all([Event("order.received", payload, actor, ref)])
        uow.commit()
        made = _transfers(uow, {ref})
    return made[0]


def _merged(lines: list[tuple[str, int]]) -> dict[str, int]:
    if not lines:
        raise BadInput(message("transfer.no_lines"))
    wanted: dict[str, int] = defaultdict(int)
    for sku, quantity in lines:
        if not 0 < quantity <= MAX_QUANTITY:
            value = shown(quantity)
            raise FieldProblem(
                "not_positive_integer", field="--quantity", value=value, maximum=MAX_QUANTITY
            )
        wanted[sku.strip()] += quantity
    return dict(wanted)


def _pair(every: list[Warehouse], source: str, target: str) -> tuple[Warehouse, Warehouse]:
    home, away = choose(every, source), choose(every, target)
    assert home is not None and away is not None  # a code was given: found or BadInput
    if home.id == away.id:
        raise FieldProblem("duplicate", field="--to", value=away.code, other="--from")
    return home, away


def _known(uow: UnitOfWork, skus: list[str]) -> None:
    unknown = sorted(set(skus) - uow.catalog.known_skus(skus))
    if unknown:
        raise BadInput(message("transfer.unknown_sku", sku=unknown[0]))


def _sites(uow: UnitOfWork) -> dict[int, SiteSettings]:
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


# ---- cancelling ---------------------------------------------------------------------------
_SHIPPED = (OrderStatus.SHIPPED, OrderStatus.PARTIALLY_RETURNED, OrderStatus.RETURNED)
_PICKED = (OrderStatus.PICKED, OrderStatus.PACKED)


def cancel_transfer(uow: UnitOfWork, transfer: str, actor: Actor, note: str = "") -> Transfer:
    """Cancel an open or allocated transfer (`TR-<n>`): its order cancelled, its reservation at
    A given back, its receipt at B closed, so nothing is in transit. Refused (BadInput, one
    line) once it is on a wave, picked, shipped or cancelled."""
    number = transfer.strip().upper()
    with uow:
        # Locked first: an allocation running now either finished before (its reservation
        # is given back here) or skips this order; a wave release waits for this commit.
        order = uow.orders.lock(CHANNEL, number)
        if order is None or order.id is None:
            raise BadInput(message("transfer.unknown", transfer=shown(transfer)))
        found = uow.receiving.lock(order.order_id)  # the receipt at B carries the same id
        receipt = uow.receiving.receipt(order.order_id) if found else None
        _refuse_late(uow, order, receipt)
        holds.decide_within(uow, order, OrderStatus.CANCELLED, note, actor)
        if found is not None and found[1] == "open":
            uow.receiving.close(found[0], utcnow(), actor.user)
        payload = {"transfer": number, "note": note}
        uow.events.add_all([Event("transfer.cancelled", payload, actor, order.id)])
        uow.commit()
        return _transfers(uow, {order.id})[0]


def _refuse_late(uow: UnitOfWork, order: Order, receipt: Receipt | None) -> None:
    number = order.order_id
    if order.status is OrderStatus.CANCELLED:
        raise BadInput(message("transfer.cancelled_already", transfer=number))
    received = receipt is not None and any(x.received for x in receipt.lines)
    if order.status in _SHIPPED or received:
        raise BadInput(message("transfer.shipped_already", transfer=number))
    if order.status in _PICKED or any(x.packed or x.picked for x in order.lines):
        raise BadInput(message("transfer.picked_already", transfer=number))
    assert order.id is not None
    on_a_wave = uow.picking.pick_progress([order.id])[order.id].tasks > 0
    if on_a_wave or order.status in (OrderStatus.RELEASED, OrderStatus.PICKING):
        raise BadInput(message("transfer.on_a_wave", transfer=number))


# ---- reading ------------------------------------------------------------------------------
def list_transfers(uow: UnitOfWork) -> list[Transfer]:
    """Every transfer, the first made first."""
    with uow:
        return _transfers(uow, None)


def in_transit(uow: UnitOfWork, warehouse_id: int | None) -> dict[str, int]:
    """Call inside `with uow:`. Units shipped to `warehouse_id` (None: to any) by transfers and
    not received there yet, per SKU."""
    units: dict[str, int] = defaultdict(int)
    for transfer in _transfers(uow, None, warehouse_id):
        for line in transfer.lines:
            if line.in_transit:
                units[line.sku] += line.in_transit
    return dict(sorted(units.items()))


def _transfers(uow: UnitOfWork, refs: set[int] | None, to: int | None = None) -> list[Transfer]:
    found = [
        (ref, where, receipt)
        for ref, where, receipt in uow.receiving.transfer_receipts()
        if (refs is None or ref in refs) and (to is None or where == to)
    ]
    orders = {o.id: o for o in uow.orders.by_refs([ref for ref, _, _ in found])}
    codes = {w.id: w.code for w in uow.warehouses.all()}
    made = []
    for ref, where, receipt in found:
        order = orders.get(ref)
        if order is not None:
            source = codes.get(order.source_warehouse or 0, "")
            made.append(_transfer(order, receipt, source, codes.get(where or 0, "")))
    return made


def _transfer(order: Order, receipt: Receipt, source: str, target: str) -> Transfer:
    gone = order.status in (OrderStatus.SHIPPED, OrderStatus.PARTIALLY_RETURNED)
    lines = tuple(
        TransferLine(x.sku, x.quantity, x.quantity if gone else 0, receipt.received(x.sku))
        for x in order.lines
    )
    status = _STATUS.get(order.status, "in transit")
    if gone and all(x.received >= x.shipped for x in lines):
        status = "received"
    return Transfer(order.order_id, source, target, order.carrier, status, lines)


# ---- the rule: a pick face with no reserve in its warehouse ------------------------------
def proposals(uow: UnitOfWork) -> list[dict]:
    """Transfers the rule proposes (app/domain/transfer_rule.py), each with the command a lead
    runs to make it: `shipshape transfers --propose`."""
    with uow:
        faces = uow.moves.every_pick_face()
        on_faces = {face.location for face, _ in faces}
        stock = uow.stock.all()
        codes = {w.id: w.code for w in uow.warehouses.all()}
        coming = _coming(uow, {code: w for w, code in codes.items()})
    reserve = [item for item in stock if item.location not in on_faces]
    at_faces = [item for item in stock if item.location in on_faces]
    found = propose(faces, reserve, at_faces, coming)
    return [
        {
            "face": x.face,
            "sku": x.sku,
            "from": codes[x.source],
            "to": codes[x.to],
            "quantity": x.quantity,
            "command": f"shipshape transfer --from {codes[x.source]} --to {codes[x.to]} "
            f"--sku {x.sku} --quantity {x.quantity}",
        }
        for x in found
    ]


def _coming(uow: UnitOfWork, ids: dict[str, int]) -> dict[tuple[int, str], int]:
    """(warehouse id, sku) → units open transfers will still bring there."""
    units: dict[tuple[int, str], int] = defaultdict(int)
    for transfer in _transfers(uow, None):
        if transfer.status in ("cancelled", "received") or transfer.target not in ids:
            continue
        for line in transfer.lines:
            units[(ids[transfer.target], line.sku)] += max(line.quantity - line.received, 0)
    return dict(units)
