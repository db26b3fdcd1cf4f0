"""The integration dispatcher (`shipshape integrate`): delivers the outbox's messages.

Runs on the command's main thread; the sends of one batch run on a small pool of sending
threads. Each round claims a batch of due deliveries (one transaction: their `due_at` moves a
lease ahead, so another dispatcher skips them), sends them, and records every outcome (one
transaction). Killed between the two, the claimed messages fall due again when the lease ends
and go out again with the same id: at least once, receivers dedupe on the id. A claim takes
only the oldest undelivered message of each order per endpoint, so an order's messages arrive
in order, and a batch can be sent in parallel.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from app.domain.events import Actor, Event, utcnow
from app.domain.integration import retry_delay
from app.domain.integration_endpoints import Endpoint, parse_endpoints
from app.services.ports.integration import (
    DELIVERED,
    PARKED,
    PENDING,
    Attempt,
    DeliveryFailed,
    IntegrationStore,
    Outcome,
    Sender,
)

LEASE_MARGIN_S = 2.0  # beyond the slowest send of a batch: then a claim counts as abandoned


class Dispatcher:
    def __init__(
        self,
        store: IntegrationStore,
        senders: Mapping[str, Sender],
        *,
        batch: int = 200,
        workers: int = 8,
        now: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
    ) -> None:
        self.store, self.senders = store, senders
        self.batch, self.workers, self.now = batch, workers, now
        self.rng = rng or random.Random()
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="integrate-send")

    def deliver_due(self) -> int:
        """One round: claim, send, record. Returns how many attempts it made (0: none due)."""
        endpoints = {e.name: e for e in self.store.endpoints() if e.kind in self.senders}
        if not endpoints:
            return 0
        now = self.now()
        lease = self._lease_s(endpoints.values())
        claimed = self.store.claim(list(endpoints), now, now + timedelta(seconds=lease), self.batch)
        if not claimed:
            return 0
        outcomes = list(self._pool.map(lambda a: self._try(endpoints[a.endpoint], a), claimed))
        self.store.record(outcomes, self.now())
        return len(claimed)

    def run(self, stop: threading.Event, once: bool = False, idle_s: float = 0.2) -> None:
        """Deliver until `stop` is set; `once`: until nothing is due. Idle, it looks again
        every `idle_s` (new messages are committed by other processes: nothing wakes it)."""
        try:
            while not stop.is_set():
                if self.deliver_due() == 0:
                    if once:
                        return
                    stop.wait(idle_s)
        finally:
            self._pool.shutdown(wait=True)

    def _try(self, endpoint: Endpoint, attempt: Attempt) -> Outcome:
        """On a sending thread: one send, and what it means for the delivery."""
        try:
            self.senders[endpoint.kind].send(endpoint, attempt)
        except DeliveryFailed as exc:
            return self._failed(endpoint, attempt, str(exc)[:500])
        except Exception as exc:  # a sender's bug must not stop the others: park-able error
            return self._failed(endpoint, attempt, f"{type(exc).__name__}: {exc}"[:500])
        return Outcome(attempt.delivery_id, DELIVERED)

    def _failed(self, endpoint: Endpoint, attempt: Attempt, error: str) -> Outcome:
        if attempt.tries >= endpoint.max_tries:
            return Outcome(attempt.delivery_id, PARKED, error=error)
        delay = retry_delay(attempt.tries, endpoint.retry_base_s, endpoint.retry_max_s, self.rng)
        return Outcome(attempt.delivery_id, PENDING, self.now() + timedelta(seconds=delay), error)

    def _lease_s(self, endpoints) -> float:
        """How long a claim holds: the slowest batch this pool can take, with a margin."""
        rounds = math.ceil(self.batch / self.workers)
        return rounds * max(e.timeout_s for e in endpoints) + LEASE_MARGIN_S


def set_endpoints(store: IntegrationStore, document: object, actor: Actor) -> list[Endpoint]:
    """Replace the endpoints whole (checked first: FieldProblem names the bad field). The
    caller has checked who `actor` is (a lead, or the set-up identity)."""
    endpoints = parse_endpoints(document)
    names = [e.name for e in endpoints]
    store.save_endpoints(endpoints, Event("integration.endpoints_set", {"names": names}, actor))
    return endpoints


def settle_parked(
    store: IntegrationStore, message_id: str, endpoint: str | None, retry: bool, actor: Actor
) -> int:
    """A lead retries (due now, tries counted afresh) or drops a parked message, for one
    endpoint or all; audited as an event. Returns how many deliveries changed (0: none parked)."""
    kind = "integration.retried" if retry else "integration.dropped"
    event = Event(kind, {"message": message_id, "endpoint": endpoint}, actor)
    return store.settle_parked(message_id, endpoint, retry, event, utcnow())
