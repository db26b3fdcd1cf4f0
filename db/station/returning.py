"""The returns clerk's offline-first backend on the station store, and the puller that keeps
what the returns page needs in it (docs/returns.md, "Offline and exactly once").

Items and closes are durable once in the station's outbox; the sync thread pushes them to
central, where the appliers take each exactly once. Each look-up asks central when it answers;
when it does not, the copy last pulled — the orders shipped in the last weeks with every code
that finds them, the products by GTIN, the location codes — with this station's own return
facts laid over the orders (units it took in count as returned already). A station pulls only
once a returns clerk has signed in there. Database worker thread (backend), sync thread (puller).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date

from app.domain.events import Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import ReturnClosed, ReturnItemReceived, ReturnItemUndone
from app.domain.receiving import parse_expiry
from app.domain.returns import (
    OpenReturn,
    ReturnContext,
    ReturnedItem,
    ShippedLine,
    ShippedLot,
    counted_in,
)
from app.services.ports import UnitOfWork
from app.services.returns_central import CentralReturnsBackend
from app.steps.returning_state import ReturnedProduct
from db.station.offline_first import OfflineFirstBackend
from db.station.store import StationStore

ACTIVE_META = "returns_active"  # a returns clerk signed in here: keep the returns copy
COPY_META = "returns_copy"
RETURN_FACTS = (
    FactKind.RETURN_ITEM_RECEIVED.value,
    FactKind.RETURN_ITEM_UNDONE.value,
    FactKind.RETURN_CLOSED.value,
)
REFRESH_S = 60.0
COPY_DAYS = 60  # how far back shipped orders are kept for returns arriving while offline


class StationReturnsBackend(OfflineFirstBackend):
    ACTIVE_META = ACTIVE_META
    CENTRAL = CentralReturnsBackend
    central: CentralReturnsBackend

    # ---- ReturnsBackend (database worker thread) ------------------------------------------
    def parcel(self, code: str) -> ReturnContext | None:
        self._activate()
        through = self.store.sent_through()  # before the read: central's answer holds these
        found = self._ask_central(self.central.parcel, code)
        if found is False:
            copy = self._copy()
            found = copy["by_code"].get(code.strip())
            through = copy["through"]
        return None if found is None else self._mine_over(found, through)

    def product(self, gtin: str) -> ReturnedProduct | None:
        self._activate()
        found = self._ask_central(self.central.product, gtin)
        return self._copy()["products"].get(gtin) if found is False else found

    def location_exists(self, code: str) -> bool:
        self._activate()
        found = self._ask_central(self.central.location_exists, code)
        return code in self._copy()["locations"] if found is False else found

    def suggest(self, channel: str, order_id: str, sku: str, lot: str, quantity: int) -> str | None:
        """Central's put-away suggestion (in the warehouse the return goes back into); offline
        none (the clerk scans a location)."""
        self._activate()
        found = self._ask_central(
            lambda _: self.central.suggest(channel, order_id, sku, lot, quantity), None
        )
        return None if found is False else found

    def free_at(self, location: str, sku: str, lot: str) -> int | None:
        """Units free at the location (C:UNDO of a unit put there); offline None: central
        checks again when the undo arrives."""
        self._activate()
        found = self._ask_central(lambda _: self.central.free_at(location, sku, lot), None)
        return None if found is False else found

    # ---- helpers ---------------------------------------------------------------------------
    def _copy(self) -> dict:
        return copy_from_document(self.store.get_meta(COPY_META))

    def _mine_over(self, context: ReturnContext, through: int) -> ReturnContext:
        """This station's return facts about the order that central did not have yet."""
        facts = self.store.facts_naming("order_id", context.order_id, RETURN_FACTS, through)
        return with_return_facts(context, facts)


