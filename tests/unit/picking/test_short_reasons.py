"""Short reasons at the picker: "not found" by its own command or by walking the reasons."""

from __future__ import annotations

from app.domain.events import Actor
from app.domain.picking import HOLDS_LOCATION, ShortReason
from app.steps import picking
from app.steps.picking import Phase
from tests.unit.picking.test_picking_steps import GTIN_A, gs1, make_list, ready_state, scan


def test_not_found_is_one_scan_from_the_location_and_still_needs_a_confirm():
    at = scan(ready_state(), "L:A01-001-L-1").state
    chosen = scan(at, "C:NOT_FOUND")
    assert (chosen.state.phase, chosen.state.reason) == (Phase.SHORT, ShortReason.NOT_FOUND)
    assert chosen.facts == ()  # nothing recorded until the picker confirms
    reported = scan(chosen.state, "C:CONFIRM")
    (fact,) = reported.facts
    assert (fact.kind, fact.payload["reason"], fact.payload["found"]) == (
        "pick.short",
        "not_found",
        0,
    )
    assert fact.payload["shortfall"] == 2


def test_not_found_inside_a_short_chooses_the_reason_and_keeps_what_was_found():
    one = scan(scan(ready_state(), "L:A01-001-L-1").state, gs1(GTIN_A)).state
    short = scan(one, "C:SHORT").state
    chosen = scan(short, "C:NOT_FOUND")
    assert chosen.state.reason is ShortReason.NOT_FOUND and chosen.params["found"] == 1


def test_next_walks_through_every_reason_including_not_found():
    state = scan(scan(ready_state(), "L:A01-001-L-1").state, "C:SHORT").state
    seen = []
    for _ in ShortReason:
        seen.append(state.reason)
        state = scan(state, "C:NEXT").state
    assert set(seen) == set(ShortReason) and state.reason is ShortReason.EMPTY


def test_not_found_during_cart_set_up_is_refused():
    setting_up = picking.start(make_list(), Actor("pia", "PICK-01"))
    refused = picking.on_command(setting_up, "NOT_FOUND")
    assert (refused.tone, refused.message, refused.facts) == ("error", "short_not_now", ())


def test_empty_and_not_found_are_the_reasons_that_hold_the_location():
    assert {ShortReason.EMPTY, ShortReason.NOT_FOUND} == HOLDS_LOCATION
