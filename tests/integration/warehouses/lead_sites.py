"""The lead console one warehouse at a time (docs/lead.md, "One warehouse at a time"): the
board, the exception queue, the KPIs, the stations and the wave plan show the chosen
warehouse's work. The checks run on SQLite (test_lead_sites.py) and PostgreSQL (tests/pg)."""

from __future__ import annotations

import copy
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from app.domain.events import utcnow
from app.domain.users import Role, User
from app.errors import NotFound
from app.services.lead.console import LeadConsole
from app.services.waves import WaveFilter
from db.engine import make_engine
from db.schema import events, exceptions, orders, stations, warehouses
from db.uow import SqlUnitOfWork
from tests.integration.site_files import order_row, write_orders
from tests.integration.warehouses.three_sites import ThreeSites
from tests.integration.warehouses.two_sites import DEMO_SITE

LEAD = User("Lena", Role.LEAD, "B-LENA")


class LeadSites(ThreeSites):
    """Three warehouses; SO-N reserved in NORTH and released on a NORTH wave, SO-W reserved
    in WEST and on no wave yet; an exception about SO-N and one that names no order; stations
    homed in WH1 (and one with no home) and in NORTH; picks confirmed at PICK-N."""

    def __init__(self, run_cli, url: str, folder: Path) -> None:
        super().__init__(run_cli, url, folder)
        self.order("SO-N", "DE", ("GLUE", 5), ("BOLT", 1))
        self.order("SO-W", "FR", ("GLUE", 6))
        self.ok("allocate")
        (self.north_wave,) = self.json_lines("plan-waves", "--warehouse", "NORTH", "--release")
        self.engine = make_engine(url)
        now = utcnow()
        with self.engine.begin() as conn:
            ids = dict(conn.execute(select(warehouses.c.code, warehouses.c.id)).all())
            self.ids = ids
            so_n = conn.execute(select(orders.c.id).where(orders.c.order_id == "SO-N")).scalar()
            conn.execute(
                insert(exceptions),
                [
                    dict(
                        kind="pack_status",
                        status="open",
                        order_ref=so_n,
                        details={"error": "north"},
                        created_at=now,
                    ),
                    dict(
                        kind="pack_status",
                        status="open",
                        order_ref=None,
                        details={"error": "any"},
                        created_at=now,
                    ),
                ],
            )
            conn.execute(
                insert(stations),
                [
                    dict(name="PICK-E", kind="picker", warehouse_id=ids["WH1"]),
                    dict(name="PACK-OLD", kind="packer", warehouse_id=None),
                    dict(name="PICK-N", kind="picker", warehouse_id=ids["NORTH"]),
                ],
            )
            conn.execute(
                insert(events),
                [
                    dict(
                        uuid=str(uuid.uuid4()),
                        kind="pick.confirmed",
                        occurred_at=now - timedelta(minutes=n),
                        user_name="Pia",
                        station="PICK-N",
                        payload={"quantity": 1},
                    )
                    for n in (1, 2, 3)
                ],
            )

    def console(self) -> LeadConsole:
        return LeadConsole(self.uow, LEAD, "LEAD-1")

    def uow(self, warehouse: str | None = None) -> SqlUnitOfWork:
        """As `Central.uow`: a code opens a unit of work speaking for that warehouse."""
        return SqlUnitOfWork(self.engine, warehouse=warehouse)

    def close(self) -> None:
        self.engine.dispose()


def check_the_lead_chooses_among_the_warehouses(sites: LeadSites) -> None:
    """All three are offered; the desk starts at its station's home, else the first."""
    desk = sites.console()
    choice = desk.warehouses()
    assert [w.code for w in choice.warehouses] == ["WH1", "WEST", "NORTH"]
    assert choice.chosen == sites.ids["WH1"]
    homed = LeadConsole(sites.uow, LEAD, "PICK-N")
    assert homed.warehouses().chosen == sites.ids["NORTH"]


def check_each_tab_reads_the_chosen_warehouse(sites: LeadSites) -> None:
    desk = sites.console()
    desk.warehouses()
    wh1 = _tabs(desk)
    desk.choose_warehouse(sites.ids["NORTH"])
    north = _tabs(desk)
    desk.choose_warehouse(sites.ids["WEST"])
    west = _tabs(desk)
    assert (wh1["board"], north["board"], west["board"]) == ([], [sites.north_wave["wave"]], [])
    assert wh1["queue"] == west["queue"] == ["any"]  # names no order: every warehouse's
    assert sorted(north["queue"]) == ["any", "north"]
    assert (wh1["stations"], north["stations"], west["stations"]) == (
        ["PACK-OLD", "PICK-E"],
        ["PICK-N"],
        [],
    )
    assert (wh1["picked"], north["picked"], west["picked"]) == (0, 3, 0)
    assert (wh1["lists"], north["lists"], west["lists"]) == (0, 1, 0)
    assert (wh1["plan"], north["plan"], west["plan"]) == (0, 0, 1)  # SO-W waits in WEST


