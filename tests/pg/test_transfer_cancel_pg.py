"""Cancelling a transfer on PostgreSQL (docs/stock.md, "Transfers"): the reservation given
back, the receipt closed, refused once on the floor; and a cancel racing an allocation."""

from __future__ import annotations

import threading
import time

import pytest

from app.domain.events import utcnow
from app.services import allocation, transfers
from app.services.allocation import AllocationReport
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.integration.warehouses import transfer_cancel
from tests.integration.warehouses.transfer_cancel import BY
from tests.integration.warehouses.transfers import TransferSites


@pytest.mark.parametrize(
    "check",
    transfer_cancel.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_transfer_cancel(pg_url, run_cli, tmp_path, check):
    check(TransferSites(run_cli, pg_url, tmp_path))


def test_a_cancel_waits_for_an_allocation_holding_the_transfer(pg_url, run_cli, tmp_path):
    """An allocator has claimed TR-1 (row locked) and not committed yet: the cancel waits for
    it, then gives back what it reserved; no reservation is left behind."""
    sites = TransferSites(run_cli, pg_url, tmp_path)
    transfer_cancel.send_glue(sites)
    engine = make_engine(pg_url)
    outcome: list = []
    try:
        allocator = SqlUnitOfWork(engine)
        with allocator:
            claimed = allocator.orders.claim_received(10)
            assert [o.order_id for o in claimed] == ["TR-1"]
            cancel = threading.Thread(
                target=lambda: outcome.append(
                    transfers.cancel_transfer(SqlUnitOfWork(engine), "TR-1", BY)
                )
            )
            cancel.start()
            time.sleep(0.5)
            assert cancel.is_alive()  # waiting for the allocator's lock
            report = AllocationReport()
            allocation.allocate_claimed(allocator, claimed, BY, utcnow().date(), report)
            allocator.commit()
        cancel.join(10)
    finally:
        engine.dispose()
    assert [t.status for t in outcome] == ["cancelled"]
    assert sites.allocated_in("NORTH") == {}
    assert sites.orders()["TR-1"]["status"] == "cancelled"
