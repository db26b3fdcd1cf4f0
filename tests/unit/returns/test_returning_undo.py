"""C:UNDO at the returns station (app/steps/returning_undo.py), pure: the last item taken on the
open parcel comes back out of the return, one per scan, with the fact central reverses."""

from __future__ import annotations

from app.domain.returns import OpenReturn, ReturnedItem
from app.scanning.codes import COMMANDS_BY_ROLE
from app.steps import returning
from tests.unit.returns.test_returning_steps import (
    BOLT,
    CLERK,
    TODAY,
    command,
    context,
    opened,
    take,
)


def resold(state, location: str = "A01-001-L-1"):
    verdict = command(take(state, BOLT).state, "RESELL")
    return returning.on_location(verdict.state, location, True)


def test_undo_takes_back_the_last_item_and_names_the_fact_it_undoes():
    first = command(take(opened(), BOLT).state, "DAMAGED")
    second = resold(first.state)
    verdict = command(second.state, "UNDO")
    assert verdict.reason == "look_up_stock" and not verdict.facts  # is it still on the shelf?
    assert (verdict.look_up.what, verdict.look_up.code) == ("stock", "A01-001-L-1")
    verdict = returning.on_stock_left(verdict.state, 5)
    assert verdict.ok and verdict.reason == "item_undone" and verdict.tone == "ok"
    (fact,) = verdict.facts
    assert fact.kind == "return.item_undone"
    assert fact.payload["undoes"] == second.facts[0].uuid
    assert (fact.payload["sku"], fact.payload["quantity"]) == ("BOLT", 1)
    assert fact.payload["location"] == "A01-001-L-1" and fact.payload["return_id"] == "ret-1"
    assert [x.condition for x in verdict.state.taken] == ["damaged"]
    assert verdict.params["location"] == "A01-001-L-1" and verdict.params["items"] == 1


def test_undo_is_repeatable_one_item_per_scan_then_nothing_is_left():
    state = command(take(opened(), BOLT).state, "DAMAGED").state
    state = command(take(state, BOLT).state, "WRONG_ITEM").state
    undone = []
    for _ in range(2):
        verdict = command(state, "UNDO")
        assert verdict.reason == "item_undone_quarantine", verdict
        undone.append(verdict.facts[0].payload["condition"])
        state = verdict.state
    assert undone == ["wrong_item", "damaged"] and state.taken == ()
    assert command(state, "UNDO").reason == "nothing_to_undo"


def test_an_undone_item_no_longer_counts_toward_close():
    state = command(take(opened(), BOLT).state, "DAMAGED").state
    state = command(take(state, BOLT).state, "DAMAGED").state
    assert returning.announced_left(state) == {}
    state = command(state, "UNDO").state
    assert returning.announced_left(state) == {"BOLT": 1}
    assert command(state, "CLOSE").reason == "announced_left"


def test_undo_refused_when_the_units_left_the_shelf():
    state = resold(opened()).state
    asked = command(state, "UNDO")
    verdict = returning.on_stock_left(asked.state, 0)
    assert not verdict.ok and verdict.reason == "stock_moved" and not verdict.facts
    assert verdict.params["free"] == 0 and verdict.state.taken == state.taken


def test_offline_the_undo_is_recorded_and_central_checks_again():
    asked = command(resold(opened()).state, "UNDO")
    verdict = returning.on_stock_left(asked.state, None)
    assert verdict.reason == "item_undone" and len(verdict.facts) == 1


def test_undo_of_a_missing_declaration():
    state = command(opened(), "MISSING").state
    verdict = command(state, "UNDO")
    assert verdict.reason == "missing_undone" and verdict.facts[0].payload["condition"] == "missing"
    assert verdict.params["quantity"] == 2


def test_undo_refused_with_an_item_in_hand_or_no_parcel_open():
    held = take(opened(), BOLT).state
    assert command(held, "UNDO").reason == "decide_first"
    assert command(returning.start(held.actor, held.today), "UNDO").reason == "nothing_to_undo"


def test_a_resumed_parcels_items_can_be_undone_too():
    earlier = ReturnedItem("BOLT", 1, "damaged", "QUARANTINE", fact_id="fact-1")
    ctx = context().with_open_return(OpenReturn("ret-0", (earlier,)))
    state = returning.on_parcel(returning.start(CLERK, TODAY), "SF123", ctx, "ret-new").state
    verdict = command(state, "UNDO")
    assert verdict.facts[0].payload["undoes"] == "fact-1"
    assert verdict.facts[0].payload["return_id"] == "ret-0"
    unknown = ctx.with_open_return(OpenReturn("ret-0", (ReturnedItem("BOLT", 1, "damaged", "Q"),)))
    state = returning.on_parcel(returning.start(CLERK, TODAY), "SF123", unknown, "ret-new").state
    assert command(state, "UNDO").reason == "undo_unknown"


def test_undo_is_on_the_returns_command_sheet():
    assert "UNDO" in COMMANDS_BY_ROLE["returns"]
