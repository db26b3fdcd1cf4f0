"""plan-waves and picklists against a real SQLite central database."""

from __future__ import annotations

import json
from collections import Counter

from tests.integration.site_files import import_site, order_row, write_orders


def seeded(tmp_path, url, run_cli, n_orders=10):
    import_site(run_cli, url, tmp_path / "site")
    rows = []
    for n in range(n_orders):
        priority = str(n % 3)  # every row of an order says the same (rows that disagree reject it)
        rows.append(order_row(f"SO-{n}", "BOLT", str(1 + n % 3), priority=priority))
        if n % 2:
            rows.append(order_row(f"SO-{n}", "GLUE", "1", priority=priority))
    assert (
        run_cli("import-orders", write_orders(tmp_path / "o.csv", *rows), "--database", url)[0] == 0
    )
    assert run_cli("allocate", "--database", url)[0] == 0


def picklists(run_cli, url) -> list[dict]:
    status, out, _ = run_cli("picklists", "--json", "--database", url)
    assert status == 0
    return [json.loads(line) for line in out.splitlines()]


def test_plan_and_release_puts_every_allocated_order_on_one_cart(tmp_path, sqlite_url, run_cli):
    seeded(tmp_path, sqlite_url, run_cli)
    status, out, _ = run_cli(
        "plan-waves", "--capacity", "3", "--release", "--json", "--database", sqlite_url
    )
    assert status == 0
    summary = json.loads(out)
    assert summary["released"] and summary["pick_lists"] >= 3
    lists = picklists(run_cli, sqlite_url)
    assert len(lists) == summary["pick_lists"]
    orders_on = Counter()
    for pick_list in lists:
        assert pick_list["status"] == "released" and pick_list["assignee"] is None
        assert [t["seq"] for t in pick_list["tasks"]] == list(range(1, len(pick_list["tasks"]) + 1))
        carts_orders = {t["order_id"] for t in pick_list["tasks"]}
        assert len(carts_orders) <= 3
        orders_on.update(carts_orders)
    # GLUE: 4 in stock, so only the first allocated orders with GLUE get a cart; none twice.
    status, out, _ = run_cli("orders", "--json", "--status", "released", "--database", sqlite_url)
    released = {json.loads(line)["order_id"] for line in out.splitlines()}
    assert set(orders_on) == released and all(n == 1 for n in orders_on.values())
    units = {(t["order_id"], t["sku"]): 0 for pl in lists for t in pl["tasks"]}
    for pick_list in lists:
        for task in pick_list["tasks"]:
            units[(task["order_id"], task["sku"])] += task["quantity"]
    assert units[("SO-1", "BOLT")] == 2 and units[("SO-2", "BOLT")] == 3


def test_tasks_follow_the_optimal_route(tmp_path, sqlite_url, run_cli):
    seeded(tmp_path, sqlite_url, run_cli, n_orders=4)
    run_cli("plan-waves", "--capacity", "4", "--release", "--database", sqlite_url)
    (pick_list,) = picklists(run_cli, sqlite_url)
    codes = [t["location"] for t in pick_list["tasks"]]
    picks = tmp_path / "picks.json"
    picks.write_text(json.dumps({"picks": codes}))
    status, out, _ = run_cli("route", tmp_path / "site" / "layout.json", picks, "--json")
    route = json.loads(out)["sequence"]
    # The tasks visit locations in the route's order (duplicates side by side).
    assert list(dict.fromkeys(codes)) == list(dict.fromkeys(route))


def test_planning_again_does_not_double_and_empty_is_a_clear_error(tmp_path, sqlite_url, run_cli):
    seeded(tmp_path, sqlite_url, run_cli, n_orders=3)
    assert run_cli("plan-waves", "--database", sqlite_url)[0] == 0
    status, _, err = run_cli("plan-waves", "--database", sqlite_url)
    assert status == 2 and "no allocated orders" in err
    lists = picklists(run_cli, sqlite_url)
    assert all(pl["status"] == "planned" for pl in lists)
