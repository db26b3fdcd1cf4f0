"""A wave planned while one of its orders is cancelled, on PostgreSQL (docs/lead.md, "Planning
a wave"; app/services/wave_save.py): the SQLite sequence on two connections, and the two races
a row lock decides: a cancel holding TR-1 while the wave is saved, a save holding it while TR-1
is cancelled."""

from __future__ import annotations

import threading
import time

import pytest

from app.domain.orders import OrderStatus
from app.errors import BadInput
from app.services import holds, transfers, waves
from app.services.wave_save import leave_out_gone
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.integration.warehouses import wave_cancel
from tests.integration.warehouses.transfer_cancel import BY
from tests.integration.warehouses.transfers import TransferSites


@pytest.mark.parametrize(
    "check", wave_cancel.CHECKS, ids=lambda check: check.__name__.removeprefix("check_")
)
def test_wave_cancel(pg_url, run_cli, tmp_path, check):
    check(TransferSites(run_cli, pg_url, tmp_path))


def test_a_save_waits_for_a_cancel_holding_the_order(pg_url, run_cli, tmp_path):
    """A cancel has locked TR-1 and not committed yet: the save waits for it, then leaves
    TR-1 out and saves the wave with TR-2."""
    sites = TransferSites(run_cli, pg_url, tmp_path)
    wave_cancel.two_transfers(sites)
    plan = wave_cancel.plan_north(pg_url)
    engine = make_engine(pg_url)
    saved: list = []
    try:
        cancelling = SqlUnitOfWork(engine)
        with cancelling:
            order = cancelling.orders.lock("transfer", "TR-1")
            assert order is not None
            saver = threading.Thread(
                target=lambda: saved.append(waves.save_wave(SqlUnitOfWork(engine), plan, True, BY))
            )
            saver.start()
            time.sleep(0.5)
            assert saver.is_alive()  # waiting for the cancel's lock
            holds.decide_within(cancelling, order, OrderStatus.CANCELLED, "", BY)
            cancelling.commit()
        saver.join(10)
    finally:
        engine.dispose()
    assert len(saved) == 1 and plan.order_count == 1
    assert [t.sku for t in plan.pick_lists[0].tasks] == ["BOLT"]
    orders = sites.orders()
    assert (orders["TR-1"]["status"], orders["TR-2"]["status"]) == ("cancelled", "released")
    assert wave_cancel.planned_events(pg_url)[-1]["left_out"] == ["transfer/TR-1"]
    assert sites.allocated_in("NORTH") == {("N01-002", "BOLT"): 1}


def test_a_cancel_waits_for_a_save_holding_the_order(pg_url, run_cli, tmp_path):
    """The save has locked TR-1 and stored the wave, not committed yet: the transfer's cancel
    waits, then finds TR-1 on the planned wave and takes it off the cart (TR-2 stays)."""
    sites = TransferSites(run_cli, pg_url, tmp_path)
    wave_cancel.two_transfers(sites)
    plan = wave_cancel.plan_north(pg_url)
    engine = make_engine(pg_url)
    outcome: list = []

    def cancel() -> None:
        try:
            transfers.cancel_transfer(SqlUnitOfWork(engine), "TR-1", BY)
            outcome.append("cancelled")
        except BadInput as refused:
            outcome.append(refused.message.id)

    try:
        saving = SqlUnitOfWork(engine)
        with saving:
            assert leave_out_gone(saving, plan) == []
            saving.waves.add(plan)
            canceller = threading.Thread(target=cancel)
            canceller.start()
            time.sleep(0.5)
            assert canceller.is_alive()  # waiting for the save's lock
            saving.commit()
        canceller.join(10)
    finally:
        engine.dispose()
    assert outcome == ["cancelled"]
    assert sites.orders()["TR-1"]["status"] == "cancelled"
    assert [n for _, n in wave_cancel.stored_tasks(pg_url)] == [1]
    assert sites.allocated_in("NORTH") == {("N01-002", "BOLT"): 1}
