"""Pick lists as the picker's station sees them: plain, immutable views.

A `PickListView` is everything a station needs to pick one cart without asking central again: the
tasks in walking order (`seq`), what each one expects (location, GTINs, lot), what is done already
(picked / short) and which tote each order on the cart goes to. The central database and a
station's local store both produce it (see `app.services.ports.PickingBackend`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from functools import cached_property


class ShortReason(StrEnum):
    EMPTY = "empty"  # nothing (or not enough) at the location
    DAMAGED = "damaged"  # there, but not fit to ship
    WRONG_ITEM = "wrong_item"  # the location holds something else
    NOT_FOUND = "not_found"  # the product is not where the system says (searched, not there)


# Shorts that say the location does not hold what the system thinks: what is left there is held
# (never allocated) until the location is counted again.
HOLDS_LOCATION = frozenset({ShortReason.EMPTY, ShortReason.NOT_FOUND})


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SHORT = "short"
    CANCELLED = "cancelled"


def status_after_pick(picked: int, quantity: int, short: int) -> TaskStatus:
    """A task reported short stays short; otherwise it is done once every unit is in the tote."""
    if short:
        return TaskStatus.SHORT
    return TaskStatus.DONE if picked >= quantity else TaskStatus.OPEN


@dataclass(frozen=True)
class PickTaskView:
    id: int
    seq: int  # walking order within the list; a skipped task moves to the end
    location: str
    sku: str
    product_name: str
    gtins: tuple[str, ...]  # 14-digit GTINs that identify the product
    quantity: int
    order_ref: int
    order_id: str
    picked: int = 0
    short: int = 0
    status: str = TaskStatus.OPEN.value
    lot: str = ""  # the lot the allocation reserved ("" = the stock row has no lot)
    expiry: date | None = None
    # Scan rules from the product master (docs/picking.md): a lot-controlled pick needs its lot
    # scanned; only a no-barcode product may be counted by typing without an item scan.
    lot_controlled: bool = False
    no_barcode: bool = False
    picked_by: str = ""  # who confirmed it ("" while nobody did): a list handed over shows it

    @property
    def remaining(self) -> int:
        return max(self.quantity - self.picked - self.short, 0)

    @property
    def is_open(self) -> bool:
        return self.status == TaskStatus.OPEN.value and self.remaining > 0


@dataclass(frozen=True)
class CartSlot:
    """One order on the cart and the tote it is picked into (None until a tote is scanned)."""

    order_ref: int
    order_id: str
    tote: str | None = None


@dataclass(frozen=True)
class PickListView:
    id: int
    wave: str
    assignee: str | None
    status: str
    tasks: tuple[PickTaskView, ...]  # by seq: the walking order
    cart: tuple[CartSlot, ...]  # orders in the order their totes are set up
    distance_m: float = 0.0

    @cached_property
    def task_index(self) -> dict[int, PickTaskView]:
        """Tasks by id (built once per view; views are immutable)."""
        return {t.id: t for t in self.tasks}

    def tote_for(self, order_ref: int) -> str | None:
        return next((s.tote for s in self.cart if s.order_ref == order_ref), None)

    def with_task(self, task: PickTaskView) -> PickListView:
        return replace(self, tasks=tuple(task if t.id == task.id else t for t in self.tasks))

    def resequenced(self, task_ids: list[int] | tuple[int, ...]) -> PickListView:
        """These tasks (of this list) walked last, in this order: after the highest `seq` so
        far, as central's applier of `pick.rerouted` / `pick.skipped` numbers them."""
        last = max((t.seq for t in self.tasks), default=0)
        seqs = {task_id: last + 1 + i for i, task_id in enumerate(task_ids)}
        tasks = [replace(t, seq=seqs.get(t.id, t.seq)) for t in self.tasks]
        return replace(self, tasks=tuple(sorted(tasks, key=lambda t: t.seq)))

    def with_tote(self, order_ref: int, tote: str | None) -> PickListView:
        cart = tuple(replace(s, tote=tote) if s.order_ref == order_ref else s for s in self.cart)
        return replace(self, cart=cart)
