"""A transfer between warehouses, through the CLI and the floor's own steps (docs/stock.md,
"Transfers"; docs/interfaces.md §15). The checks run on SQLite (test_transfers.py) and
PostgreSQL (tests/pg/test_transfers_pg.py).

The three sites of three_sites.py: WH1 has GLUE 4 and BOLT 100, WEST GLUE 6, NORTH GLUE 6 and
BOLT 5. A transfer sends 2 GLUE from NORTH to WEST; an order at WEST for 8 GLUE (no warehouse
has 8) waits for them.
"""

from __future__ import annotations

import copy

from app.bootstrap import open_central
from app.domain.users import Role, User
from app.services import dispatch_close
from app.services.packing_central import ready_to_pack
from app.services.receiving_central import CentralReceivingBackend
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from station.demo_dispatch import pack_order
from station.demo_packing import PickedLine, PickedOrder
from tests.integration.dispatch.story import cutoff_passed, load, loading
from tests.integration.warehouses.three_sites import ThreeSites
from tests.integration.warehouses.two_sites import DEMO_SITE
from tests.picking_script import pick_cart

GLUE_GTIN = "9501101020917"
PIA = User("Pia", Role.PICKER, "B-PIA")
LEAD = User("Maria Jansen", Role.LEAD, "1011")


class TransferSites(ThreeSites):
    """ThreeSites with settings for every warehouse (each its ship-from and carriers), a picker
    and a stock clerk."""

    def __init__(self, run_cli, url, folder) -> None:
        super().__init__(run_cli, url, folder)
        for n, (code, city) in enumerate(
            (("WH1", "Rotterdam"), ("WEST", "Utrecht"), ("NORTH", "Groningen"))
        ):
            document = copy.deepcopy(DEMO_SITE) | {"name": f"DC {city}"}
            document["ship_from"] = dict(document["ship_from"], city=city)
            document["sscc_serial"] = {"next": 1 + n * 100000, "last": 99999 + n * 100000}
            self.ok("site", "--warehouse", code, "--set", self.write(f"{code}.json", document))
        self.ok("add-user", "Pia", "--role", "picker", "--badge", "B-PIA")
        self.ok("add-user", "Cleo", "--role", "clerk", "--badge", "B-CLEO")

    def transfers(self) -> dict[str, dict]:
        return {t["transfer"]: t for t in self.json_lines("transfers")}

    def on_hand(self, code: str) -> dict[tuple[str, str], int]:
        return {
            (r["location"], r["sku"]): r["on_hand"]
            for r in self.json_lines("stock", "--warehouse", code)
        }

    def in_transit(self, code: str) -> list[dict]:
        return self.json_lines("stock", "--warehouse", code, "--in-transit")


