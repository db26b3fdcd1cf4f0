"""What a wave is planned from: the lead's filter, the cart capacity, weight and volume limits,
carrier grouping.

The plan is kept with the wave (a JSON document, migration 0033), so orders that arrive later
join it by the same rules and a re-balance keeps the same carts' capacity (docs/lead.md).
An order's weight is its units times the products' `unit_weight_kg`, its volume its units times
length × width × height / 1000 litres (a product without all three dimensions takes no room).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.catalog import UnitSize
from app.domain.orders import Order
from app.domain.stored import stored_id
from app.domain.waves import PickSource
from app.errors import BadInput
from app.messages import message
from app.routing import Layout, load_layout
from app.services.ports import UnitOfWork
from app.waves import Order as BatchOrder

NO_SIZE = UnitSize()  # a SKU the catalog does not know: weighs nothing, takes no room


@dataclass(frozen=True)
class WaveFilter:
    """Which allocated orders go into the next wave (None: any)."""

    carrier: str | None = None
    channel: str | None = None
    min_priority: int | None = None
    ship_by_before: object = None  # a datetime
    max_orders: int | None = None

    def accepts(self, order: Order) -> bool:
        return (
            (self.carrier is None or order.carrier == self.carrier)
            and (self.channel is None or order.channel == self.channel)
            and (self.min_priority is None or order.priority >= self.min_priority)
            and (
                self.ship_by_before is None
                or (
                    order.ship_by is not None and naive(order.ship_by) <= naive(self.ship_by_before)
                )
            )
        )


@dataclass(frozen=True)
class WavePlan:
    capacity: int
    wave_filter: WaveFilter = WaveFilter()
    group_by_carrier: bool = False
    max_weight_kg: float | None = None  # kilograms per cart (None: no limit)
    max_volume_l: float | None = None  # litres per cart (None: no limit)

    def check(self) -> None:
        """Refuses a plan no cart can follow (BadInput, a message the lead's screen shows)."""
        if self.capacity < 1:
            raise BadInput(message("wave.capacity_too_small", capacity=self.capacity))
        kg = self.max_weight_kg
        if kg is not None and not (math.isfinite(kg) and kg > 0):
            raise BadInput(message("wave.max_weight_too_small", kg=kg))
        litres = self.max_volume_l
        if litres is not None and not (math.isfinite(litres) and litres > 0):
            raise BadInput(message("wave.max_volume_too_small", litres=litres))

    def document(self) -> dict:
        """The JSON kept with the wave."""
        before = self.wave_filter.ship_by_before
        return {
            "capacity": self.capacity,
            "group_by_carrier": self.group_by_carrier,
            "carrier": self.wave_filter.carrier,
            "channel": self.wave_filter.channel,
            "min_priority": self.wave_filter.min_priority,
            "ship_by_before": before.isoformat() if isinstance(before, datetime) else None,
            "max_orders": self.wave_filter.max_orders,
            "max_weight_kg": self.max_weight_kg,
            "max_volume_l": self.max_volume_l,
        }

    @classmethod
    def of(cls, document: dict | None, capacity_if_none: int) -> WavePlan:
        """The stored plan; a wave planned before plans were kept: any order may join, carts
        as full as its fullest cart. A plan stored before weight or volume limits: no limit."""
        if not document:
            return cls(capacity_if_none)
        before = document.get("ship_by_before")
        wave_filter = WaveFilter(
            carrier=document.get("carrier"),
            channel=document.get("channel"),
            min_priority=document.get("min_priority"),
            ship_by_before=datetime.fromisoformat(before) if before else None,
            max_orders=document.get("max_orders"),
        )
        kg, litres = document.get("max_weight_kg"), document.get("max_volume_l")
        return cls(
            int(document["capacity"]),
            wave_filter,
            bool(document.get("group_by_carrier")),
            float(kg) if kg is not None else None,
            float(litres) if litres is not None else None,
        )

    def without_limit(self) -> WavePlan:
        return replace(self, wave_filter=replace(self.wave_filter, max_orders=None))


def site_layout(uow: UnitOfWork, warehouse_id: int | None = None) -> Layout:
    """A warehouse's layout (inside the caller's unit of work): `warehouse_id`'s, else the one
    the unit of work works for (a station's home, else the first)."""
    document = uow.catalog.layout_document(warehouse_id)
    if document is None:
        raise BadInput(message("wave.no_layout"))
    return load_layout(document, origin="central database")


def naive(moment):
    return moment.replace(tzinfo=None) if moment is not None else None


def most_urgent_first(orders: Iterable[Order]) -> list[Order]:
    return sorted(
        orders,
        key=lambda o: (o.ship_by is None, naive(o.ship_by) or 0, -o.priority, o.id),
    )


def by_order(sources: Iterable[PickSource]) -> dict[int, list[PickSource]]:
    found: dict[int, list[PickSource]] = defaultdict(list)
    for source in sources:
        found[source.order_ref].append(source)
    return found


def unit_sizes(uow: UnitOfWork, sources: Iterable[PickSource]) -> dict[str, UnitSize]:
    """The unit weight and volume of every SKU these sources pick (one query)."""
    return uow.catalog.unit_sizes({s.sku for s in sources})


def weight_kg(sources: Iterable[PickSource], sizes: Mapping[str, UnitSize]) -> float:
    """What these picks weigh: units × the product's unit weight (unknown: 0, takes no room)."""
    return sum(s.quantity * sizes.get(s.sku, NO_SIZE).weight_kg for s in sources)


def volume_l(sources: Iterable[PickSource], sizes: Mapping[str, UnitSize]) -> float:
    """The litres these picks take: units × the product's unit volume (unknown: 0, no room)."""
    return sum(s.quantity * sizes.get(s.sku, NO_SIZE).volume_l for s in sources)


def batch_order(
    order: Order, sources: list[PickSource], group_by_carrier: bool, sizes: Mapping[str, UnitSize]
) -> BatchOrder:
    """An order as the batcher sees it: its pick locations, urgency, carrier group, weight and
    volume."""
    return BatchOrder(
        id=stored_id(order),
        picks=tuple(s.location for s in sources),
        priority=order.priority,
        ship_by=naive(order.ship_by),
        group=order.carrier if group_by_carrier else None,
        weight_kg=weight_kg(sources, sizes),
        volume_l=volume_l(sources, sizes),
    )


def in_walking_order(sources: list[PickSource], sequence: tuple[str, ...]) -> list[PickSource]:
    """Tasks sorted by where their location first appears on the route; ties keep cart order."""
    position: dict[str, int] = {}
    for index, code in enumerate(sequence):
        position.setdefault(code, index)
    return sorted(sources, key=lambda s: position[s.location])
