"""A clerk's station on its store: it moves stock while central is away, checking each move
against the stock it pulled with its own moves laid over; the moves reach central exactly once
when the network is back, and one that no longer fits still applies and asks for a count."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.events import Actor
from app.domain.fact_payloads import StockMoved
from app.scanning.interpret import interpret
from app.services.facts import apply_facts
from app.steps import moving
from db.schema import exceptions
from db.station.moving import MovePuller, StationMoveBackend
from db.station.pull import SiteCachePuller
from db.station.store import StationStore
from tests.integration.stock.moves_site import (
    BOLT_GTIN,
    EMPTY,
    FACE,
    RESERVE,
    all_tasks,
    on_hand,
    order_bolts,
    plan_and_release,
    tiny_site,
)

CLERK = Actor("Sanne de Vries", "STOCK-02")


def test_moving_offline_then_syncing(sqlite_url, tmp_path):
    central = tiny_site(sqlite_url, tmp_path / "site")
    order_bolts(central, tmp_path, 15)
    plan_and_release(central)  # one task: 35 from reserve to the face
    store = StationStore(tmp_path / "stock.sqlite", "STOCK-02")
    online = {"up": True}
    backend = StationMoveBackend(store, lambda: None, central.uow, "STOCK-02", lambda: online["up"])
    assert [t.quantity for t in backend.replenishments()] == [35]  # the page opened: keep them
    SiteCachePuller(store).pull(central.uow, None, False)
    MovePuller(store).pull(central.uow, None, False)
    online["up"] = False  # the network drops: everything from the store now
    (task,) = backend.replenishments()
    assert backend.location("NOWHERE") is None
    assert backend.location(EMPTY).stock == ()

    def move(state, *codes):
        for code in codes:
            verdict = moving.on_scan(state, interpret(code))
            if verdict.look_up is not None:
                found = backend.location(verdict.look_up.code)
                verdict = moving.on_location(
                    state, verdict.look_up.what, verdict.look_up.code, found
                )
            assert verdict.ok, verdict.reason
            if verdict.facts:
                backend.record(list(verdict.facts))
            state = verdict.state
        return state

    start = moving.start(CLERK, tuple(backend.replenishments()))
    move(start, f"L:{RESERVE}", BOLT_GTIN, f"L:{FACE}")  # the task, by its scans
    assert backend.replenishments() == []  # done here, not sent yet
    free = backend.location(FACE)
    assert free.stock[0].on_hand == 55 and free.stock[0].available == 40  # 15 reserved
    # Only what this station's copy says is free moves: 40 at the face now.
    state = move(moving.start(CLERK), f"L:{FACE}", BOLT_GTIN)
    assert moving.on_number(state, "41").reason == "not_available"
    move(moving.on_number(state, "40").state, f"L:{EMPTY}")
    # Meanwhile another clerk, online, moves 5 out of the face: 35 are free there now.
    other = StockMoved(from_location=FACE, to_location=RESERVE, sku="BOLT", quantity=5)
    apply_facts(central.uow(), [other.fact(Actor("Li Na", "STOCK-01"))])
    # Back online: the outbox is pushed (as the sync thread does), twice: applied once.
    pending = [fact for _, fact in store.pending(100)]
    apply_facts(central.uow(), pending)
    apply_facts(central.uow(), pending)
    assert (task_row := all_tasks(central)[0]).status == "done" and task_row.id == task.id
    assert on_hand(central, FACE, "BOLT") == 20 - 5 + 35 - 40  # the late move still applied
    assert on_hand(central, EMPTY, "BOLT") == 40
    with central.engine.connect() as conn:
        mismatches = (
            conn.execute(select(exceptions.c.details).where(exceptions.c.kind == "stock_mismatch"))
            .scalars()
            .all()
        )
    assert [(m["location"], m["quantity"], m["available"]) for m in mismatches] == [(FACE, 40, 35)]
    store.close()
    central.close()
