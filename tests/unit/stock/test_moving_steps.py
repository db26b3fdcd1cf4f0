"""The clerk's move steps (app/steps/moving.py): scan the from-location, the items, the
to-location; only available units move; a task pre-fills but every scan is still asked."""

from app.domain.events import Actor
from app.domain.fact_payloads import StockMoved
from app.domain.moves import LocationView, ReplenishTask, StockHere
from app.scanning.interpret import interpret
from app.steps import moving

CLERK = Actor("Sanne de Vries", "STOCK-01")
BOLT = "4006381333931"
MILK = "9501101020917"
SOURCE = LocationView(
    "R1",
    (
        StockHere("BOLT", "Bolt M8", "", 20, reserved=5, held=3, gtins=("0" + BOLT,)),
        StockHere("MILK", "Milk", "L1", 4, gtins=("0" + MILK,), lot_controlled=True),
        StockHere("MILK", "Milk", "L3", 6, gtins=("0" + MILK,), lot_controlled=True),
    ),
)
FACE = LocationView("F1")
TASK = ReplenishTask(7, "BOLT", "Bolt M8", "", "R1", "F1", 10, "pick", "2026-12-04T09:00")


def scanned(state, *codes):
    verdict = None
    for code in codes:
        verdict = moving.on_scan(state, interpret(code))
        if verdict.look_up is not None:
            views = {"R1": SOURCE, "F1": FACE, "E1": LocationView("E1")}
            verdict = moving.on_location(
                state, verdict.look_up.what, verdict.look_up.code, views.get(verdict.look_up.code)
            )
        state = verdict.state if verdict.ok and not verdict.facts else state
    return verdict, state


def test_a_free_move_records_one_fact_per_product_and_lot_at_the_to_scan():
    verdict, state = scanned(moving.start(CLERK), "L:R1", BOLT, BOLT, "01" + "0" + MILK + "10L3")
    assert state.units == 3 and not verdict.facts
    verdict, _ = scanned(state, "L:F1")
    assert verdict.reason == "moved" and verdict.durable and verdict.tone == "ok"
    moved = [StockMoved.of(f) for f in verdict.facts]
    assert [(m.sku, m.lot, m.quantity, m.from_location, m.to_location) for m in moved] == [
        ("BOLT", "", 2, "R1", "F1"),
        ("MILK", "L3", 1, "R1", "F1"),
    ]
    assert all(m.replenishment_id is None for m in moved)
    assert verdict.state.source is None and verdict.state.last.to_location == "F1"


def test_only_available_units_move():
    _, state = scanned(moving.start(CLERK), "L:R1", BOLT)
    assert moving.on_number(state, "12").ok  # 20 on hand, 5 reserved, 3 held
    refused = moving.on_number(state, "13")
    assert (refused.ok, refused.reason, refused.params["available"]) == (False, "not_available", 12)
    assert refused.state is state


def test_a_number_needs_the_items_scan_first_and_must_be_a_whole_number():
    _, at_source = scanned(moving.start(CLERK), "L:R1")
    assert moving.on_number(at_source, "3").reason == "scan_item_first"
    _, holding = scanned(at_source, BOLT)
    assert moving.on_number(holding, "0").reason == "bad_quantity"
    assert moving.on_number(holding, "x2").reason == "bad_quantity"


def test_bad_scans_are_refused_and_change_nothing():
    start = moving.start(CLERK)
    assert moving.on_scan(start, interpret(BOLT)).reason == "scan_from_first"
    verdict, _ = scanned(start, "L:NOPE")
    assert verdict.reason == "unknown_location"
    _, state = scanned(start, "L:R1")
    assert scanned(state, "01" + "0" + MILK)[0].reason == "scan_lot"  # two lots here
    assert scanned(state, "01" + "0" + MILK + "10L9")[0].reason == "lot_not_here"
    assert scanned(state, "4000000000006")[0].reason == "not_here"
    assert scanned(state, "XYZ")[0].reason == "not_expected"
    _, holding = scanned(state, BOLT)
    assert scanned(holding, "L:R1")[0].reason == "same_location"
    assert scanned(holding, "L:NOPE")[0].reason == "unknown_location"


def test_undo_takes_back_the_last_scan_then_the_location_and_cancel_drops_it_all():
    _, state = scanned(moving.start(CLERK), "L:R1", BOLT, BOLT)
    undone = moving.on_scan(state, interpret("C:UNDO")).state
    assert undone.units == 1
    undone = moving.on_scan(moving.on_scan(undone, interpret("C:UNDO")).state, interpret("C:UNDO"))
    assert undone.state.source is None
    assert moving.on_scan(undone.state, interpret("C:UNDO")).reason == "nothing_to_undo"
    cancelled = moving.on_scan(state, interpret("C:CANCEL"))
    assert cancelled.reason == "cancelled" and not cancelled.state.lines and not cancelled.facts


def test_a_task_pre_fills_but_asks_every_scan_and_is_named_in_the_fact():
    start = moving.start(CLERK, (TASK,))
    chosen = moving.choose_task(start, TASK.id).state
    assert scanned(chosen, "L:E1")[0].reason == "wrong_from"
    _, at_source = scanned(chosen, "L:R1")
    assert at_source.task == TASK and at_source.units == 0  # nothing in hand before the scan
    assert scanned(at_source, "L:F1")[0].reason == "scan_item_first"
    assert scanned(at_source, "01" + "0" + MILK + "10L1")[0].reason == "wrong_item"
    _, holding = scanned(at_source, BOLT)
    assert holding.units == 10  # the task's quantity, once the item was scanned
    assert scanned(holding, "L:E1")[0].reason == "wrong_to"
    verdict, _ = scanned(holding, "L:F1")
    (fact,) = verdict.facts
    assert StockMoved.of(fact).replenishment_id == TASK.id and verdict.state.tasks == ()


def test_scanning_a_tasks_from_location_chooses_it_and_cancel_makes_it_a_free_move():
    _, state = scanned(moving.start(CLERK, (TASK,)), "L:R1")
    assert state.task == TASK
    free = moving.on_scan(state, interpret("C:CANCEL"))
    assert free.reason == "free_move" and free.state.task is None
    assert free.state.source == SOURCE
