"""The loader's steps at the dock, as a pure state machine: no I/O, no Qt, no clock.

    state = start(actor)                                  # app.steps.dispatch_state
    verdict = on_scan(state, scan)                        # a unit, a carrier code, C:UNDO,
                                                          # or a parcel (SSCC / tracking number)
    # verdict.look_up: ask the backend, then on_unit(state, code, bound) /
    #                  on_parcel(state, code, parcel_view)
    # verdict.facts to record; adopt verdict.state once they are recorded

A parcel is loaded only onto a unit bound to its carrier, only when its order is packed (not
held or cancelled since) and only once. `C:UNDO` then a parcel takes it off again, until the
carrier is closed. Every refusal comes with a `dispatch.refused` fact for the accuracy KPI.

Verdict reasons (the UI words them): scan_unit, scan_carrier, unit_ready, unit_other_carrier,
loaded, order_complete, unloaded, undo_armed, undo_cancelled, nothing_to_undo, not_loaded,
unknown_parcel, other_carrier, already_loaded, already_shipped, order_on_hold,
order_cancelled, order_not_packed, awaiting_label, not_a_parcel, invalid_scan.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.dispatch import ParcelView, carrier_code, same_carrier, serves, unit_code
from app.domain.events import Actor, Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import ParcelLoaded, ParcelUnloaded
from app.domain.packing import awaits_label
from app.domain.site import SiteSettings
from app.scanning.interpret import Scan
from app.scanning.symbology import split_symbology
from app.steps.dispatch_state import Loaded, LoadState, LookUp, Verdict

__all__ = ["on_command", "on_parcel", "on_scan", "on_unit", "parcel_code", "start"]

# What an order's status means for a parcel at the dock (the refusal's reason).
STATUS_REFUSALS = {"on_hold": "order_on_hold", "cancelled": "order_cancelled"}


def start(actor: Actor, site: SiteSettings | None = None) -> LoadState:
    return LoadState(actor=actor, site=site)


def parcel_code(scan: Scan) -> str | None:
    """What identifies a parcel in a scan: its SSCC (GS1-128 with AI 00, or 18 digits) or its
    tracking number (printable text without spaces). None: not a parcel's barcode."""
    if scan.kind == "logistic_unit" and scan.sscc:
        return scan.sscc
    text = split_symbology(scan.raw.strip())[1].strip()
    if scan.kind == "unknown" and 6 <= len(text) <= 40 and text.isascii() and text.isalnum():
        return text.upper()
    return None


def on_scan(state: LoadState, scan: Scan) -> Verdict:
    unit = unit_code(scan.raw)
    if unit is not None:
        return Verdict(True, "look_up_unit", state, {"unit": unit}, look_up=LookUp("unit", unit))
    carrier = carrier_code(scan.raw)
    if carrier is not None:
        return _carrier(state, carrier, scan)
    if scan.kind == "command" and scan.code:
        return on_command(state, scan.code)
    if scan.kind == "invalid":
        return refuse(state, "invalid_scan", scan, error=scan.error or "")
    code = parcel_code(scan)
    if code is None:
        return refuse(state, "not_a_parcel", scan, code=scan.raw[:40])
    if state.unit is None:
        return refuse(state, "scan_unit", scan)
    if state.carrier is None:
        return refuse(state, "scan_carrier", scan, unit=state.unit)
    return Verdict(True, "look_up_parcel", state, {"code": code}, look_up=LookUp("parcel", code))


def on_command(state: LoadState, name: str) -> Verdict:
    scan = Scan(raw=f"C:{name}", symbology=None, kind="command", code=name)
    if name == "UNDO":
        if not state.ready:
            return refuse(state, "scan_unit", scan)
        return Verdict(True, "undo_armed", replace(state, undo_armed=True))
    if name == "CANCEL" and state.undo_armed:
        return Verdict(True, "undo_cancelled", replace(state, undo_armed=False))
    return refuse(state, "not_a_parcel", scan, code=scan.raw)


def on_unit(state: LoadState, unit: str, bound: str | None) -> Verdict:
    """The unit scanned, with the carrier central says it is bound to (None: free)."""
    fresh = replace(state, unit=unit, carrier=bound, undo_armed=False, loaded=(), last=None)
    if bound is None:
        return Verdict(True, "scan_carrier", fresh, {"unit": unit})
    return Verdict(True, "unit_ready", fresh, {"unit": unit, "carrier": bound})


