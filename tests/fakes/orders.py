"""Orders and their lines in memory (db/orders_repo.py).

What a method returns is a copy, as an order read back from the database is: a use case that
changes an order and forgets to save it changes nothing here either. Orders waiting for stock
are `waiting_for_stock` rows of the lead's queue, as in the database.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from app.domain.orders import Order, OrderLine, OrderStatus
from app.errors import Conflict
from app.messages import message
from app.services.allocation import Reservation
from tests.fakes.state import FakeState

WAITING_FOR_STOCK = "waiting_for_stock"


class FakeOrders:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def existing_keys(self, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        return {o.key for o in self._state.orders.values()} & set(keys)

    def add_all(self, new_orders: list[Order]) -> list[int]:
        """Stored with fresh ids (the given orders get theirs; lines are stored with ids and
        nothing allocated, picked or packed). An unknown SKU or a key stored already fails, as
        the database's foreign and unique keys do."""
        unknown = {line.sku for o in new_orders for line in o.lines} - self._state.skus
        if unknown:
            raise KeyError(f"no product {sorted(unknown)}")
        ids = []
        for order in new_orders:
            if any(o.key == order.key for o in self._state.orders.values()):
                raise Conflict(message("db.conflict", detail=f"order {order.key} exists"))
            ref = self._state.next_id()
            lines = [OrderLine(x.sku, x.quantity, id=self._state.next_id()) for x in order.lines]
            self._state.orders[ref] = replace(order, id=ref, lines=lines, events=[])
            order.id = ref
            ids.append(ref)
        return ids

    def get(self, channel: str, order_id: str) -> Order | None:
        found = [o for o in self._state.orders.values() if o.key == (channel, order_id)]
        return _copies(found)[0] if found else None

    def lock(self, channel: str, order_id: str) -> Order | None:
        return self.get(channel, order_id)  # one thread: nothing to wait for

    def waves_of(self, order_ref: int) -> list[tuple[int, str]]:
        return []  # the in-memory unit of work keeps no waves

    def by_refs(self, refs: list[int]) -> list[Order]:
        return _copies(
            self._state.orders[ref] for ref in sorted(set(refs)) if ref in self._state.orders
        )

    def claim_received(self, limit: int) -> list[Order]:
        received = [o for o in self._state.orders.values() if o.status is OrderStatus.RECEIVED]
        return _copies(sorted(received, key=_urgency)[:limit])

    def waiting_for_stock(self, skus: set[str] | None = None) -> list[int]:
        """Orders allocation could not cover, most urgent first, then oldest."""
        waiting = {row["order_ref"] for row in self._open_waiting()}
        orders = [o for ref, o in self._state.orders.items() if ref in waiting]
        if skus is not None:
            orders = [o for o in orders if any(line.sku in skus for line in o.lines)]
        return [_ref(o) for o in sorted(orders, key=_urgency) if o.status is OrderStatus.EXCEPTION]

    def claim_waiting(self, refs: list[int]) -> list[Order]:
        orders = [self._state.orders[ref] for ref in set(refs) if ref in self._state.orders]
        return _copies(
            sorted((o for o in orders if o.status is OrderStatus.EXCEPTION), key=_urgency)
        )

    def mark_waiting(self, order_ref: int, details: dict, now: datetime) -> None:
        """One open row per order: a later shortfall replaces what it lacks."""
        for row in self._open_waiting():
            if row["order_ref"] == order_ref:
                row["details"] = details
                return
        self._state.add_exception(WAITING_FOR_STOCK, order_ref, details, now)

    def stop_waiting(self, refs: list[int], resolution: str, by: str, now: datetime) -> None:
        for row in self._open_waiting():
            if row["order_ref"] in refs:
                row.update(
                    status="resolved", resolution=resolution, resolved_by=by, resolved_at=now
                )

    def save_allocations(self, changed: list[Order], reservations: list) -> None:
        self.save_statuses(changed)
        for order in changed:
            for line in order.lines:
                if line.allocated:
                    self._state.line(_ref(line)).allocated = line.allocated
        self._state.allocations += [_allocation(r) for r in reservations]

    def save_status(self, order: Order) -> None:
        self.save_statuses([order])

    def save_statuses(self, changed: list[Order]) -> None:
        """Status, reason and review mark only: the rest of an order is never saved back."""
        for order in changed:
            stored = self._state.orders[_ref(order)]
            stored.status, stored.reason = order.status, order.reason
            stored.review_passed = order.review_passed

    def release_allocations(self, order: Order) -> None:
        """The order's reserved stock goes back; its lines hold nothing any more."""
        line_ids = {line.id for line in order.lines}
        for row in [a for a in self._state.allocations if a["order_line_id"] in line_ids]:
            self._state.stock[row["stock_id"]].reserved -= row["quantity"]
            self._state.allocations.remove(row)
        for line in order.lines:
            self._state.line(_ref(line)).allocated = 0
            line.allocated = 0

    def _open_waiting(self) -> list[dict]:
        return [
            row
            for row in self._state.exceptions
            if row["kind"] == WAITING_FOR_STOCK and row["status"] == "open"
        ]


def _urgency(order: Order) -> tuple:
    """Most urgent first: priority, then the earliest ship-by (none: last), then oldest."""
    ship_by = (0, order.ship_by) if order.ship_by is not None else (1,)
    return (-order.priority, ship_by, order.id)


def _copies(orders: Iterable[Order]) -> list[Order]:
    return [copy.deepcopy(o) for o in orders]


def _allocation(reservation: Reservation) -> dict[str, int]:
    return {
        "order_line_id": reservation.order_line_id,
        "stock_id": reservation.stock_id,
        "quantity": reservation.quantity,
    }


def _ref(record: Order | OrderLine) -> int:
    assert record.id is not None, f"{record} was never stored"
    return record.id
