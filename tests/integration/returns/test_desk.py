"""The lead's returns desk on SQLite: what it lists, each decision and what it does to stock,
the KPIs, and the desk commands (docs/returns.md, "The lead's returns view")."""

from __future__ import annotations

import json
from datetime import UTC, timedelta

import pytest
from sqlalchemy import insert, select

from app.domain.events import SYSTEM
from app.domain.users import Role, User
from app.errors import BadInput, NotAllowed
from app.services import allocation, intake, layouts, returns_desk
from app.services.lead.console import LeadConsole
from app.services.order_files import read_order_file
from app.services.users import save_user
from db.schema import (
    allocations,
    events,
    locations,
    order_lines,
    orders,
    products,
    quarantine,
    stations,
    stock,
    stock_movements,
)
from tests.integration.returns.desk_site import ARRIVED, LEAD, NOW, desk_site
from tests.integration.site_files import order_row, write_orders
from tests.integration.stock.moves_site import FACE
from tests.integration.warehouses.two_sites import WEST

STATION = "LEAD-01"


def bolt_at_face(site) -> int:
    from db.schema import locations, products

    query = (
        select(stock.c.on_hand)
        .join(locations, locations.c.id == stock.c.location_id)
        .join(products, products.c.id == stock.c.product_id)
        .where(locations.c.code == FACE, products.c.sku == "BOLT")
    )
    return sum(r.on_hand for r in site.rows(query))


def test_the_desk_lists_quarantine_received_returns_and_open_rmas(tmp_path, sqlite_url):
    site = desk_site(sqlite_url, tmp_path / "site")
    desk = returns_desk.desk(site.central.uow(), LEAD)
    assert [(q.sku, q.reason, q.order_id) for q in desk.quarantine] == [
        ("BOLT", "damaged", "SO-1"),
        ("MILK", "damaged", "SO-1"),
        ("MILK", "expired", "SO-1"),
    ]
    (back,) = desk.returns
    assert (back.order_id, back.rma, back.status) == ("SO-1", "", "closed")
    assert [(x.sku, x.condition, x.location) for x in back.lines][:2] == [
        ("BOLT", "resell", FACE),
        ("BOLT", "damaged", "QUARANTINE"),
    ]
    assert [(r.rma, r.order_id, r.units, r.reason) for r in desk.rmas] == [
        ("RMA-77", "SO-2", 1, "too small")
    ]


def test_only_a_lead_may_look_or_decide(tmp_path, sqlite_url):
    site = desk_site(sqlite_url, tmp_path / "site")
    clerk = User("Sam Returns", Role.RETURNS, "1017")
    with pytest.raises(NotAllowed):
        returns_desk.desk(site.central.uow(), clerk)
    with pytest.raises(NotAllowed):
        returns_desk.decide(site.central.uow(), clerk, site.quarantine_ids["bolt"], "scrapped", "X")


def test_restock_puts_units_into_stock_through_the_ledger_and_allocates_waiting_orders(
    tmp_path, sqlite_url
):
    site = desk_site(sqlite_url, tmp_path / "site")
    before = bolt_at_face(site)
    # An order for every free BOLT plus one: it waits for stock.
    free = sum(r.on_hand - r.reserved - r.held for r in site.rows(_bolt_rows()))
    path = write_orders(tmp_path / "w.csv", order_row("SO-W", "BOLT", str(free + 1)))
    intake.import_orders(site.central.uow(), read_order_file(path), SYSTEM)
    allocation.allocate(site.central.uow())
    assert _status(site, "SO-W") != "allocated"
    outcome = returns_desk.decide(
        site.central.uow(), LEAD, site.quarantine_ids["bolt"], "restocked", STATION, FACE
    )
    assert outcome.english() == f"1 × BOLT restocked at {FACE}"
    assert bolt_at_face(site) == before + 1
    (move,) = site.rows(select(stock_movements).where(stock_movements.c.kind == "restock"))
    assert (move.delta, move.actor, move.station) == (1, LEAD.name, STATION)
    assert _status(site, "SO-W") == "allocated"
    (row,) = site.rows(select(quarantine).where(quarantine.c.id == site.quarantine_ids["bolt"]))
    assert (row.status, row.decided_by, row.restocked_to) == ("restocked", LEAD.name, FACE)
    (audit,) = site.rows(select(events).where(events.c.kind == "quarantine.decided"))
    assert audit.payload["decision"] == "restocked" and audit.user_name == LEAD.name


def test_scrap_and_return_to_supplier_never_touch_stock(tmp_path, sqlite_url):
    site = desk_site(sqlite_url, tmp_path / "site")
    stock_before = site.rows(select(stock.c.id, stock.c.on_hand).order_by(stock.c.id))
    returns_desk.decide(site.central.uow(), LEAD, site.quarantine_ids["milk"], "scrapped", STATION)
    returns_desk.decide(
        site.central.uow(), LEAD, site.quarantine_ids["expired"], "returned_to_supplier", STATION
    )
    assert site.rows(select(stock.c.id, stock.c.on_hand).order_by(stock.c.id)) == stock_before
    assert [q.sku for q in returns_desk.quarantine(site.central.uow(), LEAD)] == ["BOLT"]