def check_a_transfer_goes_from_a_to_b_and_feeds_a_waiting_order(sites: TransferSites) -> None:
    sites.order("SO-W", "DE", ("GLUE", 8))  # no warehouse has 8 GLUE: it waits
    sites.ok("allocate")
    assert sites.orders()["SO-W"]["status"] == "exception", sites.orders()["SO-W"]
    (made,) = sites.json_lines(
        "transfer", "--from", "north", "--to", "WEST", "--sku", "GLUE", "--quantity", "2"
    )
    assert (made["transfer"], made["from"], made["to"], made["status"]) == (
        "TR-1",
        "NORTH",
        "WEST",
        "open",
    )
    assert made["carrier"] == "SF"  # NORTH's first carrier
    assert (made["made_by"], made["face"]) == ("lead", None)  # a person made it, no face asked
    # allocated from NORTH alone, though WH1 (the first warehouse) has GLUE too
    sites.ok("allocate")
    transfer = sites.orders()["TR-1"]
    assert transfer["status"] == "allocated" and transfer["channel"] == "transfer"
    assert [line["warehouse"] for line in transfer["lines"]] == ["NORTH"]
    assert sites.allocated_in("NORTH") == {("N01-001", "GLUE"): 2}
    assert sites.allocated_in("WH1") == {} and sites.allocated_in("WEST") == {}
    # NORTH picks it on its own wave, packs it and ships it on a manifest
    (wave,) = sites.json_lines("plan-waves", "--warehouse", "NORTH", "--release")
    assert wave["orders"] == 1
    pick_and_ship(sites)
    assert sites.transfers()["TR-1"]["status"] == "in transit"
    assert sites.on_hand("NORTH")[("N01-001", "GLUE")] == 4
    # in transit at WEST: shown, never allocated (SO-W still waits after another allocate)
    assert sites.in_transit("WEST") == [{"sku": "GLUE", "in_transit": 2}]
    assert sites.in_transit("NORTH") == []
    assert "in transit 2" in sites.ok("stock", "--warehouse", "WEST")
    sites.ok("allocate")
    assert sites.orders()["SO-W"]["status"] == "exception"
    assert receipt_seen_by(sites.url, "WEST") and not receipt_seen_by(sites.url, "NORTH")
    # WEST receives it against the transfer and puts it away: SO-W is allocated at WEST
    (got,) = sites.json_lines(
        "receive", "TR-1", "--scan", f"{GLUE_GTIN}*2", "--to", "W01-002", "--badge", "B-CLEO"
    )
    assert got["lines"] == [{"sku": "GLUE", "lot": "", "expected": 2, "received": 2, "put_away": 2}]
    waiting = sites.orders()["SO-W"]
    assert waiting["status"] == "allocated" and waiting["lines"][0]["warehouse"] == "WEST"
    assert sites.allocated_in("WEST") == {("W01-001", "GLUE"): 6, ("W01-002", "GLUE"): 2}
    assert sites.in_transit("WEST") == []
    line = sites.transfers()["TR-1"]["lines"][0]
    assert sites.transfers()["TR-1"]["status"] == "received"
    assert (line["shipped"], line["received"], line["in_transit"]) == (2, 2, 0)


def receipt_seen_by(url: str, home: str) -> bool:
    """Whether the receiving screen of a station of `home` finds receipt TR-1."""
    engine = make_engine(url)
    try:
        backend = CentralReceivingBackend(lambda: SqlUnitOfWork(engine, warehouse=home), "RCV-1")
        found = backend.receipt("TR-1")
        return found is not None and found.supplier == "transfer from NORTH"
    finally:
        engine.dispose()


def pick_and_ship(sites: TransferSites) -> None:
    """Pia picks NORTH's cart by scans, a packer packs TR-1, the dock loads and closes SF."""
    central = open_central(sites.url)
    try:
        cart = pick_cart(central, PIA, tote_prefix="TR")
        ((ref, tote),) = cart.totes.items()
    finally:
        central.close()
    ship_picked(sites, ref, tote)


def ship_picked(sites: TransferSites, ref: int, tote: str) -> None:
    """The picked transfer `ref` (in `tote`) packed, loaded on SF and shipped at its close."""
    central = open_central(sites.url)
    try:
        with central.uow() as uow:
            (order,) = uow.orders.by_refs([ref])
        assert order.order_id == "TR-1" and order.status.value == "picked"
        assert order.ship_to.city == "Utrecht"  # WEST's ship-from address
        pack_load_and_close(central, ref, order, tote, GLUE_GTIN, 0.2)
    finally:
        central.close()


def pack_load_and_close(central, ref: int, order, tote: str, gtin: str, unit_kg: float) -> None:
    """A picked order (`ref`) packed in one carton (every unit `gtin`, `unit_kg` each), loaded on SF and
    shipped when SF's day is closed."""
    lines = [PickedLine(x.id or 0, x.sku, gtin, x.quantity, unit_kg) for x in order.lines]
    (carton,) = pack_order(central, PickedOrder(ref, order.order_id, tote, lines))
    backend, state = loading(central, "SF")
    assert load(backend, state, carton.sscc).ok
    at, site = cutoff_passed(central, "SF")
    manifest = dispatch_close.close_carrier(
        central.uow(), LEAD, "SF", "LEAD-01", site, now=lambda: at
    )
    assert manifest.orders_shipped == 1


