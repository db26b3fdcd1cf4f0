"""`shipshape simulate` and `shipshape stations` on a SQLite central with the demo site."""

from __future__ import annotations

import json

from sqlalchemy import delete, select

from app.bootstrap import open_central
from app.cli import simulate_sites
from app.services import demo
from db.schema import events
from tests.integration.sync.several_sites import dock_lines, seeded, simulate_several_warehouses


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


def test_simulate_several_warehouses_packs_and_loads_what_its_pickers_picked(
    sqlite_url, run_cli, tmp_path
):
    """Two SIM warehouses of 3 stations each: a picker, a packer, a loader. The packer packs
    the orders its warehouse's picker finished, the loader loads the cartons onto its cage;
    central holds every carton and load, in that warehouse, and the facts count the same."""
    out = simulate_several_warehouses(
        sqlite_url, run_cli, tmp_path, warehouses=2, stations=3, dock=1, facts=60
    )
    assert "each warehouse: 1 pick, 1 pack, 1 load" in out
    lines = dock_lines(out)
    assert set(lines) == {"SIM1", "SIM2"}
    for closed, closed_facts, kept, loaded, load_facts, on_cage, raised in lines.values():
        assert closed > 0 and closed == closed_facts == kept
        assert loaded > 0 and loaded == load_facts == on_cage
        assert raised == 0
    rows = {
        line.split()[0]: line.split()
        for line in out.splitlines()
        if line.startswith(("SIM", "total"))
    }
    assert float(rows["total"][9]) > 0 and float(rows["total"][10]) > 0  # pack/s, load/s


def test_simulate_fails_when_a_packers_fact_is_lost(sqlite_url, run_cli, tmp_path, monkeypatch):
    """A packer's `pack.item` that central lost, and a carton a packer closed that central never
    got: the checks find both and simulate exits 1."""
    real = simulate_sites.run_stations

    def losing_one(url, *args, **kwargs):
        runs = real(url, *args, **kwargs)
        packer = next(run for run in runs if run.role == "pack" and run.cartons)
        central = open_central(url)
        with central.engine.begin() as conn:
            lost = conn.execute(
                select(events.c.uuid).where(
                    events.c.station == packer.station, events.c.kind == "pack.item"
                )
            ).scalar()
            conn.execute(delete(events).where(events.c.uuid == lost))
        central.close()
        packer.cartons.append("000000000000000000")  # closed here, never on central
        packer.kinds["package.closed"] += 1
        return runs

    monkeypatch.setattr(simulate_sites, "run_stations", losing_one)
    seeded(sqlite_url)
    status, out, err = run_cli(
        "simulate", "--warehouses", "2", "--stations", "3", "--facts", "60", "--packers", "1",
        "--loaders", "1", "--stores", tmp_path / "stores", "--database", sqlite_url,
    )  # fmt: skip
    assert status == 1, out + err
    assert " 1 missing, 0 duplicated, 0 unexpected" in out
    assert "MISMATCH: central differs" in out
    assert "MISMATCH: cartons or loads" in out
    closed, closed_facts, kept = next(iter(dock_lines(out).values()))[:3]
    assert closed == closed_facts == kept + 1
