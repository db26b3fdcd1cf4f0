"""Allocation across three warehouses with scarce stock, and waves per warehouse, through the
CLI as a person runs it (docs/interfaces.md §8, §15). The checks run on SQLite
(test_three_warehouses.py) and PostgreSQL (tests/pg/test_warehouses_pg.py).

WH1 (the tiny test site) has GLUE 4 and BOLT 100; WEST has GLUE 6 and no BOLT; NORTH has GLUE
6 and BOLT 5.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.events import Actor
from app.domain.fact_payloads import ClaimWanted
from app.domain.users import Role, User
from app.errors import BadInput
from app.services.lead.console import LeadConsole
from app.services.lead.resolutions import _reallocation
from app.services.picking_appliers import apply_claim_wanted, claim_next
from app.services.waves import WaveFilter
from db.engine import make_engine
from db.station.store import StationStore
from db.station.sync import SyncEngine
from db.uow import SqlUnitOfWork
from tests.integration.site_files import order_row, write_orders
from tests.integration.warehouses.station_home import pulled_locations
from tests.integration.warehouses.two_sites import DEMO_SITE, WEST, TwoSites

NORTH = dict(
    WEST,
    name="DC North",
    aisles=[{"id": "N01", "x": 0.0}],
    locations=[
        {"code": f"N01-00{n}", "aisle": "N01", "y": 2.0 * n, "side": "R", "level": 1}
        for n in (1, 2)
    ],
)
LOCATIONS = {
    "WH1": {"A01-001-L-1", "A01-002-L-1", "A02-001-L-1", "A02-002-L-1"},
    "WEST": {"W01-001", "W01-002"},
    "NORTH": {"N01-001", "N01-002"},
}


class ThreeSites(TwoSites):
    """WH1 and WEST of TwoSites, NORTH added; each stocked as the module says."""

    def __init__(self, run_cli, url: str, folder: Path) -> None:
        super().__init__(run_cli, url, folder)
        self.ok("import-layout", self.write("north.json", NORTH), "--warehouse", "NORTH")
        for code, rows in (
            ("WEST", "W01-001,GLUE,6,,\n"),
            ("NORTH", "N01-001,GLUE,6,,\nN01-002,BOLT,5,,\n"),
        ):
            stock = "location,sku,quantity,lot,expiry\n" + rows
            self.ok("import-stock", self.write(f"{code}.csv", stock), "--warehouse", code)

    def prefer(self, table: dict[str, str]) -> None:
        """The site's country table, set with WH1's settings file."""
        document = copy.deepcopy(DEMO_SITE) | {"preferred_warehouses": table}
        self.ok("site", "--warehouse", "WH1", "--set", self.write("wh1-site.json", document))

    def order(self, order_id: str, country: str, *lines: tuple[str, int]) -> None:
        rows = [order_row(order_id, sku, str(n), country=country) for sku, n in lines]
        self.ok("import-orders", write_orders(self.folder / f"{order_id}.csv", *rows))

    def orders(self) -> dict[str, dict]:
        return {o["order_id"]: o for o in self.json_lines("orders")}

    def allocated_in(self, code: str) -> dict[tuple[str, str], int]:
        """(location, sku) → units reserved, in one warehouse."""
        return {
            (row["location"], row["sku"]): row["allocated"]
            for row in self.json_lines("stock", "--warehouse", code)
            if row["allocated"]
        }


def check_complete_from_one_comes_before_the_country(sites: ThreeSites) -> None:
    """DE prefers WEST, but only NORTH has both products: NORTH ships it, whole."""
    sites.prefer({"de": "west"})
    sites.order("SO-1", "DE", ("GLUE", 5), ("BOLT", 2))
    sites.ok("allocate")
    order = sites.orders()["SO-1"]
    assert order["status"] == "allocated"
    assert [line["warehouse"] for line in order["lines"]] == ["NORTH", "NORTH"]
    assert sites.allocated_in("NORTH") == {("N01-001", "GLUE"): 5, ("N01-002", "BOLT"): 2}
    assert sites.allocated_in("WEST") == {} and sites.allocated_in("WH1") == {}
    assert sites.json_lines("site", "--warehouse", "WH1")[0]["preferred_warehouses"] == {
        "DE": "WEST"
    }


def check_the_country_decides_between_complete_ones(sites: ThreeSites) -> None:
    """All three can ship one GLUE: FR's preferred WEST does; a country with no preference goes
    to the first warehouse (no cut-offs set: the lowest id)."""
    sites.prefer({"FR": "WEST", "DE": "NORTH"})
    sites.order("SO-FR", "FR", ("GLUE", 1))
    sites.order("SO-DE", "DE", ("GLUE", 2))
    sites.order("SO-IT", "IT", ("GLUE", 3))
    sites.ok("allocate")
    found = {ref: o["lines"][0]["warehouse"] for ref, o in sites.orders().items()}
    assert found == {"SO-FR": "WEST", "SO-DE": "NORTH", "SO-IT": "WH1"}, sites.orders()
    assert sites.allocated_in("WEST") == {("W01-001", "GLUE"): 1}
    assert sites.allocated_in("NORTH") == {("N01-001", "GLUE"): 2}
    assert sites.allocated_in("WH1") == {("A02-002-L-1", "GLUE"): 3}


def check_an_order_no_warehouse_can_ship_whole_waits(sites: ThreeSites) -> None:
    """16 GLUE are on hand across the three, but no warehouse has 7: it waits, nothing reserved
    (no split: orders carry no partial-shipment term), until one warehouse has enough."""
    sites.order("SO-BIG", "DE", ("GLUE", 7))
    status, out, _err = sites.cli("allocate", "--json")
    order = sites.orders()["SO-BIG"]
    assert order["status"] == "exception" and "GLUE: short 1 of 7" in order["reason"], order
    assert [line["warehouse"] for line in order["lines"]] == [None]
    assert all(sites.allocated_in(code) == {} for code in LOCATIONS)
    assert status == 0 and "SO-BIG" in out
    # WEST counts one more GLUE: its import retries the waiting order, which WEST now ships
    stock = "location,sku,quantity,lot,expiry\nW01-001,GLUE,7,,\n"
    sites.ok("import-stock", sites.write("west-more.csv", stock), "--warehouse", "WEST")
    order = sites.orders()["SO-BIG"]
    assert order["status"] == "allocated" and order["lines"][0]["warehouse"] == "WEST"
    assert sites.allocated_in("WEST") == {("W01-001", "GLUE"): 7}


def check_a_bad_country_table_is_refused(sites: ThreeSites) -> None:
    for table, words in (({"DE": "SOUTH"}, "SOUTH"), ({"Germany": "WEST"}, "Germany")):
        document = copy.deepcopy(DEMO_SITE) | {"preferred_warehouses": table}
        err = sites.refused(
            "site", "--warehouse", "WH1", "--set", sites.write("bad.json", document)
        )
        assert "preferred_warehouses" in err and words in err, err
    err = sites.refused("site", "--warehouse", "WH1", "--json")  # nothing was saved
    assert "no settings yet" in err, err


def check_a_wave_takes_its_own_warehouses_orders(sites: ThreeSites) -> None:
    """An order reserved in NORTH goes on NORTH's wave alone, on NORTH's locations; a WH1 wave
    does not take it, and a picker station of WH1 never claims NORTH's list."""
    sites.order("SO-N", "DE", ("GLUE", 5), ("BOLT", 1))
    sites.ok("allocate")
    err = sites.refused("plan-waves", "--json")
    assert "WH1, WEST, NORTH" in err and "--warehouse" in err, err
    (preview,) = sites.json_lines("plan-waves", "--warehouse", "WH1", "--preview")
    assert preview["orders"] == 0
    assert lead_desk_plans(sites.url, "WH1") == 0  # the Waves tab plans for its own
    assert lead_desk_plans(sites.url, "NORTH") == 1
    (wave,) = sites.json_lines("plan-waves", "--warehouse", "north", "--release")
    assert (wave["orders"], wave["pick_lists"]) == (1, 1)
    (pick_list,) = sites.json_lines("picklists")
    assert {t["location"] for t in pick_list["tasks"]} == {"N01-001", "N01-002"}
    assert pulled_waves(sites.url, sites.folder, "PICK-E2", "WH1") == []
    assert pulled_waves(sites.url, sites.folder, "PICK-N2", "NORTH") == [wave["wave"]]
    sites.ok("add-user", "Pia", "--role", "picker", "--badge", "B-PIA")
    assert claimed(sites.url, "WH1", "PICK-E") is None
    # a station login's claim is applied centrally: the home recorded for the station counts,
    # and the home its claim names (a login's home may be unrecorded)
    pulled_locations(sites.url, sites.folder, "PICK-W", "WEST")
    assert claimed(sites.url, None, "PICK-W") is None
    assert asked_for(sites.url, "WH1", "PICK-L") is None
    assert claimed(sites.url, "NORTH", "PICK-N") == pick_list["id"]


