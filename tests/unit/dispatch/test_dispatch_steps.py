"""The loader's steps (app/steps/dispatch.py) driven directly: no database, no Qt."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.dispatch import Carton, ParcelView, carrier_code, serves, unit_code
from app.domain.events import Actor
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import ParcelLoaded, ParcelUnloaded
from app.scanning.interpret import interpret
from app.steps import dispatch

ACTOR = Actor("Kofi Mensah", "DOCK-01")
SSCC = "087123450000000011"


def parcel(
    carton=1, cartons=1, status="packed", order_status="packed", carrier="SF Express", unit=None
) -> ParcelView:
    others = tuple(
        Carton(n, f"SSCC{n}", "SHP1", 1.0, status if n == carton else "packed")
        for n in range(1, cartons + 1)
    )
    return ParcelView(
        package_id=10 + carton,
        order_ref=7,
        channel="webshop",
        order_id="WS-1",
        order_status=order_status,
        carrier=carrier,
        service="Standard",
        carton=carton,
        sscc=SSCC,
        tracking_number="SHP1",
        weight_kg=1.0,
        status=status,
        unit=unit,
        cartons=others,
    )


def ready(carrier="SF Express"):
    state = dispatch.on_unit(dispatch.start(ACTOR), "CAGE-1", None).state
    return dispatch.on_scan(state, interpret(f"CARRIER:{carrier}")).state


def load(state, found):
    asked = dispatch.on_scan(state, interpret(SSCC))
    assert asked.look_up is not None and asked.look_up.code == SSCC
    return dispatch.on_parcel(state, SSCC, found)


def test_codes_and_the_carrier_rule():
    assert unit_code("U:CAGE-1") == "CAGE-1" and unit_code("CAGE-1") is None
    assert carrier_code("CARRIER: SF  Express") == "SF Express"
    assert serves("sf express", "SF  Express") and not serves("SF", "DHL")


def test_a_unit_then_its_carrier_then_a_parcel_loads_durably():
    first = dispatch.on_scan(dispatch.start(ACTOR), interpret("U:CAGE-1"))
    assert first.look_up.what == "unit" and first.tone == "info"
    free = dispatch.on_unit(dispatch.start(ACTOR), "CAGE-1", None)
    assert free.reason == "scan_carrier"
    verdict = load(ready(), parcel())
    assert verdict.ok and verdict.reason == "order_complete" and verdict.durable
    (fact,) = verdict.facts
    payload = ParcelLoaded.of(fact)
    assert (payload.unit, payload.carrier, payload.sscc) == ("CAGE-1", "SF Express", SSCC)
    assert verdict.state.loaded[-1].package_id == 11


def test_a_bound_unit_goes_straight_to_parcels_and_refuses_another_carrier():
    bound = dispatch.on_unit(dispatch.start(ACTOR), "CAGE-1", "DHL")
    assert bound.reason == "unit_ready" and bound.state.ready
    other = dispatch.on_scan(bound.state, interpret("CARRIER:SF"))
    assert other.reason == "unit_other_carrier" and not other.ok


@pytest.mark.parametrize(
    ("found", "reason"),
    [
        (None, "unknown_parcel"),
        (parcel(carrier="DHL"), "other_carrier"),
        (parcel(status="loaded", unit="CAGE-2"), "already_loaded"),
        (parcel(status="shipped"), "already_shipped"),
        (parcel(order_status="on_hold"), "order_on_hold"),
        (parcel(order_status="cancelled"), "order_cancelled"),
        (parcel(order_status="picked"), "order_not_packed"),
        (replace(parcel(), tracking_number=f"AWAITING-{SSCC}"), "awaiting_label"),
    ],
)
def test_refusals_change_nothing_but_record_a_mis_scan(found, reason):
    state = ready()
    verdict = load(state, found)
    assert not verdict.ok and verdict.reason == reason and verdict.tone == "error"
    assert verdict.state.loaded == state.loaded
    assert [f.kind for f in verdict.facts] == [FactKind.LOAD_REFUSED]


def test_the_same_parcel_twice_is_refused_before_central_knows():
    once = load(ready(), parcel())
    again = load(once.state, parcel())
    assert again.reason == "already_loaded"


def test_a_multi_carton_order_says_which_cartons_are_missing():
    first = load(ready(), parcel(carton=1, cartons=3))
    assert first.reason == "loaded" and first.params["missing"] == "2, 3"
    second = load(first.state, replace(parcel(carton=2, cartons=3), package_id=12))
    assert second.params["missing"] == "3"


def test_parcels_need_a_unit_and_a_carrier_first():
    assert dispatch.on_scan(dispatch.start(ACTOR), interpret(SSCC)).reason == "scan_unit"
    free = dispatch.on_unit(dispatch.start(ACTOR), "CAGE-1", None).state
    assert dispatch.on_scan(free, interpret(SSCC)).reason == "scan_carrier"
    assert dispatch.on_scan(free, interpret("T:0042")).reason == "not_a_parcel"


def test_undo_then_the_parcel_takes_it_off():
    loaded = load(ready(), parcel())
    armed = dispatch.on_scan(loaded.state, interpret("C:UNDO"))
    assert armed.reason == "undo_armed" and armed.state.undo_armed
    off = dispatch.on_parcel(armed.state, SSCC, parcel(status="loaded", unit="CAGE-1"))
    assert off.reason == "unloaded" and off.durable and not off.state.loaded
    assert ParcelUnloaded.of(off.facts[0]).unit == "CAGE-1"
    nothing = dispatch.on_parcel(armed.state, SSCC, parcel(status="packed"))
    assert nothing.reason in ("unloaded", "not_loaded")  # loaded here: it comes off


def test_undo_of_a_parcel_on_no_unit_is_refused():
    armed = dispatch.on_scan(ready(), interpret("C:UNDO")).state
    assert dispatch.on_parcel(armed, SSCC, parcel()).reason == "not_loaded"


def test_a_parcel_before_the_carrier_is_refused_with_the_error_tone():
    free = dispatch.on_unit(dispatch.start(ACTOR), "CAGE-1", None)
    assert free.tone == "info"  # "now scan the carrier": a step, not a mistake
    early = dispatch.on_scan(free.state, interpret(SSCC))
    assert early.reason == "scan_carrier" and early.tone == "error" and early.facts


def test_commands_the_dock_does_not_take_are_refused_and_counted():
    verdict = dispatch.on_scan(ready(), interpret("C:WEIGH"))
    assert verdict.reason == "not_a_parcel" and [f.kind for f in verdict.facts] == [
        FactKind.LOAD_REFUSED
    ]
