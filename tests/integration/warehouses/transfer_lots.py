"""A transfer of a lot-controlled product carries the lots A picked to B (docs/stock.md,
"Transfers"; docs/interfaces.md §15). The checks run on SQLite (test_transfer_lots.py) and
PostgreSQL (tests/pg/test_transfer_lots_pg.py).

NORTH holds JAM (lot-controlled) in two lots: J1 (3, expiring first) and J2 (3). A transfer of
4 JAM to WEST is picked FEFO at NORTH (3 of J1, 1 of J2) and shipped; WEST expects those lots.
"""

from __future__ import annotations

from app.bootstrap import open_central
from app.domain.events import Actor
from app.scanning.interpret import interpret
from app.services.receiving_central import CentralReceivingBackend
from app.steps import receiving
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.integration.warehouses.transfers import PIA, TransferSites, pack_load_and_close
from tests.picking_script import pick_cart

JAM_GTIN = "8712345000998"
PRODUCTS = "sku,name,gtin,unit_weight_kg,no_barcode,lot_controlled,serial_required\n"
JAM = "JAM,Jam 450 g,8712345000998,0.5,0,1,0\n"
STOCK = """location,sku,quantity,lot,expiry
N01-001,JAM,3,J1,2027-01-10
N01-002,JAM,3,J2,2027-06-30
"""


def gs1(lot: str, expiry: str) -> str:
    return f"(01)0{JAM_GTIN}(17){expiry}(10){lot}"


def jam_at_north(sites: TransferSites) -> None:
    sites.ok("import-products", sites.write("jam.csv", PRODUCTS + JAM))
    sites.ok("import-stock", sites.write("jam-stock.csv", STOCK), "--warehouse", "NORTH")


def shipped_transfer(sites: TransferSites) -> None:
    """TR-1: 4 JAM from NORTH to WEST, allocated, picked by scans, packed, loaded, shipped."""
    jam_at_north(sites)
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "JAM", "--quantity", "4")
    sites.ok("allocate")
    sites.ok("plan-waves", "--warehouse", "NORTH", "--release")
    central = open_central(sites.url)
    try:
        ((ref, tote),) = pick_cart(central, PIA, tote_prefix="TR").totes.items()
        with central.uow() as uow:
            (order,) = uow.orders.by_refs([ref])
        pack_load_and_close(central, ref, order, tote, JAM_GTIN, 0.5)
    finally:
        central.close()


def west_stock(sites: TransferSites) -> dict[tuple[str, str], tuple[int, str | None]]:
    """(location, lot) → (on hand, expiry) of JAM at WEST."""
    return {
        (r["location"], r["lot"]): (r["on_hand"], r["expiry"])
        for r in sites.json_lines("stock", "--warehouse", "WEST")
        if r["sku"] == "JAM"
    }


def check_the_lots_picked_at_a_are_expected_at_b(sites: TransferSites) -> None:
    jam_at_north(sites)
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "JAM", "--quantity", "4")
    (line,) = sites.transfers()["TR-1"]["lines"]
    assert line["lots"] == [] and line["in_transit"] == 0  # nothing shipped: no lot known
    sites.ok("allocate")
    assert sites.allocated_in("NORTH") == {("N01-001", "JAM"): 3, ("N01-002", "JAM"): 1}


def check_b_receives_the_lots_a_shipped(sites: TransferSites) -> None:
    shipped_transfer(sites)
    transfer = sites.transfers()["TR-1"]
    assert transfer["status"] == "in transit"
    (line,) = transfer["lines"]
    assert line["in_transit"] == 4 and line["sku"] == "JAM"
    assert line["lots"] == [
        {"lot": "J1", "expiry": "2027-01-10", "quantity": 3},
        {"lot": "J2", "expiry": "2027-06-30", "quantity": 1},
    ]
    # WEST receives them by GS1 scans carrying their lots, the expiry left to the receipt
    (got,) = sites.json_lines(
        "receive", "TR-1", "--scan", f"(01)0{JAM_GTIN}(10)J1*3", "--to", "W01-002",
        "--badge", "B-CLEO",
    )  # fmt: skip
    assert {(x["lot"], x["expected"], x["received"]) for x in got["lines"]} == {
        ("J1", 3, 3),
        ("J2", 1, 0),
    }
    sites.ok(
        "receive", "TR-1", "--scan", gs1("J2", "270630"), "--to", "W01-001", "--badge", "B-CLEO"
    )
    assert west_stock(sites) == {
        ("W01-002", "J1"): (3, "2027-01-10"),
        ("W01-001", "J2"): (1, "2027-06-30"),
    }
    transfer = sites.transfers()["TR-1"]
    assert transfer["status"] == "received" and transfer["lines"][0]["lots"] == []