def with_return_facts(context: ReturnContext, facts: list[Event]) -> ReturnContext:
    """The context with this station's return facts central did not have laid over it: items of
    a return still open here (the last one begun, if several) are that return's, to resume;
    every other item counts as returned, as central will count it. An item taken back (C:UNDO)
    is in neither, whether central has it already or not."""
    undone = {ReturnItemUndone.of(f).undoes for f in facts if f.kind == FactKind.RETURN_ITEM_UNDONE}
    returns: dict[str, list[ReturnedItem]] = {}
    central_undone: list[ReturnedItem] = []
    if context.open_return is not None:
        items = context.open_return.items
        returns[context.open_return.return_id] = [x for x in items if x.fact_id not in undone]
        central_undone = [x for x in items if x.fact_id and x.fact_id in undone]
    closed: set[str] = set()
    local: list[ReturnedItem] = []
    for fact in facts:
        if fact.kind == FactKind.RETURN_CLOSED:
            closed.add(ReturnClosed.of(fact).return_id)
        elif fact.kind == FactKind.RETURN_ITEM_RECEIVED and fact.uuid not in undone:
            item = ReturnItemReceived.of(fact)
            if item.channel == context.channel:
                local.append(item_of(item, fact.uuid))
                returns.setdefault(item.return_id, []).append(local[-1])
    counted = context.with_open_return(None)  # central's open return counted as returned too
    lines = counted_in(counted_in(counted.lines, local, +1), central_undone, -1)
    everything = replace(counted, lines=lines)
    still = [rid for rid in returns if rid not in closed]
    if not still:
        return everything
    return everything.with_open_return(OpenReturn(still[-1], tuple(returns[still[-1]])))


def item_of(item: ReturnItemReceived, fact_id: str = "") -> ReturnedItem:
    return ReturnedItem(
        item.sku,
        item.quantity,
        item.condition,
        item.location,
        item.lot,
        parse_expiry(item.expiry),
        item.serial,
        item.flag,
        fact_id,
    )


# ---- the copy in the store ------------------------------------------------------------------
def context_document(context: ReturnContext) -> dict:
    document = asdict(context)
    for line in document["lines"]:
        for lot in line["lots"]:
            lot["expiry"] = lot["expiry"].isoformat() if lot["expiry"] else None
    for item in (document["open_return"] or {}).get("items", ()):
        item["expiry"] = item["expiry"].isoformat() if item["expiry"] else None
    return document


def context_from_document(document: dict) -> ReturnContext:
    lines = []
    for line in document["lines"]:
        lots = tuple(
            ShippedLot(x["lot"], parse_expiry(x["expiry"]), x["quantity"]) for x in line["lots"]
        )
        tuples = {
            k: tuple(line[k]) for k in ("serials", "returned_serials", "picked_from", "gtins")
        }
        lines.append(ShippedLine(**(line | tuples | {"lots": lots})))
    opened = document.get("open_return")
    if opened:
        items = tuple(
            ReturnedItem(**(x | {"expiry": parse_expiry(x["expiry"])})) for x in opened["items"]
        )
        opened = OpenReturn(opened["return_id"], items)
    changes = {"lines": tuple(lines), "codes": tuple(document["codes"]), "open_return": opened}
    return ReturnContext(**(document | changes))


def copy_from_document(document: dict | None) -> dict:
    document = document or {}
    by_code: dict[str, ReturnContext] = {}
    for entry in document.get("orders", []):
        context = context_from_document(entry)
        for code in context.codes:
            by_code[code] = replace(context, parcel=code)
    return {
        "through": document.get("through", 0),
        "by_code": by_code,
        "products": {
            gtin: ReturnedProduct(**p) for gtin, p in (document.get("products") or {}).items()
        },
        "locations": set(document.get("locations", [])),
    }


class ReturnsPuller:
    """`db.station.pull.Puller` for returns (sync thread): the copy, once a returns clerk is
    here."""

    def __init__(self, store: StationStore, refresh_s: float = REFRESH_S) -> None:
        self.store, self.refresh_s = store, refresh_s
        self._last = 0.0

    def pull(self, uow_factory: Callable[[], UnitOfWork], changed, reconnected: bool) -> None:
        if not self.store.get_meta(ACTIVE_META):
            return
        fresh = changed is None or reconnected
        if not fresh and time.monotonic() - self._last < self.refresh_s:
            return
        through = self.store.sent_through()  # before the read
        with uow_factory() as uow:
            contexts = uow.returns.recent_contexts(COPY_DAYS, date.today())
            document = {
                "through": through,
                "orders": [context_document(c) for c in contexts],
                "products": {g: asdict(p) for g, p in uow.returns.products_by_gtin().items()},
                "locations": uow.receiving.location_codes(),
            }
        self.store.set_meta(COPY_META, document)
        self._last = time.monotonic()
