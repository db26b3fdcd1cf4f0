"""A station configured with its warehouse pulls that warehouse's data alone (issue 22): shared
by the SQLite and PostgreSQL tests."""

from __future__ import annotations

from pathlib import Path

from app.domain.events import SYSTEM
from app.domain.replenishment import Replenishment
from app.services.count_tasks import schedule_counts
from db.engine import make_engine
from db.station.store import StationStore
from db.station.sync import SyncEngine
from db.uow import SqlUnitOfWork
from tests.integration.warehouses.two_sites import TwoSites

WEST_LOCATIONS = {"W01-001", "W01-002"}


def stock_the_west(sites: TwoSites) -> None:
    rows = "location,sku,quantity,lot,expiry\nW01-001,GLUE,7,,\nW01-002,BOLT,9,,\n"
    sites.ok("import-stock", sites.write("west-stock.csv", rows), "--warehouse", "WEST")
    receipts = "receipt_id,supplier,sku,quantity,lot,expiry\nASN-W,Acme,GLUE,5,,\n"
    sites.ok("import-receipts", sites.write("west-asn.csv", receipts), "--warehouse", "WEST")
    receipts = "receipt_id,supplier,sku,quantity,lot,expiry\nASN-E,Acme,BOLT,5,,\n"
    sites.ok("import-receipts", sites.write("east-asn.csv", receipts), "--warehouse", "WH1")


def pulled_locations(url: str, folder: Path, name: str, warehouse: str | None) -> set[str]:
    """The locations of the stock a station's first pull brought into its store."""
    engine = make_engine(url)
    try:
        store = StationStore(folder / f"{name}.sqlite", name)
        SyncEngine(store, engine, warehouse=warehouse).sync_once()
        return {doc["location"] for doc in store.cached("stock").values()}
    finally:
        engine.dispose()


def check_each_station_pulls_its_own_warehouse(sites: TwoSites, url: str) -> None:
    stock_the_west(sites)
    east = {row["location"] for row in sites.first_stock}
    west = pulled_locations(url, sites.folder, "PICK-W", "WEST")
    assert west == WEST_LOCATIONS
    assert pulled_locations(url, sites.folder, "PICK-E", "WH1") == east
    unhomed = pulled_locations(url, sites.folder, "PICK-ANY", None)  # as before: no limit
    assert unhomed == east | WEST_LOCATIONS


def check_a_station_reads_its_own_locations_and_receipts(sites: TwoSites, url: str) -> None:
    stock_the_west(sites)
    engine = make_engine(url)
    try:
        with SqlUnitOfWork(engine, warehouse="WEST") as uow:
            assert uow.catalog.location_codes() == WEST_LOCATIONS
            assert set(uow.receiving.location_codes()) == WEST_LOCATIONS
            assert {h.location for h in uow.receiving.stock_on_hand()} == WEST_LOCATIONS
            assert [r.receipt_id for r in uow.receiving.open_receipts()] == ["ASN-W"]
            assert uow.receiving.receipt("ASN-E") is None
            assert not uow.receiving.location_exists("A01-001-L-1")
            assert uow.catalog.layout_document()["name"] == "DC West"
        with SqlUnitOfWork(engine, warehouse="WH1") as uow:
            assert "W01-001" not in uow.catalog.location_codes()
            assert [r.receipt_id for r in uow.receiving.open_receipts()] == ["ASN-E"]
    finally:
        engine.dispose()


def check_a_station_is_counted_at_its_home(sites: TwoSites, url: str) -> None:
    pulled_locations(url, sites.folder, "PICK-W", "WEST")
    pulled_locations(url, sites.folder, "PICK-ANY", None)  # no home: the first warehouse's
    counts = {w["code"]: w["stations"] for w in sites.json_lines("warehouses")}
    assert counts == {"WH1": 1, "WEST": 1}


def check_a_station_counts_and_refills_its_own_warehouse(sites: TwoSites, url: str) -> None:
    """Count tasks and pick-face refills are work on the floor: a homed station (and a lead
    desk homed there) sees its own warehouse's alone; the desk without a home sees all."""
    stock_the_west(sites)
    east = sorted(row["location"] for row in sites.first_stock)[:2]
    engine = make_engine(url)
    try:
        with SqlUnitOfWork(engine) as uow:
            schedule_counts(uow, [*east, "W01-001"], "cycle", SYSTEM)
            uow.moves.add_replenishment(Replenishment("BOLT", "", "W01-002", "W01-001", 4, "low"))
            uow.moves.add_replenishment(Replenishment("BOLT", "", east[0], east[1], 2, "low"))
            uow.commit()
        seen = {}
        for home in ("WEST", "WH1", None):
            with SqlUnitOfWork(engine, warehouse=home) as uow:
                counts = {t.location for t in uow.counts.open_tasks()}
                refills = {t.to_location for t in uow.moves.open_replenishments()}
            seen[home] = (counts, refills)
    finally:
        engine.dispose()
    assert seen["WEST"] == ({"W01-001"}, {"W01-001"})
    assert seen["WH1"] == (set(east), {east[1]})
    assert seen[None] == ({*east, "W01-001"}, {"W01-001", east[1]})


# Run on SQLite and on PostgreSQL: one list for both.
CHECKS = (
    check_each_station_pulls_its_own_warehouse,
    check_a_station_reads_its_own_locations_and_receipts,
    check_a_station_is_counted_at_its_home,
    check_a_station_counts_and_refills_its_own_warehouse,
)
