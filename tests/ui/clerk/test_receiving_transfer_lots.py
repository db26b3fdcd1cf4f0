"""A transfer's lots on the receiving screen (docs/stock.md, "Transfers"): NORTH shipped 3 of
lot J1 and 1 of J2 to WEST; the clerk opens TR-1 and sees a line per lot, a plain EAN of the
lot-controlled JAM asks for the lot while both are on their way, and once J1 is in, the plain
EAN is J2 with its expiry. The screens fit 1280×800 in English and Chinese
(SHIPSHAPE_SCREENSHOTS=DIR saves them)."""

from __future__ import annotations

from app.bootstrap import open_central
from tests.integration.warehouses.transfer_lots import JAM_GTIN, shipped_transfer
from tests.integration.warehouses.transfers import TransferSites
from tests.ui.clerk.test_receiving import Station, floor_style  # noqa: F401 - the fixture


def test_a_transfers_lots_on_the_receiving_screen(qtbot, tmp_path, sqlite_url, run_cli):
    sites = TransferSites(run_cli, sqlite_url, tmp_path)
    shipped_transfer(sites)
    sites.ok("add-user", "Sanne de Vries", "--role", "clerk", "--badge", "1015")
    central = open_central(sqlite_url)
    central.warehouse = "WEST"  # the station at WEST: its locations, stock and receipts
    try:
        station = Station(qtbot, tmp_path, central)
        assert station.scan("TR-1")[0] == "ok"
        lines = [(x.lot, x.expected, str(x.expiry)) for x in station.state.receipt.lines]
        assert lines == [("J1", 3, "2027-01-10"), ("J2", 1, "2027-06-30")]
        kind, words = station.scan(JAM_GTIN)  # two lots on their way: which one?
        assert kind == "info" and "lot" in words.lower()
        station.look("clerk_receiving_transfer_lots")
        assert station.scan(f"]C101{'0' + JAM_GTIN}10J1")[0] == "ok"
        station.type("3")
        assert station.scan("L:W01-002")[0] == "ok"
        kind, _ = station.scan(JAM_GTIN)  # J1 is in: the plain EAN is the lot still coming
        held = station.state.in_hand
        assert kind == "ok" and (held.lot, held.expiry) == ("J2", "2027-06-30")
        assert station.state.suggestion in ("W01-001", "W01-002")  # WEST's own locations
        station.look("clerk_receiving_transfer_lot_proposed")
        assert station.problems == []
    finally:
        central.close()