def test_refusals_name_what_is_wrong_and_change_nothing(tmp_path, sqlite_url):
    site = desk_site(sqlite_url, tmp_path / "site")
    ids, uow = site.quarantine_ids, site.central.uow
    cases = [
        ((ids["expired"], "restocked", STATION, FACE), "has expired"),
        ((ids["bolt"], "restocked", STATION, None), "needs the location"),
        ((ids["bolt"], "restocked", STATION, "NOWHERE-9"), "NOWHERE-9 does not exist"),
        ((ids["bolt"], "sold", STATION, None), "sold is not a decision"),
        ((999, "scrapped", STATION, None), "no quarantine item 999"),
    ]
    for args, words in cases:
        with pytest.raises(BadInput) as refused:
            returns_desk.decide(uow(), LEAD, *args)
        assert words in str(refused.value)
    assert len(returns_desk.quarantine(uow(), LEAD)) == 3
    returns_desk.decide(uow(), LEAD, ids["bolt"], "scrapped", STATION)
    with pytest.raises(BadInput, match=f"already scrapped \\(by {LEAD.name}\\)"):
        returns_desk.decide(uow(), LEAD, ids["bolt"], "returned_to_supplier", STATION)


def test_kpis_rates_per_product_and_reason_and_decision_times(tmp_path, sqlite_url):
    site = desk_site(sqlite_url, tmp_path / "site")
    start, end = NOW - timedelta(days=30), NOW + timedelta(minutes=1)
    report = returns_desk.kpis(site.central.uow(), LEAD, start, end)
    # Shipped: SO-1 3 BOLT + 2 MILK, SO-2 1 BOLT. Back: 2 BOLT (resell, damaged), 2 MILK
    # (damaged, an expired one sent to resell).
    assert (report.shipped, report.returned) == (6, 4)
    rates = {r.key: (r.returned, r.shipped) for r in report.by_product}
    assert rates == {"MILK": (2, 2), "BOLT": (2, 4)}
    assert report.by_product[0].key == "MILK"  # the worst first
    assert [(r.key, r.returned) for r in report.by_reason] == [("unannounced", 4)]
    assert {r.key: r.returned for r in report.by_condition} == {"damaged": 2, "resell": 2}
    # Only the resold BOLT is decided (1 minute after arrival); three wait in quarantine.
    assert (report.decided, report.undecided) == (1, 3)
    assert report.decision_median_h == pytest.approx(1 / 60)
    returns_desk.decide(site.central.uow(), LEAD, site.quarantine_ids["milk"], "scrapped", STATION)
    later = returns_desk.kpis(site.central.uow(), LEAD, start, end)
    assert (later.decided, later.undecided) == (2, 2)
    (scrapped,) = site.rows(
        select(quarantine.c.decided_at).where(quarantine.c.id == site.quarantine_ids["milk"])
    )
    hours_to_scrap = (scrapped.decided_at.replace(tzinfo=UTC) - ARRIVED).total_seconds() / 3600
    assert later.decision_p90_h == pytest.approx(hours_to_scrap, abs=0.01)


def test_the_desk_commands(tmp_path, sqlite_url, run_cli):
    site = desk_site(sqlite_url, tmp_path / "site")
    save_user(
        site.central.uow(),
        "Maria Jansen",
        "lead",
        "1011",
        "246810",
        by=site.central.setup_identity(),
    )
    lead = ("--badge", "1011", "--pin", "246810", "--database", sqlite_url)
    status, out, _ = run_cli("quarantine", "--json", *lead)
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["sku"], r["reason"], r["order_id"]) for r in rows][0] == ("BOLT", "damaged", "SO-1")
    bolt = rows[0]["id"]
    status, out, _ = run_cli(
        "quarantine-decide", str(bolt), "--decision", "restocked", "--to", FACE, "--json", *lead
    )
    assert status == 0 and json.loads(out) == {
        "id": bolt,
        "decision": "restocked",
        "location": FACE,
    }
    status, _, err = run_cli("quarantine-decide", str(bolt), "--decision", "scrapped", *lead)
    assert status == 2 and "already restocked" in err
    status, out, _ = run_cli("returns-kpis", "--json", *lead)
    report = json.loads(out)
    assert status == 0 and (report["shipped"], report["returned"]) == (6, 4)
    assert report["by_product"][0] == {"key": "MILK", "returned": 2, "shipped": 2, "pct": 100.0}
    status, out, _ = run_cli("returns-kpis", *lead)
    (line,) = [x for x in out.splitlines() if x.startswith("arrival to decision")]
    median, p90 = report["decision_median_h"], report["decision_p90_h"]
    assert line == f"arrival to decision: median {median:.1f} h, p90 {p90:.1f} h"
    status, _, err = run_cli("quarantine", "--database", sqlite_url)
    assert status == 2 and "--badge and --pin" in err


