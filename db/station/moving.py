"""The clerk's move page, offline first, and the puller that keeps what it needs in the
station store (docs/stock.md, "Moves and replenishment").

A move is durable once it is in the station's outbox; the sync thread pushes it and central
applies it exactly once (a late one that no longer fits still applies and asks the lead for a
count). Each location is read from central when central answers; when it does not, from the
stock last pulled (every station keeps it, db/station/pull.py) — with this station's own moves
not sent yet laid over either answer, so the clerk never moves the same units twice. The open
replenishment tasks come the same way; a station pulls them (and the location codes) only once
a clerk has used the move page there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from app.domain.events import Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import StockMoved
from app.domain.moves import LocationView, ReplenishTask, StockHere, most_urgent_first
from app.services import replenishment
from app.services.moves import CentralMoveBackend
from app.services.ports import UnitOfWork
from db.station.offline_first import OfflineFirstBackend
from db.station.store import StationStore

ACTIVE_META = "moves_active"  # a clerk moves stock here: keep the tasks and locations
TASKS_META = "moves_tasks"  # the open replenishments as documents, as central had them
LOCATIONS_META = "moves_locations"  # every location code (a scan of an unknown one is refused)
REFRESH_S = 20.0  # tasks have no change trigger: read them this often


class StationMoveBackend(OfflineFirstBackend):
    ACTIVE_META = ACTIVE_META
    CENTRAL = CentralMoveBackend
    central: CentralMoveBackend

    # ---- MoveBackend (database worker thread) --------------------------------------------
    def location(self, code: str) -> LocationView | None:
        self._activate()
        found = self._ask_central(self.central.location, code)
        if found is False:
            found = self._cached_location(code)
        return None if found is None else with_moves(found, self._my_moves())

    def replenishments(self) -> list[ReplenishTask]:
        self._activate()
        found = self._ask_central(lambda _: self.central.replenishments(), None)
        if found is False:
            docs = self.store.get_meta(TASKS_META) or []
            found = most_urgent_first([ReplenishTask.from_document(d) for d in docs])
        done = {StockMoved.of(f).replenishment_id for f in self._my_moves()}
        return [task for task in found if task.id not in done]

    # ---- helpers --------------------------------------------------------------------------

    def _cached_location(self, code: str) -> LocationView | None:
        codes = self.store.get_meta(LOCATIONS_META)
        if codes is not None and code not in codes:
            return None
        products = {d["sku"]: d for d in self.store.cached("product").values()}
        rows = [d for d in self.store.cached("stock").values() if d["location"] == code]
        return LocationView(code, tuple(_stock_here(d, products) for d in rows if d["on_hand"]))

    def _my_moves(self) -> list[Event]:
        return [e for _, e in self.store.pending(10_000) if e.kind == FactKind.STOCK_MOVED]


def _stock_here(doc: dict, products: dict[str, dict]) -> StockHere:
    product = products.get(doc["sku"], {})
    return StockHere(
        doc["sku"],
        product.get("name", doc["sku"]),
        doc["lot"],
        doc["on_hand"],
        doc.get("reserved", 0),
        doc.get("held", 0),
        doc.get("expiry"),
        tuple(product.get("gtins", ())),
        bool(product.get("lot_controlled", False)),
    )


def with_moves(view: LocationView, moves: list[Event]) -> LocationView:
    """The location with this station's moves not sent yet: units out of it, units into it."""
    stock = {(s.sku, s.lot): s for s in view.stock}
    for fact in moves:
        moved = StockMoved.of(fact)
        sign = (
            -1 if moved.from_location == view.code else 1 if moved.to_location == view.code else 0
        )
        if not sign:
            continue
        key = (moved.sku, moved.lot)
        here = stock.get(key)
        if here is None:
            if sign < 0:
                continue
            here = StockHere(moved.sku, moved.sku, moved.lot, 0, expiry=moved.expiry)
        stock[key] = _changed(here, sign * moved.quantity)
    return LocationView(view.code, tuple(s for s in stock.values() if s.on_hand > 0))


def _changed(here: StockHere, delta: int) -> StockHere:
    return replace(here, on_hand=here.on_hand + delta)


class MovePuller:
    """`db.station.pull.Puller` for the move page (sync thread): tasks and location codes."""

    def __init__(self, store: StationStore, refresh_s: float = REFRESH_S) -> None:
        self.store, self.refresh_s = store, refresh_s
        self._last = 0.0

    def pull(self, uow_factory: Callable[[], UnitOfWork], changed, reconnected: bool) -> None:
        if not self.store.get_meta(ACTIVE_META):
            return
        moved = changed is None or reconnected or "stock" in changed
        if not moved and time.monotonic() - self._last < self.refresh_s:
            return
        tasks = replenishment.open_tasks(uow_factory())
        with uow_factory() as uow:
            codes = sorted(uow.catalog.location_codes())
        self.store.set_meta(TASKS_META, [task.document() for task in tasks])
        self.store.set_meta(LOCATIONS_META, codes)
        self._last = time.monotonic()
