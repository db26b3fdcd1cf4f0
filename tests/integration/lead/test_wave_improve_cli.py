"""`shipshape top-up-wave` and `shipshape rebalance-wave` against a real SQLite central."""

from __future__ import annotations

import json

from tests.integration.lead.waves_site import add_orders, carts, milk_and_bolt_site, mixed_wave
from tests.integration.site_files import order_row


def test_top_up_wave_reports_orders_and_metres(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    status, out, _ = run_cli("plan-waves", "--capacity", "3", "--json", "--database", sqlite_url)
    wave_id = json.loads(out)["id"]
    add_orders(site, tmp_path, sqlite_url, run_cli, order_row("SO-B3", "BOLT", "1"))

    status, out, err = run_cli("top-up-wave", wave_id, "--json", "--database", sqlite_url)

    assert status == 0, err
    report = json.loads(out)
    assert report["orders"] == ["SO-B3"] and report["waiting"] == 0
    assert report["added_m"] < report["own_carts_m"]
    status, out, _ = run_cli("top-up-wave", wave_id, "--database", sqlite_url)
    assert status == 0 and "0 order(s) joined its carts" in out


def test_top_up_of_a_released_wave_is_refused_in_one_line(tmp_path, sqlite_url, run_cli):
    milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    _, out, _ = run_cli("plan-waves", "--release", "--json", "--database", sqlite_url)
    wave_id = json.loads(out)["id"]
    status, _, err = run_cli("top-up-wave", wave_id, "--database", sqlite_url)
    assert status == 1 and f"wave {wave_id} is not a planned wave" in err


def test_rebalance_wave_previews_then_applies(tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    wave_id = mixed_wave(site, [["SO-M", "SO-B1"], ["SO-M2", "SO-B2"]], 2, release=True)
    before = carts(site)

    status, out, _ = run_cli(
        "rebalance-wave", wave_id, "--preview", "--json", "--database", sqlite_url
    )
    preview = json.loads(out)
    assert status == 0 and not preview["applied"] and preview["saved_m"] > 0
    assert carts(site) == before

    status, out, _ = run_cli("rebalance-wave", wave_id, "--database", sqlite_url)
    assert status == 0 and "re-balanced" in out and f"saved {preview['saved_m']} m" in out
    assert sorted(map(sorted, carts(site).values())) == [["SO-B1", "SO-B2"], ["SO-M", "SO-M2"]]

    status, out, _ = run_cli("rebalance-wave", wave_id, "--json", "--database", sqlite_url)
    again = json.loads(out)
    assert status == 0 and not again["applied"] and again["saved_m"] == 0