def _tabs(desk: LeadConsole) -> dict:
    now = utcnow()
    report = desk.kpis(now - timedelta(hours=8), now + timedelta(minutes=1))
    return {
        "board": sorted({row.wave for row in desk.board().rows}),
        "queue": [item.summary.params.get("error") for item in desk.queue()],
        "stations": [row["name"] for row in desk.stations()],
        "picked": report.good_scans,
        "lists": report.distance.pick_lists,
        "plan": desk.plan(8, WaveFilter()).order_count,
    }


def check_kpis_side_by_side(sites: LeadSites) -> None:
    now = utcnow()
    desk = sites.console()
    side = desk.kpis_by_warehouse(now - timedelta(hours=8), now + timedelta(minutes=1))
    assert [code for code, _ in side] == ["WH1", "WEST", "NORTH"]
    assert [r.good_scans for _, r in side] == [0, 0, 3]
    assert [r.distance.pick_lists for _, r in side] == [0, 0, 1]


def check_order_lookup_finds_any_order_and_names_its_warehouse(sites: LeadSites) -> None:
    """A lead finds every order, wherever it is, and is told when it is another warehouse's;
    an order reserved nowhere names none. A number two orders share takes the chosen
    warehouse's; where neither is there, CHANNEL/ORDER_ID is asked for."""
    sites.order("SO-U", "DE", ("GLUE", 50))  # more than any warehouse has: reserved nowhere
    sites.ok("import-orders", write_orders(sites.folder / "shop.csv", _shop_order()))
    desk = sites.console()
    desk.warehouses()

    def where(text: str) -> tuple:
        found = desk.timeline(text)
        return found.order, found.warehouse, found.chosen, found.elsewhere

    assert where("web/SO-N") == ("web/SO-N", "NORTH", "WH1", True)
    assert where("SO-U") == ("web/SO-U", None, "WH1", False)
    with pytest.raises(NotFound):
        desk.timeline("SO-N")  # web/SO-N at NORTH, shop/SO-N nowhere: neither is WH1's
    assert where("shop/SO-N") == ("shop/SO-N", None, "WH1", False)
    desk.choose_warehouse(sites.ids["NORTH"])
    assert where("SO-N") == ("web/SO-N", "NORTH", "NORTH", False)
    assert where("SO-W") == ("web/SO-W", "WEST", "NORTH", True)


def _shop_order() -> str:
    return order_row("SO-N", "GLUE", "50", channel="shop")


def check_settings_are_the_chosen_warehouses(sites: LeadSites) -> None:
    """Each warehouse's own settings: the chosen one's are read and saved; edits kept across a
    switch are saved where they were loaded; a warehouse not among the lead's is refused."""
    sites.ok("site", "--warehouse", "WH1", "--set", sites.write("wh1.json", DEMO_SITE))
    desk = sites.console()
    desk.warehouses()
    wh1 = desk.site()
    assert wh1.warehouse == "WH1" and wh1.site is not None
    desk.choose_warehouse(sites.ids["WEST"])
    assert (desk.site().warehouse, desk.site().site) == ("WEST", None)
    document = copy.deepcopy(DEMO_SITE) | {"name": "DC West"}
    assert desk.save_site(document).site.name == "DC West"
    desk.choose_warehouse(sites.ids["WH1"])
    assert desk.site().site.name == wh1.site.name
    kept = desk.save_site(document | {"name": "West again"}, sites.ids["WEST"])
    assert (kept.warehouse, kept.site.name) == ("WEST", "West again")
    assert desk.site().site.name == wh1.site.name
    theirs = User("Lena", Role.LEAD, "B-LENA", warehouses=("WH1", "WEST"))
    desk = LeadConsole(sites.uow, theirs, "LEAD-1")
    desk.warehouses()
    with pytest.raises(NotFound):
        desk.save_site(document, sites.ids["NORTH"])
    with pytest.raises(NotFound):
        desk.choose_warehouse(sites.ids["NORTH"])
    anyone = sites.console()
    anyone.warehouses()
    assert anyone.site(sites.ids["NORTH"]).site is None  # nothing was saved there


CHECKS = (
    check_the_lead_chooses_among_the_warehouses,
    check_each_tab_reads_the_chosen_warehouse,
    check_kpis_side_by_side,
    check_order_lookup_finds_any_order_and_names_its_warehouse,
    check_settings_are_the_chosen_warehouses,
)
