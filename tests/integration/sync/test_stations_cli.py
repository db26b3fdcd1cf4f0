"""`shipshape simulate` and `shipshape stations` on a SQLite central with the demo site."""

from __future__ import annotations

import json

from app.bootstrap import open_central
from app.services import demo
from tests.integration.sync.several_sites import simulate_several_warehouses


def test_simulate_checks_central_against_every_station_then_stations_lists_them(
    sqlite_url, run_cli, tmp_path
):
    central = open_central(sqlite_url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _line: None)
    status, out, err = run_cli(
        "simulate", "--stations", "2", "--facts", "25", "--stores", tmp_path / "stores",
        "--database", sqlite_url,
    )  # fmt: skip
    assert status == 0, out + err
    assert "50 facts acknowledged and on central" in out
    assert "0 missing, 0 duplicated, 0 unexpected" in out
    assert "OK: central matches every station" in out
    status, out, _ = run_cli("stations", "--json", "--database", sqlite_url)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["station"] for r in rows] == ["sim-001", "sim-002"]
    assert all(r["facts_pushed"] >= 25 and r["facts_waiting"] == 0 for r in rows)
    assert {r["user"] for r in rows} == {"Sim picker 001", "Sim picker 002"}
    status, out, _ = run_cli("stations", "--database", sqlite_url)
    assert status == 0 and out.splitlines()[0].split()[:3] == ["station", "user", "state"]
    assert "sim-001" in out


def test_simulate_refuses_nonsense_counts(sqlite_url, run_cli):
    status, _out, err = run_cli(
        "simulate", "--stations", "0", "--facts", "5", "--database", sqlite_url
    )
    assert status == 2 and "--stations must be at least 1" in err


def test_simulate_several_warehouses_keeps_each_station_to_its_own(sqlite_url, run_cli, tmp_path):
    """Two SIM warehouses, two stations homed in each: the check passes, and each station's
    store holds only its warehouse's pick work and stock. (PostgreSQL: tests/pg.)"""
    simulate_several_warehouses(sqlite_url, run_cli, tmp_path, warehouses=2, stations=2)
