"""Slotting one warehouse at a time (docs/routing.md "Slotting", docs/interfaces.md §15): the
slotting site is WH1, with four orders of FAST picked; WEST beside it has FAST on a face whose
code sorts first (a read that forgot its warehouse would take it for FAST's home, off WH1's
map, and propose nothing) and no picks. Run on SQLite (test_slotting_warehouses.py) and
PostgreSQL (tests/pg/test_slotting_pg.py)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from app.domain.users import Role, User
from app.services import layouts, master_data, pick_faces
from app.services.lead.console import LeadConsole
from db.schema import locations, replenishments, warehouses
from tests.integration.slotting.slotting_site import FAR, LAYOUT, LEAD, LEAD_PIN, NEAR

WEST_FACE = "A00-001"  # sorts before every WH1 code
WEST = {
    "format": "shipshape.layout/1",
    "name": "Slotting West",
    "aisle_length": 10.0,
    "aisles": [{"id": "A00", "x": 0.0}],
    "cross_aisles": [0.0, 10.0],
    "depot": {"x": 0.0, "y": 0.0},
    "locations": [
        {"code": f"A00-00{n}", "aisle": "A00", "y": 2.0 * n, "side": "L", "level": 1}
        for n in (1, 2, 3)
    ],
}
LENA = User("Lena", Role.LEAD, LEAD)


def add_west(central, folder: Path) -> None:
    (folder / "west.json").write_text(json.dumps(WEST))
    layouts.import_layout(central.uow(), folder / "west.json", warehouse="WEST")
    (folder / "west-stock.csv").write_text(
        f"location,sku,quantity,lot,expiry\n{WEST_FACE},FAST,9,,\n"
    )
    master_data.import_stock(central.uow(), folder / "west-stock.csv", warehouse="WEST")
    (folder / "west-faces.csv").write_text(f"location,sku,min,max\n{WEST_FACE},FAST,1,20\n")
    assert not pick_faces.import_pick_faces(central.uow(), folder / "west-faces.csv").rejected


def slotting(run_cli, url: str, *more: str) -> tuple[int, str, str]:
    return run_cli("slotting", "--max-share", "1", "--database", url, *more)


def run_cli_per_warehouse(central, run_cli) -> None:
    """`slotting --warehouse`: each warehouse's own picks, faces and locations; leaving it out
    with two warehouses, or naming an unknown one, exits 2 with one line."""
    status, out, err = slotting(run_cli, central.url, "--json")
    assert (status, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and "WH1" in err and "WEST" in err
    status, _, err = slotting(run_cli, central.url, "--warehouse", "NOPE")
    assert status == 2 and "NOPE" in err
    status, out, err = slotting(run_cli, central.url, "--warehouse", "west", "--json")
    assert status == 0, err
    west = json.loads(out)
    assert (west["pick_lists"], west["moves"]) == (0, [])
    status, out, err = slotting(
        run_cli, central.url, "--warehouse", "WH1", "--json", "--create-tasks",
        "--badge", LEAD, "--pin", LEAD_PIN,
    )  # fmt: skip
    assert status == 0, err
    wh1 = json.loads(out)
    assert wh1["pick_lists"] == 4
    assert [(m["sku"], m["from"], m["to"]) for m in wh1["moves"]] == [("FAST", FAR, NEAR)]
    assert wh1["tasks"] and task_warehouses(central) == {"WH1"}


def task_warehouses(central) -> set[str]:
    """The warehouses whose locations the slotting tasks move from and to."""
    query = (
        select(warehouses.c.code)
        .join(locations, locations.c.warehouse_id == warehouses.c.id)
        .join(
            replenishments,
            (replenishments.c.from_location_id == locations.c.id)
            | (replenishments.c.to_location_id == locations.c.id),
        )
        .where(replenishments.c.reason == "slotting")
    )
    with central.engine.connect() as conn:
        return set(conn.execute(query).scalars())


def run_console_follows_the_chosen_warehouse(central) -> None:
    """The lead console's slotting is the chosen warehouse's; a proposal made for WH1 makes
    WH1's tasks even when the lead has chosen WEST since."""
    desk = LeadConsole(central.uow, LENA, "lead-desk")
    choice = desk.warehouses()
    ids = {w.code: w.id for w in choice.warehouses}
    desk.choose_warehouse(ids["WEST"])
    west = desk.slotting(30, 20).plan
    assert (west.pick_lists, west.moves, west.locations) == (0, (), len(WEST["locations"]))
    desk.choose_warehouse(ids["WH1"])
    run = desk.slotting(30, 20)
    assert (run.plan.pick_lists, run.plan.locations) == (4, len(LAYOUT["locations"]))
    assert [m.sku for m in run.plan.moves] == ["FAST"]
    desk.choose_warehouse(ids["WEST"])
    assert desk.create_slotting_tasks(run)
    assert task_warehouses(central) == {"WH1"}