def check_bad_transfers_are_refused(sites: TransferSites) -> None:
    base = ("transfer", "--from", "NORTH", "--to", "WEST")
    for args, words in (
        ((*base, "--sku", "GLUE", "--quantity", "0"), "--quantity"),
        ((*base, "--sku", "GLUE", "--quantity", "two"), "--quantity"),
        ((*base, "--sku", "GLUE"), "one --quantity N for each --sku"),
        (base, "at least one --sku"),
        ((*base, "--sku", "NOPE", "--quantity", "1"), "unknown SKU NOPE"),
        (
            ("transfer", "--from", "NORTH", "--to", "north", "--sku", "GLUE", "--quantity", "1"),
            "--to",
        ),
        (
            ("transfer", "--from", "SOUTH", "--to", "WEST", "--sku", "GLUE", "--quantity", "1"),
            "unknown warehouse SOUTH",
        ),
        ((*base, "--sku", "GLUE", "--quantity", "1", "--carrier", "FEDEX"), "--carrier"),
    ):
        err = sites.refused(*args)
        assert words in err, (args, err)
    assert sites.json_lines("transfers") == []  # nothing was made
    assert sites.orders().keys().isdisjoint({"TR-1"})


def check_a_pick_face_with_no_reserve_proposes_a_transfer(sites: TransferSites) -> None:
    """WEST gets a BOLT pick face and has no BOLT: the rule proposes BOLT from WH1 (100 there,
    5 in NORTH) up to the face's max; once the lead runs the command, nothing more is proposed
    (the transfer will bring it)."""
    faces = "location,sku,min,max\nW01-002,BOLT,2,5\n"
    sites.ok("import-pick-faces", sites.write("faces.csv", faces))
    (proposal,) = sites.json_lines("transfers", "--propose")
    assert proposal == {
        "face": "W01-002",
        "sku": "BOLT",
        "from": "WH1",
        "to": "WEST",
        "quantity": 5,
        "command": "shipshape transfer --from WH1 --to WEST --sku BOLT --quantity 5",
    }
    assert "shipshape transfer --from WH1" in sites.ok("transfers", "--propose")
    sites.ok(*proposal["command"].split()[1:])
    assert sites.json_lines("transfers", "--propose") == []
    assert sites.transfers()["TR-1"]["lines"][0]["quantity"] == 5


def check_a_packing_station_copies_its_own_warehouses_totes(sites: TransferSites) -> None:
    """A packing station with a home keeps for offline packing the totes its own floor picked:
    NORTH's picked transfer is in NORTH's copy, in none of the others', and in the copy of a
    station with no home (as before)."""
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "GLUE", "--quantity", "2")
    sites.ok("allocate")
    sites.ok("plan-waves", "--warehouse", "NORTH", "--release")
    central = open_central(sites.url)
    try:
        ((ref, _tote),) = pick_cart(central, PIA, tote_prefix="TR").totes.items()
    finally:
        central.close()
    engine = make_engine(sites.url)
    try:
        copies = {}
        for home in ("NORTH", "WEST", "WH1", None):
            copy_of_home = ready_to_pack(SqlUnitOfWork(engine, warehouse=home), None, set())
            copies[home] = (copy_of_home.refs, set(copy_of_home.views))
    finally:
        engine.dispose()
    assert copies["NORTH"] == copies[None] == ({ref}, {ref})
    assert copies["WEST"] == copies["WH1"] == (set(), set())


CHECKS = (
    check_a_transfer_goes_from_a_to_b_and_feeds_a_waiting_order,
    check_a_packing_station_copies_its_own_warehouses_totes,
    check_bad_transfers_are_refused,
    check_a_pick_face_with_no_reserve_proposes_a_transfer,
)
