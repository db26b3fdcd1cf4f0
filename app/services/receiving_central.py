"""Receiving against the central database: `CentralReceivingBackend` (the receiving screen's
direct `ReceivingBackend`), the put-away suggestion as central sees the site, and
`receive_codes`, the same steps run for `shipshape receive`.

Everything here runs on a database worker thread (the station's) or in a CLI command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain import put_away
from app.domain.events import Actor, Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import PutAway
from app.domain.receiving import Receipt, ReceivedProduct
from app.domain.users import Role, User
from app.errors import BadInput, NotAllowed
from app.messages import message
from app.routing.distance import depot_spot, spot_of, walk_distance
from app.routing.layout import Layout, load_layout
from app.scanning.interpret import interpret
from app.services import users
from app.services.facts import apply_facts
from app.services.ports import UnitOfWork
from app.steps import receiving
from app.steps.receiving_state import ReceiveState, Verdict

RECEIVING_ROLES = (Role.CLERK, Role.LEAD)


class CentralReceivingBackend:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], station: str) -> None:
        self.uow_factory = uow_factory
        self.station = station

    def receipt(self, code: str) -> Receipt | None:
        with self.uow_factory() as uow:
            return uow.receiving.receipt(code)

    def product(self, gtin: str) -> ReceivedProduct | None:
        with self.uow_factory() as uow:
            return uow.receiving.product_by_gtin(gtin)

    def location_exists(self, code: str) -> bool:
        with self.uow_factory() as uow:
            return uow.receiving.location_exists(code)

    def suggest(self, receipt_id: str, sku: str, lot: str, quantity: int) -> str | None:
        """A location of the receipt's warehouse, whatever this station's home (docs/stock.md)."""
        with self.uow_factory() as uow:
            site = put_away_site(uow, receipt_warehouse(uow, receipt_id))
        found = put_away.suggest(site, sku, lot, quantity)
        return found.location if found else None

    def record(self, facts: list[Event]) -> None:
        apply_facts(self.uow_factory(), facts)


def receipt_warehouse(uow: UnitOfWork, receipt_id: str) -> int | None:
    """The warehouse a receipt's goods are put away in: the one it is expected at (a homed
    station's home); one without a warehouse, or unknown, the station's working one."""
    found = uow.receiving.receipt_warehouses([receipt_id]).get(receipt_id)
    return found if found is not None else uow.catalog.working_warehouse()


def put_away_site(uow: UnitOfWork, warehouse_id: int | None) -> put_away.PutAwaySite:
    """What the put-away rule reads of warehouse `warehouse_id` (its locations, pick faces,
    stock and layout alone), as central has it now, inside the caller's `with uow:`. None: the
    unit of work's home, else every location and the first warehouse's layout (a site with no
    warehouse yet)."""
    document = uow.catalog.layout_document(warehouse_id)
    return put_away.PutAwaySite(
        locations=tuple(uow.receiving.location_codes(warehouse_id)),
        pick_faces=tuple(uow.receiving.pick_faces(warehouse_id)),
        stock=tuple(uow.receiving.stock_on_hand(warehouse_id)),
        walk=walking(load_layout(document)) if document else None,
    )


def walking(layout: Layout) -> put_away.Walk:
    """Walking distance on the site's layout from a location (None: the depot) to another."""

    def walk(origin: str | None, code: str) -> float:
        if not layout.has_location(code):
            return float("inf")
        start = depot_spot(layout)
        if origin is not None and layout.has_location(origin):
            start = spot_of(layout, origin)
        return walk_distance(layout.cross_aisles, start, spot_of(layout, code))

    return walk


def require_clerk(user: User) -> None:
    """Stock clerks receive; a shift lead may too."""
    if user.role not in RECEIVING_ROLES or not user.active:
        raise NotAllowed(message("receive.not_a_clerk", name=user.name, role=user.role.value))


# ---- `shipshape receive` ----------------------------------------------------------------------
@dataclass(frozen=True)
class Received:
    """What `receive` did: the put-aways it recorded and the receipt as central has it now."""

    receipt: Receipt
    location: str
    put_aways: list[PutAway]

    def record(self) -> dict:
        """The CLI's JSON object (docs/interfaces.md §13)."""
        return {
            "receipt_id": self.receipt.receipt_id,
            "location": self.location,
            "items": [
                {"sku": p.sku, "lot": p.lot, "expiry": p.expiry, "quantity": p.quantity}
                for p in self.put_aways
            ],
            "lines": [
                {
                    "sku": x.sku,
                    "lot": x.lot,
                    "expected": x.expected,
                    "received": x.received,
                    "put_away": x.put_away,
                }
                for x in self.receipt.lines
            ],
        }


def receive_codes(
    uow_factory: Callable[[], UnitOfWork],
    badge: str,
    receipt_id: str,
    codes: list[str],
    location: str,
    station: str,
) -> Received:
    """`shipshape receive`: the clerk's own steps, code by code, then everything in hand put
    away at `location`. All or nothing: any bad input raises BadInput before a fact is kept."""
    with uow_factory() as uow:
        user = uow.users.by_badge(users.badge_from_scan(badge))
    if user is None:
        raise BadInput(message("receive.unknown_badge", badge=badge))
    require_clerk(user)
    backend = CentralReceivingBackend(uow_factory, station)
    state = receiving.start(Actor(user.name, station))
    state = _verdict_or_fail(
        receiving.on_receipt(state, receipt_id, backend.receipt(receipt_id)), receipt_id
    ).state
    where = location[2:] if location.upper().startswith("L:") else location
    if not backend.location_exists(where):
        raise BadInput(message("receive.unknown_location", location=location))
    facts: list[Event] = []
    for code in codes:
        text, units = split_units(code)
        state = _scan(backend, state, text, units, where, facts)
    if state.in_hand is not None:
        state = _put_away(backend, state, where, facts)
    backend.record(facts)
    received = backend.receipt(receipt_id)
    assert received is not None
    put = [PutAway.of(f) for f in facts if f.kind == FactKind.PUT_AWAY]
    return Received(received, where, put)


def split_units(code: str) -> tuple[str, int]:
    """`CODE*N`: N units of CODE (N a positive whole number); else one unit."""
    text, star, count = code.rpartition("*")
    if star and count.isdigit() and 0 < int(count) <= receiving.MAX_TYPED:
        return text, int(count)
    return code, 1


def _scan(backend, state: ReceiveState, code: str, units: int, where: str, facts) -> ReceiveState:
    verdict = _answer(backend, state, receiving.on_scan(state, interpret(code), units), code)
    if verdict.reason == "put_away_first":  # another item: what is in hand goes away first
        state = _put_away(backend, state, where, facts)
        verdict = _answer(backend, state, receiving.on_scan(state, interpret(code), units), code)
    if verdict.reason == "scan_lot":
        raise BadInput(message("receive.lot_missing", code=code, sku=verdict.params["sku"]))
    verdict = _verdict_or_fail(verdict, code)
    facts += verdict.facts
    return verdict.state


def _answer(backend, state: ReceiveState, verdict: Verdict, code: str) -> Verdict:
    look = verdict.look_up
    if look is None:
        return verdict
    if look.what == "product":
        return receiving.on_product(state, interpret(code), backend.product(look.code), look.units)
    if look.what == "location":
        return receiving.on_location(state, look.code, backend.location_exists(look.code))
    raise BadInput(message("receive.unknown_code", code=code))  # a receipt among the items


def _put_away(backend, state: ReceiveState, where: str, facts: list[Event]) -> ReceiveState:
    verdict = _verdict_or_fail(receiving.on_location(state, where, True), where)
    facts += verdict.facts
    return verdict.state


def _verdict_or_fail(verdict: Verdict, code: str) -> Verdict:
    if verdict.ok:
        return verdict
    params = verdict.params
    if verdict.reason == "unknown_receipt":
        raise BadInput(message("receive.unknown_receipt", receipt=params.get("code", code)))
    if verdict.reason == "receipt_closed":
        raise BadInput(message("receive.receipt_closed", receipt=params["receipt"]))
    if verdict.reason in ("unknown_item", "invalid_scan", "not_understood"):
        raise BadInput(message("receive.unknown_code", code=code))
    raise BadInput(message("receive.refused", code=code, reason=verdict.reason))
