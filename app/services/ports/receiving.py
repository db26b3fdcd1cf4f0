"""The receiving port as central sees it (`uow.receiving`), implemented by db/receiving_repo.py,
and the receiving screen's seam (`ReceivingBackend`). Each Protocol lists exactly what app/
calls."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from app.domain.events import Event
from app.domain.put_away import Held, PickFace
from app.domain.receiving import Receipt, ReceivedProduct


class ReceivingRepository(Protocol):
    # ---- import
    def existing(self, receipt_ids: Iterable[str]) -> set[str]: ...
    def add(
        self, receipt: Receipt, warehouse_id: int | None = None, transfer: int | None = None
    ) -> None: ...

    # ---- reading
    def receipt(self, code: str) -> Receipt | None: ...
    def open_receipts(self) -> list[Receipt]: ...
    def transfer_receipts(self) -> list[tuple[int, int | None, Receipt]]: ...

    # ---- applying facts
    def lock(self, receipt_id: str) -> tuple[int, str] | None: ...
    def add_received(
        self, ref: int, sku: str, lot: str, expiry: date | None, quantity: int
    ) -> None: ...
    def add_put_away(
        self, ref: int, sku: str, lot: str, expiry: date | None, quantity: int
    ) -> None: ...
    def close(self, ref: int, at: datetime, by: str) -> None: ...

    # ---- products, locations and what the put-away suggestion reads
    def product_by_gtin(self, gtin: str) -> ReceivedProduct | None: ...
    def products_by_gtin(self, gtins: list[str] | None = None) -> dict[str, ReceivedProduct]: ...
    def location_exists(self, code: str) -> bool: ...
    def location_codes(self) -> list[str]: ...
    def pick_faces(self) -> list[PickFace]: ...
    def stock_on_hand(self) -> list[Held]: ...


class ReceivingBackend(Protocol):
    """What the receiving screen asks of its data; every call runs on the station's database
    worker thread. `app.services.receiving_central.CentralReceivingBackend` is the direct one."""

    def receipt(self, code: str) -> Receipt | None:
        """The receipt with this id (or the supplier's SSCC), as central knows it now."""
        ...

    def product(self, gtin: str) -> ReceivedProduct | None:
        """The product with this GTIN (14-digit form), or None."""
        ...

    def location_exists(self, code: str) -> bool: ...

    def suggest(self, sku: str, lot: str, quantity: int) -> str | None:
        """Where to put `quantity` of the product's lot (docs/stock.md), or None."""
        ...

    def record(self, facts: list[Event]) -> None:
        """Keep the facts durably (applied exactly once by UUID); returns once they are kept."""
        ...
