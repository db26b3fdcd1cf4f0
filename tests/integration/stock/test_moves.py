"""`shipshape move`, `import-pick-faces` and `replenishments` as a person runs them, and the
replenishment hooks (picks, a wave's release, moves) on SQLite."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.domain.events import Actor
from app.domain.fact_payloads import PickConfirmed
from app.scanning.interpret import interpret
from app.services.facts import apply_facts
from app.services.moves import CentralMoveBackend
from app.services.replenishment import open_tasks as tasks_by_urgency
from app.steps import moving
from db.schema import pick_tasks, stock
from tests.integration.stock.moves_site import (
    BOLT_GTIN,
    CLERK_BADGE,
    EMPTY,
    FACE,
    LOTS,
    PICKER_BADGE,
    RESERVE,
    add_reserve,
    all_tasks,
    ledger,
    milk,
    on_hand,
    open_tasks,
    order_bolts,
    plan_and_release,
    tiny_site,
)


@pytest.fixture
def site(sqlite_url, tmp_path):
    central = tiny_site(sqlite_url, tmp_path / "site", faces=False)
    yield central
    central.close()


def move(run_cli, url, source, target, *codes, badge=CLERK_BADGE):
    args = ["move", "--from", source, "--to", target, "--scan", *codes, "--badge", badge]
    return run_cli(*args, "--json", "--database", url)


def stock_rows(central) -> list:
    with central.engine.connect() as conn:
        return conn.execute(select(stock).order_by(stock.c.id)).all()


def test_a_move_by_scans_moves_the_units_and_writes_both_halves_to_the_ledger(site, run_cli):
    status, out, err = move(run_cli, site.url, FACE, EMPTY, BOLT_GTIN, f"{BOLT_GTIN}*4")
    assert status == 0, err
    assert json.loads(out) == {
        "from": FACE,
        "to": EMPTY,
        "items": [{"sku": "BOLT", "lot": "", "quantity": 5}],
    }
    assert (on_hand(site, FACE, "BOLT"), on_hand(site, EMPTY, "BOLT")) == (15, 5)
    halves = [(r.kind, r.delta, r.on_hand_before, r.on_hand_after, r.actor) for r in ledger(site)]
    assert halves == [
        ("move_out", -5, 20, 15, "Sanne de Vries"),
        ("move_in", 5, 0, 5, "Sanne de Vries"),
    ]


def test_a_lot_moves_with_its_expiry(site, run_cli):
    status, out, err = move(run_cli, site.url, LOTS, EMPTY, f"{milk('L3')}*2")
    assert status == 0, err
    assert json.loads(out)["items"] == [{"sku": "MILK", "lot": "L3", "quantity": 2}]
    with site.uow() as uow:
        arrived = uow.stock.get(EMPTY, "MILK", "L3")
    assert (arrived.on_hand, arrived.expiry.isoformat()) == (2, "2027-03-01")
    assert on_hand(site, LOTS, "MILK", "L3") == 4 and on_hand(site, LOTS, "MILK", "L1") == 5


@pytest.mark.parametrize(
    ("source", "target", "codes", "said"),
    [
        ("NOWHERE", EMPTY, [BOLT_GTIN], "there is no location NOWHERE"),
        (FACE, "NOWHERE", [BOLT_GTIN], "there is no location NOWHERE"),
        (FACE, FACE, [BOLT_GTIN], "is where the stock comes from"),
        (FACE, EMPTY, ["XYZ"], "XYZ is not part of a move"),
        (FACE, EMPTY, ["9501101020917"], "is not at A01-001-L-1"),
        (FACE, EMPTY, [f"{BOLT_GTIN}*21"], "only 20 of BOLT may move"),
        (LOTS, EMPTY, ["9501101020917"], "MILK has 2 lots here: scan the GS1 label with the lot"),
        (LOTS, EMPTY, [milk("L9")], "lot L9 of MILK is not here"),
        (FACE, EMPTY, [f"L:{RESERVE}"], "is a location, not an item"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    site, run_cli, source, target, codes, said
):
    before, events_before = stock_rows(site), len(ledger(site))
    status, out, err = move(run_cli, site.url, source, target, *codes)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and said in err, err
    assert stock_rows(site) == before and len(ledger(site)) == events_before


def test_reserved_units_never_move(site, run_cli, tmp_path):
    order_bolts(site, tmp_path, 15)  # 15 of the face's 20 reserved for an order
    status, _, err = move(run_cli, site.url, FACE, EMPTY, f"{BOLT_GTIN}*6")
    assert status == 2 and "only 5 of BOLT may move" in err
    assert move(run_cli, site.url, FACE, EMPTY, f"{BOLT_GTIN}*5")[0] == 0


def test_only_a_clerk_or_a_lead_moves_and_an_unknown_badge_is_refused(site, run_cli):
    status, _, err = move(run_cli, site.url, FACE, EMPTY, BOLT_GTIN, badge=PICKER_BADGE)
    assert status == 1 and "only a stock clerk or a shift lead moves stock" in err
    status, _, err = move(run_cli, site.url, FACE, EMPTY, BOLT_GTIN, badge="9999")
    assert status == 2 and "badge 9999 is not known" in err
    assert on_hand(site, FACE, "BOLT") == 20


def test_import_pick_faces_rejects_bad_rows_by_number_and_runs_again_without_doubling(
    site, run_cli, tmp_path
):
    path = tmp_path / "faces.csv"
    path.write_text(
        "location,sku,min,max\n"
        f"{FACE},BOLT,10,40\n"
        "NOWHERE,BOLT,1,5\n"
        f"{EMPTY},NOSUCH,1,5\n"
        f"{EMPTY},BOLT,5,5\n"
        f"{EMPTY},BOLT,-1,5\n"
    )
    status, out, err = run_cli("import-pick-faces", path, "--json", "--database", site.url)
    assert status == 2
    report = json.loads(out)
    assert report["imported"] == 1
    assert [r.split(":")[0] for r in report["rejected"]] == ["row 3", "row 4", "row 5", "row 6"]
    assert "unknown location 'NOWHERE'" in report["rejected"][0]
    assert "unknown SKU 'NOSUCH'" in report["rejected"][1]
    assert "min must be below max" in report["rejected"][2]
    path.write_text(f"location,sku,min,max\n{FACE},BOLT,5,30\n")
    assert run_cli("import-pick-faces", path, "--database", site.url)[0] == 0
    with site.uow() as uow:
        assert uow.moves.pick_faces_at([FACE, EMPTY])[0].max_qty == 30
        assert len(uow.moves.pick_faces_at([FACE, EMPTY])) == 1


def _pick(central, count: int, task_id: int, list_id: int) -> None:
    fact = PickConfirmed(pick_list_id=list_id, task_id=task_id, quantity=count, sku="BOLT")
    apply_facts(central.uow(), [fact.fact(Actor("Jan de Boer", "PICK-01"))])


def _task_of_wave(central):
    with central.engine.connect() as conn:
        return conn.execute(select(pick_tasks)).one()


def test_a_pick_that_takes_a_face_below_min_makes_exactly_one_task(sqlite_url, tmp_path):
    central = tiny_site(sqlite_url, tmp_path / "site", reserve=False)
    order_bolts(central, tmp_path, 15)
    plan_and_release(central)
    assert open_tasks(central) == []  # low, but no reserve stock to bring yet
    add_reserve(central, tmp_path)
    task = _task_of_wave(central)
    _pick(central, 5, task.id, task.pick_list_id)
    _pick(central, 5, task.id, task.pick_list_id)
    (made,) = open_tasks(central)
    assert (made.quantity, made.reason) == (35, "pick")  # up to max 40 from the 5 free
    with central.uow() as uow:
        (shown,) = uow.moves.open_replenishments()
    assert (shown.from_location, shown.to_location, shown.waiting) == (RESERVE, FACE, 5)
    central.close()


def test_a_released_wave_makes_the_task_ahead_of_the_pickers(sqlite_url, tmp_path, run_cli):
    central = tiny_site(sqlite_url, tmp_path / "site")
    assert open_tasks(central) == []  # 20 free at a face with min 10
    order_bolts(central, tmp_path, 15)
    assert open_tasks(central) == []  # allocated, not released yet
    plan_and_release(central)
    (made,) = open_tasks(central)
    assert (made.quantity, made.reason) == (35, "wave")
    assert on_hand(central, FACE, "BOLT") == 20  # nobody picked yet
    status, out, _ = run_cli("replenishments", "--json", "--database", central.url)
    assert status == 0
    listed = json.loads(out)
    assert (listed["from"], listed["to"], listed["quantity"], listed["waiting"]) == (
        RESERVE,
        FACE,
        35,
        15,
    )
    central.close()


def test_the_task_done_by_scanning_closes_it_and_the_face_is_full(sqlite_url, tmp_path):
    central = tiny_site(sqlite_url, tmp_path / "site")
    order_bolts(central, tmp_path, 15)
    plan_and_release(central)
    backend = CentralMoveBackend(central.uow, "STOCK-01")
    state = moving.start(
        Actor("Sanne de Vries", "STOCK-01"), tuple(tasks_by_urgency(central.uow()))
    )
    state = moving.choose_task(state, state.tasks[0].id).state
    asked = moving.on_scan(state, interpret(f"L:{RESERVE}"))
    state = moving.on_location(state, "from", RESERVE, backend.location(RESERVE)).state
    assert asked.look_up is not None and state.task is not None
    scanned = moving.on_scan(state, interpret(BOLT_GTIN))
    assert scanned.ok and scanned.state.units == 35  # the task's quantity, after the scan
    state = scanned.state
    assert moving.on_scan(state, interpret(f"L:{EMPTY}")).reason == "wrong_to"
    done = moving.on_location(state, "to", FACE, backend.location(FACE))
    assert done.reason == "moved"
    backend.record(list(done.facts))
    (task,) = all_tasks(central)
    assert (task.status, task.done_by) == ("done", "Sanne de Vries")
    assert (on_hand(central, FACE, "BOLT"), on_hand(central, RESERVE, "BOLT")) == (55, 65)
    assert open_tasks(central) == []  # 40 free at the face again: not low
    central.close()


def test_a_late_move_that_no_longer_fits_still_applies_and_asks_for_a_count(site):
    from app.domain.fact_payloads import StockMoved
    from db.schema import exceptions

    late = StockMoved(from_location=FACE, to_location=EMPTY, sku="BOLT", quantity=25)
    apply_facts(site.uow(), [late.fact(Actor("Sanne de Vries", "STOCK-02"))])
    assert (on_hand(site, FACE, "BOLT"), on_hand(site, EMPTY, "BOLT")) == (-5, 25)
    with site.engine.connect() as conn:
        (item,) = conn.execute(select(exceptions).where(exceptions.c.kind == "stock_mismatch"))
    assert item.details["location"] == FACE and item.details["available"] == 20
