"""Top-up and re-balance on the real PostgreSQL: as the lead's desk login (its grants), and a
picker's station claiming a cart while the lead applies a re-balance — the claim wins cleanly:
the claimed list is never rewritten under the station, the re-balance is refused instead."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from app.domain.events import Actor
from app.errors import Conflict
from app.services.lead.console import LeadConsole
from app.services.picking_appliers import claim_next
from app.services.wave_rebalance import apply_rebalance, preview_rebalance
from app.services.waves import WaveFilter, plan_wave, save_wave
from db.engine import make_engine
from db.schema import events, pick_lists, pick_tasks
from db.uow import SqlUnitOfWork
from tests.integration.lead.site import STATION
from tests.integration.lead.waves_site import add_orders, carts, milk_and_bolt_site, mixed_wave
from tests.integration.site_files import order_row
from tests.pg.test_lead_role import lead_role_url

MIXED = [["SO-M", "SO-B1"], ["SO-M2", "SO-B2"]]
LENA = Actor("Lena", STATION)


def tasks_of(site, list_id: int) -> list[tuple]:
    return site.rows(
        select(pick_tasks.c.id, pick_tasks.c.seq)
        .where(pick_tasks.c.pick_list_id == list_id)
        .order_by(pick_tasks.c.seq)
    )


def version_of(site, list_id: int) -> int:
    return site.rows(select(pick_lists.c.version).where(pick_lists.c.id == list_id))[0][0]


def test_the_lead_desk_login_tops_up_and_rebalances(pg_url, tmp_path, run_cli):
    site = milk_and_bolt_site(tmp_path, pg_url, run_cli)
    mixed = mixed_wave(site, MIXED, 2, release=True)
    add_orders(site, tmp_path, pg_url, run_cli, order_row("SO-M3", "MILK", "1"))
    planned = save_wave(site.uow(), plan_wave(site.uow(), 3, WaveFilter()), False)
    add_orders(site, tmp_path, pg_url, run_cli, order_row("SO-M4", "MILK", "1"))
    engine = make_engine(lead_role_url(pg_url))  # the desk's own grants, not the owner's
    try:
        desk = LeadConsole(lambda: SqlUnitOfWork(engine), site.lead, STATION)
        preview = desk.rebalance_preview(mixed)
        assert preview.worthwhile
        desk.rebalance_apply(preview)
        assert desk.top_up(planned).orders == ("SO-M4",)
        desk.release(planned)
    finally:
        engine.dispose()
    assert sorted(map(sorted, carts(site).values())) == [
        ["SO-B1", "SO-B2"],
        ["SO-M", "SO-M2"],
        ["SO-M3", "SO-M4"],
    ]


def test_a_claim_holding_the_row_wins_and_the_rebalance_is_refused(pg_url, tmp_path, run_cli):
    site = milk_and_bolt_site(tmp_path, pg_url, run_cli)
    wave_id = mixed_wave(site, MIXED, 2, release=True)
    preview = preview_rebalance(site.uow(), wave_id)
    assert preview.worthwhile
    before = carts(site)
    station = SqlUnitOfWork(site.central.engine)
    outcome: list[BaseException | None] = []
    with station:  # a picker's claim, its row locked and not yet committed
        claimed = claim_next(station, Actor("Pia", "picker-1"), "1001", datetime.now(UTC))
        assert claimed is not None

        def lead_applies() -> None:
            try:
                apply_rebalance(site.uow(), preview, LENA)
                outcome.append(None)
            except BaseException as exc:  # noqa: BLE001 - the test looks at it
                outcome.append(exc)

        lead = threading.Thread(target=lead_applies)
        lead.start()
        _wait_for_lock_wait(site)
        assert lead.is_alive() and not outcome  # the re-balance waits for the claim
        station.commit()
    lead.join(10)
    (refused,) = outcome
    assert isinstance(refused, Conflict) and f"pick list {claimed}" in str(refused)
    assert carts(site) == before
    assert not site.rows(select(events).where(events.c.kind == "wave.rebalanced"))


def claim(site) -> int | None:
    with site.uow() as uow:
        list_id = claim_next(uow, Actor("Pia", "picker-1"), "1001", datetime.now(UTC))
        uow.commit()
    return list_id


def _wait_for_lock_wait(site) -> None:
    """Until a session of this database waits on a row lock (the re-balance)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        waiting = site.rows(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'"
            )
        )[0][0]
        if waiting:
            return
        time.sleep(0.05)
    pytest.fail("the re-balance never waited for the claim's row lock")


@pytest.mark.parametrize("late", ["nobody", "lead", "station"])
def test_claim_and_rebalance_at_the_same_moment(pg_url, tmp_path, run_cli, late):
    """Whoever goes first, a claimed list's tasks are never rewritten after the claim: the
    claim first refuses the re-balance; the re-balance first makes the claim skip the locked
    lists (no work this moment) and the picker claims a re-balanced cart just after."""
    site = milk_and_bolt_site(tmp_path, pg_url, run_cli)
    wave_id = mixed_wave(site, MIXED, 2, release=True)
    preview = preview_rebalance(site.uow(), wave_id)
    start = threading.Barrier(2)
    result: dict[str, object] = {}

    def station() -> None:
        start.wait()
        time.sleep(0.05 if late == "station" else 0)
        result["claimed"] = claim(site)
        if result["claimed"] is not None:
            list_id = result["claimed"]
            result["seen"] = (version_of(site, list_id), tasks_of(site, list_id))

    def lead() -> None:
        start.wait()
        time.sleep(0.05 if late == "lead" else 0)
        try:
            apply_rebalance(site.uow(), preview, LENA)
            result["applied"] = True
        except Conflict:
            result["applied"] = False

    threads = [threading.Thread(target=station), threading.Thread(target=lead)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    claimed = result["claimed"]
    if claimed is None:  # every list was locked by the re-balance: the station asks again
        assert result["applied"]
        claimed = claim(site)
        result["seen"] = (version_of(site, claimed), tasks_of(site, claimed))
    assert result["seen"] == (version_of(site, claimed), tasks_of(site, claimed))
    if late == "lead":
        assert result["applied"] is False
    rebalanced = site.rows(select(events).where(events.c.kind == "wave.rebalanced"))
    assert len(rebalanced) == (1 if result["applied"] else 0)
    every = sorted(o for c in carts(site).values() for o in c)
    assert every == sorted(o for c in MIXED for o in c)  # every order on exactly one cart
