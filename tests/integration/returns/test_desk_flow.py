"""The lead's returns desk on the real flow: orders shipped by the demo's people, a parcel
returned with a damaged unit through `returns receive`, then restocked after inspection from
the lead's desk — stock and allocation see it only then (docs/returns.md)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from app.domain.users import Role, User
from app.services import returns_desk
from tests.integration.returns.shipped import shipped_orders
from tests.integration.returns.test_returns_cli import add_clerk, on_hand, receive

LEAD = User("Maria Jansen", Role.LEAD, "1011")


def test_damaged_unit_waits_in_quarantine_until_the_lead_restocks_it(shipped_central, run_cli):
    central = shipped_central
    add_clerk(central, run_cli)
    order = shipped_orders(central, lot_controlled=False)[0]
    sku = next(iter(order.lines))
    before = on_hand(central, sku)
    status, out, err = receive(run_cli, central, order.tracking, f"{order.gtins[sku]}:damaged")
    assert status == 0, err
    assert on_hand(central, sku) == before  # quarantine is not stock
    desk = returns_desk.desk(central.uow(), LEAD)
    (item,) = desk.quarantine
    assert (item.sku, item.reason, item.order_id) == (sku, "damaged", order.order_id)
    (back,) = desk.returns
    assert back.status == "closed" and back.lines[0].condition == "damaged"
    where = json.loads(out)["items"][0]["location"]
    assert where == "QUARANTINE"
    face = _a_location_of(central, sku)
    returns_desk.decide(central.uow(), LEAD, item.id, "restocked", "LEAD-01", face)
    assert on_hand(central, sku) == before + 1
    now = datetime.now(UTC)
    report = returns_desk.kpis(central.uow(), LEAD, now - timedelta(days=30), now + timedelta(1))
    assert report.returned == 1 and (report.decided, report.undecided) == (1, 0)
    assert [r.key for r in report.by_reason] == ["unannounced"]


def _a_location_of(central, sku: str) -> str:
    from sqlalchemy import select

    from db.schema import locations, products, stock

    with central.engine.connect() as conn:
        return conn.execute(
            select(locations.c.code)
            .join(stock, stock.c.location_id == locations.c.id)
            .join(products, products.c.id == stock.c.product_id)
            .where(products.c.sku == sku)
            .limit(1)
        ).scalar_one()
