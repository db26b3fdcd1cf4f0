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


# Why a wave's save (or a top-up) left an order out: cancelled since the plan read it, taken by
# another wave, or its reservation changed (re-allocated, put back to received, held).
LEFT_OUT = ("cancelled", "other_wave", "reservation_changed")


@dataclass
class PlannedWave:
    name: str
    pick_lists: list[PlannedPickList] = field(default_factory=list)
    created_at: datetime | None = None
    id: int | None = None
    plan: dict | None = None  # how it was planned (filter, capacity): kept with the wave
    warehouse_id: int | None = None  # whose orders and layout (None: the working warehouse)
    # Orders the save left out (`channel/order_id` → why: one of LEFT_OUT), app/services/wave_save.py
    left_out: dict[str, str] = field(default_factory=dict)

    @property
    def order_count(self) -> int:
        return sum(len(p.order_refs) for p in self.pick_lists)

    @property
    def distance_m(self) -> float:
        return sum(p.distance_m for p in self.pick_lists)


@dataclass(frozen=True)
class WaveHead:
    """A stored wave as top-ups and re-balances see it."""

    id: int
    name: str
    status: str
    plan: dict | None  # None: planned before waves kept their plan (migration 0033)


@dataclass(frozen=True)
class StoredPickList:
    """A stored pick list with its tasks' allocations in walking order."""

    id: int
    status: str
    assignee_id: int | None
    version: int
    distance_m: float
    sources: tuple[PickSource, ...]
    started: bool  # a task confirmed, short or picked in part

    @property
    def order_refs(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(s.order_ref for s in self.sources))

    @property
    def untouched(self) -> bool:
        """Released, nobody has claimed it, nothing picked and not held: free to re-batch."""
        return (
            self.status == PickListStatus.RELEASED
            and self.assignee_id is None
            and not (self.started)
        )
