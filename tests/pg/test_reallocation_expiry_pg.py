"""On PostgreSQL: a lead's reallocation of a short pick follows allocation's rule, so it never
reserves an expired lot (the same stories as tests/integration/stranded/test_short_stock.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from app.errors import BadInput
from app.services import lead
from db.schema import stock
from tests.integration.lead.site import STATION, build_site
from tests.integration.stranded.test_short_stock import (
    _add_lot,
    _reallocate_milk,
    _short_milk,
    _stock,
)


@pytest.fixture
def site(tmp_path, pg_url, run_cli):
    site = build_site(tmp_path, pg_url, run_cli, capacity=8)
    site.url, site.tmp = pg_url, tmp_path
    (only,) = [row.id for row in lead.load_board(site.uow(), site.lead).rows]
    lead.reassign(site.uow(), site.lead, [only], "Pia", STATION)
    return site


def test_reallocation_passes_over_an_expired_lot_received_first(site, run_cli):
    # The expired lot L0 expires first and was received first: FEFO or FIFO alone would take it.
    _add_lot(site, run_cli, "A02-003-L-1", "L0", "2026-01-31", datetime(2025, 1, 1, tzinfo=UTC))
    assert _reallocate_milk(site) == [("A01-001-L-1", "L3")]
    assert _stock(site, "A02-003-L-1", "L0")[1] == 0


def test_an_expired_lot_alone_is_no_stock_for_a_reallocation(site):
    yesterday = date.today() - timedelta(days=1)
    site.run(update(stock).where(stock.c.lot == "L3").values(expiry=yesterday))
    _short_milk(site, "damaged")
    (item,) = [i for i in lead.exception_queue(site.uow(), site.lead) if i.kind == "short_pick"]
    assert item.suggested == "backorder"
    with pytest.raises(BadInput, match="no other location"):
        lead.resolve(site.uow(), site.lead, item.key, "reallocate", "", STATION)
    assert _stock(site, "A01-001-L-1", "L3") == (5, 0, 0)
