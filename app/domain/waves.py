"""Waves, pick lists and pick tasks, as the use cases see them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class WaveStatus(StrEnum):
    PLANNED = "planned"
    RELEASED = "released"
    DONE = "done"
    CANCELLED = "cancelled"


class PickListStatus(StrEnum):
    PLANNED = "planned"  # in a wave not yet released
    RELEASED = "released"  # waiting for a picker
    ASSIGNED = "assigned"  # a picker has it (claimed or given by the lead)
    PICKING = "picking"
    DONE = "done"  # every task confirmed or short: the cart goes to packing
    CANCELLED = "cancelled"


OPEN_PICK_LIST = (
    PickListStatus.PLANNED,
    PickListStatus.RELEASED,
    PickListStatus.ASSIGNED,
    PickListStatus.PICKING,
)


@dataclass(frozen=True)
class PickSource:
    """One allocation to pick: so many units of a SKU from a stock row at a location."""

    allocation_id: int
    order_ref: int
    order_line_id: int
    stock_id: int
    location: str
    sku: str
    quantity: int


@dataclass
class PlannedPickList:
    order_refs: list[int]
    tasks: list[PickSource]  # in walking order
    distance_m: float
    sshape_distance_m: float


@dataclass
class PlannedWave:
    name: str
    pick_lists: list[PlannedPickList] = field(default_factory=list)
    created_at: datetime | None = None
    id: int | None = None

    @property
    def order_count(self) -> int:
        return sum(len(p.order_refs) for p in self.pick_lists)

    @property
    def distance_m(self) -> float:
        return sum(p.distance_m for p in self.pick_lists)
