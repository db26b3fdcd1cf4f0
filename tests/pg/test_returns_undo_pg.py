"""C:UNDO's applier on PostgreSQL (docs/returns.md, "Taking an item back"): an undone item is
reversed exactly once — pushed twice, or undone at two stations at the same moment — and a unit
no longer free on its shelf is never taken off it (stock never below what is there)."""

from __future__ import annotations

from sqlalchemy import func, select, update

from app.domain.events import Actor
from app.domain.fact_payloads import ReturnItemUndone
from app.services.returns_central import CentralReturnsBackend
from db.schema import exceptions, locations, order_lines, quarantine, return_lines, stock
from tests.integration.stock.moves_site import FACE
from tests.pg.test_moves_pg import _race
from tests.pg.test_returns_pg import item, rows, shipped_site

RETURN_ID = "00000000-0000-4000-8000-000000000021"
CLERK = Actor("Clerk 1", "RET-01")


def undone_of(fact, actor: Actor = CLERK):
    p = fact.payload
    return ReturnItemUndone(
        return_id=p["return_id"],
        channel=p["channel"],
        order_id=p["order_id"],
        undoes=fact.uuid,
        sku=p["sku"],
        quantity=p["quantity"],
        condition=p["condition"],
        location=p["location"],
    ).fact(actor)


def at_face(central) -> int:
    query = (
        select(func.coalesce(func.sum(stock.c.on_hand), 0))
        .join(locations, locations.c.id == stock.c.location_id)
        .where(locations.c.code == FACE)
    )
    return rows(central, query)[0][0]


def returned(central) -> int:
    return rows(central, select(func.sum(order_lines.c.returned)))[0][0]


def test_an_undo_pushed_twice_and_raced_at_two_stations_is_applied_once(pg_url, tmp_path):
    central = shipped_site(pg_url, tmp_path / "site")
    backend = CentralReturnsBackend(central.uow, "RET-01")
    before = at_face(central)
    resold = item(RETURN_ID, 1).fact(CLERK)
    damaged = item(RETURN_ID, 1, "damaged", "QUARANTINE").fact(CLERK)
    backend.record([resold, damaged])
    assert (at_face(central), returned(central)) == (before + 1, 2)
    undo_damaged = undone_of(damaged)
    backend.record([undo_damaged])
    backend.record([undo_damaged])  # the station did not hear the answer: it pushes again
    assert rows(central, select(quarantine)) == [] and returned(central) == 1
    # The resold unit undone at two stations at once (one resumed the parcel): once only.
    twice = [undone_of(resold, Actor(f"Clerk {n}", f"RET-0{n}")) for n in (1, 2)]
    runs = [lambda f=f: CentralReturnsBackend(central.uow, "RET").record([f]) for f in twice]
    assert _race(runs) == [None, None]
    assert (at_face(central), returned(central)) == (before, 0)
    assert rows(central, select(return_lines)) == []


def test_an_undo_of_a_unit_no_longer_free_changes_nothing(pg_url, tmp_path):
    central = shipped_site(pg_url, tmp_path / "site")
    backend = CentralReturnsBackend(central.uow, "RET-01")
    resold = item(RETURN_ID, 2).fact(CLERK)
    backend.record([resold])
    with central.engine.begin() as conn:
        conn.execute(update(stock).values(reserved=stock.c.on_hand))  # allocated since
    held = at_face(central)
    backend.record([undone_of(resold)])
    assert at_face(central) == held and returned(central) == 2
    assert len(rows(central, select(return_lines))) == 1
    kinds = [r.kind for r in rows(central, select(exceptions))]
    assert kinds.count("return_undo_refused") == 1
