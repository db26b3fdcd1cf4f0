"""Moving stock between locations: what the mover sees of a location and of a replenishment
task (docs/stock.md, "Moves and replenishment"). Pure dataclasses, read by the steps
(app/steps/moving.py), the central and station backends and the screen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StockHere:
    """One lot of one product at a location, as the mover sees it."""

    sku: str
    name: str
    lot: str
    on_hand: int
    reserved: int = 0
    held: int = 0
    expiry: str | None = None  # YYYY-MM-DD
    gtins: tuple[str, ...] = ()  # 14-digit form
    lot_controlled: bool = False

    @property
    def available(self) -> int:
        """What may move: neither reserved for orders nor held after a short pick."""
        return max(self.on_hand - self.reserved - self.held, 0)


@dataclass(frozen=True)
class LocationView:
    """A location that exists, with the stock on it (empty: nothing there)."""

    code: str
    stock: tuple[StockHere, ...] = ()

    def of_gtin(self, gtin: str) -> list[StockHere]:
        return [item for item in self.stock if gtin in item.gtins]


@dataclass(frozen=True)
class ReplenishTask:
    """An open replenishment: bring `quantity` of `sku` (lot) from reserve to the pick face."""

    id: int
    sku: str
    name: str
    lot: str
    from_location: str
    to_location: str  # the pick face
    quantity: int
    reason: str  # what found the face low: pick, count, move, wave
    created_at: str  # ISO time
    waiting: int = 0  # units at the pick face reserved for orders: pickers need them soon

    def document(self) -> dict:
        return {
            "id": self.id,
            "sku": self.sku,
            "name": self.name,
            "lot": self.lot,
            "from": self.from_location,
            "to": self.to_location,
            "quantity": self.quantity,
            "reason": self.reason,
            "created_at": self.created_at,
            "waiting": self.waiting,
        }

    @classmethod
    def from_document(cls, doc: dict) -> ReplenishTask:
        return cls(
            doc["id"],
            doc["sku"],
            doc["name"],
            doc["lot"],
            doc["from"],
            doc["to"],
            doc["quantity"],
            doc["reason"],
            doc["created_at"],
            doc.get("waiting", 0),
        )


def most_urgent_first(tasks: list[ReplenishTask]) -> list[ReplenishTask]:
    """Pick faces with allocations waiting first (most units waiting first), then oldest."""
    return sorted(tasks, key=lambda t: (t.waiting == 0, -t.waiting, t.created_at, t.id))
