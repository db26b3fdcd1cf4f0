"""A cart's volume limit in wave planning: plan, stored plan, top-up, re-balance, CLI.

The lead site's products carry no dimensions; `bulky_milk` gives MILK 10 × 10 × 20 cm (2 l a
unit): SO-M (2 MILK) 4 l, SO-M2 and SO-M3 (1 MILK) 2 l. BOLT and GLUE stay without dimensions
and take no room on a cart.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

from app.domain.catalog import UnitSize
from app.domain.events import Actor
from app.errors import BadInput
from app.services import lead
from app.services.wave_plan import WaveFilter, WavePlan
from app.services.wave_rebalance import preview_rebalance
from app.services.wave_topup import top_up_wave
from app.services.waves import plan_wave
from db.schema import products, waves
from tests.integration.lead.site import STATION
from tests.integration.lead.waves_site import (
    add_orders,
    carts,
    milk_and_bolt_site,
    mixed_wave,
    refs,
)
from tests.integration.site_files import order_row

LENA = Actor("Lena", STATION)
LITRES = {"SO-M": 4.0, "SO-M2": 2.0, "SO-B1": 0.0, "SO-B2": 0.0, "SO-M3": 2.0}


def bulky_site(tmp_path, sqlite_url, run_cli):
    """The MILK and BOLT site with MILK 2 l a unit; GLUE has a length only (not all three)."""
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    site.run(
        update(products)
        .where(products.c.sku == "MILK")
        .values(length_cm=10.0, width_cm=10.0, height_cm=20.0)
    )
    site.run(update(products).where(products.c.sku == "GLUE").values(length_cm=30.0))
    return site


def milk_apart(groups) -> bool:
    return not any({"SO-M", "SO-M2"} <= set(group) for group in groups)


def volume(group) -> float:
    return sum(LITRES[o] for o in group)


def previewed_carts(site, wave) -> list[set[str]]:
    names = {ref: name for name, ref in refs(site).items()}
    return [{names[r] for r in pick_list.order_refs} for pick_list in wave.pick_lists]


def test_bulky_orders_that_share_a_cart_by_totes_go_on_two_carts_under_a_volume_limit(
    tmp_path, sqlite_url, run_cli
):
    site = bulky_site(tmp_path, sqlite_url, run_cli)

    free = previewed_carts(site, plan_wave(site.uow(), 3))
    limited = previewed_carts(site, plan_wave(site.uow(), 3, max_volume_l=5.0))

    assert {"SO-M", "SO-M2"} in free  # 6 l together: no limit, one cart walks one aisle
    assert milk_apart(limited)
    assert sorted(set().union(*limited)) == sorted(LITRES.keys() - {"SO-M3"})  # all placed
    assert all(volume(cart) <= 5.0 for cart in limited)


def test_products_without_all_three_dimensions_take_no_room(tmp_path, sqlite_url, run_cli):
    site = bulky_site(tmp_path, sqlite_url, run_cli)
    with site.uow() as uow:
        sizes = uow.catalog.unit_sizes(["MILK", "BOLT", "GLUE", "NOPE"])
    assert sizes == {  # one query for weight and volume; a SKU nobody has is left out
        "MILK": UnitSize(1.03, 2.0),
        "BOLT": UnitSize(0.01, 0.0),
        "GLUE": UnitSize(0.2, 0.0),  # a length only: unknown volume
    }

    limited = previewed_carts(site, plan_wave(site.uow(), 3, max_volume_l=0.5))

    assert {"SO-B1", "SO-B2"} in limited  # BOLT has no dimensions: any cart has room for it
    assert {"SO-M"} in limited and {"SO-M2"} in limited  # bigger than a cart: a cart each


def test_a_volume_limit_of_nothing_is_refused():
    for litres in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(BadInput, match="volume limit per cart"):
            plan_wave(None, 3, max_volume_l=litres)  # refused before the database is asked


def test_the_plan_keeps_its_volume_limit_through_the_stored_document(tmp_path, sqlite_url, run_cli):
    plan = WavePlan(3, WaveFilter(channel="web"), True, 2.5, 40.0)
    assert WavePlan.of(json.loads(json.dumps(plan.document())), 1) == plan
    older = {k: v for k, v in plan.document().items() if k != "max_volume_l"}
    assert WavePlan.of(older, 1).max_volume_l is None  # planned before volume limits: none
    assert WavePlan.of(older, 1).max_weight_kg == 2.5

    site = bulky_site(tmp_path, sqlite_url, run_cli)
    wave = plan_wave(site.uow(), 3, max_volume_l=5.0)
    wave_id = lead.save_wave(site.uow(), site.lead, wave, False, STATION)
    (stored,) = site.rows(select(waves.c.plan).where(waves.c.id == wave_id))
    assert WavePlan.of(stored[0], 1).max_volume_l == 5.0
    assert WavePlan.of(stored[0], 1).max_weight_kg is None


@pytest.mark.parametrize(("limit", "joins"), [(None, "SO-M"), (7.0, "SO-B1")])
def test_a_top_up_keeps_the_carts_volume_limit(tmp_path, sqlite_url, run_cli, limit, joins):
    site = bulky_site(tmp_path, sqlite_url, run_cli)
    wave = plan_wave(site.uow(), 3, max_volume_l=limit)
    wave_id = lead.save_wave(site.uow(), site.lead, wave, False, STATION)
    assert sorted(map(sorted, carts(site).values())) == [["SO-B1", "SO-B2"], ["SO-M", "SO-M2"]]
    add_orders(site, tmp_path, sqlite_url, run_cli, order_row("SO-M3", "MILK", "1"))

    done = top_up_wave(site.uow(), wave_id, LENA)

    # The MILK cart walks least more, but at 6 l it has no room for 2 l more under 7 l.
    assert done.orders == ("SO-M3",) and done.waiting == 0
    cart = next(c for c in carts(site).values() if "SO-M3" in c)
    assert joins in cart
    assert limit is None or volume(cart) <= limit


def test_a_top_up_leaves_an_order_that_fits_under_no_carts_volume_limit_for_the_next_wave(
    tmp_path, sqlite_url, run_cli
):
    site = bulky_site(tmp_path, sqlite_url, run_cli)
    wave = plan_wave(site.uow(), 3, max_volume_l=7.0)
    wave_id = lead.save_wave(site.uow(), site.lead, wave, False, STATION)
    add_orders(site, tmp_path, sqlite_url, run_cli, order_row("SO-M5", "MILK", "4"))  # 8 l

    done = top_up_wave(site.uow(), wave_id, LENA)

    assert done.orders == () and done.waiting == 1


@pytest.mark.parametrize(("limit", "saves"), [(None, True), (5.0, False)])
def test_a_rebalance_does_not_put_carts_over_the_volume_limit(
    tmp_path, sqlite_url, run_cli, limit, saves
):
    site = bulky_site(tmp_path, sqlite_url, run_cli)
    groups = [["SO-M", "SO-B1"], ["SO-M2", "SO-B2"]]
    wave_id = mixed_wave(site, groups, 2, release=True, max_volume_l=limit)

    preview = preview_rebalance(site.uow(), wave_id)

    # MILK with MILK walks less, but takes 6 l: more than a 5 l cart holds.
    assert preview.worthwhile is saves


def test_plan_waves_takes_a_cart_volume_limit(tmp_path, sqlite_url, run_cli):
    site = bulky_site(tmp_path, sqlite_url, run_cli)
    status, out, err = run_cli(
        "plan-waves", "--capacity", "3", "--cart-max-volume-l", "5", "--json",
        "--database", sqlite_url,
    )  # fmt: skip

    assert status == 0, err
    assert milk_apart(carts(site).values())
    (stored,) = site.rows(select(waves.c.plan).where(waves.c.id == json.loads(out)["id"]))
    assert stored[0]["max_volume_l"] == 5.0 and stored[0]["max_weight_kg"] is None


@pytest.mark.parametrize("value", ["0", "-2", "bulky", "nan", "inf"])
def test_plan_waves_refuses_a_volume_limit_that_is_no_positive_number(
    tmp_path, sqlite_url, run_cli, value
):
    bulky_site(tmp_path, sqlite_url, run_cli)
    status, out, err = run_cli(
        "plan-waves", f"--cart-max-volume-l={value}", "--database", sqlite_url
    )

    assert status == 2 and out == ""
    assert err.splitlines() == [
        f"shipshape plan-waves: --cart-max-volume-l must be a number of litres above 0, "
        f"got {value!r}"
    ]
    status, out, _ = run_cli("plan-waves", "--preview", "--json", "--database", sqlite_url)
    assert json.loads(out)["orders"] == 4  # nothing was planned by the refused command
