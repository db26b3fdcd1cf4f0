"""The packing tests' demo site: station/demo_packing.py (benches use it too)."""

from station.demo_packing import (
    PickedLine,
    PickedOrder,
    demo_central,
    loose_hardware_order,
    pick_into_tote,
    released_orders,
)

__all__ = [
    "PickedLine",
    "PickedOrder",
    "demo_central",
    "loose_hardware_order",
    "pick_into_tote",
    "released_orders",
]
