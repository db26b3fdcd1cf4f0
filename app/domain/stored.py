"""Ids of records read back from the database.

Domain records (`Order`, `OrderLine`, `StockItem`, ...) carry `id: int | None`: None until the
repository stores them. A use case working on records it loaded asks for the id through
`stored_id`, which says so when that assumption is broken instead of passing None on to a query.
"""

from __future__ import annotations

from typing import Protocol


class Stored(Protocol):
    id: int | None


def stored_id(record: Stored) -> int:
    if record.id is None:
        raise ValueError(f"{type(record).__name__} has no id: it was never stored")
    return record.id
