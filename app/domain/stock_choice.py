"""Which stock to take for a quantity: the one rule that allocation, a short pick's suggestion
(the stock left elsewhere) and the lead's reallocation of a short pick all follow.

- Never an expired lot: one whose expiry is before today (a lot expiring today still goes out).
- Never held units (a location a picker reported empty, until it is counted), nor reserved ones:
  only `StockItem.available` may be taken.
- Earliest expiry first (FEFO); lots without an expiry after every lot with one.
- Then first received first (FIFO): the receipt time, then the stock row id (ids are given in
  receipt order, so they decide when the time is not known or equal).

Pure: the repositories fetch the candidate rows (and lock them where a reservation follows);
this module decides. It runs on whichever thread holds the unit of work.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.catalog import StockItem
from app.domain.stored import stored_id


@dataclass(frozen=True)
class Take:
    """Units to reserve from one stock row."""

    stock_id: int
    quantity: int


def is_expired(item: StockItem, today: date) -> bool:
    return item.expiry is not None and item.expiry < today


def may_take(item: StockItem, today: date) -> bool:
    """Stock with units free of reservations and holds, of a lot that has not expired."""
    return item.available > 0 and not is_expired(item, today)


def ranked(stock: Iterable[StockItem], today: date) -> list[StockItem]:
    """The stock that may be taken, best first (FEFO, then FIFO)."""
    return sorted((item for item in stock if may_take(item, today)), key=_preference)


def ranked_by_sku(stock: Iterable[StockItem], today: date) -> dict[str, list[StockItem]]:
    """`ranked` per SKU: allocation ranks a batch's stock once and takes from it per line."""
    by_sku: dict[str, list[StockItem]] = defaultdict(list)
    for item in ranked(stock, today):
        by_sku[item.sku].append(item)
    return dict(by_sku)


def take(
    ranked_stock: Iterable[StockItem], quantity: int, planned: Mapping[int, int] | None = None
) -> tuple[list[Take], int]:
    """Takes covering `quantity` from `ranked` stock, best first, and what is still missing.

    `planned` (stock id -> units) is what the caller already means to take from these rows
    but has not reserved yet (earlier lines of the same order): it is not free any more."""
    planned = planned or {}
    takes: list[Take] = []
    missing = quantity
    for item in ranked_stock:
        if missing <= 0:
            break
        free = item.available - planned.get(stored_id(item), 0)
        if free > 0:
            takes.append(Take(stored_id(item), min(free, missing)))
            missing -= takes[-1].quantity
    return takes, max(missing, 0)


def _preference(item: StockItem) -> tuple:
    # A missing receipt time sorts after every known one; times are never compared with None.
    received = (0, item.received_at) if item.received_at is not None else (1,)
    return (item.expiry is None, item.expiry or date.max, received, item.id or 0)
