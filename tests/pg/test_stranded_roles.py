"""The least-privileged roles (db/roles.sql) can do what the stranded-order rules need: a
station's short "empty" holds the stock left there; a lead's desk allocates a waiting order."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from app.domain.events import Actor, Event
from app.errors import BadInput
from app.services import lead
from app.services.lead.console import LeadConsole
from db.engine import make_engine
from db.fact_door import open_door
from db.fact_inbox import InboxApplier
from db.schema import locations, orders, stock
from db.uow import SqlUnitOfWork
from tests.integration.lead.site import STATION, build_site
from tests.integration.lead.test_exceptions import milk_task
from tests.integration.site_files import order_row, write_orders
from tests.integration.sync.support import station_role_url
from tests.pg.test_lead_role import lead_role_url


def test_a_station_short_reported_empty_holds_the_rest_with_the_station_role(
    pg_url, tmp_path, run_cli
):
    """Through the narrow door: the station pushes, central's applier applies as the owner."""
    site = build_site(tmp_path, pg_url, run_cli)
    task_id, order_ref, _line = milk_task(site)
    engine = make_engine(station_role_url(pg_url, "pick-1"))
    short = Event(
        "pick.short",
        {
            "task_id": task_id,
            "found": 0,
            "shortfall": 2,
            "reason": "empty",
            "location": "A01-002-L-1",
            "sku": "MILK",
        },
        Actor("Pia", "pick-1"),
        order_ref,
    )
    try:
        door = open_door(engine)
        assert door.narrow
        door.push("pick-1", "Pia", [short], 0)
        assert InboxApplier(make_engine(pg_url)).apply_queued() == 1
    finally:
        engine.dispose()
    held = site.rows(
        select(stock.c.held)
        .join(locations, locations.c.id == stock.c.location_id)
        .where(locations.c.code == "A01-002-L-1")
    )
    assert held == [(5,)]


def test_a_lead_desk_allocates_a_waiting_order_with_the_lead_role(pg_url, tmp_path, run_cli):
    site = build_site(tmp_path, pg_url, run_cli, release=False)
    path = write_orders(tmp_path / "big.csv", order_row("SO-BIG", "GLUE", "9"))
    assert run_cli("import-orders", path, "--database", pg_url)[0] == 0
    assert run_cli("allocate", "--database", pg_url)[0] == 0
    engine = make_engine(lead_role_url(pg_url))
    console = LeadConsole(lambda: SqlUnitOfWork(engine), site.lead, STATION)
    try:
        (item,) = [i for i in console.queue() if i.kind == "waiting_for_stock"]
        with pytest.raises(BadInput, match="still waits"):  # rewrites what it lacks, refuses
            console.resolve(item.key, "retry_allocation", "too early")
        site.run(update(stock).values(on_hand=stock.c.on_hand + 20))  # found behind the shelf
        assert "allocated" in str(console.resolve(item.key, "retry_allocation", "counted"))
    finally:
        engine.dispose()
    status = site.rows(select(orders.c.status).where(orders.c.order_id == "SO-BIG"))
    assert status == [("allocated",)]
    assert lead.exception_queue(site.uow(), site.lead) == []
