"""Several warehouses on PostgreSQL (docs/interfaces.md §15): migration 0034 upgrades a copy of
the demo database in place, and two warehouses keep their layouts, stock, settings (through the
checked counter function, which now takes a warehouse's `@<id>` counters) and receipts apart."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.bootstrap import open_central
from app.services import demo
from db.engine import make_engine
from db.roles import station_login_url
from tests.integration.warehouses import station_home, two_sites
from tests.integration.warehouses.upgrade import check_upgrade_keeps_the_site


def test_the_demo_database_becomes_warehouse_one(pg_url, run_cli):
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
    finally:
        central.close()
    check_upgrade_keeps_the_site(run_cli, pg_url)


@pytest.mark.parametrize(
    "check",
    two_sites.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_two_warehouses(pg_url, run_cli, tmp_path, check):
    check(two_sites.TwoSites(run_cli, pg_url, tmp_path))


def test_the_upgraded_schema_holds_its_rules(pg_url):
    """On PostgreSQL the code is required and unique, and receipts and stations refer to a
    warehouse that exists."""
    engine = open_central(pg_url).engine
    try:
        found = inspect(engine)
        (code,) = [c for c in found.get_columns("warehouses") if c["name"] == "code"]
        assert code["nullable"] is False
        for table in ("receipts", "stations"):
            referred = {fk["referred_table"] for fk in found.get_foreign_keys(table)}
            assert "warehouses" in referred, table
        with engine.begin() as conn:
            add = "INSERT INTO warehouses (name, layout, code) VALUES (:n, '{}', 'WH1')"
            conn.execute(text(add), {"n": "one"})
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(add), {"n": "two"})
    finally:
        engine.dispose()


def test_a_station_reserves_numbers_of_a_later_warehouse(pg_url):
    """The door's checked function takes a later warehouse's counters (`sscc@2`) and still
    refuses any other name."""
    open_central(pg_url).close()
    station = make_engine(station_login_url(pg_url, "shipshape_test_wh_station", "PICK-W"))
    try:
        with station.begin() as conn:
            reserve = text("SELECT shipshape_reserve_numbers(:series, 5)")
            assert conn.execute(reserve, {"series": "sscc@2"}).scalar_one() == 5
            assert conn.execute(reserve, {"series": "tracking:SF@2"}).scalar_one() == 5
        with pytest.raises(DBAPIError), station.begin() as conn:
            conn.execute(reserve, {"series": "kpi_hours_seq"})
    finally:
        station.dispose()


@pytest.mark.parametrize(
    "check",
    station_home.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_station_home(pg_url, run_cli, tmp_path, check):
    check(two_sites.TwoSites(run_cli, pg_url, tmp_path), pg_url)


def test_a_station_login_of_the_west_pulls_the_west_alone(pg_url, run_cli, tmp_path):
    """Through the narrow door (a station's own PostgreSQL login, docs/security.md) too."""
    sites = two_sites.TwoSites(run_cli, pg_url, tmp_path)
    station_home.stock_the_west(sites)
    login = station_login_url(pg_url, "shipshape_test_west_station", "PICK-W")
    pulled = station_home.pulled_locations(login, tmp_path, "PICK-W", "WEST")
    assert pulled == station_home.WEST_LOCATIONS
