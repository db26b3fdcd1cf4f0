"""The payload of each fact kind central applies, typed (see app/domain/fact_kinds.py).

Fields are in the order their keys have always had in the JSON object. A field with a default
is one older stations (or a central-side producer such as the headless test station) may leave
out; a field without one is one central's applier needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Self

from app.domain.fact_kinds import FactKind, FactPayload


# ---- picking ----------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class ClaimWanted(FactPayload):
    """A station login asks central for the next pick list of the picker signed in there."""

    KIND: ClassVar = FactKind.CLAIM_WANTED
    badge: str = ""
    warehouse_id: int | None = None  # the station's home: its lists alone (None: any, as before)


@dataclass(frozen=True, kw_only=True)
class ToteBound(FactPayload):
    KIND: ClassVar = FactKind.TOTE_BOUND
    pick_list_id: int | None = None
    order_ref: int
    order_id: str | None = None
    tote: str


@dataclass(frozen=True, kw_only=True)
class PickConfirmed(FactPayload):
    KIND: ClassVar = FactKind.PICK_CONFIRMED
    pick_list_id: int | None = None  # None: an old fact; the task id alone names the task
    task_id: int
    quantity: int
    lot: str = ""
    expiry: str | None = None
    location: str | None = None
    sku: str | None = None
    tote: str | None = None
    tote_scanned: bool = False
    item_scanned: bool = False
    no_barcode: bool = False
    lot_scanned: bool = False
    confirmed_by: str = ""


@dataclass(frozen=True, kw_only=True)
class PickUndone(FactPayload):
    KIND: ClassVar = FactKind.PICK_UNDONE
    pick_list_id: int | None = None
    task_id: int
    quantity: int
    undoes: str | None = None  # the UUID of the pick.confirmed it takes back


@dataclass(frozen=True, kw_only=True)
class PickShort(FactPayload):
    KIND: ClassVar = FactKind.PICK_SHORT
    pick_list_id: int | None = None
    task_id: int
    found: int = 0
    shortfall: int
    reason: str | None = None  # a ShortReason value
    lot: str = ""
    location: str | None = None
    sku: str | None = None
    tote_scanned: bool = False
    lot_scanned: bool = False


@dataclass(frozen=True, kw_only=True)
class PickSkipped(FactPayload):
    KIND: ClassVar = FactKind.PICK_SKIPPED
    pick_list_id: int
    task_id: int
    location: str | None = None


@dataclass(frozen=True, kw_only=True)
class PickRerouted(FactPayload):
    """The station re-solved the rest of the route (after a skip, a short, a changed list):
    `task_ids`, the open tasks in the new walking order, the one at hand first."""

    KIND: ClassVar = FactKind.PICK_REROUTED
    pick_list_id: int
    task_ids: list[int]
    start: str | None = None  # where the picker stood (the last scanned location); None: depot
    distance_m: float | None = None  # the walk left: start → the tasks → the depot


@dataclass(frozen=True, kw_only=True)
class PicklistFinished(FactPayload):
    KIND: ClassVar = FactKind.PICKLIST_FINISHED
    pick_list_id: int
    orders: list[int] = field(default_factory=list)


PicklistFact = (
    ToteBound
    | PickConfirmed
    | PickUndone
    | PickShort
    | PickSkipped
    | PickRerouted
    | PicklistFinished
)


# ---- packing ----------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class PackItem(FactPayload):
    KIND: ClassVar = FactKind.PACK_ITEM
    line_id: int
    sku: str | None = None
    gtin: str | None = None
    quantity: int
    serial: str | None = None
    carton: int | None = None
    raw: str | None = None
    item_scanned: bool = True
    no_barcode: bool = False
    confirmed_by: str = "scan"


@dataclass(frozen=True, kw_only=True)
class PackUndone(FactPayload):
    KIND: ClassVar = FactKind.PACK_UNDONE
    line_id: int
    sku: str | None = None
    quantity: int
    serial: str | None = None
    carton: int | None = None


@dataclass(frozen=True, kw_only=True)
class PackOverride(FactPayload):
    """A lead let the packer go on: `scope` says with what (open lines, a carton's weight);
    `details` are the scope's own keys (the open lines; or the weighing and its problems),
    kept flat in the JSON object next to scope, lead and reason."""

    KIND: ClassVar = FactKind.PACK_OVERRIDE
    scope: str | None = None
    lead: str
    reason: str
    details: dict = field(default_factory=dict)

    def to_payload(self) -> dict:
        return {"scope": self.scope, "lead": self.lead, "reason": self.reason} | self.details

    @classmethod
    def from_payload(cls, payload: dict) -> Self:
        own = ("scope", "lead", "reason")
        details = {key: value for key, value in payload.items() if key not in own}
        return cls(
            scope=payload.get("scope"),
            lead=payload["lead"] if "lead" in payload else _missing(cls, "lead"),
            reason=payload["reason"] if "reason" in payload else _missing(cls, "reason"),
            details=details,
        )


@dataclass(frozen=True, kw_only=True)
class PackageClosed(FactPayload):
    KIND: ClassVar = FactKind.PACKAGE_CLOSED
    carton: int
    count: int | None = None
    final: bool
    package_type: str | None = None
    weight_kg: float
    weight_source: str | None = None
    tracking_number: str
    sscc: str
    carrier: str | None = None
    items: list[dict]  # {line_id, sku, quantity, serial} per item in the carton
    override: str | None = None  # the UUID of the lead's pack.override that let it close
    weight_override: str | None = None  # the UUID of the lead's weight override, if any
    expected_kg: float | None = None
    weight_ok: bool
    label: str = "own"  # own (our label) | carrier (bought) | awaiting (the carrier was down)
    label_reference: str | None = None  # the carrier API's idempotency reference
    shipment_id: str | None = None  # the carrier's id of the bought label's shipment

    @property
    def serials(self) -> list[str]:
        return [item["serial"] for item in self.items if item.get("serial")]


@dataclass(frozen=True, kw_only=True)
class LabelFailed(FactPayload):
    """A label the printer refused for good: the label.printed payload plus the printer's
    name and message."""

    KIND: ClassVar = FactKind.LABEL_FAILED
    job_id: str | None = None
    sscc: str | None = None
    carton: int | None = None
    printer: str | None = None
    message: str | None = None


@dataclass(frozen=True, kw_only=True)
class LabelBought(FactPayload):
    """The carrier sold the label of a carton that closed awaiting it: its tracking number
    replaces the placeholder, and the lead's awaiting_label item is resolved."""

    KIND: ClassVar = FactKind.LABEL_BOUGHT
    reference: str
    sscc: str
    carton: int
    carrier: str
    tracking_number: str
    shipment_id: str


# ---- dispatch ---------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class ParcelLoaded(FactPayload):
    """A carton put on a load unit bound to `carrier`. Central finds the carton by its package
    id, else its SSCC (the station read both from the carton it checked)."""

    KIND: ClassVar = FactKind.PARCEL_LOADED
    package_id: int | None = None
    sscc: str | None = None
    tracking_number: str | None = None
    carton: int | None = None
    unit: str
    carrier: str
    raw: str = ""


@dataclass(frozen=True, kw_only=True)
class ParcelUnloaded(FactPayload):
    """A carton taken off its load unit again (C:UNDO, then the parcel) before the close."""

    KIND: ClassVar = FactKind.PARCEL_UNLOADED
    package_id: int | None = None
    sscc: str | None = None
    tracking_number: str | None = None
    carton: int | None = None
    unit: str | None = None
    raw: str = ""


# ---- receiving and put-away -------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class ItemReceived(FactPayload):
    """Units of a product's lot taken off a delivery (negative: a typed count corrected it)."""

    KIND: ClassVar = FactKind.ITEM_RECEIVED
    receipt_id: str
    sku: str
    lot: str = ""
    expiry: str | None = None  # YYYY-MM-DD
    quantity: int
    raw: str = ""


@dataclass(frozen=True, kw_only=True)
class PutAway(FactPayload):
    """Received units put on a shelf: stock (allocatable) from now on."""

    KIND: ClassVar = FactKind.PUT_AWAY
    receipt_id: str
    sku: str
    lot: str = ""
    expiry: str | None = None
    quantity: int
    location: str
    suggested: str | None = None  # what the station suggested (None: no suggestion)


@dataclass(frozen=True, kw_only=True)
class ReceiptClosed(FactPayload):
    """The clerk closed the receipt; `differences` as the station saw them (central recounts)."""

    KIND: ClassVar = FactKind.RECEIPT_CLOSED
    receipt_id: str
    differences: list = field(default_factory=list)


# ---- stock control ----------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class StockMoved(FactPayload):
    """Units of one lot of a product moved from one location to another by scanning; with the
    replenishment task it did, if any. `expiry` is the lot's as the station saw it (central
    carries over the expiry of the stock it moves out)."""

    KIND: ClassVar = FactKind.STOCK_MOVED
    from_location: str
    to_location: str
    sku: str
    lot: str = ""
    quantity: int
    expiry: str | None = None
    replenishment_id: int | None = None
    raw: str = ""


# ---- counting ---------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class StockCounted(FactPayload):
    """A whole location counted: `lines` of {sku, lot, expiry, counted}; a product the system
    has there and the lines do not name was counted 0. `count_task_id` None: an unplanned
    count. `attempt` 2: the second count a variance beyond the tolerance asked for."""

    KIND: ClassVar = FactKind.STOCK_COUNTED
    count_task_id: int | None = None
    location: str
    lines: list = field(default_factory=list)
    attempt: int = 1


# ---- returns ----------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class ReturnItemReceived(FactPayload):
    """Units of one product (lot, serial) taken out of a customer's returned parcel, with their
    condition (app/domain/returns.CONDITIONS) and where they went: a stock location the clerk
    confirmed by scanning, the quarantine area, or "" (missing). `return_id` names the parcel's
    return (a UUID the station makes when the parcel is opened); `flag` is the station's
    judgement (app/domain/returns: not_in_order, serial_not_shipped, ...; "" none)."""

    KIND: ClassVar = FactKind.RETURN_ITEM_RECEIVED
    return_id: str
    channel: str
    order_id: str
    rma: str = ""
    sku: str
    lot: str = ""
    expiry: str | None = None  # YYYY-MM-DD
    serial: str = ""
    quantity: int
    condition: str
    location: str = ""
    suggested: str | None = None  # the location the station suggested
    flag: str = ""
    parcel: str = ""  # the code the parcel was found by
    raw: str = ""


@dataclass(frozen=True, kw_only=True)
class ReturnItemUndone(FactPayload):
    """The clerk took back an item taken in by mistake on the parcel still open (C:UNDO):
    `undoes` is the UUID of its return.item_received. Central reverses that item's effect once
    (stock off the shelf, the quarantine row, the order line's returned units); the item fact
    itself stays. The other fields repeat the item, for the lead and the station's view."""

    KIND: ClassVar = FactKind.RETURN_ITEM_UNDONE
    return_id: str
    channel: str
    order_id: str
    undoes: str
    sku: str
    lot: str = ""
    serial: str = ""
    quantity: int
    condition: str
    location: str = ""


@dataclass(frozen=True, kw_only=True)
class ReturnClosed(FactPayload):
    """The clerk closed the parcel's return: central sets the order's status and sends
    return.received (units declared missing are return.item_received facts, condition
    missing)."""

    KIND: ClassVar = FactKind.RETURN_CLOSED
    return_id: str
    channel: str
    order_id: str
    rma: str = ""
    parcel: str = ""


# ---- signing in -------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class PinLocked(FactPayload):
    KIND: ClassVar = FactKind.PIN_LOCKED
    badge: str | None = None
    name: str | None = None
    until: str | None = None  # ISO time the lock ends
    minutes: int | None = None
    lock: int | None = None  # how many locks in a row (1, 5 then 30 minutes)


def _missing(cls: type[FactPayload], key: str):
    raise TypeError(f"a {cls.KIND.value} fact needs {key!r} in its payload")