def lead_desk_plans(url: str, home: str) -> int:
    """How many orders the lead console of a station of `home` puts on its next wave."""
    engine = make_engine(url)
    try:
        lead = User("Lena", Role.LEAD, "B-LENA")
        desk = LeadConsole(lambda: SqlUnitOfWork(engine, warehouse=home), lead, "LEAD-1")
        return desk.plan(8, WaveFilter()).order_count
    finally:
        engine.dispose()


def pulled_waves(url: str, folder: Path, name: str, warehouse: str) -> list[str]:
    """The released waves a station's first pull brought into its store."""
    engine = make_engine(url)
    try:
        store = StationStore(folder / f"{name}.sqlite", name)
        SyncEngine(store, engine, warehouse=warehouse).sync_once()
        return [doc["name"] for doc in store.cached("wave").values()]
    finally:
        engine.dispose()


def asked_for(url: str, home: str, station: str) -> int | None:
    """What central's applier claims for Pia when a station login of `home` asks for work."""
    engine = make_engine(url)
    try:
        with SqlUnitOfWork(engine, warehouse=home) as uow:
            home_id = uow.warehouses.station_home(station)
        with SqlUnitOfWork(engine) as uow:
            wanted = ClaimWanted(badge="B-PIA", warehouse_id=home_id)
            apply_claim_wanted(uow, wanted.fact(Actor("Pia", station)))
            found = uow.picking.assigned_to(uow.picking.user_id("B-PIA") or 0)
            uow.commit()
        return found
    finally:
        engine.dispose()


