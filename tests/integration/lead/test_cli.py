"""`shipshape kpis` and `shipshape timeline` on a real SQLite central database."""

from __future__ import annotations

import csv
import json

from tests.integration.lead.site import build_site

LEAD = ("--badge", "1011", "--pin", "246810")


def test_kpis_json_and_csv(tmp_path, sqlite_url, run_cli):
    build_site(tmp_path, sqlite_url, run_cli)
    target = tmp_path / "k.csv"
    status, out, err = run_cli(
        "kpis", "--database", sqlite_url, *LEAD, "--from", "2020-01-01", "--csv", target, "--json"
    )
    assert status == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    walking = {r["metric"]: r["value"] for r in rows if r["section"] == "walking"}
    assert int(walking["pick_lists"]) >= 2 and float(walking["sshape_m"]) > 0
    assert next(csv.reader(target.open(encoding="utf-8"))) == ["section", "name", "metric", "value"]


def test_timeline_json(tmp_path, sqlite_url, run_cli):
    build_site(tmp_path, sqlite_url, run_cli)
    status, out, _ = run_cli("timeline", "web/SO-M", "--database", sqlite_url, *LEAD, "--json")
    assert status == 0
    steps = [json.loads(line)["what"] for line in out.splitlines()]
    assert steps[0] == "order.received" and "pick (open)" in steps


def test_bad_dates_and_non_leads_are_refused(tmp_path, sqlite_url, run_cli):
    build_site(tmp_path, sqlite_url, run_cli)
    status, _, err = run_cli("kpis", "--database", sqlite_url, *LEAD, "--from", "yesterday")
    assert status == 2 and "--from 'yesterday'" in err
    status, _, err = run_cli("kpis", "--database", sqlite_url, "--badge", "1001", "--pin", "0000")
    assert status != 0 and "lead" in err
    status, _, err = run_cli("timeline", "web/SO-M", "--database", sqlite_url)
    assert status == 2 and "--badge" in err
