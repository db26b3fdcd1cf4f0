"""Orders that arrive after a wave was planned join its best cart (real SQLite central)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.events import Actor
from app.errors import NotFound
from app.services import lead
from app.services.wave_topup import top_up_wave
from app.services.waves import WaveFilter, plan_wave, release_wave
from db.schema import events, orders, pick_lists, pick_tasks
from tests.integration.lead.site import STATION
from tests.integration.lead.waves_site import add_orders, carts, milk_and_bolt_site
from tests.integration.site_files import order_row

LENA = Actor("Lena", STATION)


def planned(site, capacity=3, wave_filter=None, by_carrier=False) -> int:
    wave = plan_wave(site.uow(), capacity, wave_filter, group_by_carrier=by_carrier)
    return lead.save_wave(site.uow(), site.lead, wave, False, STATION)


def cart_of(site, order_id: str) -> set[str]:
    return next(c for c in carts(site).values() if order_id in c)


def test_a_late_order_joins_the_cart_that_walks_least_more(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave_id = planned(site)
    assert sorted(map(sorted, carts(site).values())) == [["SO-B1", "SO-B2"], ["SO-M", "SO-M2"]]
    before = dict(site.rows(select(pick_lists.c.id, pick_lists.c.version)))
    add_orders(site, tmp_path, sqlite_url, run_cli, order_row("SO-M3", "MILK", "1"))

    done = top_up_wave(site.uow(), wave_id, LENA)

    assert done.orders == ("SO-M3",) and done.waiting == 0
    assert cart_of(site, "SO-M3") == {"SO-M", "SO-M2", "SO-M3"}
    # On the MILK cart it adds almost nothing; on a cart of its own it walks the aisle.
    assert done.added_m < done.own_carts_m and done.saved_m > 0
    milk_list = next(i for i, c in carts(site).items() if "SO-M3" in c)
    row = site.rows(select(pick_lists).where(pick_lists.c.id == milk_list))[0]
    assert row.version == before[milk_list] + 1  # stations see the change
    seqs = site.rows(
        select(pick_tasks.c.seq)
        .where(pick_tasks.c.pick_list_id == milk_list)
        .order_by(pick_tasks.c.seq)
    )
    assert [s for (s,) in seqs] == list(range(1, len(seqs) + 1))
    kinds = [k for (k,) in site.rows(select(events.c.kind))]
    assert "wave.topped_up" in kinds
    assert top_up_wave(site.uow(), wave_id, LENA).orders == ()  # nothing new: nothing moves


def test_the_most_urgent_arrival_gets_the_best_room_and_the_rest_wait(
    tmp_path, sqlite_url, run_cli
):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave_id = planned(site)  # two carts of 3 with one place each
    add_orders(
        site,
        tmp_path,
        sqlite_url,
        run_cli,
        order_row("SO-M3", "MILK", "1"),
        order_row("SO-M4", "MILK", "1", priority="5"),
        order_row("SO-M5", "MILK", "1"),
    )

    done = top_up_wave(site.uow(), wave_id, LENA)

    assert set(done.orders) == {"SO-M4", "SO-M3"} and done.waiting == 1
    assert done.orders[0] == "SO-M4"
    assert "SO-M4" in cart_of(site, "SO-M")  # the urgent one on the MILK cart
    waiting = site.rows(select(orders.c.status).where(orders.c.order_id == "SO-M5"))
    assert waiting == [("allocated",)]  # for the next wave


def test_release_tops_up_first_and_the_filter_is_kept(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave_id = planned(site, wave_filter=WaveFilter(min_priority=None, channel="web"))
    add_orders(
        site,
        tmp_path,
        sqlite_url,
        run_cli,
        order_row("SO-B3", "BOLT", "1"),
        order_row("SHOP-1", "BOLT", "1", channel="shop"),  # not what this wave takes
    )

    release_wave(site.uow(), wave_id, LENA)

    assert cart_of(site, "SO-B3") == {"SO-B1", "SO-B2", "SO-B3"}
    status = dict(site.rows(select(orders.c.order_id, orders.c.status)))
    assert status["SO-B3"] == "released" and status["SHOP-1"] == "allocated"
    assert {s for (s,) in site.rows(select(pick_lists.c.status))} == {"released"}


def test_a_wave_grouped_by_carrier_takes_an_order_only_onto_its_carriers_cart(
    tmp_path, sqlite_url, run_cli
):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    add_orders(site, tmp_path, sqlite_url, run_cli, order_row("SO-D1", "BOLT", "1", carrier="DHL"))
    wave_id = planned(site, capacity=4, by_carrier=True)
    assert {"SO-D1"} in carts(site).values()  # DHL alone on its cart
    add_orders(
        site,
        tmp_path,
        sqlite_url,
        run_cli,
        order_row("SO-D2", "MILK", "1", carrier="DHL"),
        order_row("SO-X", "MILK", "1"),
    )

    done = top_up_wave(site.uow(), wave_id, LENA)

    assert cart_of(site, "SO-D2") == {"SO-D1", "SO-D2"}
    # The other cart is full; the DHL cart has room but SO-X is not DHL's: it waits.
    assert done.orders == ("SO-D2",) and done.waiting == 1


def test_a_released_wave_is_not_topped_up(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave_id = planned(site)
    release_wave(site.uow(), wave_id, LENA)
    with pytest.raises(NotFound, match="not a planned wave"):
        top_up_wave(site.uow(), wave_id, LENA)
