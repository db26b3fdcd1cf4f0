"""Slotting on PostgreSQL: the plan from the pick history, its tasks made twice at once still
one per lot (the 0031 partial index and ON CONFLICT agree), a replenishment to the same
location allowed beside them, and the faces following the clerk's moves."""

from __future__ import annotations

import threading

import pytest

from app.domain.replenishment import Replenishment
from app.services import slotting
from app.services.replenishment import open_tasks
from app.services.users import authenticate_lead
from app.slotting import Limits
from tests.integration.slotting import warehouses_story
from tests.integration.slotting.slotting_site import (
    FAR,
    FAST_GTIN,
    LEAD,
    LEAD_PIN,
    NEAR,
    SLOW_GTIN,
    slotting_site,
)
from tests.integration.slotting.test_slotting_cli import do_task, faces


def test_tasks_made_twice_at_once_are_made_once_and_the_faces_follow(pg_url, tmp_path):
    central = slotting_site(pg_url, tmp_path / "site")
    lead = authenticate_lead(central.uow(), LEAD, LEAD_PIN)
    run = slotting.plan_slotting(central.uow(), 30, Limits(20, 1.0))
    assert [(m.sku, m.swap_with) for m in run.plan.moves] == [("FAST", "SLOW")]
    made: list[list[int]] = []
    barrier = threading.Barrier(2)

    def create() -> None:
        barrier.wait()
        made.append(slotting.create_tasks(central.uow(), lead, run, "lead-desk"))

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(len(ids) for ids in made) == 2 and len(open_tasks(central.uow())) == 2
    with central.uow() as uow:  # a face's replenishment is not blocked (rolled back after)
        assert uow.moves.add_replenishment(Replenishment("SLOW", "", FAR, NEAR, 1, "count"))
    tasks = {t.sku: t for t in open_tasks(central.uow())}
    do_task(central, tasks["FAST"], FAST_GTIN)
    do_task(central, tasks["SLOW"], SLOW_GTIN)
    assert faces(central) == {NEAR: "FAST", FAR: "SLOW"}
    assert open_tasks(central.uow()) == []
    central.close()


@pytest.fixture
def two_sites(pg_url, tmp_path):
    central = slotting_site(pg_url, tmp_path / "site")
    warehouses_story.add_west(central, tmp_path / "site")
    yield central
    central.close()


def test_the_cli_slots_one_warehouse(two_sites, run_cli):
    warehouses_story.run_cli_per_warehouse(two_sites, run_cli)


def test_the_lead_console_slots_the_chosen_warehouse(two_sites):
    warehouses_story.run_console_follows_the_chosen_warehouse(two_sites)
