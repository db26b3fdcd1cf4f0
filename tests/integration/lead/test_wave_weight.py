"""A cart's weight limit in wave planning: plan, stored plan, top-up, re-balance, CLI.

On the lead site MILK weighs 1.03 kg a unit, BOLT 0.01 kg: SO-M (2 MILK) 2.06 kg, SO-M2
(1 MILK) 1.03 kg, SO-B1 and SO-B2 (BOLT) 0.01 and 0.02 kg.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.domain.events import Actor
from app.errors import BadInput
from app.services import lead
from app.services.wave_plan import WaveFilter, WavePlan
from app.services.wave_rebalance import preview_rebalance
from app.services.wave_topup import top_up_wave
from app.services.waves import plan_wave
from db.schema import waves
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
KG = {"SO-M": 2.06, "SO-M2": 1.03, "SO-B1": 0.01, "SO-B2": 0.02, "SO-M3": 1.03}


def milk_apart(groups) -> bool:
    return not any({"SO-M", "SO-M2"} <= set(group) for group in groups)


def weight(group) -> float:
    return sum(KG[o] for o in group)


def previewed_carts(site, wave) -> list[set[str]]:
    names = {ref: name for name, ref in refs(site).items()}
    return [{names[r] for r in pick_list.order_refs} for pick_list in wave.pick_lists]


def test_heavy_orders_that_share_a_cart_by_totes_go_on_two_carts_under_a_weight_limit(
    tmp_path, sqlite_url, run_cli
):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)

    free = previewed_carts(site, plan_wave(site.uow(), 3))
    limited = previewed_carts(site, plan_wave(site.uow(), 3, max_weight_kg=2.5))

    assert {"SO-M", "SO-M2"} in free  # 3.09 kg together: no limit, one cart walks one aisle
    assert milk_apart(limited)
    assert sorted(set().union(*limited)) == sorted(KG.keys() - {"SO-M3"})  # every order placed
    assert all(weight(cart) <= 2.5 for cart in limited)


def test_a_weight_limit_of_nothing_is_refused():
    for kg in (0.0, -1.0, float("nan")):
        with pytest.raises(BadInput, match="weight limit per cart"):
            plan_wave(None, 3, max_weight_kg=kg)  # refused before the database is asked


def test_the_plan_keeps_its_weight_limit_through_the_stored_document(tmp_path, sqlite_url, run_cli):
    plan = WavePlan(3, WaveFilter(channel="web"), True, 2.5)
    assert WavePlan.of(json.loads(json.dumps(plan.document())), 1) == plan
    older = {k: v for k, v in plan.document().items() if k != "max_weight_kg"}
    assert WavePlan.of(older, 1).max_weight_kg is None  # planned before limits: no limit

    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave = plan_wave(site.uow(), 3, max_weight_kg=2.5)
    wave_id = lead.save_wave(site.uow(), site.lead, wave, False, STATION)
    (stored,) = site.rows(select(waves.c.plan).where(waves.c.id == wave_id))
    assert WavePlan.of(stored[0], 1).max_weight_kg == 2.5


@pytest.mark.parametrize(("limit", "joins"), [(None, "SO-M"), (3.2, "SO-B1")])
def test_a_top_up_keeps_the_carts_weight_limit(tmp_path, sqlite_url, run_cli, limit, joins):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave = plan_wave(site.uow(), 3, max_weight_kg=limit)
    wave_id = lead.save_wave(site.uow(), site.lead, wave, False, STATION)
    assert sorted(map(sorted, carts(site).values())) == [["SO-B1", "SO-B2"], ["SO-M", "SO-M2"]]
    add_orders(site, tmp_path, sqlite_url, run_cli, order_row("SO-M3", "MILK", "1"))

    done = top_up_wave(site.uow(), wave_id, LENA)

    # The MILK cart walks least more, but at 3.09 kg it has no room for 1.03 kg under 3.2 kg.
    assert done.orders == ("SO-M3",) and done.waiting == 0
    cart = next(c for c in carts(site).values() if "SO-M3" in c)
    assert joins in cart
    assert limit is None or weight(cart) <= limit


def test_a_top_up_leaves_an_order_that_fits_under_no_carts_limit_for_the_next_wave(
    tmp_path, sqlite_url, run_cli
):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave = plan_wave(site.uow(), 3, max_weight_kg=3.1)
    wave_id = lead.save_wave(site.uow(), site.lead, wave, False, STATION)
    add_orders(site, tmp_path, sqlite_url, run_cli, order_row("SO-M5", "MILK", "3"))  # 3.09 kg

    done = top_up_wave(site.uow(), wave_id, LENA)

    assert done.orders == () and done.waiting == 1


@pytest.mark.parametrize(("limit", "saves"), [(None, True), (2.5, False)])
def test_a_rebalance_does_not_put_carts_over_the_weight_limit(
    tmp_path, sqlite_url, run_cli, limit, saves
):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    groups = [["SO-M", "SO-B1"], ["SO-M2", "SO-B2"]]
    wave_id = mixed_wave(site, groups, 2, release=True, max_weight_kg=limit)

    preview = preview_rebalance(site.uow(), wave_id)

    # MILK with MILK walks less, but weighs 3.09 kg: more than a 2.5 kg cart takes.
    assert preview.worthwhile is saves


def test_plan_waves_takes_a_cart_weight_limit(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    status, out, err = run_cli(
        "plan-waves", "--capacity", "3", "--cart-max-weight-kg", "2.5", "--json",
        "--database", sqlite_url,
    )  # fmt: skip

    assert status == 0, err
    assert milk_apart(carts(site).values())
    (stored,) = site.rows(select(waves.c.plan).where(waves.c.id == json.loads(out)["id"]))
    assert stored[0]["max_weight_kg"] == 2.5


@pytest.mark.parametrize("value", ["0", "-2", "heavy", "nan", "inf"])
def test_plan_waves_refuses_a_weight_limit_that_is_no_positive_number(
    tmp_path, sqlite_url, run_cli, value
):
    milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    status, out, err = run_cli(
        "plan-waves", f"--cart-max-weight-kg={value}", "--database", sqlite_url
    )

    assert status == 2 and out == ""
    assert err.splitlines() == [
        f"shipshape plan-waves: --cart-max-weight-kg must be a number of kilograms above 0, "
        f"got {value!r}"
    ]
    status, out, _ = run_cli("plan-waves", "--preview", "--json", "--database", sqlite_url)
    assert json.loads(out)["orders"] == 4  # nothing was planned by the refused command
