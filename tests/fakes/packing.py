"""The packing repository in memory: only what the packing fact appliers change
(db/packing_repo.py "applying facts"). What a packer opens (`load_view`, ...) is not here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.events import utcnow
from tests.fakes.state import FakeState


class FakePacking:
    def __init__(self, state: FakeState) -> None:
        self._state = state

    def add_packed(self, line_id: int, quantity: int) -> None:
        self._state.line(line_id).packed += quantity

    def add_package(self, order_ref: int, closed: dict, created_at: datetime) -> int:
        """The carton under its shipment (one per tracking number, made by its first carton)."""
        self._state.shipments.setdefault(closed["tracking_number"], order_ref)
        package_id = self._state.next_id()
        self._state.packages.append(
            {
                "id": package_id,
                "tracking_number": closed["tracking_number"],
                "carton": closed["carton"],
                "sscc": closed["sscc"],
                "weight_kg": closed["weight_kg"],
                "package_type": closed["package_type"],
                "items": [
                    {
                        "line_id": item["line_id"],
                        "quantity": item["quantity"],
                        "serial": item.get("serial"),
                    }
                    for item in closed["items"]
                ],
            }
        )
        return package_id

    def packed_serials(self, items: list[dict]) -> list[str]:
        """Which of these items' serials are in a carton already, of the same product (SKU),
        on any order."""
        wanted = {(item["line_id"], item["serial"]) for item in items if item.get("serial")}
        packed = {
            (self._state.line(item["line_id"]).sku, item["serial"])
            for package in self._state.packages
            for item in package["items"]
            if item["serial"]
        }
        return sorted(s for line_id, s in wanted if (self._state.line(line_id).sku, s) in packed)

    def free_tote(self, order_ref: int) -> None:
        for code, holder in self._state.totes.items():
            if holder == order_ref:
                self._state.totes[code] = None

    def add_exception(
        self, kind: str, order_ref: int | None, details: dict, **resolved: Any
    ) -> None:
        self._state.add_exception(kind, order_ref, details, utcnow(), **resolved)

    def open_exception_details(self, kind: str) -> list[dict]:
        return [
            dict(row["details"])
            for row in self._state.exceptions
            if row["kind"] == kind and row["status"] == "open"
        ]

    # ---- settings and counters (the site's settings use case)
    def setting(self, key: str) -> Any:
        return self._state.values.get(key)

    def counter_value(self, name: str) -> int | None:
        return self._state.counters.get(name)

    def advance_counter(self, name: str, at_least: int) -> None:
        self._state.counters[name] = max(self._state.counters.get(name, at_least), at_least)

    def next_counter(self, name: str, start: int = 1) -> int:
        return self.reserve_counter(name, 1, start)

    def reserve_counter(self, name: str, count: int, start: int = 1) -> int:
        value = self._state.counters.get(name, start - 1) + count
        self._state.counters[name] = value
        return value
