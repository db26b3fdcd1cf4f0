"""The receiving clerk's offline-first backend on the station store, and the puller that keeps
what receiving needs in it (docs/stock.md, "Offline receiving").

Received items, put-aways and closes are durable once in the station's outbox; the sync thread
pushes them to central, where the appliers take each exactly once. Each look-up asks central
when it answers; when it does not, the copy last pulled — the open receipts, the products by
GTIN, the location codes and what the put-away suggestion reads — with this station's own
receiving facts laid over the receipts. A station pulls only once a clerk has signed in there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, replace

from app.domain import put_away
from app.domain.events import Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import ItemReceived, PutAway
from app.domain.receiving import CLOSED, Receipt, ReceiptLine, ReceivedProduct, parse_expiry
from app.routing.layout import load_layout
from app.services.ports import UnitOfWork
from app.services.receiving_central import CentralReceivingBackend, walking
from db.station.offline_first import OfflineFirstBackend
from db.station.store import StationStore

ACTIVE_META = "receiving_active"  # a clerk signed in here: keep the receiving copy
COPY_META = "receiving_copy"  # the copy as pulled (a document, see ReceivingPuller)
RECEIVING_FACTS = (
    FactKind.ITEM_RECEIVED.value,
    FactKind.PUT_AWAY.value,
    FactKind.RECEIPT_CLOSED.value,
)
REFRESH_S = 30.0  # receipts and stock have no change trigger of their own: read this often


class StationReceivingBackend(OfflineFirstBackend):
    ACTIVE_META = ACTIVE_META
    CENTRAL = CentralReceivingBackend
    central: CentralReceivingBackend

    # ---- ReceivingBackend (database worker thread) ----------------------------------------
    def receipt(self, code: str) -> Receipt | None:
        self._activate()
        through = self.store.sent_through()  # before the read: central's answer holds these
        found = self._ask_central(self.central.receipt, code)
        if found is False:
            copy = self._copy()
            found = next((r for r in copy["receipts"] if code in (r.receipt_id, r.sscc)), None)
            through = copy["through"]
        return None if found is None else self._mine_over(found, through)

    def product(self, gtin: str) -> ReceivedProduct | None:
        self._activate()
        found = self._ask_central(self.central.product, gtin)
        return self._copy()["products"].get(gtin) if found is False else found

    def location_exists(self, code: str) -> bool:
        self._activate()
        found = self._ask_central(self.central.location_exists, code)
        return code in self._copy()["locations"] if found is False else found

    def suggest(self, receipt_id: str, sku: str, lot: str, quantity: int) -> str | None:
        """Central's suggestion; offline, the put-away rule over the copy of the receipt's
        warehouse (none for a receipt the copy does not place: the clerk scans a location)."""
        self._activate()
        found = self._ask_central(
            lambda _: self.central.suggest(receipt_id, sku, lot, quantity), None
        )
        if found is not False:
            return found
        site = site_of_receipt(self._copy(), receipt_id)
        suggestion = put_away.suggest(site, sku, lot, quantity) if site else None
        return suggestion.location if suggestion else None

    # ---- helpers ---------------------------------------------------------------------------

    def _copy(self) -> dict:
        return copy_from_document(self.store.get_meta(COPY_META))

    def _mine_over(self, receipt: Receipt, through: int) -> Receipt:
        """This station's receiving facts central did not have when it answered."""
        facts = self.store.facts_naming("receipt_id", receipt.receipt_id, RECEIVING_FACTS, through)
        return with_receiving_facts(receipt, facts)


def with_receiving_facts(receipt: Receipt, facts: list[Event]) -> Receipt:
    for fact in facts:
        if fact.kind == FactKind.ITEM_RECEIVED:
            got = ItemReceived.of(fact)
            receipt = receipt.with_received(
                got.sku, got.lot, parse_expiry(got.expiry), got.quantity
            )
        elif fact.kind == FactKind.PUT_AWAY:
            put = PutAway.of(fact)
            receipt = receipt.with_put_away(
                put.sku, put.lot, parse_expiry(put.expiry), put.quantity
            )
        elif fact.kind == FactKind.RECEIPT_CLOSED:
            receipt = replace(receipt, status=CLOSED)
    return receipt


# ---- the copy in the store ------------------------------------------------------------------
def receipt_document(receipt: Receipt) -> dict:
    document = asdict(receipt)
    for line in document["lines"]:
        line["expiry"] = line["expiry"].isoformat() if line["expiry"] else None
    return document


