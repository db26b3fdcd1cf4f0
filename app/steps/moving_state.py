"""The mover's state and verdicts (app.steps.moving is the state machine over them), in the
loader's style: `MoveState` is immutable; every step returns a `Verdict` with the facts to
record and the state to adopt once they are recorded, or a location to look up first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.events import Actor, Event
from app.domain.moves import LocationView, ReplenishTask


@dataclass(frozen=True)
class MoveLine:
    """Units of one lot of one product in hand, to go to the to-location."""

    sku: str
    name: str
    lot: str
    quantity: int
    available: int  # what may move out of the from-location (the ceiling)
    expiry: str | None = None


@dataclass(frozen=True)
class Moved:
    """The last move recorded here, for the screen's summary line."""

    from_location: str
    to_location: str
    lines: tuple[MoveLine, ...]


@dataclass(frozen=True, kw_only=True)
class MoveState:
    actor: Actor
    tasks: tuple[ReplenishTask, ...] = ()  # open replenishments, most urgent first
    task: ReplenishTask | None = None  # the one being done (pre-fills; every scan still asked)
    source: LocationView | None = None  # the from-location, as looked up when scanned
    lines: tuple[MoveLine, ...] = ()
    earlier: tuple[tuple[MoveLine, ...], ...] = ()  # lines before each scan or number (C:UNDO)
    last: Moved | None = None

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True)
class LookUp:
    what: str  # "from" | "to"
    code: str


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str  # an id the screen words (ui/clerk/moving_texts.py)
    state: MoveState  # the state to adopt once `facts` are recorded
    params: dict = field(default_factory=dict)
    facts: tuple[Event, ...] = ()
    look_up: LookUp | None = None  # ask the backend, then on_location

    @property
    def tone(self) -> str:
        if self.look_up is not None or (self.ok and self.reason in INFO_REASONS):
            return "info"
        return "ok" if self.ok else "error"

    @property
    def durable(self) -> bool:
        """Adopt the state only once the facts are stored (a move)."""
        return self.ok and bool(self.facts)


INFO_REASONS = frozenset({"task_chosen", "undone", "cancelled", "free_move"})
