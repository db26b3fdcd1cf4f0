"""Closing a carrier per warehouse on SQLite (the story: warehouses_story.py)."""

from station.demo_packing import demo_central
from tests.integration.dispatch.warehouses_story import (
    run_close_per_warehouse,
    run_lead_console_per_warehouse,
)


def test_a_close_manifests_its_own_warehouses_parcels(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    try:
        run_close_per_warehouse(central, tmp_path)
    finally:
        central.close()


def test_the_lead_console_closes_the_chosen_warehouses_parcels(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    try:
        run_lead_console_per_warehouse(central, tmp_path)
    finally:
        central.close()
