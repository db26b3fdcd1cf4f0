"""Rows no driver can decode, written straight into the database (as an older version or a
hand edit could), and the listings that must go on without them. Shared by the SQLite test
(tests/integration/test_unreadable_rows.py) and the PostgreSQL one (tests/pg/)."""

from __future__ import annotations

import json

from sqlalchemy import select, text

from app.services import lead as lead_cases
from db.schema import orders, pick_lists
from tests.integration.lead.site import build_site
from tests.integration.site_files import order_row, write_orders

LEAD = ("--badge", "1011", "--pin", "246810")
# What each database can hold but not hand back: SQLite takes any text in a DATETIME column and
# any text in JSON; PostgreSQL stores years past 9999 and `infinity`, which psycopg refuses.
BAD_VALUES = {
    "sqlite": {
        "ship_by": "'31/12/9999 whenever'",
        "ship_to": "'{not json'",
        "claimed_at": "'soon'",
    },
    "postgresql": {
        "ship_by": "'10000-01-01 11:59:59+00'::timestamptz",
        "ship_to": """'"just text"'::jsonb""",
        "claimed_at": "'infinity'::timestamptz",
    },
}


def spoil(site, dialect: str, column: str, where: str) -> None:
    table = "pick_lists" if column == "claimed_at" else "orders"
    value = BAD_VALUES[dialect][column]
    site.run(text(f"UPDATE {table} SET {column} = {value} WHERE {where}"))


def check_listings_skip_unreadable_rows(tmp_path, url, run_cli, dialect: str) -> None:
    site = build_site(tmp_path, url, run_cli)
    more = [order_row(f"SO-R{n}", "BOLT", "1") for n in (1, 2, 3)]
    assert (
        run_cli("import-orders", write_orders(tmp_path / "r.csv", *more), "--database", url)[0] == 0
    )
    spoil(site, dialect, "ship_by", "order_id IN ('SO-0', 'SO-R1')")
    spoil(site, dialect, "ship_to", "order_id IN ('SO-1', 'SO-R3')")
    first_list = site.rows(select(pick_lists.c.id).order_by(pick_lists.c.id))[0].id
    spoil(site, dialect, "claimed_at", f"id = {first_list}")

    status, out, err = run_cli("allocate", "--database", url, "--json")
    assert status == 0, err
    assert json.loads(out)["allocated"] == ["web/SO-R2"]
    assert "skipped order" in err and "fix or remove the row" in err

    status, out, err = run_cli("orders", "--database", url, "--json")
    assert status == 0, err
    listed = {json.loads(line)["order_id"] for line in out.splitlines()}
    assert {"SO-0", "SO-1", "SO-R1", "SO-R3"}.isdisjoint(listed)
    assert {"SO-2", "SO-3", "SO-M", "SO-R2"} <= listed
    assert err.count("skipped order") == 4 and len(err.splitlines()) == 4, err

    for command in (("picklists", "--json"), ("holds",), ("kpis", *LEAD, "--from", "2020-01-01")):
        status, _, err = run_cli(*command, "--database", url)
        assert status == 0, (command, err)

    for spoiled in ("web/SO-0", "web/SO-1"):  # their history reads back all the same
        status, out, err = run_cli("timeline", spoiled, *LEAD, "--database", url)
        assert status == 0 and "Order received" in out, (spoiled, err)

    board = lead_cases.load_board(site.uow(), site.lead)
    assert first_list not in {row.id for row in board.rows} and board.rows
    lead_cases.exception_queue(site.uow(), site.lead)  # reads every open order's ship_by

    refs = dict(site.rows(select(orders.c.order_id, orders.c.id)))
    with site.uow() as uow:  # the packer can still open and pack both spoiled orders
        late = uow.packing.load_view(refs["SO-0"])
        lost = uow.packing.load_view(refs["SO-1"])
    assert late.order_id == "SO-0" and late.ship_to["street1"]
    assert lost.order_id == "SO-1" and lost.ship_to == {} and lost.lines
