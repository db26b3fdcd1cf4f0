"""The lead console's transfers (docs/lead.md, "Transfers"): those the chosen warehouse sends or
receives, the transfers the rule proposes for it, and making or cancelling one. The work is
app/services/transfers.py's, as `shipshape transfer(s)` does it; here the role check and the
view of one warehouse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.events import Actor
from app.domain.users import User
from app.services import transfers
from app.services.ports import UnitOfWork
from app.services.transfers import Transfer
from app.services.users import require_lead


@dataclass(frozen=True)
class TransferDesk:
    """What the Transfers section shows. `chosen`: the warehouse code the console looks at
    (None: every warehouse); `warehouses`: every code, for the From and To choices."""

    warehouses: list[str]
    chosen: str | None
    transfers: list[Transfer]  # the newest first
    proposals: list[dict]  # as `shipshape transfers --propose --json` prints them


def desk(uow: Callable[[], UnitOfWork], lead: User, warehouse_id: int | None) -> TransferDesk:
    require_lead(lead)
    unit = uow()
    with unit:
        codes = {w.id: w.code for w in unit.warehouses.all()}
    chosen = codes.get(warehouse_id) if warehouse_id is not None else None
    found = transfers.list_transfers(uow())
    proposed = transfers.proposals(uow())
    if chosen is not None:  # sending or receiving: both ends' leads follow it
        found = [t for t in found if chosen in (t.source, t.target)]
        proposed = [p for p in proposed if chosen in (p["from"], p["to"])]
    return TransferDesk(list(codes.values()), chosen, found[::-1], proposed)


def make(
    uow: UnitOfWork,
    lead: User,
    source: str,
    target: str,
    lines: list[tuple[str, int]],
    station: str,
) -> Transfer:
    require_lead(lead)
    return transfers.create_transfer(uow, source, target, lines, Actor(lead.name, station))


def cancel(uow: UnitOfWork, lead: User, transfer: str, station: str) -> Transfer:
    require_lead(lead)
    return transfers.cancel_transfer(uow, transfer, Actor(lead.name, station))
