"""The lead's returns desk as central sees it (`uow.returns_desk`, implemented by
db/returns_desk_repo.py). Lists exactly what app/ calls."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.domain.returns_desk import (
    Decision,
    OpenRma,
    QuarantineItem,
    ReceivedReturn,
    ReturnedUnits,
)


class ReturnsDeskRepository(Protocol):
    def open_rmas(self, limit: int = 200) -> list[OpenRma]: ...
    def received_returns(self, since: datetime, limit: int = 200) -> list[ReceivedReturn]: ...
    def open_quarantine(self) -> list[QuarantineItem]: ...
    def lock_quarantine(self, item_id: int) -> tuple[QuarantineItem, str, str] | None: ...
    def decide_quarantine(
        self, item_id: int, status: str, at: datetime, by: str, restocked_to: str | None
    ) -> bool: ...
    def shipped_by_sku(self, start: datetime, end: datetime) -> dict[str, int]: ...
    def returned_units(self, start: datetime, end: datetime) -> list[ReturnedUnits]: ...
    def decisions(self, start: datetime, end: datetime) -> list[Decision]: ...
