"""What every offline-first station backend shares (the dock, receiving, counting, moving).

Database worker thread. A backend records facts in the station's outbox (durable when `record`
returns: the worker on the floor moves on) and wakes the sync thread to push them; it asks
central while central answers and, when it does not, the copy its puller keeps in the store.
The first time someone works with it here it sets its `ACTIVE_META` flag, so the puller starts
keeping that copy only on stations where the job is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from app.domain.events import Event
from app.services.ports import UnitOfWork
from db.station.packing import UNREACHABLE
from db.station.store import StationStore


class OfflineFirstBackend:
    ACTIVE_META: ClassVar[str]  # the store flag the job's puller reads
    CENTRAL: ClassVar[Callable[[Callable[[], UnitOfWork], str], Any]]  # the backend on central

    def __init__(
        self,
        store: StationStore,
        wake_sync: Callable[[], None],
        uow_factory: Callable[[], UnitOfWork],
        station: str,
        central_reachable: Callable[[], bool] = lambda: True,
    ) -> None:
        self.store, self.wake_sync = store, wake_sync
        self.central = type(self).CENTRAL(uow_factory, station)
        self.central_reachable = central_reachable
        self._active = False  # flag set on the worker at first use, not at build

    def record(self, facts: list[Event]) -> None:
        self.store.record(facts)  # durable when this returns
        self.wake_sync()

    def _activate(self) -> None:
        """Someone works with this job here: from now on the sync thread keeps its copy."""
        if not self._active:
            self.store.set_meta(self.ACTIVE_META, True)
            self._active = True
            self.wake_sync()

    def _ask_central(self, call: Callable[..., Any], *args: Any, missing: Any = False) -> Any:
        """Central's answer to `call(*args)`, or `missing` when central cannot be reached now."""
        if not self.central_reachable():
            return missing
        try:
            return call(*args)
        except UNREACHABLE:
            return missing
