"""Two warehouses in one central database, through the CLI as a person runs it (docs/interfaces.md
§15). The checks run on SQLite (test_two_warehouses.py) and PostgreSQL (tests/pg)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from sqlalchemy import select

from app.services.demo import DEMO_DIR
from db.engine import make_engine
from db.schema import receipts, warehouses
from tests.integration.site_files import LAYOUT, import_site

WEST = {
    "format": "shipshape.layout/1",
    "name": "DC West",
    "aisle_length": 10.0,
    "aisles": [{"id": "W01", "x": 0.0}],
    "cross_aisles": [0.0, 10.0],
    "depot": {"x": 0.0, "y": 0.0},
    "locations": [
        {"code": f"W01-00{n}", "aisle": "W01", "y": 2.0 * n, "side": "R", "level": 1}
        for n in (1, 2)
    ],
}
DEMO_SITE = json.loads((DEMO_DIR / "site.json").read_text(encoding="utf-8"))


class TwoSites:
    """The tiny test site as warehouse WH1 (imported without --warehouse, as before), and
    "DC West" added as WEST."""

    def __init__(self, run_cli, url: str, folder: Path) -> None:
        self.run, self.url, self.folder = run_cli, url, folder
        import_site(run_cli, url, folder / "site")
        self.first_stock = self.json_lines("stock", "--warehouse", "WH1")
        assert self.ok("import-layout", self.write("west.json", WEST), "--warehouse", "west")

    def cli(self, *args) -> tuple[int, str, str]:
        return self.run(*args, "--database", self.url)

    def ok(self, *args) -> str:
        status, out, err = self.cli(*args)
        assert status == 0, err
        return out

    def json_lines(self, *args) -> list[dict]:
        return [json.loads(line) for line in self.ok(*args, "--json").splitlines()]

    def write(self, name: str, content) -> Path:
        path = self.folder / name
        text = content if isinstance(content, str) else json.dumps(content)
        path.write_text(text, encoding="utf-8")
        return path

    def refused(self, *args) -> str:
        """A bad-input refusal: exit 2, nothing on stdout, one line on stderr."""
        status, out, err = self.cli(*args)
        assert (status, out) == (2, ""), (status, out, err)
        assert len(err.strip().splitlines()) == 1, err
        return err


def check_the_second_layout_is_a_second_warehouse(sites: TwoSites) -> None:
    assert sites.json_lines("warehouses") == [
        {"code": "WH1", "name": "Test DC", "locations": 6, "stations": 0},
        {"code": "WEST", "name": "DC West", "locations": 2, "stations": 0},
    ]
    assert sites.json_lines("stock", "--warehouse", "WH1") == sites.first_stock
    table = sites.ok("warehouses").splitlines()
    assert table[0].split() == ["CODE", "LOCATIONS", "STATIONS", "NAME"]
    assert table[2].split() == ["WEST", "2", "0", "DC", "West"]


def check_a_missing_or_unknown_code_is_refused(sites: TwoSites) -> None:
    stock = sites.write("s.csv", "location,sku,quantity,lot,expiry\nW01-001,BOLT,3,,\n")
    receipts_file = sites.write("r.csv", "receipt_id,supplier,sku,quantity,lot,expiry\n")
    layout = sites.write("west.json", WEST)
    for args in (
        ("stock", "--json"),
        ("site", "--json"),
        ("import-stock", stock),
        ("import-receipts", receipts_file),
        ("import-layout", layout),
    ):
        err = sites.refused(*args)
        assert "WH1, WEST" in err and "--warehouse" in err, err
        if args[0] == "import-layout":
            continue  # a new code makes a new warehouse (check_layouts_stay_in_their_warehouse)
        err = sites.refused(*args, "--warehouse", "NORTH")
        assert "unknown warehouse NORTH" in err and "WH1, WEST" in err, err
    assert sites.json_lines("stock", "--warehouse", "west") == []


def check_layouts_stay_in_their_warehouse(sites: TwoSites) -> None:
    taken = copy.deepcopy(WEST)
    taken["locations"].append(dict(taken["locations"][0], code="A01-001-L-1"))
    err = sites.refused("import-layout", sites.write("taken.json", taken), "--warehouse", "WEST")
    assert "A01-001-L-1 in WH1" in err
    named = dict(WEST, name=LAYOUT["name"])  # a name is one warehouse's
    err = sites.refused("import-layout", sites.write("named.json", named), "--warehouse", "WEST")
    assert "WH1" in err and "Test DC" in err
    north = dict(WEST, name="DC North", locations=[dict(WEST["locations"][0], code="N-1")])
    out = sites.ok("import-layout", sites.write("north.json", north), "--warehouse", "north")
    assert "(warehouse NORTH)" in out
    smaller = dict(WEST, locations=WEST["locations"][:1])
    out = sites.ok("import-layout", sites.write("small.json", smaller), "--warehouse", "WEST")
    assert "1 locations, 1 removed (warehouse WEST)" in out
    counts = {w["code"]: w["locations"] for w in sites.json_lines("warehouses")}
    assert counts == {"WH1": 6, "WEST": 1, "NORTH": 1}
    assert sites.json_lines("stock", "--warehouse", "WH1") == sites.first_stock


def check_stock_is_per_warehouse(sites: TwoSites) -> None:
    rows = "location,sku,quantity,lot,expiry\nW01-001,GLUE,7,,\nA02-001-L-1,BOLT,1,,\n"
    status, out, err = sites.cli("import-stock", sites.write("s.csv", rows), "--warehouse", "WEST")
    assert status == 2 and "location 'A02-001-L-1' is in warehouse WH1" in out + err
    (west,) = sites.json_lines("stock", "--warehouse", "WEST")
    assert (west["location"], west["sku"], west["on_hand"]) == ("W01-001", "GLUE", 7)
    assert sites.json_lines("stock", "--warehouse", "WH1") == sites.first_stock


def check_settings_are_per_warehouse(sites: TwoSites) -> None:
    first = copy.deepcopy(DEMO_SITE)
    west = copy.deepcopy(DEMO_SITE) | {"name": "DC West", "language": "zh_CN"}
    west["sscc_serial"] = {"next": 500000, "last": 999999}
    for code, document in (("WH1", first), ("WEST", west)):
        sites.ok("site", "--warehouse", code, "--set", sites.write(f"{code}.json", document))
    assert sites.json_lines("site", "--warehouse", "WH1") == [first]
    assert sites.json_lines("site", "--warehouse", "WEST") == [west]
    first["sscc_serial"]["next"] = 20  # moving WH1's range leaves WEST's where it is
    sites.ok("site", "--warehouse", "WH1", "--set", sites.write("WH1.json", first))
    assert sites.json_lines("site", "--warehouse", "WEST")[0]["sscc_serial"]["next"] == 500000
    assert sites.json_lines("site", "--warehouse", "WH1")[0]["sscc_serial"]["next"] == 20


def check_receipts_belong_to_their_warehouse(sites: TwoSites) -> None:
    rows = "receipt_id,supplier,sku,quantity,lot,expiry\nASN-W1,Acme,GLUE,10,,\n"
    sites.ok("import-receipts", sites.write("r.csv", rows), "--warehouse", "WEST")
    engine = make_engine(sites.url)
    try:
        with engine.connect() as conn:
            query = (
                select(warehouses.c.code)
                .join(receipts, receipts.c.warehouse_id == warehouses.c.id)
                .where(receipts.c.receipt_id == "ASN-W1")
            )
            assert conn.execute(query).scalar_one() == "WEST"
    finally:
        engine.dispose()


def check_allocation_takes_the_warehouse_that_has_the_stock(sites: TwoSites) -> None:
    """WH1 has 4 GLUE, WEST 50: an order for 10 is reserved in WEST, and says so."""
    from tests.integration.site_files import order_row, write_orders

    rows = "location,sku,quantity,lot,expiry\nW01-001,GLUE,50,,\n"
    sites.ok("import-stock", sites.write("s.csv", rows), "--warehouse", "WEST")
    orders = write_orders(sites.folder / "o.csv", order_row("SO-9", "GLUE", "10"))
    sites.ok("import-orders", orders)
    sites.ok("allocate")
    (order,) = sites.json_lines("orders")
    assert order["status"] == "allocated" and order["lines"][0]["warehouse"] == "WEST"
    (west,) = sites.json_lines("stock", "--warehouse", "WEST")
    assert west["allocated"] == 10
    assert sites.json_lines("stock", "--warehouse", "WH1") == sites.first_stock


# Run on SQLite (tests/integration/warehouses) and on PostgreSQL (tests/pg): one list for both.
CHECKS = (
    check_the_second_layout_is_a_second_warehouse,
    check_a_missing_or_unknown_code_is_refused,
    check_layouts_stay_in_their_warehouse,
    check_stock_is_per_warehouse,
    check_settings_are_per_warehouse,
    check_receipts_belong_to_their_warehouse,
    check_allocation_takes_the_warehouse_that_has_the_stock,
)
