"""The order watch folder on a PostgreSQL central: a file written slowly, one renamed in, one
with bad rows; the service killed with SIGKILL mid-file and run again with --once. Every order
is in exactly once, every file in done/ or failed/; customers and their holds the same way."""

from __future__ import annotations

import json
import os
import signal

import pytest

from tests.integration.intake.watch_support import (
    counts,
    eventually,
    finished,
    order_lines_csv,
    start_watcher,
    write_slowly,
    write_then_rename,
)
from tests.integration.site_files import import_site, order_row

pytestmark = pytest.mark.pg


@pytest.fixture
def site(tmp_path, pg_url, run_cli):
    import_site(run_cli, pg_url, tmp_path / "site")
    return pg_url


def test_the_watch_folder_on_postgresql(site, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_then_rename(inbox / "big.csv", order_lines_csv("BIG", 6_000))
    partly = [*order_lines_csv("PART", 2), order_row("PART-BAD", "NOSUCH")]
    write_then_rename(inbox / "partly.csv", partly)
    watcher = start_watcher(site, inbox, settle=0.2)
    eventually(lambda: counts(site)["orders"] >= 1_000, every=0.01)
    os.kill(watcher.pid, signal.SIGKILL)
    watcher.communicate(timeout=30)
    assert (inbox / ".processing" / "big.csv").exists()  # killed mid-file
    slow = write_slowly(inbox / "slow.csv", order_lines_csv("SLOW", 100), chunks=6, pause=0.3)
    once = start_watcher(site, inbox, "--once", settle=1.0)
    output, _ = once.communicate(timeout=120)
    slow.join()
    assert once.returncode == 0, output
    assert finished(inbox, "big.csv", "partly.csv", "slow.csv"), output
    assert sorted(p.name for p in (inbox / "done").iterdir()) == [
        "big.csv",
        "partly.csv",
        "partly.csv.errors.txt",
        "slow.csv",
    ]
    errors = (inbox / "done" / "partly.csv.errors.txt").read_text()
    assert "web/PART-BAD: row 4: unknown SKU 'NOSUCH'" in errors
    n = 6_000 + 2 + 100
    assert counts(site) == {"orders": n, "distinct": n, "lines": n, "received": n}


def test_customers_and_credit_holds_on_postgresql(site, tmp_path, run_cli):
    customers = tmp_path / "customers.json"
    customers.write_text(
        json.dumps(
            [
                {"customer_id": "C1", "name": "Acme", "currency": "EUR", "credit_limit": "10"},
                {"customer_id": "C2", "name": "Gone", "currency": "EUR", "blocked": True},
                {"customer_id": "C" * 81, "name": "Long", "currency": "EUR"},
            ]
        )
    )
    status, out, _ = run_cli("import-customers", customers, "--database", site)
    assert status == 2 and "imported: 2 customers" in out
    assert "customer_id is 81 characters long; at most 80" in out
    from tests.integration.intake.test_customers_cli import write_priced_orders

    priced = write_priced_orders(
        tmp_path / "orders.csv",
        ("SO-1", "BOLT", "3", "C1", "4.00"),
        ("SO-2", "BOLT", "1", "C2", "1"),
    )
    assert run_cli("import-orders", priced, "--database", site)[0] == 0
    status, out, _ = run_cli("allocate", "--json", "--database", site)
    held = sorted(json.loads(out)["held"])
    assert held == [
        "web/SO-1: customer C1: credit limit 10.00 EUR exceeded by 2.00",
        "web/SO-2: customer C2 (Gone) is blocked",
    ]


def test_a_lead_desk_reads_customers_a_station_does_not(pg_url):
    import psycopg
    from sqlalchemy.engine import make_url

    from app.bootstrap import open_central
    from tests.integration.sync.support import role_url

    open_central(pg_url).close()

    def connect(login: str, group: str):
        url = make_url(role_url(pg_url, login, group)).set(drivername="postgresql")
        return psycopg.connect(url.render_as_string(False), autocommit=True)

    with connect("shipshape_test_lead_c", "shipshape_lead") as lead:
        assert lead.execute("SELECT count(*) FROM customers").fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            lead.execute("UPDATE customers SET credit_limit_cents = NULL")
    with (
        connect("shipshape_test_station_c", "shipshape_station") as station,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        station.execute("SELECT count(*) FROM customers")