def claimed(url: str, home: str | None, station: str) -> int | None:
    """What a picker station of `home` (started with `run --warehouse`; None: as central
    applies a station login's claim) claims for Pia."""
    engine = make_engine(url)
    try:
        with SqlUnitOfWork(engine, warehouse=home) as uow:
            found = claim_next(uow, Actor("Pia", station), "B-PIA", datetime.now(UTC))
            uow.commit()
        return found
    finally:
        engine.dispose()


def check_a_short_is_reallocated_in_its_own_warehouse(sites: ThreeSites) -> None:
    """The lead's reallocation of a short at NORTH's N01-001 takes NORTH's other GLUE (3 at
    N01-002), never WEST's or WH1's, though they have more."""
    stock = "location,sku,quantity,lot,expiry\nN01-002,GLUE,3,,\n"
    sites.ok("import-stock", sites.write("north-more.csv", stock), "--warehouse", "NORTH")
    engine = make_engine(sites.url)
    try:
        with SqlUnitOfWork(engine) as uow:
            short_at = uow.stock.get("N01-001", "GLUE", "")
            assert short_at is not None
            task = {"sku": "GLUE", "stock_id": short_at.id}
            (take,) = _reallocation(uow, task, 3)
            spare = uow.stock.get("N01-002", "GLUE", "")
            assert spare is not None and (take.stock_id, take.quantity) == (spare.id, 3)
            with pytest.raises(BadInput, match="GLUE"):
                _reallocation(uow, task, 4)  # WEST has 6, WH1 4: not this warehouse's
    finally:
        engine.dispose()


# Run on SQLite and on PostgreSQL: one list for both.
CHECKS = (
    check_complete_from_one_comes_before_the_country,
    check_the_country_decides_between_complete_ones,
    check_an_order_no_warehouse_can_ship_whole_waits,
    check_a_bad_country_table_is_refused,
    check_a_wave_takes_its_own_warehouses_orders,
    check_a_short_is_reallocated_in_its_own_warehouse,
)
