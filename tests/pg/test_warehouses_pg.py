"""Several warehouses on PostgreSQL (docs/interfaces.md §8, §15): migration 0034 upgrades a copy
of the demo database in place; two warehouses keep their layouts, stock, settings (through the
checked counter function, which now takes a warehouse's `@<id>` counters) and receipts apart;
three share out scarce stock, each order from one of them, with allocators racing."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.bootstrap import open_central
from app.services import allocation, demo
from db.engine import make_engine
from db.roles import station_login_url
from tests.integration.warehouses import (
    home_suggest,
    lead_sites,
    sites_race,
    station_home,
    three_sites,
    two_sites,
    user_homes,
)
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


@pytest.mark.parametrize(
    "check",
    home_suggest.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_home_suggest(pg_url, run_cli, tmp_path, check):
    check(two_sites.TwoSites(run_cli, pg_url, tmp_path), pg_url)


def test_a_station_login_without_a_home_suggests_in_each_receipts_warehouse(
    pg_url, run_cli, tmp_path
):
    """The receiving copy through the narrow door (a station's own login) reads each
    receipt's warehouse and site too."""
    sites = two_sites.TwoSites(run_cli, pg_url, tmp_path)
    login = station_login_url(pg_url, "shipshape_test_any_receiving", "RECV-ANY")
    home_suggest.check_an_unhomed_station_offline_suggests_in_the_receipts_warehouse(sites, login)


def test_a_station_login_of_the_west_pulls_the_west_alone(pg_url, run_cli, tmp_path):
    """Through the narrow door (a station's own PostgreSQL login, docs/security.md) too."""
    sites = two_sites.TwoSites(run_cli, pg_url, tmp_path)
    station_home.stock_the_west(sites)
    login = station_login_url(pg_url, "shipshape_test_west_station", "PICK-W")
    pulled = station_home.pulled_locations(login, tmp_path, "PICK-W", "WEST")
    assert pulled == station_home.WEST_LOCATIONS


@pytest.mark.parametrize(
    "check",
    three_sites.CHECKS,
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_three_warehouses(pg_url, run_cli, tmp_path, check):
    check(three_sites.ThreeSites(run_cli, pg_url, tmp_path))


@pytest.mark.parametrize(
    "check", lead_sites.CHECKS, ids=lambda check: check.__name__.removeprefix("check_")
)
def test_lead_sites(pg_url, run_cli, tmp_path, check):
    sites = lead_sites.LeadSites(run_cli, pg_url, tmp_path)
    try:
        check(sites)
    finally:
        sites.close()


def test_racing_allocators_over_three_warehouses(pg_url, tmp_path):
    """Four allocators at once, 80 orders of BOLT 3 + GLUE 1: WH1 can ship 4 whole (GLUE 4),
    WEST 6 (BOLT 20), NORTH 4 (BOLT 12). Exactly 14 are allocated, each from one warehouse, no
    stock row reserved beyond its on-hand, every unit reserved once."""
    sites_race.seed(pg_url, tmp_path, n_orders=80)
    allocation.BATCH, saved = 5, allocation.BATCH  # small batches: many interleavings
    try:
        reports, errors = sites_race.race(pg_url, allocators=4)
    finally:
        allocation.BATCH = saved
    assert errors == []
    allocated = [o for r in reports for o in r.allocated]
    waiting = [o for r in reports for o in r.exceptions]
    assert len(allocated) == 14 and len(waiting) == 66
    assert len(set(allocated + waiting)) == 80  # every order handled exactly once
    sites_race.check_reservations(pg_url, allocated_orders=14)


def test_the_upgrade_keeps_everyone_everywhere(pg_url, run_cli):
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
    finally:
        central.close()
    user_homes.check_upgrade_keeps_everyone_everywhere(run_cli, pg_url)


@pytest.mark.parametrize(
    "check", user_homes.CHECKS, ids=lambda check: check.__name__.removeprefix("check_")
)
def test_user_homes(pg_url, run_cli, tmp_path, check):
    sites = lead_sites.LeadSites(run_cli, pg_url, tmp_path)
    try:
        check(sites)
    finally:
        sites.close()
