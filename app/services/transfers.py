"""Use cases: transfers between warehouses (docs/stock.md, "Transfers"; docs/interfaces.md §15).

A transfer from A to B is two things made in one transaction:

- an order, channel `transfer`, id `TR-<n>` (a per-database counter), shipped to B's ship-from
  address with a carrier A's settings know, bound to A (`source_warehouse`): allocation takes
  its stock in A alone (app/domain/sourcing.py), A's waves pick it, A's packers pack it and A's
  dock loads it on a manifest like any order;
- an expected receipt at B with the same id, linked to the order, one line per product: B's
  clerks receive it on the receiving screen or with `shipshape receive TR-<n>`, as any receipt.
  Its put-away allocates B's orders waiting for those products (app/services/
  receiving_appliers.py). Once A ships it, the receipt expects the lots A picked, with their
  expiry (app/domain/transfer_lots.py), and `transfers --json` lists them per line in transit.

In transit: what the transfer shipped (its order `shipped` at A's manifest close) and B has not
received yet. It is not stock anywhere (no stock row), so it is never allocated.

Cancelled (`cancel_transfer`): while nothing is picked, the order is cancelled as any order is
(its reservation given back) and B's receipt closed, in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from app.domain.auto_transfer import AutoTransfer
from app.domain.catalog import StockItem
from app.domain.events import Actor, Event, utcnow
from app.domain.fields import FieldProblem, shown
from app.domain.orders import Order, OrderStatus
from app.domain.receiving import Receipt
from app.domain.replenishment import PickFace
from app.domain.warehouses import Warehouse, choose
from app.errors import BadInput
from app.messages import message
from app.services import holds, transfer_rule
from app.services.ports import UnitOfWork
from app.services.transfer_orders import (
    CHANNEL,
    Transfer,
    TransferLine,
    make_within,
    read_transfers,
    sites,
)

MAX_QUANTITY = 1_000_000


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
        ref, _ = make_within(uow, home, away, wanted, actor, carrier, sites(uow))
        uow.commit()
        made = read_transfers(uow, {ref})
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


# ---- cancelling ---------------------------------------------------------------------------
_SHIPPED = (OrderStatus.SHIPPED, OrderStatus.PARTIALLY_RETURNED, OrderStatus.RETURNED)
_PICKED = (OrderStatus.PICKED, OrderStatus.PACKED)


def cancel_transfer(uow: UnitOfWork, transfer: str, actor: Actor, note: str = "") -> Transfer:
    """Cancel an open or allocated transfer (`TR-<n>`): its order cancelled, its reservation at
    A given back, its receipt at B closed, so nothing is in transit; on a planned wave it is
    taken off the carts first. Refused (BadInput, one line) once it is on a released wave,
    picked, shipped or cancelled."""
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
        return read_transfers(uow, {order.id})[0]


def _refuse_late(uow: UnitOfWork, order: Order, receipt: Receipt | None) -> None:
    number = order.order_id
    if order.status is OrderStatus.CANCELLED:
        raise BadInput(message("transfer.cancelled_already", transfer=number))
    received = receipt is not None and any(x.received for x in receipt.lines)
    if order.status in _SHIPPED or received:
        raise BadInput(message("transfer.shipped_already", transfer=number))
    if order.status in _PICKED or any(x.packed or x.picked for x in order.lines):
        raise BadInput(message("transfer.picked_already", transfer=number))
    if order.status in (OrderStatus.RELEASED, OrderStatus.PICKING):
        raise BadInput(message("transfer.on_a_wave", transfer=number))


# ---- reading ------------------------------------------------------------------------------
def list_transfers(uow: UnitOfWork) -> list[Transfer]:
    """Every transfer, the first made first."""
    with uow:
        return read_transfers(uow, None)


def in_transit(uow: UnitOfWork, warehouse_id: int | None) -> dict[str, int]:
    """Call inside `with uow:`. Units shipped to `warehouse_id` (None: to any) by transfers and
    not received there yet, per SKU."""
    units: dict[str, int] = defaultdict(int)
    for transfer in read_transfers(uow, None, warehouse_id):
        for line in transfer.lines:
            if line.in_transit:
                units[line.sku] += line.in_transit
    return dict(sorted(units.items()))


# ---- the rule: a pick face with no reserve in its warehouse ------------------------------
def proposals(uow: UnitOfWork, today: date | None = None) -> list[dict]:
    """Transfers the rule proposes, each with the command a lead runs to make it: `shipshape
    transfers --propose`. The faces, the need and the sender are the automatic transfer's
    (app/services/transfer_rule.py `transfer_for`); each proposal counts as on its way for
    the ones after it, as a transfer the rule made would."""
    today = today or utcnow().date()
    with uow:
        faces = uow.moves.every_pick_face()
        found = transfer_rule.known(uow, faces, sites(uow))
        made = _proposed(uow, found, uow.stock.all(), today)
    codes = {wid: w.code for wid, w in found.every.items()}
    return [
        {
            "face": face.location,
            "sku": face.sku,
            "from": codes[x.source],
            "to": codes[home],
            "quantity": x.quantity,
            "command": f"shipshape transfer --from {codes[x.source]} --to {codes[home]} "
            f"--sku {face.sku} --quantity {x.quantity}",
        }
        for face, home, x in made
    ]


def _proposed(
    uow: UnitOfWork, found: transfer_rule.Known, stock: list[StockItem], today: date
) -> list[tuple[PickFace, int, AutoTransfer]]:
    """(face, its warehouse, the transfer) for each face the rule would send stock to."""
    on_faces = {face.location for face, _ in found.faces}
    at: dict[str, list[StockItem]] = defaultdict(list)
    reserve: dict[tuple[int | None, str], list[StockItem]] = defaultdict(list)
    for item in stock:
        if item.location in on_faces:
            at[item.location].append(item)
        else:
            reserve[(item.warehouse_id, item.sku)].append(item)
    made = []
    for face, home in found.faces:
        at_face = at[face.location]
        if not transfer_rule.needs_transfer(face, at_face, reserve[(home, face.sku)], today):
            continue
        chosen = transfer_rule.transfer_for(uow, face, home, at_face, found, today)
        if chosen is not None:
            made.append((face, home, chosen))
            pending = _pending(found, face.sku, chosen.source, home, chosen.quantity)
            found = replace(found, moving=[*found.moving, pending])
    return made


def _pending(found: transfer_rule.Known, sku: str, source: int, to: int, units: int) -> Transfer:
    """A proposal as an open transfer not made yet: it brings `units` and takes them."""
    line = TransferLine(sku, units, 0, 0)
    return Transfer("", found.every[source].code, found.every[to].code, "", "open", (line,))
