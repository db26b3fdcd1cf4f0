"""`shipshape simulate --warehouses` on PostgreSQL: claims race with SKIP LOCKED here, and the
stations of each warehouse listen for changes."""

from __future__ import annotations

from tests.integration.sync.several_sites import dock_lines, simulate_several_warehouses


def test_simulate_three_warehouses_keeps_each_station_to_its_own(pg_url, run_cli, tmp_path):
    simulate_several_warehouses(pg_url, run_cli, tmp_path, warehouses=3, stations=3)


def test_simulate_two_warehouses_picks_packs_and_loads(pg_url, run_cli, tmp_path):
    """A picker, a packer and a loader in each of two warehouses, all at once: every carton
    closed and every load is on central once, in its warehouse, with no exception."""
    out = simulate_several_warehouses(
        pg_url, run_cli, tmp_path, warehouses=2, stations=3, dock=1, facts=60
    )
    lines = dock_lines(out)
    assert set(lines) == {"SIM1", "SIM2"}
    for closed, closed_facts, kept, loaded, load_facts, on_cage, raised in lines.values():
        assert closed > 0 and closed == closed_facts == kept
        assert loaded > 0 and loaded == load_facts == on_cage
        assert raised == 0
