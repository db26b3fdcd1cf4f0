"""The receiving clerk's state and verdicts (app.steps.receiving is the state machine over them),
in the loader's style: `ReceiveState` is immutable, every step returns a `Verdict` with the facts
to record and the state to adopt once they are recorded.

A verdict may ask the screen to look something up first (`look_up`): the receipt behind a
scanned id or SSCC, the product behind a GTIN, or whether a scanned location exists. The screen
asks its backend on the worker thread and hands the answer to `on_receipt` / `on_product` /
`on_location`, which return the verdict to adopt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.events import Actor, Event
from app.domain.receiving import Receipt, ReceivedProduct


@dataclass(frozen=True)
class InHand:
    """Units received at this station and not put away yet: the clerk holds them."""

    sku: str
    name: str
    lot: str
    expiry: str | None  # YYYY-MM-DD
    quantity: int
    flag: str = ""  # "" | "over" (more than announced) | "unexpected" (not on the receipt)


@dataclass(frozen=True)
class AwaitingLot:
    """A lot-controlled product scanned without its lot: the lot label comes next."""

    product: ReceivedProduct
    units: int
    raw: str


@dataclass(frozen=True, kw_only=True)
class ReceiveState:
    actor: Actor
    receipt: Receipt | None = None  # the receipt being received, as this station knows it
    in_hand: InHand | None = None
    awaiting_lot: AwaitingLot | None = None
    suggestion: str | None = None  # where the station suggests putting what is in hand
    last_location: str | None = None  # where the last put-away went


@dataclass(frozen=True)
class LookUp:
    what: str  # "receipt" | "product" | "location"
    code: str
    units: int = 1  # a product scan: how many units it stands for


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str  # an id the screen words (ui/clerk/receiving_texts.py)
    state: ReceiveState  # the state to adopt once `facts` are recorded
    params: dict = field(default_factory=dict)
    facts: tuple[Event, ...] = ()
    look_up: LookUp | None = None

    @property
    def tone(self) -> str:
        if self.look_up is not None or (self.ok and self.reason in INFO_REASONS):
            return "info"
        return "ok" if self.ok else "error"

    @property
    def durable(self) -> bool:
        """The state may be adopted only once the facts are stored."""
        return self.ok and bool(self.facts)


# Shown in the info colour with its tone: the clerk must look (a flagged receipt) or act next.
INFO_REASONS = frozenset(
    {"scan_receipt", "scan_lot", "over_receipt", "unexpected_item", "set_aside", "receipt_left"}
)
