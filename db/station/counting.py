"""The counter's offline-first backend on the station store, and the puller that keeps the open
count tasks and the location codes in it (docs/stock.md "Counting", offline).

A count is durable once it is in the station's outbox; the sync thread pushes it to central,
where the applier takes it exactly once, with the count's own floor time (so picks applied
meanwhile are accounted for). Each scan is checked against central when central answers, else
against the copy last pulled: the open count tasks, the site's location codes, and the products
the site cache keeps (db/station/pull.SiteCachePuller). The station's own counts not pushed yet
are laid over the task list, so a task counted here does not come back as next.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict

from app.domain.counting import CountTask
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import StockCounted
from app.services.counting_central import CentralCountBackend
from app.services.ports import UnitOfWork
from app.steps.counting_state import LocationInfo, ProductInfo
from db.station.offline_first import OfflineFirstBackend
from db.station.store import StationStore

TASKS_META = "count_tasks"  # the open count tasks, as central had them
LOCATIONS_META = "count_locations"  # every location code of the site
ACTIVE_META = "count_active"  # a counter works here: keep the copy
REFRESH_S = 20.0  # count tasks have no change trigger: read them this often


class StationCountBackend(OfflineFirstBackend):
    ACTIVE_META = ACTIVE_META
    CENTRAL = CentralCountBackend
    central: CentralCountBackend

    # ---- CountBackend (database worker thread) --------------------------------------------
    def open_tasks(self) -> list[CountTask]:
        self._activate()
        found = self._ask_central(self.central.open_tasks, missing=None)
        if found is None:
            found = [CountTask(**t) for t in self.store.get_meta(TASKS_META) or []]
        counted_here = self._counted_here()
        return [t for t in found if t.id not in counted_here]

    def location(self, code: str) -> LocationInfo:
        self._activate()
        found = self._ask_central(self.central.location, code, missing=None)
        if found is not None:
            return found
        codes = self.store.get_meta(LOCATIONS_META)
        known = None if codes is None else code in codes
        task = next((t for t in self.open_tasks() if t.location == code), None)
        if task is None:
            return LocationInfo(code, known)
        attempt = 2 if task.status == "recount" else 1
        return LocationInfo(code, True, task.id, attempt, task.counted_by)

    def product_of(self, code: str) -> ProductInfo | None:
        found = self._ask_central(self.central.product_of, code)
        if found is not False:
            return found
        for doc in self.store.cached("product").values():
            if code == doc["sku"] or code in doc.get("gtins", []):
                return ProductInfo(doc["sku"], doc["name"], bool(doc.get("lot_controlled")))
        return None

    # ---- helpers ---------------------------------------------------------------------------

    def _counted_here(self) -> set[int]:
        """Tasks this station counted and has not pushed yet."""
        pending = [e for _, e in self.store.pending(10_000) if e.kind == FactKind.STOCK_COUNTED]
        return {t for e in pending if (t := StockCounted.of(e).count_task_id) is not None}


class CountPuller:
    """`db.station.pull.Puller` for a counting station (sync thread): the open count tasks
    and the location codes, once a counter works here."""

    def __init__(self, store: StationStore, refresh_s: float = REFRESH_S) -> None:
        self.store, self.refresh_s = store, refresh_s
        self._last = 0.0

    def pull(self, uow_factory: Callable[[], UnitOfWork], changed, reconnected: bool) -> None:
        if not self.store.get_meta(ACTIVE_META):
            return
        moved = changed is None or reconnected or "stock" in changed
        if not moved and time.monotonic() - self._last < self.refresh_s:
            return
        with uow_factory() as uow:
            tasks = uow.counts.open_tasks()
            codes = sorted(uow.catalog.location_codes())
        self.store.set_meta(TASKS_META, [asdict(t) for t in tasks])
        self.store.set_meta(LOCATIONS_META, codes)
        self._last = time.monotonic()
