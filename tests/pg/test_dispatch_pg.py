"""The dispatch story on PostgreSQL: the same appliers, replay and close as on SQLite."""

from app.bootstrap import open_central
from app.services import demo
from tests.integration.dispatch.story import run_story
from tests.integration.dispatch.warehouses_story import (
    run_close_per_warehouse,
    run_lead_console_per_warehouse,
)


def test_load_replay_hold_and_close_on_postgresql(pg_url):
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        run_story(central)
    finally:
        central.close()


def test_a_close_manifests_its_own_warehouses_parcels_on_postgresql(pg_url, tmp_path):
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        run_close_per_warehouse(central, tmp_path)
    finally:
        central.close()


def test_the_lead_console_closes_the_chosen_warehouses_parcels_on_postgresql(pg_url, tmp_path):
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        run_lead_console_per_warehouse(central, tmp_path)
    finally:
        central.close()
