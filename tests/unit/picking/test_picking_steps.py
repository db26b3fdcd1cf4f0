"""The picker's state machine: every step, verdict and fact, without Qt or a database."""

from __future__ import annotations

from app.domain.events import Actor
from app.domain.picking import CartSlot, PickListView, PickTaskView, ShortReason
from app.scanning.interpret import interpret
from app.steps import picking
from app.steps.picking import Phase

GTIN_A, GTIN_B = "08712345000189", "08712345002831"
TODAY = "2026-11-29"


def make_list(**changes) -> PickListView:
    tasks = (
        PickTaskView(11, 1, "A01-001-L-1", "SKU-A", "Chocolate", (GTIN_A,), 2, 1, "SO-1",
                     lot="L1", expiry=None),
        PickTaskView(12, 2, "A01-002-L-1", "SKU-B", "Sunscreen", (GTIN_B,), 1, 2, "SO-2"),
        PickTaskView(13, 3, "A02-001-L-1", "SKU-B", "Sunscreen", (GTIN_B,), 3, 1, "SO-1"),
    )  # fmt: skip
    cart = (CartSlot(1, "SO-1", changes.pop("tote1", None)), CartSlot(2, "SO-2", None))
    return PickListView(7, "W1", "pia", "assigned", tasks, cart)


def scan(state, raw):
    return picking.on_scan(state, interpret(raw), TODAY)


def ready_state():
    state = picking.start(make_list(), Actor("pia", "PICK-01"))
    for order_tote in ("T:0001", "T:0002"):
        verdict = scan(state, order_tote)
        verdict = picking.on_tote_checked(state, verdict.check_tote, in_use=False)
        state = verdict.state
    return state


def gs1(gtin: str, lot: str = "L1", expiry: str = "271231", qty: int | None = None) -> str:
    text = f"]C101{gtin}17{expiry}10{lot}"
    return text + (f"\x1d30{qty}" if qty else "")


def test_the_cart_is_set_up_one_tote_per_order_and_a_tote_on_the_cart_is_refused():
    state = picking.start(make_list(), Actor("pia", "PICK-01"))
    assert state.phase is Phase.CART and state.order_needing_tote.order_id == "SO-1"
    first = scan(state, "T:0001")
    assert first.check_tote == "0001" and not first.facts
    bound = picking.on_tote_checked(state, "0001", in_use=False)
    assert bound.tone == "ok" and bound.durable and bound.facts[0].kind == "tote.bound"
    again = scan(bound.state, "T:0001")
    assert again.refused and again.message == "tote_on_cart"
    busy = picking.on_tote_checked(bound.state, "0099", in_use=True)
    assert busy.refused and busy.message == "tote_in_use" and busy.facts[0].kind == "scan.refused"
    done = picking.on_tote_checked(bound.state, "0002", in_use=False)
    assert done.message == "cart_ready" and done.state.phase is Phase.LOCATION


def test_a_task_is_location_item_count_tote_and_the_confirmation_is_one_fact():
    state = ready_state()
    assert scan(state, "L:A01-001-L-1").state.phase is Phase.ITEM
    state = scan(state, "L:A01-001-L-1").state
    state = scan(state, gs1(GTIN_A)).state
    assert state.counted == 1 and state.phase is Phase.TOTE
    counted = scan(state, gs1(GTIN_A))
    assert counted.message == "counted_all" and counted.state.counted == 2
    confirmed = scan(counted.state, "T:0001")
    (fact,) = confirmed.facts
    assert fact.kind == "pick.confirmed" and confirmed.durable
    expected = {"task_id": 11, "quantity": 2, "lot": "L1", "tote": "0001"}
    assert {k: fact.payload[k] for k in expected} == expected
    assert confirmed.state.task.id == 12 and confirmed.state.phase is Phase.LOCATION


