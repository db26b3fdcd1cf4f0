"""Re-balancing a released wave's unstarted carts (real SQLite central)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.domain.events import Actor
from app.errors import BadInput, Conflict
from app.services.picking_appliers import claim_next
from app.services.wave_rebalance import apply_rebalance, preview_rebalance, rebalance_wave
from db.schema import events, pick_lists
from tests.integration.lead.site import STATION
from tests.integration.lead.waves_site import add_orders, carts, milk_and_bolt_site, mixed_wave
from tests.integration.site_files import order_row

LENA = Actor("Lena", STATION)
MIXED = [["SO-M", "SO-B1"], ["SO-M2", "SO-B2"]]  # each cart walks both aisles


def versions(site) -> dict[int, int]:
    return dict(site.rows(select(pick_lists.c.id, pick_lists.c.version)))


def claim(site, badge="1001") -> int:
    with site.uow() as uow:
        list_id = claim_next(uow, Actor("Pia", "picker-1"), badge, datetime.now(UTC))
        uow.commit()
    return list_id


def test_preview_shows_the_saving_and_apply_rewrites_the_carts(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave_id = mixed_wave(site, MIXED, capacity=2, release=True)
    before = versions(site)

    preview = preview_rebalance(site.uow(), wave_id)

    assert preview.worthwhile and preview.after_m < preview.before_m
    assert preview.saved_m == round(preview.before_m - preview.after_m, 1)
    assert 0 < preview.saved_pct < 100
    assert versions(site) == before  # a preview writes nothing

    apply_rebalance(site.uow(), preview, LENA)

    assert sorted(map(sorted, carts(site).values())) == [["SO-B1", "SO-B2"], ["SO-M", "SO-M2"]]
    assert all(versions(site)[i] == v + 1 for i, v in before.items())
    walked = sum(d for (d,) in site.rows(select(pick_lists.c.distance_m)))
    assert walked == pytest.approx(preview.after_m, abs=0.1)
    (row,) = site.rows(select(events).where(events.c.kind == "wave.rebalanced"))
    assert row.payload["before_m"] == preview.before_m
    assert row.payload["after_m"] == preview.after_m
    assert row.user_name == "Lena" and row.station == STATION
    again = preview_rebalance(site.uow(), wave_id)
    assert not again.worthwhile  # already as good as the batcher makes it
    with pytest.raises(BadInput, match="would not walk less"):
        apply_rebalance(site.uow(), again, LENA)


def test_a_list_claimed_after_the_preview_wins_and_nothing_changes(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave_id = mixed_wave(site, MIXED, capacity=2, release=True)
    preview = preview_rebalance(site.uow(), wave_id)
    before = carts(site)
    claimed = claim(site)

    with pytest.raises(Conflict, match=f"pick list {claimed} was claimed"):
        apply_rebalance(site.uow(), preview, LENA)

    assert carts(site) == before
    assert not site.rows(select(events).where(events.c.kind == "wave.rebalanced"))


def test_claimed_lists_are_left_alone(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    rows = [order_row("SO-M3", "MILK", "1"), order_row("SO-B3", "BOLT", "1")]
    add_orders(site, tmp_path, sqlite_url, run_cli, *rows)
    wave_id = mixed_wave(site, [*MIXED, ["SO-M3", "SO-B3"]], capacity=2, release=True)
    claimed = claim(site)
    claimed_orders = carts(site)[claimed]

    plan, applied = rebalance_wave(site.uow, wave_id, LENA)

    assert plan.left_alone == 1 and claimed not in dict(plan.versions)
    assert applied and plan.saved_m > 0
    assert carts(site)[claimed] == claimed_orders  # the picker's cart is as they took it
    others = sorted(sorted(c) for i, c in carts(site).items() if i != claimed)
    assert len(others) == 2 and all(len({o[3] for o in c}) == 1 for c in others)  # one aisle


def test_only_a_released_wave_is_rebalanced(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave_id = mixed_wave(site, MIXED, capacity=2, release=False)
    with pytest.raises(BadInput, match="is not released"):
        preview_rebalance(site.uow(), wave_id)
