"""Two leads deciding the same quarantined units at the same moment on PostgreSQL: one
decision stands, the other lead is told who decided, and a restock raced by another restock
puts the units on the shelf once (docs/returns.md, "The lead's returns view")."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.users import Role, User
from app.errors import BadInput
from app.services import returns_desk
from db.schema import events, quarantine, stock_movements
from tests.integration.returns.desk_site import desk_site
from tests.integration.stock.moves_site import EMPTY, FACE
from tests.pg.test_moves_pg import _race

MARIA = User("Maria Jansen", Role.LEAD, "1011")
WEI = User("王伟", Role.LEAD, "1012")


def test_two_leads_deciding_one_row_at_once_one_decision_stands(pg_url, tmp_path):
    site = desk_site(pg_url, tmp_path / "site")
    row = site.quarantine_ids["milk"]
    outcome = _race(
        [
            lambda: returns_desk.decide(site.central.uow(), MARIA, row, "scrapped", "LEAD-01"),
            lambda: returns_desk.decide(
                site.central.uow(), WEI, row, "returned_to_supplier", "LEAD-02"
            ),
        ]
    )
    refused = [exc for exc in outcome if exc is not None]
    assert len(refused) == 1 and isinstance(refused[0], BadInput), outcome
    (decided,) = site.rows(select(quarantine).where(quarantine.c.id == row))
    winner = MARIA.name if outcome[0] is None else WEI.name
    assert decided.decided_by == winner
    assert f"(by {winner})" in str(refused[0])
    audits = site.rows(select(events).where(events.c.kind == "quarantine.decided"))
    assert [a.user_name for a in audits] == [winner]


def test_two_restocks_of_one_row_put_the_units_on_a_shelf_once(pg_url, tmp_path):
    site = desk_site(pg_url, tmp_path / "site")
    row = site.quarantine_ids["bolt"]
    outcome = _race(
        [
            lambda: returns_desk.decide(site.central.uow(), MARIA, row, "restocked", "L1", FACE),
            lambda: returns_desk.decide(site.central.uow(), WEI, row, "restocked", "L2", EMPTY),
        ]
    )
    assert sum(exc is None for exc in outcome) == 1, outcome
    moves = site.rows(select(stock_movements).where(stock_movements.c.kind == "restock"))
    assert [m.delta for m in moves] == [1]
    (decided,) = site.rows(select(quarantine).where(quarantine.c.id == row))
    winner_location = FACE if outcome[0] is None else EMPTY
    assert decided.restocked_to == winner_location


def test_a_lead_desk_login_decides_quarantine_with_its_own_grants(pg_url, tmp_path):
    """db/roles.sql suffices for the Returns tab: read the desk, restock one row (stock through
    the ledger), scrap another, read the KPIs — as a lead desk's login, not the owner."""
    from datetime import UTC, datetime, timedelta

    from db.engine import make_engine
    from db.uow import SqlUnitOfWork
    from tests.integration.sync.support import role_url

    site = desk_site(pg_url, tmp_path / "site")
    engine = make_engine(role_url(pg_url, "shipshape_test_lead_returns", "shipshape_lead"))
    desk = lambda: SqlUnitOfWork(engine)  # noqa: E731
    try:
        assert len(returns_desk.desk(desk(), MARIA).quarantine) == 3
        returns_desk.decide(desk(), MARIA, site.quarantine_ids["bolt"], "restocked", "L1", FACE)
        returns_desk.decide(desk(), MARIA, site.quarantine_ids["milk"], "scrapped", "L1")
        now = datetime.now(UTC)
        report = returns_desk.kpis(desk(), MARIA, now - timedelta(days=30), now)
        assert report.undecided == 1
        moves = site.rows(select(stock_movements).where(stock_movements.c.kind == "restock"))
        assert [m.delta for m in moves] == [1]
    finally:
        engine.dispose()
