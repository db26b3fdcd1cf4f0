"""Products, locations and stock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class Product:
    sku: str
    name: str
    unit_weight_kg: float
    gtins: list[str] = field(default_factory=list)  # 14-digit form
    id: int | None = None
    # Scan rules (docs/picking.md): a product marked `no_barcode` is the only one a picker may
    # confirm by typing a count; a lot-controlled pick needs the lot; a serial-required unit
    # cannot be packed without its serial.
    no_barcode: bool = False
    lot_controlled: bool = False
    serial_required: bool = False
    dimensions_cm: tuple[float, float, float] | None = None  # length, width, height of one unit

    @property
    def unit_volume_cm3(self) -> float | None:
        if self.dimensions_cm is None:
            return None
        length, width, height = self.dimensions_cm
        return length * width * height


@dataclass(frozen=True)
class UnitSize:
    """What one unit of a product weighs and takes up on a cart (0: unknown, takes no room)."""

    weight_kg: float = 0.0
    volume_l: float = 0.0  # length × width × height / 1000, when all three are known


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
    held: int = 0  # reported empty / not found at a short pick: not allocatable until counted
    received_at: datetime | None = None  # FIFO among lots of equal expiry (app/domain/stock_choice)
    warehouse_id: int | None = None  # where the location is (allocation sources per warehouse)

    @property
    def available(self) -> int:
        return max(self.on_hand - self.reserved - self.held, 0)
