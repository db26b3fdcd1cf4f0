"""The returns clerk's state and verdicts (app.steps.returning is the state machine over them),
in the receiving clerk's style: `ReturnState` is immutable, every step returns a `Verdict` with
the facts to record and the state to adopt once they are recorded.

A verdict may ask the screen to look something up first (`look_up`): the order behind a scanned
parcel code, the product behind a GTIN, where a resellable unit should go, or whether a scanned
location exists. The screen asks its backend on the worker thread and hands the answer to
`on_parcel` / `on_product` / `on_suggestion` / `on_location`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.events import Actor, Event
from app.domain.returns import ReturnContext, ReturnedItem


@dataclass(frozen=True)
class ReturnedProduct:
    """A product as the returns clerk's scan finds it by its GTIN."""

    sku: str
    name: str
    lot_controlled: bool = False
    serial_required: bool = False


@dataclass(frozen=True)
class InHand:
    """Units taken out of the parcel whose condition is not decided yet."""

    sku: str
    name: str
    lot: str
    expiry: str | None  # YYYY-MM-DD
    serial: str
    quantity: int
    flag: str = ""  # app/domain/returns flags; "" = one the order shipped
    raw: str = ""


@dataclass(frozen=True)
class AwaitingSerial:
    """A serial-numbered product scanned without its serial: the serial label comes next."""

    product: ReturnedProduct
    lot: str
    expiry: str | None
    raw: str


@dataclass(frozen=True, kw_only=True)
class ReturnState:
    actor: Actor
    today: date
    context: ReturnContext | None = None  # the order behind the open parcel
    return_id: str = ""  # the parcel's return (a UUID made when it was first opened)
    in_hand: InHand | None = None
    awaiting_serial: AwaitingSerial | None = None
    reselling: bool = False  # C:RESELL given: the location scan comes next
    suggestion: str | None = None  # where the station suggests a resellable unit goes
    taken: tuple[ReturnedItem, ...] = ()  # this return's items so far (a resumed one's too)

    def taken_units(self, sku: str) -> int:
        """Units of `sku` already taken in on this parcel as the order's own."""
        return sum(x.quantity for x in self.taken if x.sku == sku and not x.flag and _own(x))

    def taken_serials(self) -> set[str]:
        return {x.serial for x in self.taken if x.serial}


def _own(item: ReturnedItem) -> bool:
    return item.condition in ("resell", "damaged")


@dataclass(frozen=True)
class LookUp:
    what: str  # "parcel" | "product" | "suggestion" | "location" | "stock" (C:UNDO)
    code: str
    units: int = 1


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str  # an id the screen words
    state: ReturnState
    params: dict = field(default_factory=dict)
    facts: tuple[Event, ...] = ()
    look_up: LookUp | None = None

    @property
    def tone(self) -> str:
        if self.reason in FLAG_REASONS:
            return "error"
        if self.look_up is not None or (self.ok and self.reason in INFO_REASONS):
            return "info"
        return "ok" if self.ok else "error"

    @property
    def durable(self) -> bool:
        """The state may be adopted only once the facts are stored."""
        return self.ok and bool(self.facts)


# An item in hand that the order did not ship as it is: taken in only as a wrong item.
FLAG_REASONS = frozenset(
    {"not_in_order", "serial_not_shipped", "serial_already_returned", "more_than_shipped"}
)
# Shown in the info colour: the clerk acts next (a condition, a location, a serial label).
INFO_REASONS = frozenset(
    {
        "parcel_open",
        "parcel_resumed",
        "item_in_hand",
        "scan_serial",
        "scan_location",
        "parcel_left",
        "handed_back",
    }
)
