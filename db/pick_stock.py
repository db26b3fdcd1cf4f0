"""Stock that picks take, held until just before the transaction commits and then written
at once: one locking read of the rows, one update and one ledger insert.

Many stations pick the same stock rows; a row lock taken at the end of a push is held for
milliseconds instead of the whole transaction, so stations seldom wait on each other. Increments
commute, so applying them late changes no outcome. A take made on the floor before its row was
last counted changes nothing (the count had it): its ledger row says so with a delta of 0
(docs/stock.md "Counting races picks").

Used by db/picking_repo.py (`take_stock_many`, `flush`); `SqlUnitOfWork.commit` flushes, on
whichever thread holds the unit of work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Connection, select

from app.domain.stock_ledger import MovementKind, StockTake, counted_before
from db.bulk import add_to_rows, insert_rows
from db.schema import stock, stock_movements

# The rows pending takes change, locked in id order (every writer locks stock rows so).
_LOCK_STOCK = (
    select(
        stock.c.id,
        stock.c.on_hand,
        stock.c.counted_at,
        stock.c.location_id,
        stock.c.product_id,
        stock.c.lot,
    )
    .order_by(stock.c.id)
    .with_for_update()
)
_STOCK_TYPES = {"id": "bigint", "on_hand": "integer", "reserved": "integer"}


def _pick_movement(row, take: StockTake, before: int, after: int, now: datetime) -> dict:
    """A `stock_movements` row (db/stock_repo.py writes the same for every other change)."""
    return {
        "fact_id": take.fact_id,
        "kind": MovementKind.PICK.value,
        "location_id": row.location_id,
        "product_id": row.product_id,
        "lot": row.lot,
        "delta": after - before,
        "on_hand_before": before,
        "on_hand_after": after,
        "actor": take.actor.user,
        "station": take.actor.station,
        "occurred_at": take.occurred_at,
        "recorded_at": now,
    }


class PendingPickStock:
    def __init__(self, connection: Connection, now: Callable[[], datetime]) -> None:
        self.connection = connection
        self._now = now
        self._stock_taken: list[StockTake] = []  # units taken, in fact order, until flush()
        self._unreserved: Counter[int] = Counter()  # stock row id -> reservation used up

    def add(self, taken: list[StockTake], unreserved: dict[int, int]) -> None:
        """Units left the shelf (`taken`, in fact order; negative: put back) and reservations
        they used up (`unreserved`), by stock row id: written by `flush()`."""
        self._stock_taken.extend(taken)
        self._unreserved.update(unreserved)

    def flush(self) -> None:
        """Write the pending takes: one locking read, one update and one ledger insert. A take
        made on the floor before its row was last counted changes nothing (the count had it):
        its ledger row says so with a delta of 0 (docs/stock.md "Counting races picks")."""
        takes, unreserved = list(self._stock_taken), Counter(self._unreserved)
        self._stock_taken.clear()
        self._unreserved.clear()
        ids = sorted(
            {t.stock_id for t in takes if t.quantity} | {i for i, q in unreserved.items() if q}
        )
        if not ids:
            return
        locked = {r.id: r for r in self.connection.execute(_LOCK_STOCK.where(stock.c.id.in_(ids)))}
        on_hand = {i: row.on_hand for i, row in locked.items()}
        delta: Counter[int] = Counter()
        ledger = []
        for take in takes:
            row = locked.get(take.stock_id)
            if row is None or not take.quantity:
                continue
            change = 0 if counted_before(row.counted_at, take.occurred_at) else -take.quantity
            before = on_hand[row.id]
            on_hand[row.id] = before + change
            delta[row.id] += change
            ledger.append(_pick_movement(row, take, before, before + change, self._now()))
        rows = [
            {"id": i, "on_hand": delta[i], "reserved": -unreserved[i]}
            for i in ids
            if delta[i] or unreserved[i]
        ]
        add_to_rows(self.connection, stock, rows, _STOCK_TYPES)
        insert_rows(self.connection, stock_movements, ledger)
