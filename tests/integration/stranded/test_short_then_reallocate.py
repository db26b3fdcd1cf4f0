"""A short pick the lead reallocates, picked by the picker: the order goes to packing.

Before the fix `picklist.finished` put every order with a short task into `exception` ("short
pick") although the reallocated task had been picked: the packer was told not to pack, the
lead's queue was empty and the tote stayed held.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.services import lead
from db.schema import exceptions, orders, totes
from tests.integration.lead.site import STATION, build_site
from tests.integration.stranded import floor


@pytest.fixture
def site(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, capacity=8)  # one cart holds every order
    (only,) = [row.id for row in lead.load_board(site.uow(), site.lead).rows]
    lead.reassign(site.uow(), site.lead, [only], "Pia", STATION)
    return site


def _pick_all_but_milk_short(site, backend):
    view = backend.my_pick_list(site.pia)
    floor.bind_totes(backend, view, site.pia)
    view = backend.my_pick_list(site.pia)
    for task in view.tasks:
        if task.sku == "MILK":
            floor.short(backend, view, task, site.pia, found=1, reason="damaged")
        else:
            floor.confirm(backend, view, task, site.pia)
    return backend.my_pick_list(site.pia)


def _status(site, order_id):
    return site.rows(select(orders.c.status).where(orders.c.order_id == order_id))[0][0]


def _pick_open_tasks(site, backend):
    view = backend.my_pick_list(site.pia)
    for task in view.tasks:
        if task.is_open:
            floor.confirm(backend, view, task, site.pia)
    return backend.my_pick_list(site.pia)


def _short_item(site):
    (item,) = [i for i in lead.exception_queue(site.uow(), site.lead) if i.kind == "short_pick"]
    return item


def _open_exceptions(site):
    return site.rows(select(exceptions.c.kind).where(exceptions.c.status == "open"))


def test_reallocated_before_the_cart_is_finished_the_order_is_picked(site):
    backend = floor.picker_station(site)
    _pick_all_but_milk_short(site, backend)
    lead.resolve(site.uow(), site.lead, _short_item(site).key, "reallocate", "other bay", STATION)
    view = _pick_open_tasks(site, backend)
    floor.finish(backend, view, site.pia)
    assert _status(site, "SO-M") == "picked"
    assert site.rows(select(totes.c.status).join(orders).where(orders.c.order_id == "SO-M")) == [
        ("ready",)
    ]
    assert _open_exceptions(site) == []


def test_reallocated_after_the_cart_is_finished_the_order_is_picked(site):
    backend = floor.picker_station(site)
    view = _pick_all_but_milk_short(site, backend)
    floor.finish(backend, view, site.pia)
    assert _status(site, "SO-M") == "exception"  # waits for the lead, in the queue
    lead.resolve(site.uow(), site.lead, _short_item(site).key, "reallocate", "other bay", STATION)
    view = _pick_open_tasks(site, backend)
    floor.finish(backend, view, site.pia)
    assert _status(site, "SO-M") == "picked"
    assert _open_exceptions(site) == []


@pytest.mark.parametrize("resolution", ["backorder", "mark_damaged", "cancel_line"])
def test_a_short_settled_after_the_cart_is_finished_goes_to_packing(site, resolution):
    backend = floor.picker_station(site)
    view = _pick_all_but_milk_short(site, backend)
    floor.finish(backend, view, site.pia)
    lead.resolve(site.uow(), site.lead, _short_item(site).key, resolution, "ok", STATION)
    assert _status(site, "SO-M") == "picked"


@pytest.mark.parametrize("resolution", ["backorder", "mark_damaged", "cancel_line"])
def test_a_short_settled_before_the_cart_is_finished_goes_to_packing(site, resolution):
    backend = floor.picker_station(site)
    view = _pick_all_but_milk_short(site, backend)
    lead.resolve(site.uow(), site.lead, _short_item(site).key, resolution, "ok", STATION)
    floor.finish(backend, view, site.pia)
    assert _status(site, "SO-M") == "picked"
