"""Closing a carton, and the lead's overrides that let it close: pure steps over `PackState`.

A carton closes with its carton type and weight. Not final (another carton follows) unless
nothing is left to pack; final with open lines only after a lead's override; outside the weight
tolerance, or with a weight typed on a station that has a scale, only after a lead's weight
override for exactly that carton, contents and weight. Closing again changes nothing.

Closing refusals (the UI words them): serial_missing, empty_carton, lines_open,
weight_out_of_tolerance, typed_weight, bad_weight.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.events import Event
from app.domain.fact_payloads import PackageClosed, PackOverride
from app.domain.packing import PackageType, ShipmentNumbers
from app.domain.users import User
from app.errors import IllegalTransition
from app.messages import message
from app.steps.packing_state import ClosedCarton, PackState, Verdict

WEIGHT_SOURCES = ("scale", "typed")


def weight_problems(state: PackState, package_type: PackageType, weight_kg: float, source: str):
    """What a lead must allow before this carton closes at this weight: "out_of_tolerance",
    "typed_weight" (a scale is there; typing is only for a station without one)."""
    problems = []
    if not state.check_weight(package_type, weight_kg).ok:
        problems.append("out_of_tolerance")
    if source == "typed" and state.has_scale:
        problems.append("typed_weight")
    return problems


def close_refusal(
    state: PackState,
    final: bool,
    package_type: PackageType | None = None,
    weight_kg: float | None = None,
    source: str = "scale",
) -> str | None:
    """Why the carton cannot close now, or None. Without a carton type and weight only the
    contents are checked (the screen asks for the weight next)."""
    if state.awaiting_serial is not None:
        return "serial_missing"
    if not state.carton_items:
        return "empty_carton"
    if final and not state.can_finish():
        return "lines_open"
    if package_type is None or weight_kg is None:
        return None
    if source not in WEIGHT_SOURCES or not 0 < weight_kg < 1000:
        return "bad_weight"
    problems = weight_problems(state, package_type, weight_kg, source)
    if not problems or _weight_allowed(state, package_type, weight_kg, source, problems):
        return None
    return "weight_out_of_tolerance" if "out_of_tolerance" in problems else "typed_weight"


def close_carton(
    state: PackState,
    package_type: PackageType,
    weight_kg: float,
    weight_source: str,
    numbers: ShipmentNumbers,
    final: bool,
    label: dict | None = None,
) -> Verdict:
    """Seal the carton being filled (see the module's rules; a refusal raises
    IllegalTransition with its reason). The verdict carries the closed carton for the label.
    `label`: where its label came from, for a carrier API (`label`, `label_reference`,
    `shipment_id` of the package.closed fact); our own label otherwise."""
    final = final or not state.open_lines()
    refusal = close_refusal(state, final, package_type, weight_kg, weight_source)
    if refusal:
        raise IllegalTransition(refusal)
    check = state.check_weight(package_type, weight_kg)
    count = state.carton if final else state.carton + 1
    payload = PackageClosed(
        carton=state.carton,
        count=count,
        final=final,
        package_type=package_type.code,
        weight_kg=round(weight_kg, 3),
        weight_source=weight_source,
        tracking_number=numbers.tracking_number,
        sscc=numbers.sscc,
        carrier=state.order.carrier,
        items=[item.__dict__ for item in state.carton_items],
        override=state.override.uuid if (final and state.override) else None,
        weight_override=state.weight_override.uuid if state.weight_override else None,
        expected_kg=check.expected_kg,
        weight_ok=check.ok,
        **(label or {}),
    )
    fact = payload.fact(state.actor, state.order.order_ref)
    closed = ClosedCarton(
        state.carton,
        count,
        final,
        package_type,
        weight_kg,
        check,
        numbers,
        state.carton_items,
        fact,
    )
    after = replace(
        state,
        carton=state.carton + 1,
        carton_items=(),
        weight_override=None,
        finished=final,
        closed=(*state.closed, closed),
    )
    return Verdict(True, "closed", after, facts=(fact,), closed=closed)


def override_lines(state: PackState, lead: User, reason: str) -> Verdict:
    """A lead lets the order close with lines still open (badge + PIN checked by the caller
    through `PackingBackend.authenticate_lead`)."""
    open_lines = [
        {"line_id": ln.line_id, "sku": ln.sku, "missing": state.remaining(ln)}
        for ln in state.open_lines()
    ]
    fact = _override(state, lead, reason, "open_lines", {"open_lines": open_lines})
    return Verdict(True, "override", replace(state, override=fact), facts=(fact,))


def override_weight(
    state: PackState,
    lead: User,
    reason: str,
    package_type: PackageType,
    weight_kg: float,
    source: str,
) -> Verdict:
    """A lead lets this carton close at this weight although it is outside the tolerance or
    was typed on a station with a scale. Valid for this carton, contents and weight only:
    another weight or another item in the carton needs the lead again."""
    check = state.check_weight(package_type, weight_kg)
    details = _weighing(state, package_type, weight_kg, source) | {
        "problems": weight_problems(state, package_type, weight_kg, source),
        "allowed_kg": round(check.allowed_kg, 3),
        "difference_kg": round(check.difference_kg, 3),
    }
    fact = _override(state, lead, reason, "weight", details)
    return Verdict(True, "override", replace(state, weight_override=fact), facts=(fact,))


def _override(state: PackState, lead: User, reason: str, scope: str, details: dict) -> Event:
    if not reason.strip():
        raise IllegalTransition(message("pack.override_needs_reason"))
    payload = PackOverride(scope=scope, lead=lead.name, reason=reason.strip(), details=details)
    return payload.fact(state.actor, state.order.order_ref)


def _weighing(state: PackState, package_type: PackageType, weight_kg: float, source: str) -> dict:
    """What a weight override is bound to: this carton, its contents and this weight."""
    return {
        "carton": state.carton,
        "package_type": package_type.code,
        "weight_kg": round(weight_kg, 3),
        "expected_kg": state.expected_kg(package_type),
        "weight_source": source,
        "units": sum(item.quantity for item in state.carton_items),
    }


def _weight_allowed(state: PackState, package_type, weight_kg, source, problems) -> bool:
    if state.weight_override is None:
        return False
    allowed = state.weight_override.payload
    now = _weighing(state, package_type, weight_kg, source)
    # An item in or out changes the units and the expected weight: the lead allowed other
    # contents, so asks again.
    keys = ("carton", "package_type", "weight_kg", "expected_kg", "units")
    same = all(allowed[key] == now[key] for key in keys)
    return same and set(problems) <= set(allowed["problems"])
