"""A lead cancels an order on a wave, and a top-up at release meets a cancel, on PostgreSQL
(docs/lead.md, "Cancelling an order on a wave"; app/services/order_off_wave.py): the SQLite
checks on two connections, and the races the row locks decide, each side holding its
transaction open while the other comes: a cancel and a release, a cancel and a top-up."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from app.bootstrap import open_central
from app.domain.orders import OrderStatus
from app.errors import NotFound
from app.services import holds, wave_topup, waves
from db.schema import order_lines, orders, pick_lists, pick_tasks
from tests.integration.warehouses import wave_order_cancel as checks
from tests.integration.warehouses.transfer_cancel import BY
from tests.integration.warehouses.transfers import TransferSites
from tests.integration.warehouses.wave_cancel import save


@pytest.mark.parametrize(
    "check", checks.CHECKS, ids=lambda check: check.__name__.removeprefix("check_")
)
def test_wave_order_cancel(pg_url, run_cli, tmp_path, check):
    check(TransferSites(run_cli, pg_url, tmp_path))


class Held:
    """Wraps a module function so that its first call, once done, keeps its transaction open
    until the test lets it go: `holding` is set while it waits."""

    def __init__(self, monkeypatch, module, name: str, before: bool = False) -> None:
        self.real, self.before = getattr(module, name), before  # before: holds before it runs
        self.holding, self.gate, self.calls = threading.Event(), threading.Event(), 0
        monkeypatch.setattr(module, name, self)

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.before and self.calls == 1:
            self._hold()
        result = self.real(*args, **kwargs)
        if not self.before and self.calls == 1:
            self._hold()
        return result

    def _hold(self) -> None:
        self.holding.set()
        assert self.gate.wait(20)


def in_thread(target, *args) -> tuple[threading.Thread, list]:
    """`target(*args)` on a thread of its own: its result or the exception it raised."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append(target(*args))
        except Exception as failed:  # the test asserts on it
            outcome.append(failed)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def waits(thread: threading.Thread) -> None:
    time.sleep(0.5)
    assert thread.is_alive()  # blocked on the other side's row lock


def cancelled_on_open_lists(url: str) -> list[tuple]:
    """Orders both cancelled and on a pick list that is not cancelled: never any."""
    query = (
        select(orders.c.order_id, pick_lists.c.status)
        .join(order_lines, order_lines.c.order_id == orders.c.id)
        .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
        .join(pick_lists, pick_lists.c.id == pick_tasks.c.pick_list_id)
        .where(orders.c.status == "cancelled", pick_lists.c.status != "cancelled")
    )
    return checks.rows(url, query)


def test_a_release_waits_for_a_cancel_holding_the_order(pg_url, run_cli, tmp_path, monkeypatch):
    """The cancel has taken TR-1 off the planned wave and not committed: the release waits,
    then releases the wave with TR-2 alone."""
    sites = TransferSites(run_cli, pg_url, tmp_path)
    plan = checks.planned_wave(sites)
    held = Held(monkeypatch, holds, "decide_within")
    canceller, cancelled = in_thread(checks.lead_cancels, pg_url, "transfer/TR-1")
    assert held.holding.wait(20)
    releaser, released = in_thread(checks.release, pg_url, plan.id)
    waits(releaser)
    held.gate.set()
    canceller.join(20)
    releaser.join(20)
    assert cancelled == [OrderStatus.CANCELLED] and released == [None]
    orders_now = sites.orders()
    assert (orders_now["TR-1"]["status"], orders_now["TR-2"]["status"]) == (
        "cancelled",
        "released",
    )
    assert list(checks.carts(pg_url).values()) == [("released", ["TR-2"])]
    assert cancelled_on_open_lists(pg_url) == []


def test_a_release_waits_for_a_cancel_that_has_locked_only_the_order(
    pg_url, run_cli, tmp_path, monkeypatch
):
    """The cancel has locked TR-1 and not yet its wave: the release locks its orders before
    the wave, so it waits for TR-1 without holding the wave the cancel needs next (the other
    way round, each would wait for the other)."""
    sites = TransferSites(run_cli, pg_url, tmp_path)
    plan = checks.planned_wave(sites)
    held = Held(monkeypatch, holds, "take_off_planned_waves", before=True)
    canceller, cancelled = in_thread(checks.lead_cancels, pg_url, "transfer/TR-1")
    assert held.holding.wait(20)
    releaser, released = in_thread(checks.release, pg_url, plan.id)
    waits(releaser)
    held.gate.set()
    canceller.join(20)
    releaser.join(20)
    assert cancelled == [OrderStatus.CANCELLED] and released == [None], (cancelled, released)
    assert list(checks.carts(pg_url).values()) == [("released", ["TR-2"])]
    assert cancelled_on_open_lists(pg_url) == []


