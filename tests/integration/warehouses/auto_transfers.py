"""The automatic transfer: a pick face with no reserve in its warehouse gets one made by the
replenishment check itself, when its warehouse's settings say `"auto_transfers": true`
(docs/stock.md, "Transfers"). The checks run on SQLite (test_auto_transfers.py) and PostgreSQL
(tests/pg/test_auto_transfers_pg.py, with two checks at once).

The sites of transfers.py: WH1 has GLUE 4 and BOLT 100, WEST GLUE 6 (at W01-001), NORTH GLUE 6
and BOLT 5. W01-001 becomes WEST's GLUE pick face, min 8, max 10: it is low (6) and WEST has
no other GLUE, so it needs 4 — NORTH can spare the most (6; WH1 4).
"""

from __future__ import annotations

import copy

from sqlalchemy import select

from app.services import site as site_settings
from db.engine import make_engine
from db.schema import events
from db.uow import SqlUnitOfWork
from tests.integration.warehouses.transfers import (
    GLUE_GTIN,
    LEAD,
    TransferSites,
    pick_and_ship,
)
from tests.integration.warehouses.two_sites import DEMO_SITE

FACE = "location,sku,min,max\nW01-001,GLUE,8,10\n"


class AutoSites(TransferSites):
    def switch(self, code: str, on: bool) -> None:
        """Set `code`'s settings again, `auto_transfers` as given (its city as before)."""
        city = {"WH1": "Rotterdam", "WEST": "Utrecht", "NORTH": "Groningen"}[code]
        n = ("WH1", "WEST", "NORTH").index(code)
        document = copy.deepcopy(DEMO_SITE) | {"name": f"DC {city}", "auto_transfers": on}
        document["ship_from"] = dict(document["ship_from"], city=city)
        document["sscc_serial"] = {"next": 1 + n * 100000, "last": 99999 + n * 100000}
        self.ok("site", "--warehouse", code, "--set", self.write(f"{code}-auto.json", document))

    def face(self) -> None:
        self.ok("import-pick-faces", self.write("faces.csv", FACE))

    def auto_events(self) -> list[dict]:
        engine = make_engine(self.url)
        try:
            with engine.connect() as connection:
                query = select(events.c.payload, events.c.user_name, events.c.station).where(
                    events.c.kind == "transfer.auto_made"
                )
                return [
                    dict(row.payload, by=f"{row.user_name}@{row.station}")
                    for row in connection.execute(query)
                ]
        finally:
            engine.dispose()


def check_a_low_face_without_reserve_gets_one_transfer(sites: AutoSites) -> None:
    sites.switch("WEST", True)
    assert sites.json_lines("site", "--warehouse", "WEST")[0]["auto_transfers"] is True
    sites.face()  # the import checks the face at once: low, no GLUE reserve at WEST
    (made,) = sites.json_lines("transfers")
    assert (made["transfer"], made["from"], made["to"], made["status"]) == (
        "TR-1",
        "NORTH",
        "WEST",
        "open",
    )
    assert made["lines"][0]["sku"] == "GLUE" and made["lines"][0]["quantity"] == 4
    assert (made["made_by"], made["face"]) == ("rule", "W01-001")  # the lead sees why
    first = sites.ok("transfers").splitlines()[0]
    assert first.endswith("open  automatic: pick face W01-001 below its min"), first
    assert sites.auto_events() == [
        {"transfer": "TR-1", "face": "W01-001", "sku": "GLUE", "quantity": 4,
         "from": "NORTH", "to": "WEST", "by": "system@central"}
    ]  # fmt: skip
    sites.face()  # the check again: TR-1 covers the need
    sites.ok("allocate")
    sites.face()  # and once TR-1 is reserved at NORTH
    assert [t["transfer"] for t in sites.json_lines("transfers")] == ["TR-1"]
    assert sites.json_lines("transfers", "--propose") == []


def check_switched_off_nothing_is_made(sites: AutoSites) -> None:
    sites.switch("WEST", False)
    assert "auto_transfers" not in sites.json_lines("site", "--warehouse", "WEST")[0]
    sites.switch("NORTH", True)  # the sender's switch does not matter: the receiver's does
    sites.face()
    assert sites.json_lines("transfers") == []
    (proposal,) = sites.json_lines("transfers", "--propose")
    assert (proposal["face"], proposal["from"]) == ("W01-001", "NORTH")


