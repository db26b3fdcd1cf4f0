"""`shipshape slotting` on SQLite: the proposal from the picks, its tasks for the clerk, the
clerk's moves doing them, and the pick faces following."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.domain.events import Actor
from app.domain.replenishment import Replenishment
from app.scanning.interpret import interpret
from app.services.moves import CentralMoveBackend
from app.services.replenishment import open_tasks
from app.steps import moving
from db.schema import events
from tests.integration.slotting.slotting_site import (
    FAR,
    FAST_GTIN,
    LEAD,
    LEAD_PIN,
    NEAR,
    SLOW_GTIN,
    slotting_site,
)


@pytest.fixture
def site(sqlite_url, tmp_path):
    central = slotting_site(sqlite_url, tmp_path / "site")
    yield central
    central.close()


def slotting(run_cli, url, *more):
    status, out, err = run_cli("slotting", "--max-share", "1", "--json", "--database", url, *more)
    assert status == 0, err
    return json.loads(out)


def faces(central) -> dict[str, str]:
    with central.uow() as uow:
        return {f.location: f.sku for f in uow.moves.pick_faces_at([NEAR, FAR])}


def do_task(central, task, gtin: str) -> None:
    """The clerk on the move page: touch the task, scan from, the item, the to-location."""
    backend = CentralMoveBackend(central.uow, "STOCK-01")
    state = moving.start(Actor("Sanne de Vries", "STOCK-01"), tuple(open_tasks(central.uow())))
    state = moving.choose_task(state, task.id).state
    state = moving.on_location(
        state, "from", task.from_location, backend.location(task.from_location)
    ).state
    state = moving.on_scan(state, interpret(gtin)).state
    done = moving.on_location(state, "to", task.to_location, backend.location(task.to_location))
    assert done.reason == "moved", done
    backend.record(list(done.facts))


def test_the_fast_mover_is_proposed_next_to_the_depot_with_its_replayed_saving(site, run_cli):
    plan = slotting(run_cli, site.url, "--days", "30")
    assert plan["pick_lists"] == 4
    (move,) = plan["moves"]
    assert (move["sku"], move["from"], move["to"], move["swap_with"]) == ("FAST", FAR, NEAR, "SLOW")
    # Each of the 4 trips walked to A02-020 (4 m across, 40 m up, back: 88 m) and now 2 × 2 m.
    assert move["saving_m"] == pytest.approx(4 * (88 - 4))
    assert plan["current_m"] == pytest.approx(4 * 88)
    assert plan["proposed_m"] == pytest.approx(4 * 4)
    assert (plan["relocations"], plan["locations_moved"]) == (2, 2)


def test_no_history_no_moves(sqlite_url, tmp_path, run_cli):
    central = slotting_site(sqlite_url, tmp_path / "quiet", picked_orders=0)
    plan = slotting(run_cli, central.url, "--days", "7")
    assert (plan["moves"], plan["pick_lists"]) == ([], 0)
    status, out, _ = run_cli("slotting", "--days", "7", "--database", central.url)
    assert status == 0
    assert out.startswith("no pick lists picked in the last 7 days: nothing to replay")
    assert "try more --days" in out and " m → " not in out
    central.close()


def test_a_limit_that_allows_no_move_says_so(site, run_cli):
    status, out, _ = run_cli("slotting", "--max-moves", "0", "--database", site.url)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "4 pick lists picked in the last 30 days, replayed"
    assert (
        lines[1] == "walking 352 m: no move within the limits shortens it, today's slotting stays"
    )


def test_tasks_are_created_done_by_the_clerk_and_the_faces_follow(site, run_cli):
    plan = slotting(run_cli, site.url, "--create-tasks", "--badge", LEAD, "--pin", LEAD_PIN)
    assert len(plan["tasks"]) == 2
    again = slotting(run_cli, site.url, "--create-tasks", "--badge", LEAD, "--pin", LEAD_PIN)
    assert again["moves"] == [] and again["tasks"] == []  # under way: FAST and SLOW stay
    assert again["moved_today"] == 2
    status, out, _ = run_cli("replenishments", "--json", "--database", site.url)
    listed = [json.loads(line) for line in out.splitlines()]
    assert {(t["sku"], t["from"], t["to"], t["reason"]) for t in listed} == {
        ("FAST", FAR, NEAR, "slotting"),
        ("SLOW", NEAR, FAR, "slotting"),
    }
    tasks = {t.sku: t for t in open_tasks(site.uow())}
    with site.uow() as uow:  # an older refill of FAST's old face, open when its face moves
        stale = uow.moves.add_replenishment(Replenishment("FAST", "", NEAR, FAR, 1, "count"))
        uow.commit()
    do_task(site, tasks["FAST"], FAST_GTIN)
    assert stale not in {t.id for t in open_tasks(site.uow())}  # cancelled: wrong face now
    assert faces(site) == {NEAR: "FAST", FAR: "SLOW"}  # the swap's faces change together
    do_task(site, tasks["SLOW"], SLOW_GTIN)
    assert faces(site) == {NEAR: "FAST", FAR: "SLOW"}
    assert open_tasks(site.uow()) == []
    with site.uow() as uow:
        assert uow.stock.get(NEAR, "FAST", "").on_hand == 26  # 30 less the 4 picked
        assert uow.stock.get(FAR, "SLOW", "").on_hand == 4
    with site.engine.connect() as conn:
        kinds = set(conn.execute(select(events.c.kind)).scalars())
    assert {"slotting.tasks_created", "pick_faces.moved"} <= kinds


def test_creating_tasks_needs_a_lead(site, run_cli):
    status, _, err = run_cli(
        "slotting", "--create-tasks", "--badge", "2001", "--pin", "0000", "--database", site.url
    )
    assert status != 0 and err


def test_the_moves_of_the_last_24_hours_count_against_the_limit(site, run_cli):
    made = slotting(run_cli, site.url, "--create-tasks", "--badge", LEAD, "--pin", LEAD_PIN)
    assert made["relocations"] == 2
    for task in open_tasks(site.uow()):
        do_task(site, task, FAST_GTIN if task.sku == "FAST" else SLOW_GTIN)
    later = slotting(run_cli, site.url, "--max-moves", "2")
    assert (later["moved_today"], later["moves"]) == (2, [])