def test_a_cancel_waits_for_a_release_holding_the_order(pg_url, run_cli, tmp_path, monkeypatch):
    """The release has locked the wave's orders and released it, not committed: the cancel
    waits, then finds the wave released and is refused, naming it; nothing is cancelled."""
    sites = TransferSites(run_cli, pg_url, tmp_path)
    plan = checks.planned_wave(sites)
    held = Held(monkeypatch, waves, "replenish_if_low")  # the release's last step
    releaser, released = in_thread(checks.release, pg_url, plan.id)
    assert held.holding.wait(20)
    canceller, cancelled = in_thread(checks.lead_cancels, pg_url, "transfer/TR-1")
    waits(canceller)
    held.gate.set()
    releaser.join(20)
    canceller.join(20)
    assert released == [None]
    (refused,) = cancelled
    assert refused.startswith("refused: order.wave_released:") and plan.name in refused
    assert sites.orders()["TR-1"]["status"] == "released"
    assert list(checks.carts(pg_url).values()) == [("released", ["TR-1", "TR-2"])]


def test_a_cancel_and_a_release_started_together_never_deadlock(pg_url, run_cli, tmp_path):
    """No hold: both start at once, three times (a new one-order wave each). Each ends (no
    deadlock, no error but the cancel's refusal), and no order is both cancelled and on an
    open list."""
    sites = TransferSites(run_cli, pg_url, tmp_path)
    for n in (1, 2, 3):
        sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "BOLT", "--quantity", "1")
        sites.ok("allocate")
        plan = checks.north_plan(pg_url)
        assert plan.order_count == 1
        save(pg_url, plan, release=False)
        start = threading.Barrier(2)
        ref = f"transfer/TR-{n}"
        canceller, cancelled = in_thread(together, start, checks.lead_cancels, pg_url, ref)
        releaser, released = in_thread(together, start, checks.release, pg_url, plan.id)
        canceller.join(30)
        releaser.join(30)
        assert not canceller.is_alive() and not releaser.is_alive()
        (answer,) = cancelled
        if answer == OrderStatus.CANCELLED:  # first: the wave lost its only order
            assert checks.wave_statuses(pg_url)[plan.name] == "cancelled"
            (refused,) = released  # nothing left to release
            assert isinstance(refused, NotFound) and refused.message.id == "wave.not_planned"
        else:
            assert answer.startswith("refused: order.wave_released:"), answer
            assert released == [None]
        assert cancelled_on_open_lists(pg_url) == []


def together(start: threading.Barrier, target, *args):
    start.wait()
    return target(*args)


def test_a_top_up_waits_for_a_cancel_holding_an_arriving_order(
    pg_url, run_cli, tmp_path, monkeypatch
):
    """TR-2 arrived after the wave was planned; a lead's cancel of it holds its lock (its
    reservation already given back, not committed). The release's top-up waits, then leaves
    TR-2 out, and the wave is released with TR-1."""
    sites = TransferSites(run_cli, pg_url, tmp_path)
    plan = _wave_then_tr2_arrives(sites)
    held = Held(monkeypatch, holds, "decide_within")
    canceller, cancelled = in_thread(checks.lead_cancels, pg_url, "transfer/TR-2")
    assert held.holding.wait(20)
    releaser, released = in_thread(checks.release, pg_url, plan.id)
    waits(releaser)
    held.gate.set()
    canceller.join(20)
    releaser.join(20)
    assert cancelled == [OrderStatus.CANCELLED] and released == [None], released
    assert list(checks.carts(pg_url).values()) == [("released", ["TR-1"])]
    assert sites.orders()["TR-2"]["status"] == "cancelled"
    assert sites.allocated_in("NORTH") == {("N01-001", "GLUE"): 2}


def test_a_cancel_waits_for_a_top_up_holding_the_order(pg_url, run_cli, tmp_path, monkeypatch):
    """The top-up has locked TR-2 to put it on the planned wave, not committed: the cancel
    waits, then finds TR-2 on the planned wave and takes it off; the release then works."""
    sites = TransferSites(run_cli, pg_url, tmp_path)
    plan = _wave_then_tr2_arrives(sites)
    held = Held(monkeypatch, wave_topup, "still_plannable")
    topper, topped = in_thread(top_up, pg_url, plan.id)
    assert held.holding.wait(20)
    canceller, cancelled = in_thread(checks.lead_cancels, pg_url, "transfer/TR-2")
    waits(canceller)
    held.gate.set()
    topper.join(20)
    canceller.join(20)
    assert topped[0].orders == ("TR-2",) and cancelled == [OrderStatus.CANCELLED]
    assert checks.removed_events(pg_url)[-1]["order"] == "transfer/TR-2"
    checks.release(pg_url, plan.id)
    assert list(checks.carts(pg_url).values()) == [("released", ["TR-1"])]
    assert cancelled_on_open_lists(pg_url) == []


def _wave_then_tr2_arrives(sites: TransferSites):
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "GLUE", "--quantity", "2")
    sites.ok("allocate")
    plan = checks.north_plan(sites.url)
    save(sites.url, plan, release=False)
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "BOLT", "--quantity", "1")
    sites.ok("allocate")
    assert sites.orders()["TR-2"]["status"] == "allocated"
    return plan


def top_up(url: str, wave_id: int):
    central = open_central(url)
    try:
        return wave_topup.top_up_wave(central.uow(), wave_id, BY)
    finally:
        central.close()
