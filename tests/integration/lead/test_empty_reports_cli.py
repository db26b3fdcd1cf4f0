"""The lead's reports on the command line say what an empty answer means, on a new site with
nothing shipped, returned or late (SQLite central)."""

from __future__ import annotations

import json

import pytest

from tests.integration.site_files import import_site

LEAD = ("--badge", "9001", "--pin", "246810")


def new_site(tmp_path, sqlite_url, run_cli) -> str:
    import_site(run_cli, sqlite_url, tmp_path / "site")
    first = ("migrate", "--first-lead", "Lea", *LEAD, "--database", sqlite_url)
    assert run_cli(*first)[0] == 0
    return sqlite_url


def test_returns_kpis_without_decisions_say_so(tmp_path, sqlite_url, run_cli):
    url = new_site(tmp_path, sqlite_url, run_cli)
    status, out, err = run_cli("returns-kpis", *LEAD, "--database", url)
    assert status == 0, err
    assert out.splitlines() == [
        "shipped 0, returned 0 (-)",
        "arrival to decision: - (no returned unit decided in this range)",
    ]
    status, out, _ = run_cli("returns-kpis", "--json", *LEAD, "--database", url)
    report = json.loads(out)
    assert (report["decision_median_h"], report["decision_p90_h"]) == (None, None)


def test_at_risk_with_nothing_at_risk_says_so(tmp_path, sqlite_url, run_cli):
    url = new_site(tmp_path, sqlite_url, run_cli)
    status, out, err = run_cli("at-risk", *LEAD, "--database", url)
    assert status == 0 and out == ""  # no lines: a script counts none
    assert err.strip() == "no order is predicted to miss its ship-by"  # the person is told
    status, out, err = run_cli("at-risk", "--json", *LEAD, "--database", url)
    assert (status, out, err) == (0, "", "")


@pytest.mark.parametrize(
    ("command", "told"),
    [
        (("transfers",), "no transfers"),
        (("quarantine", *LEAD), "quarantine is empty: no returned unit waits for a decision"),
        (("holds",), "no order is on hold"),
        (("orders", "--status", "shipped"), "no orders shipped"),
    ],
)
def test_an_empty_list_prints_no_lines_and_says_so_on_stderr(
    tmp_path, sqlite_url, run_cli, command, told
):
    url = new_site(tmp_path, sqlite_url, run_cli)
    status, out, err = run_cli(*command, "--database", url)
    assert (status, out, err.strip()) == (0, "", told)
    status, out, err = run_cli(*command, "--json", "--database", url)
    assert (status, out, err) == (0, "", "")
