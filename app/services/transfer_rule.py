"""The automatic transfer: a low pick face whose warehouse has no reserve of its product gets
stock from another warehouse by itself (docs/stock.md, "Transfers").

Called by the replenishment check (app/services/replenishment.py) inside the caller's
transaction, so the transfer is made with the pick, move, count or wave release that found the
face low, or not at all. Only for a warehouse whose site settings say `"auto_transfers": true`;
off (the default), the rule only proposes (`transfers --propose`, app/services/transfers.py,
through the same `transfer_for`: both name the same sender for the same need). The choice is
app/domain/auto_transfer.py; the transfer is made as `shipshape transfer` makes one, by the
system actor, and an event `transfer.auto_made` names the face that asked for it (the lead's
list reads it back: app/services/transfer_orders.py `made_by`).

Two checks at once (two stations' facts, a wave release): the receiving warehouse's row is
locked before the transfers on their way are read, so the second waits for the first's commit
and then finds its transfer covering the need. The row is locked only when a transfer may be
needed: a face with reserve, or a warehouse with the switch off, never waits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.auto_transfer import AutoTransfer, Sender, choose_sender, need, spare_units
from app.domain.catalog import StockItem
from app.domain.events import SYSTEM, Event
from app.domain.replenishment import PickFace, is_low, level, ranked_sources
from app.domain.site import SiteSettings
from app.domain.stock_choice import may_take
from app.domain.warehouses import Warehouse
from app.services import transfer_orders as transfers
from app.services.ports import UnitOfWork

_DONE = ("cancelled", "received")  # a transfer in any other state still brings its units


@dataclass(frozen=True)
class Known:
    """What one check reads once: every pick face with its warehouse id, every warehouse by
    id, their site settings, and every transfer (those on their way count)."""

    faces: list[tuple[PickFace, int]]
    every: dict[int, Warehouse]
    settings: dict[int, SiteSettings]
    moving: list[transfers.Transfer]


def known(
    uow: UnitOfWork, faces: list[tuple[PickFace, int]], settings: dict[int, SiteSettings]
) -> Known:
    """Call inside `with uow:` (for the automatic transfer: after the receiver's row is locked,
    so the transfers read include the one a concurrent check just made)."""
    every = {w.id: w for w in uow.warehouses.all()}
    return Known(faces, every, settings, transfers.transfers_within(uow))


def needs_transfer(
    face: PickFace, at_face: Iterable[StockItem], home_reserve: Iterable[StockItem], today: date
) -> bool:
    """A face below its min whose own warehouse has no reserve of its product that may be
    taken: what replenishment cannot refill, so the rule looks to the other warehouses."""
    return is_low(face, at_face) and not ranked_sources(face, home_reserve, today, {})


def transfer_for(
    uow: UnitOfWork,
    face: PickFace,
    home: int,
    at_face: Iterable[StockItem],
    found: Known,
    today: date,
) -> AutoTransfer | None:
    """Call inside `with uow:`. The transfer the rule gives `face` (of warehouse `home`): its
    sender and units, or None (the transfers on their way cover it, nobody can spare a unit).
    The one choice of sender for the automatic transfer and for `transfers --propose`, so a
    proposal and an automatic transfer for the same need name the same warehouse."""
    coming = _units(
        found.moving, face.sku, lambda t: t.target == found.every[home].code, _unfinished
    )
    wanted = need(face.max_qty, level(face, at_face), coming)
    return choose_sender(wanted, _senders(uow, face.sku, home, found, today))


def transfer_if_no_reserve(
    uow: UnitOfWork, face: PickFace, at_face: Iterable[StockItem], today: date
) -> str | None:
    """Inside the caller's transaction, for a face found low with no reserve in its warehouse:
    the transfer the rule makes (its id, `TR-<n>`), or None (switch off, covered, nobody can
    spare any). Never raises for want of stock or settings: the face just waits."""
    faces = uow.moves.every_pick_face()
    home = next((w for f, w in faces if f.location == face.location), None)
    settings = transfers.sites(uow)
    site = settings.get(home) if home is not None else None
    if home is None or site is None or not site.auto_transfers:
        return None
    if not uow.warehouses.lock_for_transfers(home):
        return None
    found = known(uow, faces, settings)
    chosen = transfer_for(uow, face, home, at_face, found, today)
    if chosen is None:
        return None
    sender, receiver = found.every[chosen.source], found.every[home]
    wanted_lines = {face.sku: chosen.quantity}
    ref, number = transfers.make_within(uow, sender, receiver, wanted_lines, SYSTEM, None, settings)
    payload = {"transfer": number, "face": face.location, "sku": face.sku,
               "quantity": chosen.quantity, "from": sender.code, "to": receiver.code}  # fmt: skip
    uow.events.add_all([Event(transfers.AUTO_MADE, payload, SYSTEM, ref)])
    return number


def _senders(uow: UnitOfWork, sku: str, home: int, found: Known, today: date) -> list[Sender]:
    """Every other warehouse with carriers, with what it can spare of `sku`."""
    reserve: dict[int, int] = defaultdict(int)
    for item in uow.moves.reserve_stock(sku):
        if item.warehouse_id is not None and may_take(item, today):
            reserve[item.warehouse_id] += item.available
    lack: dict[int, int] = defaultdict(int)
    for other, where in found.faces:
        if other.sku == sku and where != home:
            have = level(other, uow.moves.stock_at(other.location))
            lack[where] += max(other.max_qty - have, 0)
    senders = []
    for wid, warehouse in found.every.items():
        site = found.settings.get(wid)
        if wid == home or site is None or not site.carriers:
            continue
        leaving = _units(found.moving, sku, lambda t, code=warehouse.code: t.source == code, _open)
        spare = spare_units(reserve[wid], leaving, lack[wid])
        senders.append(Sender(wid, warehouse.code, spare))
    return senders


def _units(moving: list[transfers.Transfer], sku: str, where, counted) -> int:
    """Units of `sku` the transfers `where` picks out still move, as `counted` reckons them."""
    return sum(counted(t, line) for t in moving if where(t) for line in t.lines if line.sku == sku)


def _unfinished(transfer: transfers.Transfer, line: transfers.TransferLine) -> int:
    """What a transfer still brings to its receiver: not cancelled, not all received."""
    return 0 if transfer.status in _DONE else max(line.quantity - line.received, 0)


def _open(transfer: transfers.Transfer, line: transfers.TransferLine) -> int:
    """What a sender's transfer will take and has not reserved yet (allocation is whole)."""
    return line.quantity if transfer.status == "open" else 0
