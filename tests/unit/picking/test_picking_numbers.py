"""A number typed anywhere on the picker's screen, and the short reasons by scan."""

from __future__ import annotations

from app.domain.picking import ShortReason
from app.steps import picking
from app.steps.picking import Phase
from tests.unit.picking.test_picking_steps import GTIN_A, gs1, ready_state, scan


def test_a_typed_number_after_the_item_scan_is_its_quantity():
    one = scan(scan(ready_state(), "L:A01-001-L-1").state, gs1(GTIN_A)).state
    verdict = picking.on_number(one, "2")
    assert verdict.state.counted == 2 and not verdict.refused


def test_a_typed_number_before_the_item_scan_counts_nothing():
    at = scan(ready_state(), "L:A01-001-L-1").state
    verdict = picking.on_number(at, "2")
    assert verdict.message == "scan_item_before_count" and verdict.state.counted == 0


def test_a_typed_number_where_none_is_expected_says_what_is_expected_instead():
    for state in (ready_state(), picking.start(ready_state().pick_list, ready_state().actor)):
        verdict = picking.on_number(state, "3")
        assert verdict.tone == "error" and verdict.message == "number_not_expected"
        assert verdict.params == {"expected": state.phase.value}
        assert verdict.state == state and not verdict.facts


def test_a_weight_like_number_is_no_quantity():
    one = scan(scan(ready_state(), "L:A01-001-L-1").state, gs1(GTIN_A)).state
    assert picking.on_number(one, "1.5").message == "number_not_expected"


def test_every_short_reason_button_has_a_command():
    one = scan(scan(ready_state(), "L:A01-001-L-1").state, gs1(GTIN_A)).state
    short = scan(one, "C:SHORT").state
    assert short.phase is Phase.SHORT
    for command, reason in (
        ("C:EMPTY", ShortReason.EMPTY),
        ("C:DAMAGED", ShortReason.DAMAGED),
        ("C:WRONG_ITEM", ShortReason.WRONG_ITEM),
    ):
        assert scan(short, command).state.reason is reason
    assert scan(one, "C:EMPTY").message == "short_not_now"