def check_a_plain_barcode_at_b_proposes_the_shipped_lot(sites: TransferSites) -> None:
    shipped_transfer(sites)
    engine = make_engine(sites.url)
    try:
        backend = CentralReceivingBackend(lambda: SqlUnitOfWork(engine, warehouse="WEST"), "R-1")
        state = receiving.start(Actor("Cleo", "R-1"))
        state = receiving.on_receipt(state, "TR-1", backend.receipt("TR-1")).state
        plain = interpret(JAM_GTIN)
        product = backend.product(plain.gtin or "")
        # two lots on their way: the clerk is asked which
        assert receiving.on_product(state, plain, product).reason == "scan_lot"
        # J1 all received: the one lot left is proposed for a plain scan
        three = receiving.on_product(state, interpret(gs1("J1", "270110")), product, 3)
        state = receiving.on_location(three.state, "W01-002", True).state
        verdict = receiving.on_product(state, plain, product)
        assert verdict.reason == "received" and verdict.state.in_hand is not None
        assert (verdict.state.in_hand.lot, verdict.state.in_hand.expiry) == ("J2", "2027-06-30")
    finally:
        engine.dispose()
    # the CLI does the same: a plain EAN of JAM is the one lot left
    sites.ok("receive", "TR-1", "--scan", f"(01)0{JAM_GTIN}(10)J1*3", "--to", "W01-002",
             "--badge", "B-CLEO")  # fmt: skip
    sites.ok("receive", "TR-1", "--scan", JAM_GTIN, "--to", "W01-001", "--badge", "B-CLEO")
    assert west_stock(sites)[("W01-001", "J2")] == (1, "2027-06-30")


def check_a_lot_a_did_not_ship_is_flagged(sites: TransferSites) -> None:
    """A lot not shipped gets its own line with nothing expected; over the product's units it
    is an over-receipt, and the receipt's close sends the difference to the lead."""
    shipped_transfer(sites)
    sites.ok("receive", "TR-1", "--scan", f"(01)0{JAM_GTIN}(10)J1*3", f"(01)0{JAM_GTIN}(10)J2",
             "--to", "W01-002", "--badge", "B-CLEO")  # fmt: skip
    engine = make_engine(sites.url)
    try:
        backend = CentralReceivingBackend(lambda: SqlUnitOfWork(engine, warehouse="WEST"), "R-1")
        state = receiving.start(Actor("Cleo", "R-1"))
        state = receiving.on_receipt(state, "TR-1", backend.receipt("TR-1")).state
        product = backend.product(interpret(JAM_GTIN).gtin or "")
        assert receiving.on_product(state, interpret(JAM_GTIN), product).reason == "scan_lot"
        verdict = receiving.on_product(state, interpret(gs1("J9", "280101")), product)
        assert verdict.reason == "over_receipt" and verdict.state.in_hand is not None
        assert verdict.state.in_hand.flag == "over"
        receipt = verdict.state.receipt
        assert receipt is not None and receipt.line("JAM", "J9").expected == 0
    finally:
        engine.dispose()
    (got,) = sites.json_lines(
        "receive", "TR-1", "--scan", gs1("J9", "280101"), "--to", "W01-001", "--badge", "B-CLEO"
    )
    assert {(x["lot"], x["expected"], x["received"]) for x in got["lines"]} == {
        ("J1", 3, 3),
        ("J2", 1, 1),
        ("J9", 0, 1),
    }
    assert west_stock(sites)[("W01-001", "J9")] == (1, "2028-01-01")


CHECKS = (
    check_the_lots_picked_at_a_are_expected_at_b,
    check_b_receives_the_lots_a_shipped,
    check_a_plain_barcode_at_b_proposes_the_shipped_lot,
    check_a_lot_a_did_not_ship_is_flagged,
)
