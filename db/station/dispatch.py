"""The loader's offline-first backend on the station store, and the puller that keeps the dock
in it (docs/dispatch.md, "Offline dock").

A load is durable once it is in the station's outbox; the sync thread pushes it to central,
where the appliers take it exactly once (a late one that no longer fits goes to the lead). Each
scan is checked against central when central answers (an order held a minute ago is caught);
when it does not, against the dock as last pulled — every carton not shipped yet of orders
packed, held or cancelled, and each unit's carrier — with this station's own loads and
unloads laid over it. A station pulls the dock only once a loader has signed in there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, replace

from app.domain.dispatch import Carton, ParcelView
from app.domain.events import Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import ParcelLoaded, ParcelUnloaded
from app.domain.site import SiteSettings, parse_site
from app.services import site as site_settings
from app.services.dispatch_central import CentralDispatchBackend, pick_carton
from app.services.ports import UnitOfWork
from db.station.offline_first import OfflineFirstBackend
from db.station.store import StationStore

TOPIC = "dock_parcel"  # site_cache: package id → a ParcelView as a document
CODES_META = "dock_codes"  # SSCC / tracking number → package ids
UNITS_META = "dock_units"  # unit → carrier, as central had them
ACTIVE_META = "dock_active"  # a loader signed in here: keep the dock
SITE_META = "dock_site"  # the site's settings document: which carrier codes name which carriers
DOCK_FACTS = (FactKind.PARCEL_LOADED.value, FactKind.PARCEL_UNLOADED.value)
REFRESH_S = 20.0  # other stations' loads have no change trigger: read the dock this often


class StationDispatchBackend(OfflineFirstBackend):
    ACTIVE_META = ACTIVE_META
    CENTRAL = CentralDispatchBackend
    central: CentralDispatchBackend

    # ---- DispatchBackend (database worker thread) -----------------------------------------
    def unit_carrier(self, unit: str) -> str | None:
        self._activate()
        bound = self._ask_central(self.central.unit_carrier, unit, missing=False)
        if bound is False:
            bound = (self.store.get_meta(UNITS_META) or {}).get(unit)
        if bound is None:  # this station may have bound it a moment ago, not pushed yet
            mine = [f for f in self._my_facts() if f.payload.get("unit") == unit]
            loads = [f for f in mine if f.kind == FactKind.PARCEL_LOADED]
            bound = ParcelLoaded.of(loads[-1]).carrier if loads else None
        return bound

    def parcel(self, code: str) -> ParcelView | None:
        self._activate()
        through = self.store.sent_through()  # before the read: central's answer holds these
        found = self._ask_central(self.central.parcel, code, missing=False)
        if found is False:
            return self._cached(code)
        return None if found is None else self._mine_over(found, through)

    def site(self) -> SiteSettings | None:
        """Central's settings when it answers, else the copy the puller keeps."""
        self._activate()
        found = self._ask_central(lambda _: self.central.site(), None, missing=False)
        if found is False:
            document = self.store.get_meta(SITE_META)
            return None if document is None else parse_site(document)
        return found

    # ---- helpers ---------------------------------------------------------------------------

    # ---- reading central and the store ----------------------------------------------------

    def _cached(self, code: str) -> ParcelView | None:
        ids = (self.store.get_meta(CODES_META) or {}).get(code, [])
        docs = [self.store.cached_one(TOPIC, package_id) for package_id in ids]
        views = [(parcel_from_document(d), d["through"]) for d in docs if d is not None]
        laid = [self._mine_over(view, through) for view, through in views]
        return pick_carton(laid)

    def _mine_over(self, view: ParcelView, through: int) -> ParcelView:
        """This station's loads and unloads central did not have when it answered."""
        facts = self.store.facts_about_order(view.order_ref, DOCK_FACTS, through)
        return with_dock_facts(view, facts)

    def _my_facts(self) -> list[Event]:
        return [e for _, e in self.store.pending(10_000) if e.kind == FactKind.PARCEL_LOADED]


def with_dock_facts(view: ParcelView, facts: list[Event]) -> ParcelView:
    """The view with this station's own dock facts laid over it, in order."""
    cartons = {c.carton: c for c in view.cartons}
    for fact in facts:
        kind = FactKind.PARCEL_LOADED if fact.kind == FactKind.PARCEL_LOADED else None
        payload = (ParcelLoaded if kind else ParcelUnloaded).of(fact)
        carton = cartons.get(payload.carton or 0)
        if carton is None or carton.status == "shipped":
            continue
        loaded = kind is not None
        cartons[carton.carton] = replace(
            carton, status="loaded" if loaded else "packed", unit=payload.unit if loaded else None
        )
    mine = cartons.get(view.carton)
    status, unit = (mine.status, mine.unit) if mine else (view.status, view.unit)
    return replace(view, cartons=tuple(cartons.values()), status=status, unit=unit)


def parcel_from_document(doc: dict) -> ParcelView:
    view = {k: v for k, v in doc["view"].items() if k != "cartons"}
    return ParcelView(**view, cartons=tuple(Carton(**c) for c in doc["view"]["cartons"]))


class DispatchPuller:
    """`db.station.pull.Puller` for a dock (sync thread): the dock, once a loader is here."""

    def __init__(self, store: StationStore, refresh_s: float = REFRESH_S) -> None:
        self.store, self.refresh_s = store, refresh_s
        self._last = 0.0

    def pull(self, uow_factory: Callable[[], UnitOfWork], changed, reconnected: bool) -> None:
        if not self.store.get_meta(ACTIVE_META):
            return
        moved = changed is None or reconnected or "order" in changed
        if not moved and time.monotonic() - self._last < self.refresh_s:
            return
        through = self.store.sent_through()  # before the read
        with uow_factory() as uow:
            parcels, units = uow.dispatch.dock_parcels(), uow.dispatch.units()
            site = site_settings.stored_site(uow)
        codes: dict[str, list[int]] = {}
        for p in parcels:
            for code in {p.sscc, p.tracking_number} - {None, ""}:
                codes.setdefault(str(code), []).append(p.package_id)
        docs = {p.package_id: {"view": asdict(p), "through": through} for p in parcels}
        self.store.cache_documents(TOPIC, docs, everything=True)
        self.store.set_meta(CODES_META, codes)
        self.store.set_meta(UNITS_META, units)
        self.store.set_meta(SITE_META, None if site is None else site.document())
        self._last = time.monotonic()
