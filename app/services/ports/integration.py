"""Ports of the integration dispatcher (`shipshape integrate`, app/services/integrate.py): the
store of messages and their delivery state (db/integration_store.py) and the senders that take
a message to an endpoint (integrations/: webhook, file drop; a message queue can be added)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.domain.events import Event
from app.domain.integration_endpoints import Endpoint

PENDING, DELIVERED, PARKED, DROPPED = "pending", "delivered", "parked", "dropped"


@dataclass(frozen=True)
class Attempt:
    """One claimed try of one message to one endpoint; `tries` counts this one."""

    delivery_id: int
    endpoint: str
    message_id: str
    occurred_at: datetime
    body: str
    tries: int


@dataclass(frozen=True)
class Outcome:
    """What became of an attempt: delivered, pending again (due at `due_at`) or parked."""

    delivery_id: int
    state: str
    due_at: datetime | None = None
    error: str | None = None


class DeliveryFailed(Exception):
    """A sender could not deliver; str() is the reason kept as the delivery's last error."""


class Sender(Protocol):
    """Delivers one message or raises DeliveryFailed. Called from the dispatcher's sending
    threads, several at once: an implementation keeps per-thread state (connections) itself."""

    def send(self, endpoint: Endpoint, attempt: Attempt) -> None: ...


class IntegrationStore(Protocol):
    """Each method is its own transaction; all state lives in the database (kill -9 safe)."""

    def endpoints(self) -> list[Endpoint]: ...
    def save_endpoints(self, endpoints: list[Endpoint], event: Event) -> None: ...
    def claim(
        self, endpoints: list[str], now: datetime, lease_until: datetime, limit: int
    ) -> list[Attempt]: ...
    def record(self, outcomes: list[Outcome], now: datetime) -> None: ...
    def parked(self) -> list[dict]: ...
    def settle_parked(
        self, message_id: str, endpoint: str | None, retry: bool, event: Event, now: datetime
    ) -> int: ...
    def status(self, now: datetime) -> list[dict]: ...
