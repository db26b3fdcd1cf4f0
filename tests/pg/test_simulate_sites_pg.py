"""`shipshape simulate --warehouses 3` on PostgreSQL: claims race with SKIP LOCKED here, and
three stations per warehouse listen for changes."""

from __future__ import annotations

from tests.integration.sync.several_sites import simulate_several_warehouses


def test_simulate_three_warehouses_keeps_each_station_to_its_own(pg_url, run_cli, tmp_path):
    simulate_several_warehouses(pg_url, run_cli, tmp_path, warehouses=3, stations=3)
