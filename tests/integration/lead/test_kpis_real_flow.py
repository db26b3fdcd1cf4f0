"""The lead's KPIs from the real flow on SQLite (tests/integration/lead/real_flow_kpis.py)."""

from station.demo_packing import demo_central
from tests.integration.lead.real_flow_kpis import check_kpis_from_the_real_flow


def test_cycle_time_and_shipped_vs_due_come_from_the_real_flow(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    try:
        check_kpis_from_the_real_flow(central)
    finally:
        central.close()
