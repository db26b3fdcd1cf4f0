"""The dispatch repository in memory: only what the loader's fact appliers read and change
(db/dispatch_repo.py): finding a carton, its load, the unit's carrier, the order's status."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.fakes.state import FakeState


class FakeDispatch:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def package_of(self, package_id: int | None, sscc: str | None) -> tuple[int, int] | None:
        for package in self._state.packages:
            if (package_id and package["id"] == package_id) or (
                not package_id and sscc and package["sscc"] == sscc
            ):
                return package["id"], self._state.shipments[package["tracking_number"]]
        return None

    def load_of(self, package_id: int) -> dict | None:
        load = self._state.loads.get(package_id)
        return None if load is None else dict(load)

    def bind_unit(self, code: str, carrier: str, at: datetime, by: str) -> str:
        bound = self._state.units.get(code)
        if bound is None:
            self._state.units[code] = bound = carrier
        return bound

    def add_load(self, package_id: int, order_ref: int, unit: str, carrier: str, **who: Any):
        row = {"order_ref": order_ref, "unit": unit, "carrier": carrier, "manifest_id": None}
        self._state.loads[package_id] = row | who

    def remove_load(self, package_id: int) -> None:
        if self._state.loads.get(package_id, {}).get("manifest_id") is None:
            self._state.loads.pop(package_id, None)

    def order_status(self, order_ref: int) -> str:
        return self._state.orders[order_ref].status.value
