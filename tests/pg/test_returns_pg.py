"""Returns on PostgreSQL: two returns stations taking in units of one order at the same moment
never count more returned than was shipped (the excess is flagged for the lead, never lost), and
a parcel's facts pushed twice are applied once (docs/returns.md, "Offline and exactly once")."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.events import Actor
from app.domain.fact_payloads import ReturnClosed, ReturnItemReceived
from app.services.returns_central import CentralReturnsBackend
from db.schema import exceptions, order_lines, orders, return_lines, returns, stock_movements
from tests.integration.returns.desk_site import _ship
from tests.integration.site_files import order_row, write_orders
from tests.integration.stock.moves_site import FACE, tiny_site
from tests.pg.test_moves_pg import _race


def shipped_site(url, folder):
    from app.domain.events import SYSTEM
    from app.services import intake
    from app.services.order_files import read_order_file

    central = tiny_site(url, folder)
    path = write_orders(folder / "o.csv", order_row("SO-1", "BOLT", "2"))
    intake.import_orders(central.uow(), read_order_file(path), SYSTEM)
    with central.engine.begin() as conn:
        _ship(conn, conn.execute(select(orders.c.id)).scalar_one())
    return central


def item(return_id: str, quantity: int, condition: str = "resell", location: str = FACE):
    return ReturnItemReceived(
        return_id=return_id,
        channel="web",
        order_id="SO-1",
        sku="BOLT",
        quantity=quantity,
        condition=condition,
        location=location,
    )


def rows(central, query):
    with central.engine.connect() as conn:
        return conn.execute(query).all()


def test_two_stations_returning_one_order_at_once_never_count_more_than_shipped(pg_url, tmp_path):
    central = shipped_site(pg_url, tmp_path / "site")
    stations = []
    for n in (1, 2):
        actor = Actor(f"Clerk {n}", f"RET-0{n}")
        facts = [
            item(f"00000000-0000-4000-8000-00000000000{n}", 2).fact(actor),
            ReturnClosed(
                return_id=f"00000000-0000-4000-8000-00000000000{n}", channel="web", order_id="SO-1"
            ).fact(actor),
        ]
        backend = CentralReturnsBackend(central.uow, actor.station)
        stations.append(lambda b=backend, f=facts: b.record(f))
    assert _race(stations) == [None, None]
    (line,) = rows(central, select(order_lines.c.packed, order_lines.c.returned))
    assert (line.packed, line.returned) == (2, 2)
    flags = [r.flag for r in rows(central, select(return_lines).order_by(return_lines.c.id))]
    assert sorted(flags) == ["", "more_than_shipped"]
    moves = rows(central, select(stock_movements).where(stock_movements.c.kind == "return"))
    assert sum(m.delta for m in moves) == 4  # both parcels' units are physically on the shelf
    flagged = rows(central, select(exceptions).where(exceptions.c.kind == "return_flagged"))
    assert len(flagged) == 1
    (status,) = rows(central, select(orders.c.status))
    assert status.status == "returned"


def test_a_parcel_pushed_twice_is_applied_once(pg_url, tmp_path):
    central = shipped_site(pg_url, tmp_path / "site")
    actor = Actor("Clerk 1", "RET-01")
    return_id = "00000000-0000-4000-8000-000000000009"
    facts = [
        item(return_id, 1).fact(actor),
        item(return_id, 1, "damaged", "QUARANTINE").fact(actor),
        ReturnClosed(return_id=return_id, channel="web", order_id="SO-1").fact(actor),
    ]
    backend = CentralReturnsBackend(central.uow, "RET-01")
    backend.record(facts)
    backend.record(facts)  # the station did not hear the answer: it pushes again
    assert len(rows(central, select(returns))) == 1
    assert len(rows(central, select(return_lines))) == 2
    (line,) = rows(central, select(order_lines.c.returned))
    assert line.returned == 2


def test_a_station_login_finds_a_parcels_order_with_its_own_grants(pg_url, tmp_path):
    """db/roles.sql lets a returns station read what a parcel look-up needs (orders, cartons,
    RMAs, earlier returns) and its offline copy, without any write."""
    from datetime import date

    from db.engine import make_engine
    from db.uow import SqlUnitOfWork
    from tests.integration.sync.support import role_url

    shipped_site(pg_url, tmp_path / "site").close()
    engine = make_engine(role_url(pg_url, "shipshape_test_returns_station", "shipshape_station"))
    try:
        backend = CentralReturnsBackend(lambda: SqlUnitOfWork(engine), "RET-01")
        context = backend.parcel("web/SO-1")
        assert context is not None and context.lines[0].shipped == 2
        with SqlUnitOfWork(engine) as uow:
            copies = uow.returns.recent_contexts(30, date.today())
        assert [c.order_id for c in copies] == ["SO-1"]
    finally:
        engine.dispose()


def test_a_parcel_left_open_is_resumed_and_closed_once(pg_url, tmp_path):
    """The order's open return (its parcel left before it was closed) comes with the parcel's
    look-up, its units apart from `returned`; closed, it is not resumed (docs/returns.md)."""
    from datetime import date

    central = shipped_site(pg_url, tmp_path / "site")
    actor = Actor("Clerk 1", "RET-01")
    return_id = "00000000-0000-4000-8000-000000000011"
    backend = CentralReturnsBackend(central.uow, "RET-01")
    backend.record([item(return_id, 1, "damaged", "QUARANTINE").fact(actor)])
    context = backend.parcel("web/SO-1")
    assert context.open_return is not None and context.open_return.return_id == return_id
    assert [(x.sku, x.quantity, x.condition) for x in context.open_return.items] == [
        ("BOLT", 1, "damaged")
    ]
    assert context.lines[0].returned == 0  # the open return's unit is the resumed parcel's
    with central.uow() as uow:
        assert (
            uow.returns.order_context(uow.returns.order_ref("web", "SO-1")).lines[0].returned == 1
        )
        (copy,) = uow.returns.recent_contexts(30, date.today())
    assert copy.open_return == context.open_return
    closing = ReturnClosed(return_id=return_id, channel="web", order_id="SO-1")
    backend.record([closing.fact(actor), closing.fact(Actor("Clerk 2", "RET-02"))])
    (head,) = rows(central, select(returns))
    assert head.status == "closed" and len(rows(central, select(return_lines))) == 1
    context = backend.parcel("web/SO-1")
    assert context.open_return is None and context.lines[0].returned == 1
    (status,) = rows(central, select(orders.c.status))
    assert status.status == "partially_returned"
