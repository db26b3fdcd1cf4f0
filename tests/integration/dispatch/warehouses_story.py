"""A carrier's close at one warehouse manifests that warehouse's parcels alone (issue 22), and
the lead console's Dispatch tab closes the chosen warehouse's: run on SQLite (test_dispatch_warehouses.py) and PostgreSQL (tests/pg)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select, update

from app.services import dispatch_close, layouts
from app.services.lead.console import LeadConsole
from db.schema import locations, order_lines, orders, pick_tasks
from station.demo_dispatch import pack_demo_orders
from tests.integration.dispatch.story import LEAD, load, loading, rows
from tests.integration.warehouses.two_sites import WEST


def picked_in_the_west(central, folder: Path, order_ref: int) -> None:
    """A second warehouse, and one packed order whose picks were made there."""
    path = folder / "west.json"
    path.write_text(json.dumps(WEST), encoding="utf-8")
    layouts.import_layout(central.uow(), path, warehouse="WEST")
    west = rows(central, select(locations.c.id).where(locations.c.code == "W01-001"))[0][0]
    lines = select(order_lines.c.id).where(order_lines.c.order_id == order_ref)
    with central.engine.begin() as conn:
        moved = update(pick_tasks).where(pick_tasks.c.order_line_id.in_(lines))
        conn.execute(moved.values(location_id=west))


def run_close_per_warehouse(central, folder: Path) -> None:
    east, west = pack_demo_orders(central, 2, carrier="SF")
    picked_in_the_west(central, folder, west.order_ref)
    backend, state = loading(central)  # one dock here: both cartons on one cage
    for carton in (east, west):
        verdict = load(backend, state, carton.sscc)
        assert verdict.ok, verdict.reason
        state = verdict.state
    with central.uow("WEST") as uow:
        assert [p.sscc for p in uow.dispatch.dock_parcels()] == [west.sscc]
    manifest = dispatch_close.close_carrier(central.uow("WEST"), LEAD, "SF", "LEAD-W")
    assert [p.sscc for p in manifest.parcels] == [west.sscc]
    statuses = dict(rows(central, select(orders.c.id, orders.c.status)))
    assert (statuses[west.order_ref], statuses[east.order_ref]) == ("shipped", "packed")
    manifest = dispatch_close.close_carrier(central.uow("WH1"), LEAD, "SF", "LEAD-E")
    assert [p.sscc for p in manifest.parcels] == [east.sscc]
    statuses = dict(rows(central, select(orders.c.id, orders.c.status)))
    assert statuses[east.order_ref] == "shipped"


def run_lead_console_per_warehouse(central, folder: Path) -> None:
    """The lead's Dispatch tab follows the warehouse chosen in the console: it sees and closes
    that warehouse's parcels alone, whatever the desk's own warehouse."""
    east, west = pack_demo_orders(central, 2, carrier="SF")
    picked_in_the_west(central, folder, west.order_ref)
    backend, state = loading(central)
    for carton in (east, west):
        verdict = load(backend, state, carton.sscc)
        assert verdict.ok, verdict.reason
        state = verdict.state
    desk = LeadConsole(central.uow, LEAD, "LEAD-1")
    ids = {w.code: w.id for w in desk.warehouses().warehouses}
    desk.choose_warehouse(ids["WEST"])
    assert [(row.carrier, row.loaded) for row in desk.dock()] == [("SF", 1)]
    manifest, _ = desk.close_carrier("SF")
    assert [p.sscc for p in manifest.parcels] == [west.sscc]
    assert desk.dock() == []
    statuses = dict(rows(central, select(orders.c.id, orders.c.status)))
    assert (statuses[west.order_ref], statuses[east.order_ref]) == ("shipped", "packed")
    desk.choose_warehouse(ids["WH1"])
    assert [(row.carrier, row.loaded) for row in desk.dock()] == [("SF", 1)]
