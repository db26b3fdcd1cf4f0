"""An order allocation cannot cover waits visibly, with what it lacks, and is retried (most
urgent, then oldest first) by every `allocate` and every `import-stock`."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

from app.bootstrap import open_central
from app.errors import BadInput
from app.services import lead
from app.services.users import save_user
from db.schema import exceptions, orders, stock
from tests.integration.site_files import import_site, order_row, write_orders


@pytest.fixture
def site(tmp_path, sqlite_url, run_cli):
    """The tiny site: GLUE has 4 units, at A02-002-L-1."""
    import_site(run_cli, sqlite_url, tmp_path / "site")
    central = open_central(sqlite_url)
    lena = save_user(central.uow(), "Lena", "lead", "1011", "246810", by=central.setup_identity())
    return central, lena, tmp_path, sqlite_url


def _orders(run_cli, url, folder, *rows):
    path = write_orders(folder / f"orders-{len(list(folder.iterdir()))}.csv", *rows)
    assert run_cli("import-orders", path, "--database", url)[0] == 0


def _statuses(run_cli, url):
    status, out, _ = run_cli("orders", "--json", "--database", url)
    assert status == 0
    return {row["order_id"]: row for row in map(json.loads, out.splitlines())}


def _count(run_cli, url, folder, quantity):
    path = folder / f"count-{quantity}.csv"
    path.write_text(f"location,sku,quantity,lot,expiry\nA02-002-L-1,GLUE,{quantity},,\n")
    assert run_cli("import-stock", path, "--database", url)[0] == 0


def _waiting(central):
    with central.engine.connect() as conn:
        return conn.execute(
            select(orders.c.order_id, exceptions.c.details)
            .join(orders, orders.c.id == exceptions.c.order_ref)
            .where(exceptions.c.kind == "waiting_for_stock", exceptions.c.status == "open")
            .order_by(orders.c.order_id)
        ).all()


def test_an_order_short_of_stock_waits_in_the_queue_with_what_it_lacks(site, run_cli):
    central, lena, folder, url = site
    _orders(run_cli, url, folder, order_row("SO-1", "GLUE", "5"), order_row("SO-1", "BOLT", "2"))
    assert run_cli("allocate", "--database", url)[0] == 0
    row = _statuses(run_cli, url)["SO-1"]
    assert set(row) >= {"channel", "order_id", "status", "lines"}  # docs/interfaces.md §8 unchanged
    assert row["status"] == "exception" and row["reason"].startswith("cannot allocate")
    (item,) = lead.exception_queue(central.uow(), lena)
    assert (item.kind, item.order, item.choices) == (
        "waiting_for_stock",
        "web/SO-1",
        ("retry_allocation", "cancel_order"),
    )
    assert item.params == {"lines": [{"sku": "GLUE", "short": 1, "quantity": 5}]}
    assert "GLUE: 1 of 5 missing" in str(item.summary)


def test_import_stock_retries_waiting_orders_most_urgent_then_oldest(site, run_cli):
    central, lena, folder, url = site
    _orders(
        run_cli,
        url,
        folder,
        order_row("SO-1", "GLUE", "3"),  # oldest, normal priority
        order_row("SO-2", "GLUE", "3"),
        order_row("SO-3", "GLUE", "3", priority="5"),  # most urgent: gets the 4 there are
    )
    assert run_cli("allocate", "--database", url)[0] == 0
    assert [r["status"] for r in _statuses(run_cli, url).values()] == [
        "exception",
        "exception",
        "allocated",
    ]
    _orders(run_cli, url, folder, order_row("SO-4", "GLUE", "2", priority="1"))  # not allocated yet
    _count(run_cli, url, folder, 7)  # 3 reserved + 4 free: room for one more order of 3
    statuses = _statuses(run_cli, url)
    assert [statuses[o]["status"] for o in ("SO-1", "SO-2", "SO-4")] == [
        "allocated",
        "exception",
        "received",
    ]
    assert [order_id for order_id, _d in _waiting(central)] == ["SO-2"]


def test_allocate_retries_waiting_orders_when_stock_came_in_another_way(site, run_cli):
    central, _lena, folder, url = site
    _orders(run_cli, url, folder, order_row("SO-1", "GLUE", "6"))
    assert run_cli("allocate", "--database", url)[0] == 0
    with central.engine.begin() as conn:
        conn.execute(update(stock).values(on_hand=stock.c.on_hand + 10))
    assert run_cli("allocate", "--database", url)[0] == 0
    assert _statuses(run_cli, url)["SO-1"]["status"] == "allocated"
    assert _waiting(central) == []


def test_the_lead_retries_or_cancels_a_waiting_order(site, run_cli):
    central, lena, folder, url = site
    _orders(run_cli, url, folder, order_row("SO-1", "GLUE", "6"), order_row("SO-2", "GLUE", "9"))
    assert run_cli("allocate", "--database", url)[0] == 0
    first, second = lead.exception_queue(central.uow(), lena)
    with pytest.raises(BadInput, match="still waits"):
        lead.resolve(central.uow(), lena, first.key, "retry_allocation", "", "desk")
    with central.engine.begin() as conn:  # found 2 more behind the shelf
        conn.execute(update(stock).values(on_hand=stock.c.on_hand + 2))
    assert "allocated" in str(
        lead.resolve(central.uow(), lena, first.key, "retry_allocation", "", "d")
    )
    assert "cancelled" in str(
        lead.resolve(central.uow(), lena, second.key, "cancel_order", "no", "d")
    )
    statuses = _statuses(run_cli, url)
    assert (statuses["SO-1"]["status"], statuses["SO-2"]["status"]) == ("allocated", "cancelled")
    assert lead.exception_queue(central.uow(), lena) == []


@pytest.mark.parametrize("decision", ["--cancel", "--release"])
def test_an_order_decided_through_holds_leaves_the_waiting_queue(site, run_cli, decision):
    """`shipshape holds --cancel/--release` of an order waiting for stock closes its queue item
    (it used to stay open: cancelled, its choices could no longer close it)."""
    central, _lena, folder, url = site
    _orders(run_cli, url, folder, order_row("SO-1", "GLUE", "5"))
    assert run_cli("allocate", "--database", url)[0] == 0
    assert [row.order_id for row in _waiting(central)] == ["SO-1"]
    channel = _statuses(run_cli, url)["SO-1"]["channel"]
    status, _out, err = run_cli(
        "holds",
        decision,
        f"{channel}/SO-1",
        "--badge",
        "1011",
        "--pin",
        "246810",
        "--note",
        "decided",
        "--database",
        url,
    )
    assert status == 0, err
    assert _waiting(central) == []
    expected = "cancelled" if decision == "--cancel" else "received"
    assert _statuses(run_cli, url)["SO-1"]["status"] == expected
