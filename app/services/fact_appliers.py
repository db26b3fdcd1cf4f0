"""The applier registry: what central does with each kind of fact a station pushes.

A kind is either applied (`APPLIERS`: kind -> applier of a run of consecutive facts of that
kind) or recorded only (`RECORD_ONLY`: the stored fact is all there is, e.g. a sign-in or a
refused scan the accuracy KPI counts). The fact engine (app.services.facts) refuses any other
kind loudly, so central sets it aside for the lead instead of skipping it.

This module is a leaf of the fact machinery: it imports the applier modules, which import only
the domain and the ports, and only the engine imports it. import-linter keeps it so (the
"fact engine above its appliers" contract in pyproject.toml): the feature modules that use the
engine (picking_central, packing_central, users, sync) cannot be imported back from here.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.events import Event
from app.domain.fact_kinds import FactKind
from app.services import (
    counting,
    dispatch_appliers,
    move_appliers,
    packing_appliers,
    picking_appliers,
    receiving_appliers,
    returns_appliers,
    user_appliers,
)
from app.services.ports import UnitOfWork

Applier = Callable[[UnitOfWork, Event], None]
RunApplier = Callable[[UnitOfWork, list[Event]], None]


def one_by_one(applier: Applier) -> RunApplier:
    """An applier of one fact as an applier of a run: each fact in turn."""

    def apply_run(uow: UnitOfWork, facts: list[Event]) -> None:
        for fact in facts:
            applier(uow, fact)

    apply_run.__name__ = applier.__name__
    return apply_run


# A run applier (picks) takes hundreds of scans in a few statements and must leave central
# exactly as applying them one by one would (tests/integration/picking/test_bulk_appliers.py).
APPLIERS: dict[str, RunApplier] = {
    FactKind.CLAIM_WANTED: one_by_one(picking_appliers.apply_claim_wanted),
    FactKind.TOTE_BOUND: one_by_one(picking_appliers.apply_tote_bound),
    FactKind.PICK_CONFIRMED: picking_appliers.apply_picks_confirmed,
    FactKind.PICK_UNDONE: picking_appliers.apply_picks_undone,
    FactKind.PICK_SHORT: one_by_one(picking_appliers.apply_pick_short),
    FactKind.PICK_SKIPPED: one_by_one(picking_appliers.apply_pick_skipped),
    FactKind.PICK_REROUTED: one_by_one(picking_appliers.apply_pick_rerouted),
    FactKind.PICKLIST_FINISHED: one_by_one(picking_appliers.apply_picklist_finished),
    FactKind.PACK_ITEM: one_by_one(packing_appliers.apply_pack_item),
    FactKind.PACK_UNDONE: one_by_one(packing_appliers.apply_pack_undone),
    FactKind.PACK_OVERRIDE: one_by_one(packing_appliers.apply_override),
    FactKind.PACKAGE_CLOSED: one_by_one(packing_appliers.apply_package_closed),
    FactKind.LABEL_FAILED: one_by_one(packing_appliers.apply_label_failed),
    FactKind.LABEL_BOUGHT: one_by_one(packing_appliers.apply_label_bought),
    FactKind.PIN_LOCKED: one_by_one(user_appliers.apply_pin_locked),
    FactKind.PARCEL_LOADED: one_by_one(dispatch_appliers.apply_parcel_loaded),
    FactKind.PARCEL_UNLOADED: one_by_one(dispatch_appliers.apply_parcel_unloaded),
    FactKind.ITEM_RECEIVED: one_by_one(receiving_appliers.apply_item_received),
    FactKind.PUT_AWAY: receiving_appliers.apply_put_aways,
    FactKind.RECEIPT_CLOSED: one_by_one(receiving_appliers.apply_receipt_closed),
    FactKind.STOCK_MOVED: one_by_one(move_appliers.apply_stock_moved),
    FactKind.STOCK_COUNTED: one_by_one(counting.apply_stock_counted),
    FactKind.RETURN_ITEM_RECEIVED: one_by_one(returns_appliers.apply_return_item),
    FactKind.RETURN_ITEM_UNDONE: one_by_one(returns_appliers.apply_return_undone),
    FactKind.RETURN_CLOSED: one_by_one(returns_appliers.apply_return_closed),
}

RECORD_ONLY: frozenset[str] = frozenset(
    {
        FactKind.SCAN_REFUSED,  # the mis-scan itself is what the accuracy KPI counts
        FactKind.PACK_STARTED,
        FactKind.PACK_REFUSED,
        FactKind.LABEL_PRINTED,
        FactKind.LABEL_REPRINTED,
        FactKind.SIGNED_IN,  # sign-ins and refused PINs: the PIN lock counts them
        FactKind.PIN_REFUSED,
        FactKind.LOAD_REFUSED,  # the loader's mis-scans, for the accuracy KPI
    }
)
