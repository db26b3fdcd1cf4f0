"""Products, locations and stock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Product:
    sku: str
    name: str
    unit_weight_kg: float
    gtins: list[str] = field(default_factory=list)  # 14-digit form
    id: int | None = None


@dataclass
class StockItem:
    """On-hand quantity of one lot of one product at one location."""

    location: str
    sku: str
    on_hand: int
    reserved: int = 0
    lot: str = ""
    expiry: date | None = None
    id: int | None = None

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved
