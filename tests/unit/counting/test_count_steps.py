"""The counter's steps (app/steps/counting.py): pure, scan by scan."""

from __future__ import annotations

from app.domain.events import Actor
from app.domain.fact_payloads import StockCounted
from app.scanning.interpret import interpret
from app.steps import counting
from app.steps.counting_state import LocationInfo, ProductInfo

CLERK = Actor("Sanne de Vries", "count-1")
TEA = ProductInfo("TEA-100", "Green tea", lot_controlled=False)
MANGO = ProductInfo("MAN-1", "Dried mango", lot_controlled=True)
GTIN = "4006381333931"


def _at(location="A01-001-L-1", info=None):
    state = counting.start(CLERK)
    verdict = counting.on_scan(state, interpret(f"L:{location}"))
    assert verdict.look_up is not None and verdict.look_up.what == "location"
    return counting.on_location(state, info or LocationInfo(location, True, 7, 1))


def _scan(state, raw, product):
    scan = interpret(raw)
    verdict = counting.on_scan(state, scan)
    assert verdict.look_up is not None and verdict.look_up.what == "product", verdict.reason
    return counting.on_product(state, scan, product)


def test_a_product_before_the_location_is_refused():
    verdict = counting.on_scan(counting.start(CLERK), interpret(GTIN))
    assert not verdict.ok and verdict.reason == "scan_location" and verdict.tone == "error"


def test_scans_count_one_unit_each_and_a_typed_number_sets_the_last():
    verdict = _at()
    assert verdict.ok and verdict.reason == "location_ready" and verdict.state.task_id == 7
    state = _scan(verdict.state, GTIN, TEA).state
    state = _scan(state, GTIN, TEA).state
    assert state.lines[0].counted == 2
    verdict = counting.on_typed(state, "10")
    assert verdict.reason == "quantity_set" and verdict.state.lines[0].counted == 11
    assert not counting.on_typed(verdict.state, "0").ok
    assert not counting.on_typed(verdict.state, "abc").ok


def test_undo_takes_back_the_last_scan_only():
    state = _scan(_scan(_at().state, GTIN, TEA).state, GTIN, TEA).state
    state = counting.on_typed(state, "5").state
    undone = counting.on_command(state, "UNDO")
    assert undone.reason == "undone" and undone.state.lines[0].counted == 1
    state = counting.on_command(undone.state, "UNDO").state
    assert state.lines == ()
    assert counting.on_command(state, "UNDO").reason == "nothing_to_undo"


def test_a_lot_controlled_product_needs_its_lot():
    state = _at().state
    assert _scan(state, GTIN, MANGO).reason == "lot_needed"
    verdict = _scan(state, f"(01)0{GTIN}(10)L7(17)271231", MANGO)
    assert verdict.ok and verdict.state.lines[0].lot == "L7"
    assert verdict.state.lines[0].expiry == "2027-12-31"


def test_close_shows_then_confirm_records_one_fact_for_the_whole_location():
    state = _scan(_at().state, GTIN, TEA).state
    assert counting.on_command(state, "CONFIRM").reason == "close_first"
    closing = counting.on_command(state, "CLOSE")
    assert closing.reason == "confirm_close" and closing.tone == "info" and not closing.facts
    assert counting.on_scan(closing.state, interpret(GTIN)).reason == "confirm_or_undo"
    done = counting.on_command(closing.state, "CONFIRM")
    assert done.durable and done.reason == "count_recorded" and done.state.location is None
    payload = StockCounted.of(done.facts[0])
    assert (payload.count_task_id, payload.location, payload.attempt) == (7, "A01-001-L-1", 1)
    assert payload.lines == [{"sku": "TEA-100", "lot": "", "expiry": None, "counted": 1}]


def test_nothing_scanned_records_the_location_empty():
    state = counting.on_command(_at().state, "CLOSE").state
    done = counting.on_command(state, "CONFIRM")
    assert StockCounted.of(done.facts[0]).lines == []


def test_undo_while_closing_goes_back_to_counting():
    closing = counting.on_command(_scan(_at().state, GTIN, TEA).state, "CLOSE").state
    back = counting.on_command(closing, "UNDO")
    assert back.reason == "close_cancelled" and not back.state.closing
    assert back.state.lines[0].counted == 1


def test_another_location_while_counting_is_refused_until_closed_or_cancelled():
    state = _scan(_at().state, GTIN, TEA).state
    assert counting.on_scan(state, interpret("L:B02-001-L-1")).reason == "finish_first"
    cancelled = counting.on_command(state, "CANCEL")
    assert cancelled.state.location is None and not cancelled.facts


def test_unknown_location_and_product_are_refused():
    state = counting.start(CLERK)
    assert counting.on_location(state, LocationInfo("X", False)).reason == "unknown_location"
    assert _scan(_at().state, GTIN, None).reason == "unknown_product"
    assert counting.on_scan(_at().state, interpret("T:00001")).reason == "not_a_product"


def test_a_recount_by_the_first_counter_says_so_and_offline_the_location_is_taken():
    info = LocationInfo("A01-001-L-1", True, 7, 2, first_counted_by=CLERK.user)
    verdict = _at(info=info)
    assert verdict.reason == "recount_ready" and verdict.state.counted_before_by_me
    assert verdict.state.attempt == 2
    offline = _at(info=LocationInfo("A01-001-L-1", None))
    assert offline.ok and offline.state.task_id is None
