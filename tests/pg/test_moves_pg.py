"""Moves on PostgreSQL: two clerks moving out of the same location at the same moment never
move more than was there, and the ledger holds every change with before and after; two
transactions finding one pick face low at once make one replenishment task."""

from __future__ import annotations

import threading

from app.domain.events import Actor
from app.domain.fact_payloads import StockMoved
from app.errors import BadInput
from app.services.moves import CentralMoveBackend
from app.services.replenishment import replenish_if_low
from tests.integration.stock.moves_site import (
    EMPTY,
    FACE,
    RESERVE,
    ledger,
    on_hand,
    open_tasks,
    order_bolts,
    tiny_site,
)


def _race(calls) -> list[BaseException | None]:
    """Run the calls at once (a barrier lines them up); what each raised, None if nothing."""
    barrier = threading.Barrier(len(calls))
    outcome: list[BaseException | None] = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        try:
            calls[index]()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            outcome[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcome


def _move(central, clerk: str, quantity: int, target: str):
    fact = StockMoved(from_location=FACE, to_location=target, sku="BOLT", quantity=quantity)
    backend = CentralMoveBackend(central.uow, f"STOCK-{clerk}")
    return lambda: backend.record([fact.fact(Actor(clerk, f"STOCK-{clerk}"))])


def test_two_moves_out_of_one_location_never_move_more_than_was_there(pg_url, tmp_path):
    central = tiny_site(pg_url, tmp_path / "site", faces=False)
    outcome = _race([_move(central, "Sanne", 15, EMPTY), _move(central, "Li", 15, RESERVE)])
    refused = [exc for exc in outcome if exc is not None]
    assert len(refused) == 1 and isinstance(refused[0], BadInput), outcome
    assert "only 5 are free there now" in str(refused[0])
    assert on_hand(central, FACE, "BOLT") == 5
    assert on_hand(central, EMPTY, "BOLT") + on_hand(central, RESERVE, "BOLT") == 115
    rows = ledger(central)
    assert [(r.kind, r.delta) for r in rows] == [("move_out", -15), ("move_in", 15)]
    assert (rows[0].on_hand_before, rows[0].on_hand_after) == (20, 5)
    central.close()


def test_two_moves_that_both_fit_both_move_and_the_ledger_chains(pg_url, tmp_path):
    central = tiny_site(pg_url, tmp_path / "site", faces=False)
    outcome = _race([_move(central, "Sanne", 10, EMPTY), _move(central, "Li", 10, EMPTY)])
    assert outcome == [None, None]
    assert (on_hand(central, FACE, "BOLT"), on_hand(central, EMPTY, "BOLT")) == (0, 20)
    out = [r for r in ledger(central) if r.kind == "move_out"]
    into = [r for r in ledger(central) if r.kind == "move_in"]
    assert [(r.on_hand_before, r.on_hand_after) for r in out] == [(20, 10), (10, 0)]
    assert [(r.on_hand_before, r.on_hand_after) for r in into] == [(0, 10), (10, 20)]
    assert {r.actor for r in out} == {"Sanne", "Li"}
    central.close()


def test_one_face_found_low_twice_at_once_gets_one_task(pg_url, tmp_path):
    central = tiny_site(pg_url, tmp_path / "site")
    order_bolts(central, tmp_path, 15)  # the face's available 5 is below its min 10

    def check() -> None:
        with central.uow() as uow:
            replenish_if_low(uow, [FACE], "count")
            uow.commit()

    assert _race([check, check, check]) == [None, None, None]
    (task,) = open_tasks(central)
    assert (task.quantity, task.reason) == (35, "count")
    central.close()