def check_a_bad_switch_refuses_the_file(sites: AutoSites) -> None:
    document = copy.deepcopy(DEMO_SITE) | {"auto_transfers": "yes"}
    err = sites.refused("site", "--warehouse", "WEST", "--set", sites.write("bad.json", document))
    assert "auto_transfers" in err
    assert "auto_transfers" not in sites.json_lines("site", "--warehouse", "WEST")[0]


def check_the_automatic_transfer_flows_as_any(sites: AutoSites) -> None:
    """Allocated and picked at NORTH, shipped, received at WEST: the order waiting there for
    GLUE (10: no warehouse had it) is allocated."""
    sites.order("SO-W", "DE", ("GLUE", 10))
    sites.ok("allocate")
    assert sites.orders()["SO-W"]["status"] == "exception"
    sites.switch("WEST", True)
    sites.face()
    sites.ok("allocate")
    assert sites.allocated_in("NORTH") == {("N01-001", "GLUE"): 4}
    (wave,) = sites.json_lines("plan-waves", "--warehouse", "NORTH", "--release")
    assert wave["orders"] == 1
    pick_and_ship(sites)
    assert sites.transfers()["TR-1"]["status"] == "in transit"
    sites.ok("receive", "TR-1", "--scan", f"{GLUE_GTIN}*4", "--to", "W01-002", "--badge", "B-CLEO")
    assert sites.transfers()["TR-1"]["status"] == "received"
    waiting = sites.orders()["SO-W"]
    assert waiting["status"] == "allocated" and waiting["lines"][0]["warehouse"] == "WEST"


def check_the_settings_tab_keeps_the_switch(sites: AutoSites) -> None:
    """The lead's Settings tab has no field for it: saving there leaves it on."""
    sites.switch("WEST", True)
    document = sites.json_lines("site", "--warehouse", "WEST")[0]
    del document["auto_transfers"]
    engine = make_engine(sites.url)
    try:
        uow = SqlUnitOfWork(engine, warehouse="WEST")
        saved = site_settings.save_site_as_lead(uow, LEAD, document, "LEAD-01")
    finally:
        engine.dispose()
    assert saved.auto_transfers is True
    assert sites.json_lines("site", "--warehouse", "WEST")[0]["auto_transfers"] is True


def check_a_proposal_names_the_sender_the_automatic_transfer_takes(sites: AutoSites) -> None:
    """WH1 gets 5 more GLUE, expired: 9 on its shelves, 4 that may be taken; NORTH has 6. Both
    the proposal and the automatic transfer take NORTH (the most it can spare), never WH1 (the
    most on its shelves)."""
    stock = "location,sku,quantity,lot,expiry\nA02-001-L-1,GLUE,5,OLD,2020-01-01\n"
    sites.ok("import-stock", sites.write("wh1-old.csv", stock), "--warehouse", "WH1")
    assert sum(r["on_hand"] for r in sites.json_lines("stock", "--warehouse", "WH1")
               if r["sku"] == "GLUE") == 9  # fmt: skip
    sites.face()  # switched off: only proposed
    (proposal,) = sites.json_lines("transfers", "--propose")
    assert (proposal["from"], proposal["to"], proposal["quantity"]) == ("NORTH", "WEST", 4)
    sites.switch("WEST", True)
    sites.face()  # the check again, switched on: made
    (made,) = sites.json_lines("transfers")
    line = made["lines"][0]
    assert (made["from"], made["to"], line["quantity"]) == ("NORTH", "WEST", 4)
    assert sites.json_lines("transfers", "--propose") == []  # made: nothing left to propose


CHECKS = (
    check_a_proposal_names_the_sender_the_automatic_transfer_takes,
    check_the_settings_tab_keeps_the_switch,
    check_a_low_face_without_reserve_gets_one_transfer,
    check_switched_off_nothing_is_made,
    check_a_bad_switch_refuses_the_file,
    check_the_automatic_transfer_flows_as_any,
)
