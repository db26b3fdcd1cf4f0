"""Migration 0011 on a site an older `allocate` left with orders nobody was told about."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import select, text

from db import migrate
from db.engine import make_engine
from db.schema import exceptions
from tests.integration.site_files import import_site, order_row, write_orders


def test_orders_left_in_exception_by_an_older_allocate_join_the_queue(
    tmp_path, sqlite_url, run_cli
):
    import_site(run_cli, sqlite_url, tmp_path / "site")
    path = write_orders(tmp_path / "o.csv", order_row("SO-1", "GLUE", "9"))
    assert run_cli("import-orders", path, "--database", sqlite_url)[0] == 0
    engine = make_engine(sqlite_url)
    _to(engine, "downgrade", "0011-1")  # the site as it was before this migration
    with engine.begin() as conn:  # what the old allocate left behind: status and reason only
        conn.execute(
            text(
                "UPDATE orders SET status = 'exception', "
                "reason = 'cannot allocate: GLUE: short 5 of 9'"
            )
        )
    _to(engine, "upgrade", "heads")
    with engine.connect() as conn:
        (row,) = conn.execute(select(exceptions.c.kind, exceptions.c.details)).all()
    details = row.details if isinstance(row.details, dict) else json.loads(row.details)
    assert (row.kind, details) == (
        "waiting_for_stock",
        {"lines": [{"sku": "GLUE", "short": 5, "quantity": 9}]},
    )
    counted = tmp_path / "count.csv"
    counted.write_text("location,sku,quantity,lot,expiry\nA02-002-L-1,GLUE,10,,\n")
    assert run_cli("import-stock", counted, "--database", sqlite_url)[0] == 0
    _, out, _ = run_cli("orders", "--json", "--database", sqlite_url)
    assert json.loads(out.splitlines()[0])["status"] == "allocated"


def _to(engine, direction: str, revision: str) -> None:
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, direction)(config, revision)
