"""Loading and closing on SQLite: appliers idempotent, late facts to the lead, the close."""

from station.demo_packing import demo_central
from tests.integration.dispatch.story import run_story


def test_load_replay_hold_and_close_on_sqlite(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    try:
        run_story(central)
    finally:
        central.close()
