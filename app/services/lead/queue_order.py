"""The order of the lead's exceptions queue: what blocks work now comes first.

An order predicted to miss its ship-by comes first: told in time, it is the one a lead can still
save. A short pick stops a cart and a packing problem stops a bench, so they follow; a late order
is still moving and a held order waits for a decision, so they come last. Within a kind the
oldest item comes first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime

# Most blocking first; a kind not listed sits between these and the orders at the end.
BLOCKING_FIRST = (
    "at_risk",  # told before it is late: the one kind a lead can still do something about in time
    "short_pick",
    "pack_mismatch",
    "weight_mismatch",
    "pack_status",
    "pack_override",
    "printer_failure",
    "pick_task_gone",
    "fact_failed",
    "pin_locked",
    "stock_mismatch",  # on-hand is wrong until the location is counted: pickers may come short
    "waiting_for_stock",
)
LAST = ("hold", "late")
_EARLIEST = datetime.min.replace(tzinfo=UTC)


def kind_rank(kind: str) -> int:
    if kind in BLOCKING_FIRST:
        return BLOCKING_FIRST.index(kind)
    if kind in LAST:
        return len(BLOCKING_FIRST) + 1 + LAST.index(kind)
    return len(BLOCKING_FIRST)


def by_urgency(items: Iterable) -> list:
    """Queue items (anything with .kind and .since) blocking ones first, oldest first."""
    return sorted(items, key=lambda item: (kind_rank(item.kind), _when(item.since)))


def kind_counts(items: Iterable) -> list[tuple[str, int]]:
    """(kind, how many) in queue order, for the tab's counts and filter."""
    counts = Counter(item.kind for item in items)
    return sorted(counts.items(), key=lambda pair: kind_rank(pair[0]))


def _when(since: datetime | None) -> datetime:
    if since is None:
        return _EARLIEST
    return since if since.tzinfo is not None else since.replace(tzinfo=UTC)
