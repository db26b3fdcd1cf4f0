"""The stock ledger: each change of on-hand at a location as a movement (docs/stock.md).

A movement says what changed (kind, location, product, lot, by how much, the figure before and
after), who made it on which station, when it happened on the floor (`occurred_at`, the fact's
time) and which fact it came from, so every unit in `shipshape stock` can be traced. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from app.domain.events import Actor


class MovementKind(StrEnum):
    PUT_AWAY = "put_away"  # received goods onto a shelf: allocatable from now on
    MOVE_OUT = "move_out"  # a move's two halves, one per location
    MOVE_IN = "move_in"
    COUNT = "count"  # a count set the figure (delta: the variance it corrected)
    PICK = "pick"
    IMPORT = "import"  # `shipshape import-stock` set the figure at the desk
    RETURN = "return"  # a customer's resellable unit back onto a shelf (docs/returns.md)
    RETURN_UNDONE = "return_undone"  # a returned unit taken back off the shelf (C:UNDO)
    RESTOCK = "restock"  # a lead restocked a unit from quarantine after inspection


@dataclass(frozen=True)
class Movement:
    kind: MovementKind
    location: str
    sku: str
    lot: str
    delta: int
    actor: Actor
    occurred_at: datetime
    fact_id: str | None = None  # None: a desk change


@dataclass(frozen=True)
class Recorded:
    """A movement as the ledger holds it: with the figures before and after."""

    movement: Movement
    on_hand_before: int
    on_hand_after: int


@dataclass(frozen=True)
class StockTake:
    """Units a pick fact took from a stock row (negative: put back), for the ledger: a pick
    made on the floor before the row was last counted is in that count already and changes
    nothing (docs/stock.md "Counting races picks")."""

    stock_id: int
    quantity: int
    actor: Actor
    occurred_at: datetime
    fact_id: str | None = None


def counted_before(counted_at: datetime | None, occurred_at: datetime) -> bool:
    """Whether a change made on the floor at `occurred_at` was already gone (or there) when the
    row was counted at `counted_at`. Times without a zone are UTC (SQLite returns them so)."""
    if counted_at is None:
        return False
    return _utc(occurred_at) < _utc(counted_at)


def counted_since(counted_at: datetime | None, at: datetime) -> bool:
    """Whether the row was counted at or after `at`: an older count changes nothing there."""
    return counted_at is not None and _utc(counted_at) >= _utc(at)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
