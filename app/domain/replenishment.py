"""The replenishment rule: when a pick face is low, and where its stock comes from.

- A pick face holds one product and has a min and a max (`shipshape import-pick-faces`).
- Its level is what is available there: on hand less what is reserved for orders and what is
  held after a short pick. Reserved units count as gone, so a released wave whose allocations
  empty the face makes it low before the pickers arrive ("ahead of the pickers").
- Below min, it gets a task to bring it up to max: `max - level` units, never more than the
  chosen reserve row has available.
- The source is reserve stock (a location that is not a pick face) of the product, chosen like
  allocation chooses (app/domain/stock_choice): never expired, held or reserved units; earliest
  expiry first (FEFO), then first received (FIFO, by the day it came in); the nearest reserve
  location (walking distance on the layout) when those are equal. One task takes one lot from one location; when that does not fill the face, the next
  check after the move finds it still low and makes the next task.
- At most one open task per pick face (the caller checks; the database enforces it too).

Pure: the caller (app/services/replenishment.py) reads the stock and writes the task.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.catalog import StockItem
from app.domain.stock_choice import may_take

FAR = float("inf")  # a location without a known position sorts after every known one


@dataclass(frozen=True)
class PickFace:
    location: str
    sku: str
    min_qty: int
    max_qty: int


@dataclass(frozen=True)
class Replenishment:
    """A task to be: move `quantity` of `sku`, lot `lot`, from `from_location` to the face."""

    sku: str
    lot: str
    from_location: str
    to_location: str
    quantity: int
    reason: str


def level(face: PickFace, at_face: Iterable[StockItem]) -> int:
    """Units of the face's product there that no order waits for and nobody reported missing."""
    return sum(item.available for item in at_face if item.sku == face.sku)


def is_low(face: PickFace, at_face: Iterable[StockItem]) -> bool:
    return level(face, at_face) < face.min_qty


def plan(
    face: PickFace,
    at_face: Iterable[StockItem],
    reserve: Iterable[StockItem],
    today: date,
    distance: Mapping[str, float],
    reason: str,
) -> Replenishment | None:
    """The task a low face needs, or None (not low, or no reserve stock to bring)."""
    have = level(face, at_face)
    if have >= face.min_qty:
        return None
    sources = ranked_sources(face, reserve, today, distance)
    if not sources:
        return None
    best = sources[0]
    quantity = min(face.max_qty - have, best.available)
    if quantity <= 0:
        return None
    return Replenishment(face.sku, best.lot, best.location, face.location, quantity, reason)


def ranked_sources(
    face: PickFace, reserve: Iterable[StockItem], today: date, distance: Mapping[str, float]
) -> list[StockItem]:
    """Reserve rows of the face's product that may move, best first."""
    usable = [
        item
        for item in reserve
        if item.sku == face.sku and item.location != face.location and may_take(item, today)
    ]

    def preference(item: StockItem) -> tuple:
        # FIFO by the day received: stock that came in the same day is equal, the nearest wins.
        day = item.received_at.date() if item.received_at is not None else None
        received = (0, day) if day is not None else (1,)
        expiry = (item.expiry is None, item.expiry or date.max)
        return (*expiry, received, distance.get(item.location, FAR), item.id or 0)

    return sorted(usable, key=preference)


def check_limits(min_qty: int, max_qty: int) -> str | None:
    """Why a pick face's min and max do not fit (None: they do): non-negative, min < max."""
    if min_qty < 0 or max_qty < 0:
        return "negative"
    if min_qty >= max_qty:
        return "min_not_below_max"
    return None
