"""The picker's checks that no button or typed number walks around: an item scan before any
count, the tote scan on a cart of several orders, the lot of a lot-controlled item."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.events import Actor
from app.domain.picking import CartSlot, PickListView, PickTaskView
from app.scanning.interpret import interpret
from app.steps import picking
from app.steps.picking import Phase

GTIN_A, GTIN_B, GTIN_C = "08712345000189", "08712345002831", "08712345000196"
TODAY = "2026-11-29"


def make_list(orders: int = 2) -> PickListView:
    tasks = (
        PickTaskView(11, 1, "A01-001-L-1", "SKU-A", "Infant formula", (GTIN_A,), 3, 1, "SO-1",
                     lot="L1", lot_controlled=True),
        PickTaskView(12, 2, "A01-002-L-1", "SKU-B", "Sunscreen", (GTIN_B,), 2, 2, "SO-2"),
        PickTaskView(13, 3, "A02-001-L-1", "SKU-C", "Wood screws 4x40", (), 5, 1, "SO-1",
                     no_barcode=True),
    )  # fmt: skip
    if orders == 1:
        tasks = tuple(replace(t, order_ref=1, order_id="SO-1") for t in tasks)
    cart = (CartSlot(1, "SO-1", "0001"), CartSlot(2, "SO-2", "0002"))[:orders]
    return PickListView(7, "W1", "pia", "assigned", tasks, cart)


def scan(state, raw):
    return picking.on_scan(state, interpret(raw), TODAY)


def at_task(task_id: int, orders: int = 2):
    """At the location of one task, nothing scanned yet."""
    state = picking.start(make_list(orders), Actor("pia", "PICK-01"))
    while state.task.id != task_id:
        state = scan(state, "C:SKIP").state
    return scan(state, f"L:{state.task.location}").state


def gs1(gtin: str, lot: str | None = None, expiry: str = "271231") -> str:
    return f"]C101{gtin}17{expiry}" + (f"10{lot}" if lot else "")


# --- item scan required --------------------------------------------------------------------


def test_a_typed_count_after_the_location_scan_is_refused_without_an_item_scan():
    at = at_task(12)
    typed = picking.on_count(at, 2)
    assert typed.refused and typed.message == "scan_item_before_count"
    assert typed.state is at and at.phase is Phase.ITEM
    assert scan(at, "C:CONFIRM").refused


def test_a_typed_count_completes_the_count_after_one_scan_of_the_right_item():
    at = at_task(12)
    assert scan(at, "]E08712345000196").message == "wrong_item"  # another product: no count
    assert picking.on_count(at, 2).refused
    one = scan(at, "]E08712345002831").state
    two = picking.on_count(one, 2)
    assert two.message == "counted_all" and two.state.phase is Phase.TOTE
    fact = scan(two.state, "T:0002").facts[0]
    assert fact.payload["quantity"] == 2 and fact.payload["item_scanned"] is True
    assert fact.payload["confirmed_by"] == "scan"


def test_clearing_the_count_asks_for_a_new_item_scan_before_a_typed_count():
    one = scan(at_task(12), "]E08712345002831").state
    cleared = scan(one, "C:CANCEL").state
    assert cleared.phase is Phase.ITEM and picking.on_count(cleared, 1).refused


def test_only_a_no_barcode_product_is_counted_by_typing_and_the_fact_says_so():
    at = at_task(13)
    typed = picking.on_count(at, 5)
    assert typed.message == "counted_all" and typed.state.phase is Phase.TOTE
    fact = scan(typed.state, "T:0001").facts[0]
    assert fact.payload["item_scanned"] is False and fact.payload["no_barcode"] is True
    assert fact.payload["confirmed_by"] == "typed_no_barcode"


# --- tote scan required --------------------------------------------------------------------


def test_confirm_without_the_tote_scan_is_refused_on_a_cart_of_several_orders():
    counted = picking.on_count(scan(at_task(12), "]E08712345002831").state, 2).state
    refused = scan(counted, "C:CONFIRM")
    assert refused.refused and refused.message == "scan_tote_to_confirm"
    assert refused.params["tote"] == "0002" and not refused.facts and refused.state is counted
    assert scan(counted, "T:0001").message == "wrong_tote"
    confirmed = scan(counted, "T:0002")
    assert confirmed.facts[0].payload["tote_scanned"] is True


def test_a_one_order_cart_may_confirm_by_command_and_the_fact_records_it():
    counted = scan(at_task(12, orders=1), "]E08712345002831").state
    confirmed = scan(counted, "C:CONFIRM")
    fact = confirmed.facts[0]
    assert fact.kind == "pick.confirmed" and fact.payload["tote_scanned"] is False
    assert fact.payload["confirmed_by"] == "scan+confirm"


# --- lot-controlled products ---------------------------------------------------------------


def test_a_plain_ean_of_a_lot_controlled_item_asks_for_the_lot_before_the_tote():
    at = at_task(11)
    plain = scan(at, "]E08712345000189")
    assert plain.message == "scan_lot" and plain.state.phase is Phase.LOT
    assert plain.params["expected"] == "L1" and plain.state.counted == 1
    waiting = plain.state
    for raw, reason in (("T:0001", "scan_lot_first"), ("C:CONFIRM", "confirm_not_now_lot")):
        verdict = scan(waiting, raw)
        assert verdict.refused and verdict.message == reason and not verdict.durable
    assert scan(waiting, "LOT9").message == "wrong_lot"
    assert scan(waiting, "]C110L9").message == "wrong_lot"
    typed = picking.on_count(waiting, 3)  # a count may be typed meanwhile: the lot still first
    assert typed.message == "scan_lot" and typed.state.phase is Phase.LOT


@pytest.mark.parametrize("lot_scan", ["L1", "]C110L1", "(10)L1", "]C11727123110L1"])
def test_the_lot_is_a_second_scan_plain_or_gs1_and_the_fact_records_it(lot_scan):
    waiting = scan(at_task(11), "]E08712345000189").state
    lotted = scan(waiting, lot_scan)
    assert lotted.message == "counted" and lotted.state.phase is Phase.TOTE
    more = picking.on_count(lotted.state, 3).state
    fact = scan(more, "T:0001").facts[0]
    assert (fact.payload["lot"], fact.payload["lot_scanned"], fact.payload["quantity"]) == (
        "L1",
        True,
        3,
    )


def test_a_gs1_scan_with_the_lot_counts_at_once_and_a_wrong_lot_is_refused():
    at = at_task(11)
    assert scan(at, gs1(GTIN_A, lot="L2")).message == "wrong_lot"
    counted = scan(at, gs1(GTIN_A, lot="L1"))
    assert counted.message == "counted" and counted.state.phase is Phase.TOTE
    again = scan(counted.state, "]E08712345000189")  # more units of the lot just scanned
    assert again.state.counted == 2 and again.state.phase is Phase.TOTE
    assert scan(counted.state, "T:0001").facts[0].payload["lot"] == "L1"


def test_a_lot_controlled_item_without_a_reserved_lot_records_the_lot_scanned():
    pick_list = make_list()
    task = replace(pick_list.tasks[0], lot="")
    state = picking.start(pick_list.with_task(task), Actor("pia", "PICK-01"))
    state = scan(scan(state, "L:A01-001-L-1").state, "]E08712345000189").state
    assert state.phase is Phase.LOT
    state = scan(state, "]C110B77").state
    assert scan(state, "T:0001").facts[0].payload["lot"] == "B77"


def test_a_not_lot_controlled_item_still_takes_the_reserved_lot_from_a_plain_ean():
    pick_list = make_list()
    task = replace(pick_list.tasks[0], lot_controlled=False)
    state = picking.start(pick_list.with_task(task), Actor("pia", "PICK-01"))
    state = scan(scan(state, "L:A01-001-L-1").state, "]E08712345000189").state
    assert state.phase is Phase.TOTE
    fact = scan(state, "T:0001").facts[0]
    assert fact.payload["lot"] == "L1" and fact.payload["lot_scanned"] is False


def test_a_short_with_units_in_hand_waits_for_their_lot_or_their_putting_back():
    waiting = scan(at_task(11), "]E08712345000189").state
    refused = scan(waiting, "C:SHORT")
    assert refused.refused and refused.message == "short_lot_first" and not refused.facts
    back = scan(waiting, "C:CANCEL").state  # the unit goes back on the shelf
    assert back.phase is Phase.ITEM and back.counted == 0
    assert scan(back, "C:SHORT").state.phase is Phase.SHORT


def test_units_found_on_a_short_go_into_the_tote_by_its_scan_on_a_cart_of_several_orders():
    one = scan(at_task(12), "]E08712345002831")
    short = scan(one.state, "C:SHORT")
    assert short.message == "short_choose_tote" and short.params["tote"] == "0002"
    refused = scan(short.state, "C:CONFIRM")
    assert refused.refused and refused.message == "short_scan_tote" and not refused.facts
    assert scan(short.state, "T:0001").message == "wrong_tote"
    reported = scan(short.state, "T:0002")
    fact = reported.facts[0]
    assert fact.kind == "pick.short" and (fact.payload["found"], fact.payload["tote_scanned"]) == (
        1,
        True,
    )


def test_a_short_with_nothing_found_or_on_a_one_order_cart_is_reported_by_command():
    nothing = scan(at_task(12), "C:SHORT")
    assert nothing.message == "short_choose"
    assert scan(nothing.state, "C:CONFIRM").facts[0].payload["found"] == 0
    one_order = scan(scan(at_task(12, orders=1), "]E08712345002831").state, "C:SHORT")
    fact = scan(one_order.state, "C:CONFIRM").facts[0]
    assert (fact.payload["found"], fact.payload["tote_scanned"]) == (1, False)
