"""`shipshape run --warehouse CODE`: the station built by the composition root works for its
home warehouse (its store pulls that warehouse's stock alone); an unknown code is refused."""

from __future__ import annotations

import pytest

from app.bootstrap import open_central
from app.errors import BadInput
from db.station.store import StationStore
from tests.integration.warehouses.station_home import WEST_LOCATIONS, stock_the_west
from tests.integration.warehouses.two_sites import TwoSites
from tests.ui.stations import station_on
from ui.worker import SynchronousWorker


@pytest.fixture
def central(tmp_path, sqlite_url, run_cli):
    stock_the_west(TwoSites(run_cli, sqlite_url, tmp_path / "files"))
    central = open_central(sqlite_url)
    yield central
    central.close()


def test_a_station_of_the_west_pulls_the_west_alone(central, tmp_path):
    store = StationStore(tmp_path / "pick-w.sqlite", "PICK-W")
    station = station_on(
        central, "PICK-W", tmp_path, store=store, worker=SynchronousWorker(), warehouse="west"
    )
    assert central.warehouse == "WEST" and station.sync is not None
    station.sync.sync_once()
    assert {doc["location"] for doc in store.cached("stock").values()} == WEST_LOCATIONS


def test_an_unknown_home_is_refused(central, tmp_path):
    with pytest.raises(BadInput, match="unknown warehouse NORTH; known: WH1, WEST"):
        station_on(central, "PICK-N", tmp_path, worker=SynchronousWorker(), warehouse="north")
