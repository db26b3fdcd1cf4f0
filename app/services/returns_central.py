"""Returns against the central database: `CentralReturnsBackend` (the returns page's direct
backend, docs/returns.md) and `receive_return`, the same steps run for `shipshape returns
receive`. Runs on a database worker thread (the station's) or in a CLI command.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.domain import put_away
from app.domain.events import Actor, Event
from app.domain.returns import CONDITIONS, MISSING, RESELL, ReturnContext, ReturnedItem, merged
from app.domain.users import Role, User
from app.errors import BadInput, NotAllowed
from app.messages import message
from app.scanning.interpret import Scan, interpret
from app.services import users
from app.services.facts import apply_facts
from app.services.ports import UnitOfWork
from app.services.receiving_central import put_away_site, split_units
from app.steps import returning
from app.steps.returning_state import ReturnedProduct, ReturnState, Verdict

RETURNS_ROLES = (Role.RETURNS, Role.CLERK, Role.LEAD)


class CentralReturnsBackend:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], station: str) -> None:
        self.uow_factory = uow_factory
        self.station = station

    def parcel(self, code: str) -> ReturnContext | None:
        with self.uow_factory() as uow:
            return uow.returns.context_for(code)

    def product(self, gtin: str) -> ReturnedProduct | None:
        with self.uow_factory() as uow:
            return uow.returns.products_by_gtin([gtin]).get(gtin)

    def location_exists(self, code: str) -> bool:
        with self.uow_factory() as uow:
            return uow.receiving.location_exists(code)

    def free_at(self, location: str, sku: str, lot: str) -> int | None:
        """Units neither reserved nor held at the location (0: none there)."""
        with self.uow_factory() as uow:
            found = uow.stock.get(location, sku, lot)
        return found.available if found is not None else 0

    def suggest(self, channel: str, order_id: str, sku: str, lot: str, quantity: int) -> str | None:
        """Where a resellable unit goes when the order's pick location is not known: the
        put-away rule (the product's pick face with room, else reserve, else an empty one) in
        the warehouse the return goes back into (`order_warehouse`; else the station's
        working one), whatever this station's home."""
        with self.uow_factory() as uow:
            warehouse_id = uow.returns.order_warehouse(channel, order_id)
            if warehouse_id is None:
                warehouse_id = uow.catalog.working_warehouse()
            site = put_away_site(uow, warehouse_id)
        found = put_away.suggest(site, sku, lot, quantity)
        return found.location if found else None

    def record(self, facts: list[Event]) -> None:
        apply_facts(self.uow_factory(), facts)


def require_returns_clerk(user: User) -> None:
    """Returns clerks receive returns; a stock clerk or a shift lead may too."""
    if user.role not in RETURNS_ROLES or not user.active:
        raise NotAllowed(message("returns.not_a_clerk", name=user.name, role=user.role.value))


# ---- `shipshape returns receive` ---------------------------------------------------------------
@dataclass(frozen=True)
class Received:
    context: ReturnContext
    items: list[ReturnedItem]
    status: str  # the order's status once central applied the return

    def record(self) -> dict:
        """The CLI's JSON object (docs/interfaces.md §14); units declared missing are not
        items of the parcel."""
        shown = [x for x in merged(self.items) if x.condition != MISSING]
        return {
            "channel": self.context.channel,
            "order_id": self.context.order_id,
            "rma": self.context.rma,
            "items": [x.as_record() for x in shown],
            "status": self.status,
        }


def receive_return(
    uow_factory: Callable[[], UnitOfWork],
    badge: str,
    code: str,
    scans: list[str],
    station: str,
    location: str | None = None,
    today: date | None = None,
) -> Received:
    """The clerk's own steps, scan by scan, then the parcel closed (announced units not scanned
    are recorded missing). All or nothing: any bad input raises BadInput before a fact is kept."""
    user = _clerk(uow_factory, badge)
    backend = CentralReturnsBackend(uow_factory, station)
    state = returning.start(Actor(user.name, station), today or date.today())
    opened = returning.on_parcel(state, code, backend.parcel(code.strip()), str(uuid.uuid4()))
    state = _ok(opened, code).state
    context = state.context
    assert context is not None
    facts: list[Event] = []
    for scan in scans:
        state = _item(backend, state, scan, location, facts)
    for command in ("MISSING", "CLOSE"):
        verdict = returning.on_command(state, command)
        if verdict.ok:
            facts += verdict.facts
            state = verdict.state if command == "MISSING" else state
    taken = list(state.taken)
    backend.record(facts)
    after = backend.parcel(f"{context.channel}/{context.order_id}")
    return Received(context, taken, after.status if after else "")


def _clerk(uow_factory, badge: str) -> User:
    with uow_factory() as uow:
        user = uow.users.by_badge(users.badge_from_scan(badge))
    if user is None:
        raise BadInput(message("receive.unknown_badge", badge=badge))
    require_returns_clerk(user)
    return user


def split_condition(scan: str) -> tuple[str, str]:
    """`ITEM[:CONDITION]` (either way round with `*N`): the item and its condition."""
    text, colon, condition = scan.rpartition(":")
    if colon and condition.split("*")[0].strip().lower() in CONDITIONS:
        word, star, count = condition.partition("*")
        return text + (f"*{count}" if star else ""), word.strip().lower()
    return scan, RESELL


def _item(backend, state: ReturnState, raw: str, location: str | None, facts) -> ReturnState:
    item, condition = split_condition(raw)
    text, units = split_units(item)
    scan = _scan_of(backend, text)
    verdict = _answer(backend, state, returning.on_scan(state, scan, units), scan, text)
    if verdict.reason == "scan_serial":
        raise BadInput(message("returns.serial_needed", code=text, sku=verdict.params["sku"]))
    state = _ok(verdict, text).state
    if state.in_hand and state.in_hand.flag and condition != "wrong_item":
        raise BadInput(
            message(
                "returns.item_flagged",
                code=text,
                flag=message(f"returns.flag.{state.in_hand.flag}"),
            )
        )
    verdict = returning.on_command(state, condition.upper())
    verdict = _answer(backend, state, verdict, scan, text)
    if verdict.reason == "scan_location":
        where = location or verdict.state.suggestion
        if not where:
            raise BadInput(message("returns.no_location", code=text))
        verdict = returning.on_location(verdict.state, where, backend.location_exists(where))
    verdict = _ok(verdict, text)
    facts += verdict.facts
    return verdict.state


def _scan_of(backend, text: str) -> Scan:
    """The scanned item: a barcode as scanned, or a SKU typed at the desk."""
    scan = interpret(text)
    if scan.kind != "product":
        with backend.uow_factory() as uow:
            found = uow.returns.product_by_sku(text.strip())
        if found is not None and found[1]:
            return interpret(found[1])
    return scan


def _answer(backend, state: ReturnState, verdict: Verdict, scan: Scan, code: str) -> Verdict:
    look = verdict.look_up
    if look is None:
        return verdict
    if look.what == "product":
        return returning.on_product(state, scan, backend.product(look.code), look.units)
    if look.what == "suggestion":
        held, context = verdict.state.in_hand, verdict.state.context
        assert held is not None and context is not None
        where = backend.suggest(
            context.channel, context.order_id, held.sku, held.lot, held.quantity
        )
        return returning.on_suggestion(verdict.state, where)
    raise BadInput(message("returns.unknown_item", code=code))  # a parcel code among the items


def _ok(verdict: Verdict, code: str) -> Verdict:
    if verdict.ok:
        return verdict
    params = verdict.params
    if verdict.reason == "unknown_parcel":
        raise BadInput(message("returns.unknown_parcel", code=params.get("code", code)))
    if verdict.reason == "not_shipped":
        raise BadInput(message("returns.not_shipped", code=code, status=params["status"]))
    if verdict.reason == "unknown_location":
        raise BadInput(message("receive.unknown_location", location=params["location"]))
    if verdict.reason in ("unknown_item", "invalid_scan", "not_understood", "scan_parcel"):
        raise BadInput(message("returns.unknown_item", code=code))
    raise BadInput(message("returns.refused", code=code, reason=verdict.reason))
