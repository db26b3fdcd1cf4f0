"""Loading and closing on SQLite: appliers idempotent, late facts to the lead, the close."""

from datetime import datetime

from sqlalchemy import update

from app.services import dispatch_close
from db.schema import packages
from station.demo_dispatch import pack_demo_orders
from station.demo_packing import demo_central
from tests.integration.dispatch.story import LEAD, load, loading, run_story


def test_load_replay_hold_and_close_on_sqlite(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    try:
        run_story(central)
    finally:
        central.close()


def test_only_cartons_packed_before_the_cutoff_are_left_behind(tmp_path, tmp_path_factory):
    """SF's cut-off is 16:30 (resources/demo/site.json). Closed at 18:00: a carton packed at
    12:00 and not loaded missed the collection; one packed at 17:00 waits for tomorrow's."""
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    try:
        loaded, early, late = pack_demo_orders(central, 3, carrier="SF Express")
        today = datetime.now().astimezone().replace(second=0, microsecond=0)
        with central.engine.begin() as conn:
            for carton, hour in ((loaded, 11), (early, 12), (late, 17)):
                moment = today.replace(hour=hour, minute=0)
                query = update(packages).where(packages.c.sscc == carton.sscc)
                conn.execute(query.values(packed_at=moment))
        backend, state = loading(central, "SF")
        assert load(backend, state, loaded.sscc).ok
        close_at = today.replace(hour=18, minute=0)
        manifest = dispatch_close.close_carrier(
            central.uow(), LEAD, "SF", "LEAD-01", now=lambda: close_at
        )
    finally:
        central.close()
    assert [x.order_id for x in manifest.left_behind] == [early.order_id]
    assert manifest.orders_shipped == 1
