"""The loader's state and verdicts (app.steps.dispatch is the state machine over them), in the
picker's style: `LoadState` is immutable, every step returns a `Verdict` with the facts to
record and the state to adopt once they are recorded.

A verdict may instead ask the screen to look something up first (`look_up`): the carrier a
unit is bound to, or the parcel behind a scanned SSCC or tracking number, read fresh so that an
order held a minute ago is caught. The screen asks its backend on the worker thread and hands
the answer to `on_unit` / `on_parcel`, which return the verdict to adopt (as the picker's tote
check does).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.dispatch import ParcelView
from app.domain.events import Actor, Event
from app.domain.site import SiteSettings


@dataclass(frozen=True)
class Loaded:
    """A parcel this screen put on the unit (newest last), for the count and the last line."""

    package_id: int
    ref: str  # channel/order_id
    carton: int
    missing: tuple[int, ...] = ()


@dataclass(frozen=True, kw_only=True)
class LoadState:
    actor: Actor
    site: SiteSettings | None = None  # the site's carriers, once stored (None: codes as given)
    unit: str | None = None
    carrier: str | None = None  # what the unit is bound to (a carrier code or name)
    undo_armed: bool = False  # C:UNDO was scanned: the next parcel comes off the unit
    loaded: tuple[Loaded, ...] = ()  # loaded here since the unit was scanned
    last: ParcelView | None = None  # the last parcel scanned, shown large

    @property
    def ready(self) -> bool:
        return self.unit is not None and self.carrier is not None

    def loaded_ids(self) -> frozenset[int]:
        return frozenset(x.package_id for x in self.loaded)


@dataclass(frozen=True)
class LookUp:
    what: str  # "unit" | "parcel"
    code: str


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str  # an id the screen words (ui/loader/texts.py)
    state: LoadState  # the state to adopt once `facts` are recorded
    params: dict = field(default_factory=dict)
    facts: tuple[Event, ...] = ()
    look_up: LookUp | None = None  # ask the backend first, then on_unit / on_parcel
    parcel: ParcelView | None = None  # the parcel this verdict is about, if any

    @property
    def tone(self) -> str:
        if self.look_up is not None or (self.ok and self.reason in INFO_REASONS):
            return "info"
        return "ok" if self.ok else "error"

    @property
    def durable(self) -> bool:
        """The state may be adopted only once the facts are stored (a load or an unload)."""
        return self.ok and bool(self.facts)


INFO_REASONS = frozenset({"scan_carrier", "undo_armed", "undo_cancelled"})
