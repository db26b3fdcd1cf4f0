"""What a short pick does to stock: an empty location stops being allocated until it is counted,
and a reallocation follows allocation's rule (FEFO, never an expired lot, never held stock)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.errors import BadInput
from app.services import lead
from db.schema import locations, order_lines, orders, pick_tasks, products, stock
from tests.integration.lead.site import STATION, build_site
from tests.integration.site_files import order_row, write_orders
from tests.integration.stranded import floor


@pytest.fixture
def site(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, capacity=8)
    site.url, site.tmp = sqlite_url, tmp_path
    (only,) = [row.id for row in lead.load_board(site.uow(), site.lead).rows]
    lead.reassign(site.uow(), site.lead, [only], "Pia", STATION)
    return site


def _short_milk(site, reason, found=1):
    backend = floor.picker_station(site)
    view = backend.my_pick_list(site.pia)
    floor.bind_totes(backend, view, site.pia)
    view = backend.my_pick_list(site.pia)
    (milk,) = [t for t in view.tasks if t.sku == "MILK"]
    assert milk.location == "A01-002-L-1"  # FEFO: lot L1 expires first
    floor.short(backend, view, milk, site.pia, found=found, reason=reason)


def _stock(site, code, lot=None):
    query = (
        select(stock.c.on_hand, stock.c.reserved, stock.c.held)
        .join(locations, locations.c.id == stock.c.location_id)
        .where(locations.c.code == code)
    )
    if lot is not None:
        query = query.where(stock.c.lot == lot)
    return tuple(site.rows(query)[0])


def _allocated_at(site, order_id):
    from db.schema import allocations

    return sorted(
        code
        for (code,) in site.rows(
            select(locations.c.code)
            .select_from(allocations)
            .join(stock, stock.c.id == allocations.c.stock_id)
            .join(locations, locations.c.id == stock.c.location_id)
            .join(order_lines, order_lines.c.id == allocations.c.order_line_id)
            .join(orders, orders.c.id == order_lines.c.order_id)
            .where(orders.c.order_id == order_id, allocations.c.quantity > 0)
        )
    )


def _import_order(site, run_cli, order_id, sku, quantity):
    path = write_orders(site.tmp / f"{order_id}.csv", order_row(order_id, sku, str(quantity)))
    assert run_cli("import-orders", path, "--database", site.url)[0] == 0
    assert run_cli("allocate", "--database", site.url)[0] == 0


@pytest.mark.parametrize("reason", ["empty", "not_found"])
def test_a_location_reported_empty_is_held_and_not_allocated_again(site, run_cli, reason):
    _short_milk(site, reason)
    assert _stock(site, "A01-002-L-1") == (4, 0, 4)  # 1 found and picked; the rest held
    _import_order(site, run_cli, "SO-NEW", "MILK", 1)
    assert _allocated_at(site, "SO-NEW") == ["A01-001-L-1"]
    (item,) = [i for i in lead.exception_queue(site.uow(), site.lead) if i.kind == "short_pick"]
    assert item.suggested == "reallocate"
    outcome = lead.resolve(site.uow(), site.lead, item.key, "reallocate", "", STATION)
    assert "A01-001-L-1" in str(outcome) and "A01-002-L-1" not in str(outcome)


@pytest.mark.parametrize("reason", ["damaged", "wrong_item"])
def test_other_short_reasons_leave_the_location_allocatable(site, reason):
    _short_milk(site, reason)
    assert _stock(site, "A01-002-L-1") == (4, 0, 0)


def test_a_count_by_import_stock_lifts_the_hold(site, run_cli):
    _short_milk(site, "empty")
    status, out, _ = run_cli("stock", "--held", "--json", "--database", site.url)
    assert status == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {
            "location": "A01-002-L-1",
            "sku": "MILK",
            "lot": "L1",
            "expiry": "2026-12-20",
            "on_hand": 4,
            "allocated": 0,
            "held": 4,
        }
    ]
    counted = site.tmp / "count.csv"
    counted.write_text("location,sku,quantity,lot,expiry\nA01-002-L-1,MILK,3,L1,2026-12-20\n")
    assert run_cli("import-stock", counted, "--database", site.url)[0] == 0
    assert _stock(site, "A01-002-L-1") == (3, 0, 0)
    assert run_cli("stock", "--held", "--json", "--database", site.url)[1] == ""
    _import_order(site, run_cli, "SO-NEW", "MILK", 1)
    assert _allocated_at(site, "SO-NEW") == ["A01-002-L-1"]


def test_when_everything_left_is_held_the_lead_is_told_to_backorder(site, run_cli):
    site.run(update(stock).where(stock.c.lot == "L3").values(on_hand=0))
    _short_milk(site, "not_found")
    (item,) = [i for i in lead.exception_queue(site.uow(), site.lead) if i.kind == "short_pick"]
    assert item.suggested == "backorder"


def _add_lot(site, run_cli, code, lot, expiry, received):
    extra = site.tmp / f"{lot}.csv"
    extra.write_text(f"location,sku,quantity,lot,expiry\n{code},MILK,5,{lot},{expiry}\n")
    assert run_cli("import-stock", extra, "--database", site.url)[0] == 0
    site.run(update(stock).where(stock.c.lot == lot).values(received_at=received))


def _reallocate_milk(site):
    _short_milk(site, "damaged")
    (item,) = [i for i in lead.exception_queue(site.uow(), site.lead) if i.kind == "short_pick"]
    lead.resolve(site.uow(), site.lead, item.key, "reallocate", "", STATION)
    return site.rows(
        select(locations.c.code, stock.c.lot)
        .select_from(pick_tasks)
        .join(products, products.c.id == pick_tasks.c.product_id)
        .join(locations, locations.c.id == pick_tasks.c.location_id)
        .join(
            stock, (stock.c.location_id == locations.c.id) & (stock.c.product_id == products.c.id)
        )
        .where(products.c.sku == "MILK", pick_tasks.c.status == "open")
    )


def test_reallocation_never_reserves_an_expired_lot(site, run_cli):
    # The oldest receipt is an expired lot: FIFO alone would take it.
    _add_lot(site, run_cli, "A02-003-L-1", "L0", "2026-01-31", datetime(2025, 1, 1, tzinfo=UTC))
    assert _reallocate_milk(site) == [("A01-001-L-1", "L3")]
    assert _stock(site, "A02-003-L-1", "L0")[1] == 0  # nothing reserved on the expired lot


def test_an_expired_lot_is_no_stock_for_a_reallocation(site):
    # The only other MILK is a lot that expired yesterday: nothing to reallocate from.
    yesterday = date.today() - timedelta(days=1)
    site.run(update(stock).where(stock.c.lot == "L3").values(expiry=yesterday))
    _short_milk(site, "damaged")
    (item,) = [i for i in lead.exception_queue(site.uow(), site.lead) if i.kind == "short_pick"]
    assert item.suggested == "backorder"
    with pytest.raises(BadInput, match="no other location"):
        lead.resolve(site.uow(), site.lead, item.key, "reallocate", "", STATION)
    assert _stock(site, "A01-001-L-1", "L3") == (5, 0, 0)  # nothing reserved on it


def test_reallocation_takes_the_earliest_expiry_first(site, run_cli):
    # Received first but expiring last: FEFO takes the lot L2 that expires sooner instead.
    site.run(update(stock).where(stock.c.lot == "L3").values(received_at=datetime(2025, 1, 1)))
    _add_lot(site, run_cli, "A02-003-L-1", "L2", "2027-01-15", datetime(2026, 6, 1, tzinfo=UTC))
    assert _reallocate_milk(site) == [("A02-003-L-1", "L2")]


@pytest.mark.parametrize("reason", ["empty", "not_found"])
def test_units_that_were_not_there_are_not_written_off_as_damaged(site, reason):
    _short_milk(site, reason)
    (item,) = [i for i in lead.exception_queue(site.uow(), site.lead) if i.kind == "short_pick"]
    assert item.choices == ("reallocate", "backorder", "cancel_line")
    with pytest.raises(BadInput, match="choose reallocate, backorder, cancel_line"):
        lead.resolve(site.uow(), site.lead, item.key, "mark_damaged", "", STATION)
    assert _stock(site, "A01-002-L-1") == (4, 0, 4)  # the count will say what is there