def receipt_from_document(document: dict) -> Receipt:
    lines = tuple(
        ReceiptLine(**(line | {"expiry": parse_expiry(line["expiry"])}))
        for line in document["lines"]
    )
    return Receipt(**(document | {"lines": lines}))


def copy_from_document(document: dict | None) -> dict:
    """The copy as the backend reads it: `sites` by warehouse id (as text), `placed` each open
    receipt's warehouse, `home` the station's, `locations` every location the station may put
    away into. A copy pulled before sites were per warehouse has one site for every receipt."""
    document = document or {}
    sites = {key: site_from_document(s) for key, s in (document.get("sites") or {}).items()}
    placed, home = dict(document.get("placed") or {}), document.get("home")
    if "site" in document:  # the older copy: until the next pull
        sites, placed, home = {"": site_from_document(document["site"] or {})}, {}, ""
    locations = document.get("locations")
    if locations is None:
        locations = [code for site in sites.values() for code in site.locations]
    return {
        "through": document.get("through", 0),
        "receipts": [receipt_from_document(r) for r in document.get("receipts", [])],
        "products": {
            gtin: ReceivedProduct(**p) for gtin, p in (document.get("products") or {}).items()
        },
        "sites": sites,
        "placed": placed,
        "home": home,
        "locations": set(locations),
    }


def site_from_document(site: dict) -> put_away.PutAwaySite:
    layout = site.get("layout")
    return put_away.PutAwaySite(
        locations=tuple(site.get("locations", [])),
        pick_faces=tuple(put_away.PickFace(**f) for f in site.get("pick_faces", [])),
        stock=tuple(put_away.Held(**h) for h in site.get("stock", [])),
        walk=walking(load_layout(layout)) if layout else None,
    )


def site_of_receipt(copy: dict, receipt_id: str) -> put_away.PutAwaySite | None:
    """The pulled site of the receipt's warehouse; a receipt pulled after the copy, the
    station's home's (None without one: the receipt may be any warehouse's)."""
    key = copy["placed"].get(receipt_id, copy["home"])
    return copy["sites"].get(key) if key is not None else None


def _key(warehouse_id: int | None) -> str:
    return "" if warehouse_id is None else str(warehouse_id)  # JSON keys are text


def site_document(uow: UnitOfWork, warehouse_id: int | None) -> dict:
    """What the put-away rule reads of one warehouse, as the copy keeps it."""
    repo = uow.receiving
    return {
        "locations": repo.location_codes(warehouse_id),
        "pick_faces": [asdict(f) for f in repo.pick_faces(warehouse_id)],
        "stock": [asdict(h) for h in repo.stock_on_hand(warehouse_id)],
        "layout": uow.catalog.layout_document(warehouse_id),
    }


def sites_document(uow: UnitOfWork, receipts: list[Receipt], station: str) -> dict:
    """The sites part of the copy: each open receipt's warehouse (as central's
    `receipt_warehouse` places it) and the site of each of those warehouses and of the
    station's home."""
    ids = [r.receipt_id for r in receipts]
    found = uow.receiving.receipt_warehouses(ids)
    working = uow.catalog.working_warehouse()
    placed = {rid: _key(found[rid] if found.get(rid) is not None else working) for rid in ids}
    home = uow.warehouses.station_home(station)
    wanted = {*placed.values(), *([_key(home)] if home is not None else [])}
    return {
        "placed": placed,
        "home": _key(home) if home is not None else None,
        "sites": {key: site_document(uow, int(key) if key else None) for key in sorted(wanted)},
    }


class ReceivingPuller:
    """`db.station.pull.Puller` for receiving (sync thread): the copy, once a clerk is here."""

    def __init__(self, store: StationStore, refresh_s: float = REFRESH_S) -> None:
        self.store, self.refresh_s = store, refresh_s
        self._last = 0.0

    def pull(self, uow_factory: Callable[[], UnitOfWork], changed, reconnected: bool) -> None:
        if not self.store.get_meta(ACTIVE_META):
            return
        moved = changed is None or reconnected or "stock" in changed
        if not moved and time.monotonic() - self._last < self.refresh_s:
            return
        through = self.store.sent_through()  # before the read
        with uow_factory() as uow:
            repo = uow.receiving
            opened = repo.open_receipts()
            document = {
                "through": through,
                "receipts": [receipt_document(r) for r in opened],
                "products": {g: asdict(p) for g, p in repo.products_by_gtin().items()},
                "locations": repo.location_codes(),  # every one the station may scan
                **sites_document(uow, opened, self.store.station),
            }
        self.store.set_meta(COPY_META, document)
        self._last = time.monotonic()