def _bolt_rows():
    from db.schema import products

    return (
        select(stock)
        .join(products, products.c.id == stock.c.product_id)
        .where(products.c.sku == "BOLT")
    )


def _status(site, order_id: str) -> str:
    (row,) = site.rows(select(orders.c.status).where(orders.c.order_id == order_id))
    return row.status


def _returned_to_the_west(tmp_path, sqlite_url):
    """The desk site with a second warehouse WEST: SO-1's return arrives at a WEST returns
    station, SO-2 (RMA-77's order) is reserved in WEST."""
    site = desk_site(sqlite_url, tmp_path / "site")
    layout = tmp_path / "west.json"
    layout.write_text(json.dumps(WEST), encoding="utf-8")
    layouts.import_layout(site.central.uow(), layout, warehouse="WEST")
    with site.central.engine.begin() as conn:
        west = conn.execute(select(locations.c.id, locations.c.warehouse_id).where(
            locations.c.code == "W01-001"
        )).one()  # fmt: skip
        conn.execute(insert(stations).values(name="RET-01", kind="returns", warehouse_id=west[1]))
        bolt = conn.execute(select(products.c.id).where(products.c.sku == "BOLT")).scalar_one()
        row = conn.execute(
            insert(stock).values(
                location_id=west[0], product_id=bolt, lot="", on_hand=5, reserved=1,
                received_at=NOW,
            )
        ).inserted_primary_key[0]  # fmt: skip
        line = conn.execute(
            select(order_lines.c.id).join(orders, orders.c.id == order_lines.c.order_id)
            .where(orders.c.order_id == "SO-2")
        ).scalar_one()  # fmt: skip
        conn.execute(insert(allocations).values(order_line_id=line, stock_id=row, quantity=1))
    return site


def _listed(found) -> tuple:
    return (
        sorted(q.order_id for q in found.quarantine),
        [r.order_id for r in found.returns],
        [r.rma for r in found.rmas],
    )


EVERYTHING = (["SO-1", "SO-1", "SO-1"], ["SO-1"], ["RMA-77"])


def test_a_homed_desk_lists_its_own_warehouses_returns(tmp_path, sqlite_url):
    """Returns come back where the order shipped from: a desk homed in WEST lists the returns
    received at WEST's stations, their quarantine and the RMAs of orders reserved there; a desk
    of WH1 none of them; a desk with no home everything, as before."""
    site = _returned_to_the_west(tmp_path, sqlite_url)

    def listed(home):
        return _listed(returns_desk.desk(site.central.uow(home), LEAD))

    assert listed("WEST") == EVERYTHING
    assert listed("WH1") == ([], [], [])
    assert listed(None) == EVERYTHING


def test_the_lead_console_lists_the_chosen_warehouses_returns(tmp_path, sqlite_url):
    """The Returns tab follows the warehouse chosen in the console, not the desk's own: WH1
    chosen, none of WEST's returns; WEST chosen, all of them, and its quarantine decided."""
    site = _returned_to_the_west(tmp_path, sqlite_url)
    desk = LeadConsole(site.central.uow, LEAD, STATION)
    ids = {w.code: w.id for w in desk.warehouses().warehouses}
    assert _listed(desk.returns_desk()) == ([], [], [])
    desk.choose_warehouse(ids["WEST"])
    found = desk.returns_desk()
    assert _listed(found) == EVERYTHING
    desk.decide_quarantine(found.quarantine[0].id, "scrapped", None)
    assert len(desk.returns_desk().quarantine) == 2
    desk.choose_warehouse(ids["WH1"])
    assert _listed(desk.returns_desk()) == ([], [], [])


def test_a_homed_desk_counts_its_own_warehouses_returns_in_the_kpis(tmp_path, sqlite_url):
    """The Returns tab's figures follow the warehouse too: WEST counts the units back at its
    station, WH1 none of them. Shipped units count where the order was picked or reserved:
    SO-2 (1 BOLT, reserved in WEST) is WEST's alone; SO-1 (3 BOLT, 2 MILK) was shipped in this
    made-up site without picks or reservations, so like any order of no warehouse it counts for
    every one. No home counts everything, as before."""
    site = _returned_to_the_west(tmp_path, sqlite_url)
    start, end = NOW - timedelta(days=30), NOW + timedelta(minutes=1)

    def figures(home):
        report = returns_desk.kpis(site.central.uow(home), LEAD, start, end)
        return report.shipped, report.returned, report.decided + report.undecided

    everything = figures(None)
    assert everything == (6, 4, 4)
    assert figures("WEST") == (6, 4, 4)
    assert figures("WH1") == (5, 0, 0)
