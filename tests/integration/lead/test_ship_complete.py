"""A ship_complete order (its customer's terms) is never shipped short by a lead's decision."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from app.errors import BadInput
from app.services import lead
from db.schema import exceptions, orders
from tests.integration.lead.site import STATION
from tests.integration.lead.test_exceptions import shorted  # noqa: F401 - the fixture


@pytest.mark.parametrize("resolution", ["backorder", "cancel_line"])
def test_a_short_pick_of_a_ship_complete_order_cannot_ship_short(shorted, resolution):  # noqa: F811
    site, exception_id, _, order_ref, _ = shorted
    site.run(update(orders).where(orders.c.id == order_ref).values(ship_complete=True))
    with pytest.raises(BadInput) as refused:
        lead.resolve(site.uow(), site.lead, f"exception:{exception_id}", resolution, "", STATION)
    assert "ships complete (its customer's terms): it cannot ship short" in str(refused.value)
    assert site.rows(select(exceptions.c.status))[0].status == "open"  # nothing changed
    outcome = lead.resolve(
        site.uow(), site.lead, f"exception:{exception_id}", "reallocate", "", STATION
    )
    assert "A01-001-L-1" in outcome.english()


def test_other_orders_still_may(shorted):  # noqa: F811
    site, exception_id, *_ = shorted
    lead.resolve(site.uow(), site.lead, f"exception:{exception_id}", "backorder", "", STATION)
    assert site.rows(select(exceptions.c.status))[0].status == "resolved"
