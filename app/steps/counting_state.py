"""The counter's state and verdicts (app.steps.counting is the state machine over them), in the
loader's style: `CountState` is immutable, every step returns a `Verdict` with the facts to
record and the state to adopt once they are recorded.

A verdict may ask the screen to look something up first (`look_up`): whether a scanned
location exists and which count task names it, or which product a barcode is. The screen asks
its backend on the worker thread and hands the answer to `on_location` / `on_product`.
The state never holds an expected quantity: the count is blind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.events import Actor, Event
from app.scanning.interpret import Scan


@dataclass(frozen=True)
class Entry:
    """One scan of a product (units 1, or the number typed after it)."""

    sku: str
    name: str
    lot: str
    expiry: str | None
    units: int


@dataclass(frozen=True)
class CountedLine:
    """What the screen shows: one product and lot, and how many were counted so far."""

    sku: str
    name: str
    lot: str
    expiry: str | None
    counted: int


@dataclass(frozen=True)
class LocationInfo:
    """What the backend knows of a scanned location. `known` None: central cannot be reached
    and the pulled copy does not say (the count is taken; central checks it)."""

    code: str
    known: bool | None
    task_id: int | None = None
    attempt: int = 1  # 2: the task waits for a second count
    first_counted_by: str | None = None


@dataclass(frozen=True)
class ProductInfo:
    sku: str
    name: str
    lot_controlled: bool = False


@dataclass(frozen=True, kw_only=True)
class CountState:
    actor: Actor
    location: str | None = None
    task_id: int | None = None
    attempt: int = 1
    counted_before_by_me: bool = False  # a recount: better another clerk
    entries: tuple[Entry, ...] = ()  # newest last: C:UNDO takes back the last
    closing: bool = False  # C:CLOSE was scanned: C:CONFIRM records the count

    @property
    def lines(self) -> tuple[CountedLine, ...]:
        totals: dict[tuple[str, str], CountedLine] = {}
        for e in self.entries:
            key = (e.sku, e.lot)
            had = totals.get(key)
            counted = (had.counted if had else 0) + e.units
            expiry = e.expiry or (had.expiry if had else None)
            totals[key] = CountedLine(e.sku, e.name, e.lot, expiry, counted)
        return tuple(totals.values())

    @property
    def units(self) -> int:
        return sum(e.units for e in self.entries)


@dataclass(frozen=True)
class LookUp:
    what: str  # "location" | "product"
    code: str
    scan: Scan | None = None  # the product scan (its lot and expiry)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str  # an id the screen words (ui/clerk/count_texts.py)
    state: CountState  # the state to adopt once `facts` are recorded
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
        """The state may be adopted only once the facts are stored (the count)."""
        return self.ok and bool(self.facts)


INFO_REASONS = frozenset({"confirm_close", "close_cancelled", "count_cancelled"})
