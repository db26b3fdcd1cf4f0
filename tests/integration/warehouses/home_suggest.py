"""Put-away suggestions stay in the warehouse of what is put away (docs/stock.md, "Where goods
are put away"): a receipt's warehouse, the warehouse a return's order was picked or reserved
in, whatever the station's home; shared by the SQLite and PostgreSQL tests."""

from __future__ import annotations

from sqlalchemy import Engine

from app.services.receiving_central import CentralReceivingBackend
from app.services.returns_central import CentralReturnsBackend
from db.engine import make_engine
from db.station.receiving import ReceivingPuller, StationReceivingBackend
from db.station.store import StationStore
from db.uow import SqlUnitOfWork
from tests.integration.site_files import order_row, write_orders
from tests.integration.warehouses.two_sites import WEST, TwoSites

# WEST's depot at the far end of its aisle: W01-002 is nearer than W01-001 there, while on
# WH1's layout (the first warehouse's, what a station without a home used) WEST's codes are
# nowhere and the tie goes by code.
WEST_FAR_DEPOT = dict(WEST, depot={"x": 0.0, "y": 10.0})
RECEIPTS = (
    "receipt_id,supplier,sku,quantity,lot,expiry\n"
    "{receipt},Acme,MILK,5,L3,2027-03-01\n"  # WH1 holds lot L3 at A01-001-L-1
)


def two_receipts(sites: TwoSites) -> None:
    """ASN-W expected at WEST and ASN-E at WH1, both of MILK lot L3, which WH1 alone holds."""
    layout = sites.write("west-far.json", WEST_FAR_DEPOT)
    sites.ok("import-layout", layout, "--warehouse", "WEST")
    for receipt, code in (("ASN-W", "WEST"), ("ASN-E", "WH1")):
        path = sites.write(f"{receipt}.csv", RECEIPTS.format(receipt=receipt))
        sites.ok("import-receipts", path, "--warehouse", code)


def _factory(engine: Engine, home: str | None):
    return lambda: SqlUnitOfWork(engine, warehouse=home)


def check_central_suggests_in_the_receipts_warehouse(sites: TwoSites, url: str) -> None:
    two_receipts(sites)
    engine = make_engine(url)
    try:
        unhomed = CentralReceivingBackend(_factory(engine, None), "RECV-ANY")
        assert unhomed.suggest("ASN-W", "MILK", "L3", 5) == "W01-002"  # WEST's nearest empty
        assert unhomed.suggest("ASN-E", "MILK", "L3", 5) == "A01-001-L-1"  # WH1's same lot
        west = CentralReceivingBackend(_factory(engine, "WEST"), "RECV-W")
        assert west.suggest("ASN-W", "MILK", "L3", 5) == "W01-002"  # a homed one, as before
        east = CentralReceivingBackend(_factory(engine, "WH1"), "RECV-E")
        assert east.suggest("ASN-E", "MILK", "L3", 5) == "A01-001-L-1"
    finally:
        engine.dispose()


def check_an_unhomed_station_offline_suggests_in_the_receipts_warehouse(
    sites: TwoSites, url: str
) -> None:
    two_receipts(sites)
    engine = make_engine(url)
    try:
        store = StationStore(sites.folder / "recv-any.sqlite", "RECV-ANY")
        online = {"up": True}
        backend = StationReceivingBackend(
            store, lambda: None, _factory(engine, None), "RECV-ANY", lambda: online["up"]
        )
        assert backend.receipt("NOPE") is None  # the clerk's first scan: keep a copy here
        ReceivingPuller(store).pull(_factory(engine, None), None, False)
        online["up"] = False
        assert backend.receipt("ASN-W") is not None  # from the copy
        assert backend.suggest("ASN-W", "MILK", "L3", 5) == "W01-002"
        assert backend.suggest("ASN-E", "MILK", "L3", 5) == "A01-001-L-1"
        # A receipt the copy does not place could be any warehouse's: no suggestion.
        assert backend.suggest("ASN-LATER", "MILK", "L3", 5) is None
        assert backend.location_exists("W01-001") and backend.location_exists("A02-001-L-1")
        store.close()
    finally:
        engine.dispose()


def check_a_homed_station_offline_suggests_in_its_home(sites: TwoSites, url: str) -> None:
    two_receipts(sites)
    engine = make_engine(url)
    try:
        store = StationStore(sites.folder / "recv-w.sqlite", "RECV-W")
        online = {"up": True}
        backend = StationReceivingBackend(
            store, lambda: None, _factory(engine, "WEST"), "RECV-W", lambda: online["up"]
        )
        assert backend.receipt("ASN-E") is None  # another warehouse's receipt is not here
        ReceivingPuller(store).pull(_factory(engine, "WEST"), None, False)
        online["up"] = False
        assert backend.suggest("ASN-W", "MILK", "L3", 5) == "W01-002"
        assert backend.suggest("ASN-LATER", "MILK", "L3", 5) == "W01-002"  # its home's site
        assert not backend.location_exists("A01-001-L-1")
        store.close()
    finally:
        engine.dispose()


def check_a_return_goes_back_into_its_orders_warehouse(sites: TwoSites, url: str) -> None:
    """SO-W is reserved in WEST (WH1 has 4 GLUE, too few): a resellable GLUE unit goes to
    WEST's reserve of it; an order reserved nowhere, to the first warehouse's."""
    rows = "location,sku,quantity,lot,expiry\nW01-001,GLUE,7,,\n"
    sites.ok("import-stock", sites.write("west-stock.csv", rows), "--warehouse", "WEST")
    orders = write_orders(
        sites.folder / "orders.csv", order_row("SO-W", "GLUE", "6"), order_row("SO-U", "GLUE", "50")
    )
    sites.ok("import-orders", orders)
    sites.ok("allocate")
    engine = make_engine(url)
    try:
        unhomed = CentralReturnsBackend(_factory(engine, None), "RET-ANY")
        assert unhomed.suggest("web", "SO-W", "GLUE", "", 1) == "W01-001"
        assert unhomed.suggest("web", "SO-U", "GLUE", "", 1) == "A02-002-L-1"
        east = CentralReturnsBackend(_factory(engine, "WH1"), "RET-E")
        assert east.suggest("web", "SO-W", "GLUE", "", 1) == "A02-002-L-1"  # its home, as before
    finally:
        engine.dispose()


# Run on SQLite and on PostgreSQL: one list for both.
CHECKS = (
    check_central_suggests_in_the_receipts_warehouse,
    check_an_unhomed_station_offline_suggests_in_the_receipts_warehouse,
    check_a_homed_station_offline_suggests_in_its_home,
    check_a_return_goes_back_into_its_orders_warehouse,
)