def _carrier(state: LoadState, carrier: str, scan: Scan) -> Verdict:
    if state.unit is None:
        return refuse(state, "scan_unit", scan)
    if state.carrier is not None and not same_carrier(state.carrier, carrier, state.site):
        params = {"unit": state.unit, "carrier": state.carrier}
        return refuse(state, "unit_other_carrier", scan, None, **params)
    ready = replace(state, carrier=state.carrier or carrier, undo_armed=False)
    return Verdict(True, "unit_ready", ready, {"unit": state.unit, "carrier": ready.carrier})


def on_parcel(state: LoadState, code: str, parcel: ParcelView | None, raw: str = "") -> Verdict:
    """The parcel behind a scanned code, as central (or the station's copy) knows it now."""
    scan = Scan(raw=raw or code, symbology=None, kind="unknown")
    if parcel is None:
        return refuse(state, "unknown_parcel", scan, code=code)
    if state.undo_armed:
        return _unload(state, parcel, scan)
    return _load(state, parcel, scan)


def _load(state: LoadState, parcel: ParcelView, scan: Scan) -> Verdict:
    assert state.unit is not None and state.carrier is not None
    params = _about(parcel)
    if parcel.status == "shipped":
        return refuse(state, "already_shipped", scan, parcel, **params)
    if parcel.order_status in STATUS_REFUSALS:
        return refuse(state, STATUS_REFUSALS[parcel.order_status], scan, parcel, **params)
    if parcel.order_status != "packed":
        return refuse(state, "order_not_packed", scan, parcel, **params)
    if awaits_label(parcel.tracking_number):  # the carrier has not sold its label yet
        return refuse(state, "awaiting_label", scan, parcel, **params)
    if not serves(state.carrier, parcel.carrier, state.site):
        params |= {"its_carrier": parcel.carrier, "carrier": state.carrier}
        return refuse(state, "other_carrier", scan, parcel, **params)
    if parcel.status == "loaded" or parcel.package_id in state.loaded_ids():
        unit = parcel.unit or state.unit
        return refuse(state, "already_loaded", scan, parcel, **params, unit=unit)
    missing = parcel.missing(_loaded_cartons(state, parcel))
    fact = ParcelLoaded(
        package_id=parcel.package_id,
        sscc=parcel.sscc,
        tracking_number=parcel.tracking_number,
        carton=parcel.carton,
        unit=state.unit,
        carrier=state.carrier,
        raw=scan.raw,
    ).fact(state.actor, parcel.order_ref)
    loaded = Loaded(parcel.package_id, parcel.ref, parcel.carton, tuple(missing))
    new = replace(state, loaded=(*state.loaded, loaded), last=parcel)
    reason = "loaded" if missing else "order_complete"
    missing_text = ", ".join(str(c) for c in missing)
    return Verdict(True, reason, new, params | {"missing": missing_text}, (fact,), parcel=parcel)


def _unload(state: LoadState, parcel: ParcelView, scan: Scan) -> Verdict:
    params = _about(parcel)
    if parcel.status == "shipped":
        return refuse(state, "already_shipped", scan, parcel, **params)
    here = parcel.package_id in state.loaded_ids()
    if parcel.status != "loaded" and not here:
        return refuse(state, "not_loaded", scan, parcel, **params)
    fact = ParcelUnloaded(
        package_id=parcel.package_id,
        sscc=parcel.sscc,
        tracking_number=parcel.tracking_number,
        carton=parcel.carton,
        unit=parcel.unit or state.unit,
        raw=scan.raw,
    ).fact(state.actor, parcel.order_ref)
    kept = tuple(x for x in state.loaded if x.package_id != parcel.package_id)
    new = replace(state, undo_armed=False, loaded=kept, last=None)
    params |= {"unit": parcel.unit or state.unit}
    return Verdict(True, "unloaded", new, params, (fact,), parcel=parcel)


def _loaded_cartons(state: LoadState, parcel: ParcelView) -> frozenset[int]:
    """Cartons of the parcel's order this screen loaded (central may not have them yet)."""
    return frozenset(x.carton for x in state.loaded if x.ref == parcel.ref)


def _about(parcel: ParcelView) -> dict:
    return {"order": parcel.ref, "carton": parcel.carton, "cartons": len(parcel.cartons) or 1}


def refuse(
    state: LoadState, reason: str, scan: Scan, parcel: ParcelView | None = None, **params
) -> Verdict:
    """A refused scan: nothing changes but a `dispatch.refused` fact for the accuracy KPI."""
    payload = {"reason": reason, "raw": scan.raw[:80], "unit": state.unit, "carrier": state.carrier}
    ref = parcel.order_ref if parcel is not None else None
    fact = Event(FactKind.LOAD_REFUSED.value, payload, state.actor, ref)
    shown = replace(state, last=parcel) if parcel is not None else state
    return Verdict(False, reason, shown, dict(params), (fact,), parcel=parcel)