def test_every_wrong_scan_is_refused_with_a_mis_scan_fact():
    state = ready_state()
    cases = [
        (state, "L:A09-009-L-9", "wrong_location"),
        (state, gs1(GTIN_A), "scan_location_first"),
    ]
    at = scan(state, "L:A01-001-L-1").state
    cases += [
        (at, gs1(GTIN_B), "wrong_item"),
        (at, gs1(GTIN_A, lot="L9"), "wrong_lot"),
        (at, gs1(GTIN_A, expiry="201231"), "expired_lot"),
        (at, gs1(GTIN_A, qty=3), "too_many"),
        (at, "T:0001", "scan_item_first"),
    ]
    counted = scan(at, gs1(GTIN_A)).state
    cases.append((counted, "T:0002", "wrong_tote"))
    for before, raw, reason in cases:
        verdict = scan(before, raw)
        assert verdict.refused and verdict.message == reason, raw
        assert verdict.state is before and not verdict.durable
        assert [f.kind for f in verdict.facts] == ["scan.refused"]
        assert verdict.facts[0].payload["reason"] == reason


def test_a_gs1_quantity_or_a_count_typed_after_an_item_scan_counts_at_once():
    at = scan(ready_state(), "L:A01-001-L-1").state
    assert scan(at, gs1(GTIN_A, qty=2)).state.counted == 2
    one = scan(at, gs1(GTIN_A)).state
    assert picking.on_count(one, 2).state.counted == 2
    assert picking.on_count(one, 5).message == "count_out_of_range"


def test_short_records_found_and_shortfall_with_a_reason_chosen_by_scanning_next():
    at = scan(ready_state(), "L:A01-001-L-1").state
    one = scan(at, gs1(GTIN_A)).state
    short = scan(one, "C:SHORT")
    assert short.state.phase is Phase.SHORT and short.params["found"] == 1
    damaged = scan(short.state, "C:NEXT")
    assert damaged.state.reason is ShortReason.DAMAGED
    reported = scan(damaged.state, "T:0001")  # the one found goes into the order's tote
    fact = reported.facts[0]
    assert fact.kind == "pick.short"
    assert (fact.payload["found"], fact.payload["shortfall"], fact.payload["reason"]) == (
        1,
        1,
        "damaged",
    )
    assert reported.state.task.id == 12


def test_skip_moves_the_task_to_the_end_and_undo_takes_back_the_last_confirmation():
    state = ready_state()
    skipped = scan(state, "C:SKIP")
    assert skipped.facts[0].kind == "pick.skipped"
    assert skipped.state.route == (12, 13, 11)
    assert skipped.state.task_by_id(11).seq == 4
    state = scan(skipped.state, "L:A01-002-L-1").state
    state = scan(state, gs1(GTIN_B)).state
    confirmed = scan(state, "T:0002")
    assert confirmed.facts[0].payload["tote"] == "0002"
    undone = scan(confirmed.state, "C:UNDO")
    assert undone.facts[0].kind == "pick.undone"
    assert undone.facts[0].payload["undoes"] == confirmed.facts[0].uuid
    assert undone.state.task.id == 12 and undone.state.task.picked == 0
    assert scan(undone.state, "C:UNDO").message == "nothing_to_undo"


def test_the_last_task_leads_to_finish_and_a_restart_resumes_at_the_first_open_task():
    state = ready_state()
    for task_id in (11, 12, 13):
        task = state.task_by_id(task_id)
        state = scan(state, f"L:{task.location}").state
        state = scan(state, gs1(task.gtins[0], lot=task.lot or "L1")).state
        state = picking.on_count(state, task.remaining).state
        state = scan(state, f"T:{state.pick_list.tote_for(task.order_ref)}").state
    assert state.phase is Phase.FINISH
    finished = scan(state, "C:CONFIRM")
    assert finished.facts[0].kind == "picklist.finished" and finished.state.phase is Phase.DONE
    half = make_list(tote1="0001")
    half = half.with_tote(2, "0002").with_task(
        PickTaskView(
            11,
            1,
            "A01-001-L-1",
            "SKU-A",
            "Chocolate",
            (GTIN_A,),
            2,
            1,
            "SO-1",
            picked=2,
            status="done",
        )
    )
    resumed = picking.start(half, Actor("pia", "PICK-02"))
    assert resumed.phase is Phase.LOCATION and resumed.task.id == 12
