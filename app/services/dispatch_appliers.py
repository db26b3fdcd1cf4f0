"""Central's appliers of the loader's facts (listed by kind in app/services/fact_appliers.py).

They run inside the fact engine's transaction. The engine already applies a fact once (by its
UUID); the appliers are idempotent besides (a carton already on that unit stays as it is). A
fact is never refused for arriving late: the carton physically went onto (or off) the cage. What
no longer fits — the order was held or cancelled meanwhile, the carrier closed, another station
put it on another unit, the cage is bound to another carrier — is recorded as it happened and
goes to the lead's queue, so someone pulls the parcel or fixes the record.
"""

from __future__ import annotations

from app.domain.dispatch import same_carrier
from app.domain.events import Event
from app.domain.fact_payloads import ParcelLoaded, ParcelUnloaded
from app.services.ports import UnitOfWork

# Order statuses that make a load late news for the lead ("pull this parcel").
PULL = {"on_hold": "load_on_hold", "cancelled": "load_cancelled"}


def apply_parcel_loaded(uow: UnitOfWork, fact: Event) -> None:
    loaded = ParcelLoaded.of(fact)
    found = uow.dispatch.package_of(loaded.package_id, loaded.sscc)
    details = _details(fact, loaded.unit, loaded.sscc, loaded.carton)
    if found is None:
        uow.packing.add_exception("load_unknown", fact.order_ref, details)
        return
    package_id, order_ref = found
    current = uow.dispatch.load_of(package_id)
    if current is not None:
        _already_loaded(uow, current, order_ref, details)
        return
    bound = uow.dispatch.bind_unit(loaded.unit, loaded.carrier, fact.occurred_at, fact.actor.user)
    if not same_carrier(bound, loaded.carrier):
        uow.packing.add_exception("load_wrong_unit", order_ref, details | {"carrier": bound})
    uow.dispatch.add_load(
        package_id,
        order_ref,
        loaded.unit,
        loaded.carrier,
        loaded_at=fact.occurred_at,
        loaded_by=fact.actor.user,
        station=fact.actor.station,
        fact_uuid=fact.uuid,
    )
    status = uow.dispatch.order_status(order_ref)
    if status in PULL:  # held or cancelled after the station checked it
        uow.packing.add_exception(PULL[status], order_ref, details)


def _already_loaded(uow: UnitOfWork, current: dict, order_ref: int, details: dict) -> None:
    if current["manifest_id"] is not None:
        uow.packing.add_exception("load_after_close", order_ref, details)
    elif current["unit"] != details["unit"]:  # two stations, two cages: someone must look
        uow.packing.add_exception("load_twice", order_ref, details | {"first": current["unit"]})
    # else: the same carton on the same unit again changes nothing


def apply_parcel_unloaded(uow: UnitOfWork, fact: Event) -> None:
    unloaded = ParcelUnloaded.of(fact)
    found = uow.dispatch.package_of(unloaded.package_id, unloaded.sscc)
    if found is None:
        details = _details(fact, unloaded.unit or "", unloaded.sscc, unloaded.carton)
        uow.packing.add_exception("load_unknown", fact.order_ref, details)
        return
    package_id, order_ref = found
    current = uow.dispatch.load_of(package_id)
    if current is None:
        return  # not on a unit (a replay, or taken off twice): nothing to undo
    if current["manifest_id"] is not None:
        details = _details(fact, current["unit"], unloaded.sscc, unloaded.carton)
        uow.packing.add_exception("unload_after_close", order_ref, details)
        return
    uow.dispatch.remove_load(package_id)


def _details(fact: Event, unit: str, sscc: str | None, carton: int | None) -> dict:
    return {
        "unit": unit,
        "sscc": sscc,
        "carton": carton,
        "loader": fact.actor.user,
        "station": fact.actor.station,
    }
