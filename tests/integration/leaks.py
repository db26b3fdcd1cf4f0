"""What a user, a terminal and a spreadsheet get to see (docs/security.md): shared by the SQLite
tests (tests/integration/test_cli_leaks.py) and the PostgreSQL ones (tests/pg/)."""

from __future__ import annotations

import csv
import json

from sqlalchemy import insert, select, update

from app.logs import log_path
from db.schema import orders
from tests.integration.lead.site import add_event, build_site, hours_ago

LEAD = ("--badge", "1011", "--pin", "246810")
SECRET_STREET = "7 Hidden Lane"


def check_database_errors_are_one_line_and_logged_masked(
    tmp_path, url, run_cli, monkeypatch
) -> None:
    """A failing statement with a customer's address as a parameter: the user sees one line
    without SQL or data; the log file has the SQL and `[parameters: ***]`-style masking."""
    site = build_site(tmp_path, url, run_cli, release=False)

    def duplicate_order(args) -> int:
        with site.central.engine.begin() as conn:
            row = conn.execute(select(orders).where(orders.c.order_id == "SO-1")).one()
            copy = dict(row._mapping) | {"ship_to": {"name": "Jane Roe", "street1": SECRET_STREET}}
            conn.execute(insert(orders).values({k: v for k, v in copy.items() if k != "id"}))
        return 0

    monkeypatch.setattr("app.cli.site._orders", duplicate_order)
    status, out, err = run_cli("orders", "--database", url)
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "[SQL" not in err and "parameters" not in err
    assert SECRET_STREET not in err and "Jane Roe" not in err
    logged = log_path().read_text(encoding="utf-8")
    assert "shipshape orders failed" in logged and "INSERT INTO orders" in logged
    assert SECRET_STREET not in logged and "Jane Roe" not in logged


HOSTILE_NAMES = ('=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3")


def check_kpi_csv_neutralises_formulas(tmp_path, url, run_cli) -> None:
    """Picker names are user-controlled: in the CSV each one is text, never a formula."""
    site = build_site(tmp_path, url, run_cli, release=False)
    for name in HOSTILE_NAMES:
        add_event(site, "pick.confirmed", name, hours_ago(1), quantity=2)
    target = tmp_path / "kpis.csv"
    status, _, err = run_cli(
        "kpis", "--database", url, *LEAD, "--from", "2020-01-01", "--csv", target
    )
    assert status == 0, err
    rows = list(csv.reader(target.open(encoding="utf-8")))
    names = {row[1] for row in rows if row[0] == "pick_rate"}
    assert names == {"'" + name for name in HOSTILE_NAMES}
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    lines = [row for row in rows if row[0] == "pick_rate" and row[2] == "lines"]
    assert {row[3] for row in lines} == {"1"}  # numbers stay numbers


def check_stored_control_characters_are_shown_not_sent(tmp_path, url, run_cli) -> None:
    site = build_site(tmp_path, url, run_cli, release=False)
    site.run(update(orders).where(orders.c.order_id == "SO-1").values(order_id="SO-\x1b[2J\u202e1"))
    status, out, _ = run_cli("orders", "--database", url)
    assert status == 0 and "\x1b" not in out and "\u202e" not in out
    assert "SO-\\u001b[2J\\u202e1" in out
    status, out, _ = run_cli("orders", "--database", url, "--json")
    assert "\x1b" not in out
    assert "SO-\x1b[2J\u202e1" in {json.loads(line)["order_id"] for line in out.splitlines()}
