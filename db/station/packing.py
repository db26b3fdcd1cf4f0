"""`StationPackingBackend`: the packer screen's data from the station store, offline first.

Implements `app.services.ports.PackingBackend`. Two threads touch this module:
- the station's database worker runs the backend's methods: they read the store (orders ready
  to pack, cached users, settings, number blocks) and append facts to its outbox; central is
  asked only for what the station does not hold, and only while the sync thread reports central
  reachable (a dead network must not hang the worker);
- the sync thread runs `PackingPuller.pull` every pull round: it keeps the packer's view of
  every order in a "ready" tote, the packing settings and the blocks of SSCC and tracking
  numbers central reserved for this station.
Facts reach central through the outbox and the packing appliers (`@applies`), exactly once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import asdict, replace

from sqlalchemy.exc import SQLAlchemyError

from app.domain.events import Actor, Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import PackageClosed, PackItem, PackUndone
from app.domain.packing import (
    PackageType,
    PackLine,
    PackOrderView,
    ShipmentNumbers,
    WeightCheck,
)
from app.domain.users import User
from app.errors import NotFound, Offline
from app.messages import Message, message
from app.scanning.interpret import Scan
from app.services import packing_central, users
from app.services import site as site_settings
from app.services.packing_central import DEFAULTS, CentralPackingBackend, PackingSettings
from app.services.ports import UnitOfWork
from db.station.pull import Changes, cached_pepper
from db.station.sign_in import pin_attempts_here, user_from_document
from db.station.store import StationStore

TOPIC = "pack_order"  # site cache topic: ref = order ref, doc = the packer's view + extras
SETTINGS_META = "packing_settings"
LOADED_META = "pack_orders_loaded"
UNREACHABLE = (SQLAlchemyError, OSError)  # what central being away looks like from here
PACK_FACTS = ("pack.item", "pack.undone", "package.closed")


class StationPackingBackend:
    def __init__(
        self,
        store: StationStore,
        wake_sync: Callable[[], None],
        uow_factory: Callable[[], UnitOfWork],
        station: str,
        central_reachable: Callable[[], bool] = lambda: True,
    ) -> None:
        self.store, self.wake_sync = store, wake_sync
        self.uow_factory, self.central_reachable = uow_factory, central_reachable
        self.central = CentralPackingBackend(uow_factory, station)

    # ---- PackingBackend (database worker thread) ------------------------------------------
    def open_for_packing(self, scanned: Scan, packer: User) -> PackOrderView:
        orders = CachedOrders(self.store)
        try:
            ref = packing_central.find_order_ref(orders, scanned)
        except NotFound as not_here:
            if not self.central_reachable():
                raise NotFound(_offline_text(scanned)) from not_here
            return self._from_central(scanned, packer)
        view = orders.view(ref)
        if view.blocked and self.central_reachable():
            # A lead may have released it a moment ago, before the next pull: ask central.
            with contextlib.suppress(NotFound):
                return self._from_central(scanned, packer)
        settings = self.settings()
        settings.carrier(view.carrier)  # a site without settings, or this carrier, packs nothing
        return replace(view, weight_check=settings.weight_check())

    def _from_central(self, scanned: Scan, packer: User) -> PackOrderView:
        """Central's view of an order the cache lacks or may show stale, kept in the cache so
        the packer can go on if the network drops now."""
        through = self.store.sent_through()  # before the read: central's view holds these
        try:
            view = self.central.open_for_packing(scanned, packer)
        except UNREACHABLE as exc:
            raise NotFound(_offline_text(scanned)) from exc
        known = self.store.cached(TOPIC).get(view.order_ref)
        document = to_document(view, known["pick_lists"] if known else [], through)
        self.store.cache_documents(TOPIC, {view.order_ref: document})
        facts = self.store.facts_about_order(view.order_ref, PACK_FACTS, through)
        return with_station_serials(with_local_facts(view, facts), self.store)

    def record(self, facts: list[Event]) -> None:
        self.store.record(facts)  # durable when this returns: the packer may move on
        self.wake_sync()

    def allocate_numbers(self, order: PackOrderView) -> ShipmentNumbers:
        settings = self.settings()
        settings.site()  # none yet (never pulled): says what to set up
        tracking = self._known_tracking_number(order)
        if tracking is None:
            carrier = settings.carrier(order.carrier)
            counter = site_settings.tracking_counter(carrier.tracking)
            tracking = settings.tracking_number(carrier, self._take(counter, settings))
        sscc = settings.sscc(self._take(site_settings.SSCC_COUNTER, settings))
        return ShipmentNumbers(tracking, sscc)

    def authenticate_lead(self, badge: str, pin: str) -> User:
        code = users.badge_from_scan(badge)
        doc = next((d for d in self.store.cached("user").values() if d["badge"] == code), None)
        user = user_from_document(doc, cached_pepper(self.store)) if doc else None
        if doc is None and self.central_reachable():
            # Never pulled yet, or a lead registered a moment ago: central knows. Read only,
            # and checked here like a cached lead (a station login may not write central).
            with contextlib.suppress(*UNREACHABLE):
                user = users.find_user(self.uow_factory(), code)
        if user is not None and user.active and user.needs_pin:  # the PIN lock holds here too
            actor = Actor(user.name, self.central.station)
            attempts = pin_attempts_here(self.store)
            users.check_pin(user, pin or "", actor, attempts, self._record, users.NOT_A_LEAD)
        return users.lead_with_pin(user, pin)

    def _record(self, facts: list[Event]) -> None:
        self.store.record(facts)
        self.wake_sync()

    def settings(self) -> PackingSettings:
        values = self.store.get_meta(SETTINGS_META)
        if values is not None:
            return PackingSettings(values)
        if self.central_reachable():
            try:
                settings = self.central.settings()
            except UNREACHABLE:
                return PackingSettings(dict(DEFAULTS))
            self.store.set_meta(SETTINGS_META, settings.values)
            return settings
        # First start offline: the screen opens, and packing says the settings are not here yet.
        return PackingSettings(dict(DEFAULTS))

    # ---- numbers --------------------------------------------------------------------------
    def _known_tracking_number(self, order: PackOrderView) -> str | None:
        """Every carton of an order carries one tracking number: central's (in the view), or
        the one this station gave an earlier carton (its package.closed facts, sent or not)."""
        closed = [
            f
            for f in self.store.facts_about_order(order.order_ref, PACK_FACTS)
            if f.kind == FactKind.PACKAGE_CLOSED
        ]
        if closed:
            return PackageClosed.of(closed[0]).tracking_number
        if order.tracking_number:
            return order.tracking_number
        doc = self.store.cached(TOPIC).get(order.order_ref)
        return doc["view"]["tracking_number"] if doc else None

    def _take(self, series: str, settings: PackingSettings) -> int:
        number = self.store.take_number(series)
        if number is None and self.central_reachable():
            # The block ran out before the sync thread topped it up: fetch one now.
            start = settings.number_series().get(series, 1)
            try:
                first, last = packing_central.reserve_numbers(self.uow_factory(), series, 1, start)
            except UNREACHABLE:
                pass
            else:
                self.store.add_numbers(series, first, last)
                number = self.store.take_number(series)
        if number is None:
            raise Offline(_no_numbers_left(series))
        return number


class CachedOrders:
    """`packing_central.OrderFinder` over the station's cache of orders ready to pack, with this
    station's own facts laid over each view. Orders packed here drop out at once, before central
    has heard of it (central frees their tote; the next pull removes them from the cache)."""

    def __init__(self, store: StationStore) -> None:
        self.store = store
        self.docs = store.cached(TOPIC)
        packed = store.orders_packed_here()
        self.open = {ref: doc for ref, doc in self.docs.items() if ref not in packed}

    def order_ref_for_tote(self, code: str) -> int | None:
        return next((ref for ref, doc in self.open.items() if doc["view"]["tote"] == code), None)

    def order_refs_for_pick_list(self, pick_list_id: int) -> list[int]:
        return sorted(ref for ref, doc in self.open.items() if pick_list_id in doc["pick_lists"])

    def order_refs_for_order_id(self, order_id: str) -> list[int]:
        return sorted(r for r, doc in self.open.items() if doc["view"]["order_id"] == order_id)

    def view(self, ref: int) -> PackOrderView:
        doc = self.docs[ref]
        facts = self.store.facts_about_order(ref, PACK_FACTS, doc["through"])
        return with_station_serials(with_local_facts(view_from_document(doc), facts), self.store)


class PackingPuller:
    """`db.station.pull.Puller` for a packing station (sync thread, every pull round).

    The views of new ready orders are read `chunk` orders per transaction, and `between` (the
    sync engine's push of the outbox: db/station/sync.py) runs after each piece: a pull of
    hundreds of orders never keeps a packer's facts from central for long."""

    def __init__(
        self, store: StationStore, sscc_block: int = 200, tracking_block: int = 100, chunk: int = 50
    ):
        self.store, self.chunk = store, chunk
        self.blocks = {"sscc": sscc_block}
        self.tracking_block = tracking_block
        self.between: Callable[[], object] = lambda: None

    def pull(
        self, uow_factory: Callable[[], UnitOfWork], changed: Changes | None, reconnected: bool
    ) -> None:
        # Settings are one small row and have no change trigger: read them every round.
        settings = packing_central.current_settings(uow_factory())
        self.store.set_meta(SETTINGS_META, settings.values)
        self._cache_orders(uow_factory, changed, reconnected)
        self._top_up(uow_factory, settings)

    def _cache_orders(self, uow_factory, changed: Changes | None, reconnected: bool) -> None:
        """Totes change when a picker finishes a cart ("tote" / "pick_list" changes) and when
        an order is packed (its tote is freed): only then can the set of ready orders change.
        An order whose status moved ("order": a lead resolved it) is read again."""
        everything = changed is None or reconnected or not self.store.get_meta(LOADED_META)
        if not everything and not (changed.keys() & {"tote", "pick_list", "order"}):
            return
        cached = set(self.store.cached(TOPIC))
        tote_ids = None if everything else changed.get("tote", set())
        moved = frozenset(() if everything else changed.get("order", ()))
        refs, wanted = packing_central.orders_ready(uow_factory(), tote_ids, cached, moved)
        # Everything: what is not ready goes now, the rest is replaced piece by piece (a
        # failure half way leaves LOADED_META unset, so the next round loads it all again).
        self.store.cache_documents(TOPIC, {}, cached - refs)
        for start in range(0, len(wanted), self.chunk):
            if start:
                self.between()
            self._cache_views(uow_factory, wanted[start : start + self.chunk])
        if everything:
            self.store.set_meta(LOADED_META, True)

    def _cache_views(self, uow_factory, refs: list[int]) -> None:
        through = self.store.sent_through()  # before the read: central's views include these
        ready = packing_central.views_to_pack(uow_factory(), refs)
        docs = {
            ref: to_document(view, ready.pick_lists.get(ref, []), through)
            for ref, view in ready.views.items()
        }
        self.store.cache_documents(TOPIC, docs, set(refs) - set(docs))

    def _top_up(self, uow_factory, settings: PackingSettings) -> None:
        """Keep at least half a block of every series on the station, so cartons close offline.
        A block reserved on central but lost here (a crash in between) is only a gap."""
        for series, start in settings.number_series().items():
            size = self.blocks.get(series, self.tracking_block)
            if self.store.numbers_left(series) < size / 2:
                first, last = packing_central.reserve_numbers(uow_factory(), series, size, start)
                self.store.add_numbers(series, first, last)


# ---- the cached view and the station's own facts over it ------------------------------------
def to_document(view: PackOrderView, pick_lists: list[int], through: int) -> dict:
    """JSON for the site cache; `through`: the view includes every outbox fact up to this id."""
    data = asdict(view)
    data["shipped_serials"] = sorted([sku, serial] for sku, serial in view.shipped_serials)
    return {"view": data, "pick_lists": pick_lists, "through": through}


def view_from_document(doc: dict) -> PackOrderView:
    data = doc["view"]
    return PackOrderView(
        **{
            **data,
            "lines": tuple(_line_from_document(ln) for ln in data["lines"]),
            "flags": tuple(data["flags"]),
            "package_types": tuple(PackageType(**t) for t in data["package_types"]),
            "shipped_serials": frozenset(tuple(pair) for pair in data["shipped_serials"]),
            "weight_check": WeightCheck(**data.get("weight_check", {})),
        }
    )


def _line_from_document(line: dict) -> PackLine:
    # JSON turned the tuples into lists; documents cached before dimensions lack them.
    dimensions = line.get("dimensions_cm")
    return PackLine(
        **{**line, "gtins": tuple(line["gtins"]), "dimensions_cm": tuple(dimensions or ()) or None}
    )


def with_local_facts(view: PackOrderView, facts: list[Event]) -> PackOrderView:
    """What central's packing appliers will make of the station's facts, for its own display:
    a restart mid-order shows the packer's progress, online or not."""
    for fact in facts:
        if fact.kind == FactKind.PACK_ITEM:
            item = PackItem.of(fact)
            view = _add_packed(view, item.line_id, item.quantity)
        elif fact.kind == FactKind.PACK_UNDONE:
            undone = PackUndone.of(fact)
            view = _add_packed(view, undone.line_id, -undone.quantity)
        elif fact.kind == FactKind.PACKAGE_CLOSED:
            view = _add_carton(view, PackageClosed.of(fact))
    return view


def with_station_serials(view: PackOrderView, store: StationStore) -> PackOrderView:
    """The order's view also refuses serials this station packed into other orders since the
    view was cached (central's copy of them arrives only with a later pull)."""
    return replace(view, shipped_serials=view.shipped_serials | store.serials_packed_here())


def _add_packed(view: PackOrderView, line_id: int, quantity: int) -> PackOrderView:
    lines = tuple(
        replace(line, packed=line.packed + quantity) if line.line_id == line_id else line
        for line in view.lines
    )
    return replace(view, lines=lines)


def _add_carton(view: PackOrderView, closed: PackageClosed) -> PackOrderView:
    skus = {line.line_id: line.sku for line in view.lines}
    serials = {(skus[i["line_id"]], i["serial"]) for i in closed.items if i.get("serial")}
    view = replace(
        view,
        cartons_closed=view.cartons_closed + 1,
        tracking_number=view.tracking_number or closed.tracking_number,
        shipped_serials=view.shipped_serials | serials,
    )
    if closed.final:
        view = replace(view, status="packed", flags=(*view.flags, "packed"))
    return view


def _no_numbers_left(series: str) -> Message:
    if series == "sscc":
        return message("pack.offline_no_sscc")
    return message("pack.offline_no_tracking", carrier=series.split(":", 1)[1])


def _offline_text(scanned: Scan) -> Message:
    what = (scanned.raw or "").strip()
    return message("pack.offline_not_cached", code=what) if what else message("pack.empty_scan")
