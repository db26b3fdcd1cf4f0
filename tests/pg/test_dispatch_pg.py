"""The dispatch story on PostgreSQL: the same appliers, replay and close as on SQLite."""

from app.bootstrap import open_central
from app.services import demo
from tests.integration.dispatch.story import run_story


def test_load_replay_hold_and_close_on_postgresql(pg_url):
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        run_story(central)
    finally:
        central.close()
