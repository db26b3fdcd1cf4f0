"""The kinds of fact a station records, and the typed payload of each kind central applies.

One definition, read by the producer (the picker's and packer's steps, sign-in), by central's
appliers (app/services/*_appliers.py) and by a station's own replay of its unsent facts
(db/station/backend.py, db/station/packing.py). On the wire and in storage a payload stays the
JSON object it always was (`Event.payload`, the station outbox, the narrow door's documents):
`to_payload()` and `from_payload()` convert at those edges, with exactly the same keys.

Reading is lenient the way the appliers always were: keys a payload does not know are ignored
(an older or newer station), a missing optional key takes its default; a missing required key
raises TypeError, so central sets that fact aside for the lead (app/services/sync.set_aside).
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from enum import StrEnum
from typing import Any, ClassVar, Self

from app.domain.events import Actor, Event


class FactKind(StrEnum):
    """Every kind of fact a station pushes to central (`Event.kind`). Central either applies a
    kind (app/services/fact_appliers.APPLIERS) or records it only (`RECORD_ONLY` there)."""

    # ---- picking
    CLAIM_WANTED = "picklist.claim_wanted"
    TOTE_BOUND = "tote.bound"
    PICK_CONFIRMED = "pick.confirmed"
    PICK_UNDONE = "pick.undone"
    PICK_SHORT = "pick.short"
    PICK_SKIPPED = "pick.skipped"
    PICK_REROUTED = "pick.rerouted"  # the rest of the route re-solved where the picker stands
    PICKLIST_FINISHED = "picklist.finished"
    SCAN_REFUSED = "scan.refused"
    # ---- packing
    PACK_STARTED = "pack.started"
    PACK_ITEM = "pack.item"
    PACK_UNDONE = "pack.undone"
    PACK_REFUSED = "pack.refused"
    PACK_OVERRIDE = "pack.override"
    PACKAGE_CLOSED = "package.closed"
    LABEL_PRINTED = "label.printed"
    LABEL_REPRINTED = "label.reprinted"
    LABEL_FAILED = "label.failed"
    LABEL_BOUGHT = "label.bought"  # a carton that awaited its label got it from the carrier
    # ---- dispatch (the loader's station)
    PARCEL_LOADED = "dispatch.loaded"
    PARCEL_UNLOADED = "dispatch.unloaded"
    LOAD_REFUSED = "dispatch.refused"
    # ---- receiving and put-away (the stock clerk's station)
    ITEM_RECEIVED = "receipt.item_received"
    PUT_AWAY = "stock.put_away"
    RECEIPT_CLOSED = "receipt.closed"
    # ---- stock control (the clerk's station)
    STOCK_MOVED = "stock.moved"
    # ---- counting (the stock clerk's station)
    STOCK_COUNTED = "stock.counted"
    # ---- returns (the returns clerk's station)
    RETURN_ITEM_RECEIVED = "return.item_received"
    RETURN_ITEM_UNDONE = "return.item_undone"  # the clerk took back an item (C:UNDO)
    RETURN_CLOSED = "return.closed"
    # ---- signing in
    SIGNED_IN = "user.signed_in"
    PIN_REFUSED = "user.pin_refused"
    PIN_LOCKED = "user.pin_locked"


class FactPayload:
    """Base of the payload dataclasses (`@dataclass(frozen=True, kw_only=True)`): fields in the
    order the JSON object has always had its keys. `KIND` says which kind it is the payload of."""

    KIND: ClassVar[FactKind]

    def to_payload(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_payload(cls, payload: dict) -> Self:
        values: dict[str, Any] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name in payload:
                value = payload[f.name]
                values[f.name] = int(value) if f.type == "int" else value
            elif f.default is MISSING and f.default_factory is MISSING:
                raise TypeError(f"a {cls.KIND.value} fact needs {f.name!r} in its payload")
        return cls(**values)

    @classmethod
    def of(cls, fact: Event) -> Self:
        """The typed payload of a stored or received fact of this kind."""
        if fact.kind != cls.KIND:
            raise ValueError(f"a {fact.kind} fact is not a {cls.KIND.value} fact")
        return cls.from_payload(fact.payload)

    def fact(self, actor: Actor, order_ref: int | None = None) -> Event:
        """A new fact with this payload (a fresh UUID, now)."""
        return Event(self.KIND.value, self.to_payload(), actor, order_ref)
