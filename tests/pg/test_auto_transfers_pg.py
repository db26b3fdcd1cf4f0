"""The automatic transfer on PostgreSQL (docs/stock.md, "Transfers"): the checks of
tests/integration/warehouses/auto_transfers.py, and two replenishment checks at once making
one transfer (the receiving warehouse's row is locked first)."""

from __future__ import annotations

import threading

import pytest

from app.services.replenishment import replenish_if_low
from app.services.transfers import list_transfers
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.integration.warehouses import auto_transfers


@pytest.mark.parametrize(
    "check",
    auto_transfers.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_auto_transfers(pg_url, run_cli, tmp_path, check):
    check(auto_transfers.AutoSites(run_cli, pg_url, tmp_path))


def test_two_checks_at_once_make_one_transfer(pg_url, run_cli, tmp_path):
    sites = auto_transfers.AutoSites(run_cli, pg_url, tmp_path)
    sites.face()  # switched off: the face waits, nothing made
    sites.switch("WEST", True)
    engine = make_engine(pg_url)
    try:
        first = SqlUnitOfWork(engine)
        with first:
            replenish_if_low(first, ["W01-001"], "count")  # makes TR-1, not committed yet
            second = threading.Thread(target=_check, args=(engine,))
            second.start()
            second.join(1.5)
            assert second.is_alive()  # waiting on WEST's row
            first.commit()
        second.join(30)
        assert not second.is_alive()
        made = list_transfers(SqlUnitOfWork(engine))
    finally:
        engine.dispose()
    assert [(t.transfer, t.source, t.target, t.lines[0].quantity) for t in made] == [
        ("TR-1", "NORTH", "WEST", 4)
    ]


def _check(engine) -> None:
    uow = SqlUnitOfWork(engine)
    with uow:
        replenish_if_low(uow, ["W01-001"], "count")
        uow.commit()
