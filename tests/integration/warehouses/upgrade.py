"""Migration 0034 on a demo database as the previous revision left it: the same data, now
warehouse one (`WH1`). Shared by the SQLite and PostgreSQL tests."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import inspect, select, text

from db import migrate
from db.engine import make_engine
from db.schema import counters, receipts, settings, stations

BEFORE = "0034_warehouses@-1"  # 0033_wave_plans, leaving the other branch (0031) where it is


def to_revision(url: str, direction: str, revision: str) -> None:
    engine = make_engine(url)
    try:
        config = migrate.alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, direction)(config, revision)
    finally:
        engine.dispose()


def floor_as_the_cli_shows_it(run_cli, url: str) -> dict:
    """What a person reads of the site: stock, settings, orders (each as its JSON lines)."""
    shown = {}
    for name in ("stock", "site", "orders"):
        status, out, err = run_cli(name, "--json", "--database", url)
        assert status == 0, err
        shown[name] = [json.loads(line) for line in out.splitlines()]
    return shown


def stored_keys(url: str) -> dict:
    """The settings keys and counters, by name: migration 0034 must not move any."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                "settings": sorted(conn.execute(select(settings.c.key)).scalars()),
                "counters": dict(conn.execute(select(counters.c.name, counters.c.value)).all()),
            }
    finally:
        engine.dispose()


def warehouse_ids_of_receipts_and_stations(url: str) -> tuple[set, set]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return (
                set(conn.execute(select(receipts.c.warehouse_id)).scalars()),
                set(conn.execute(select(stations.c.warehouse_id)).scalars()),
            )
    finally:
        engine.dispose()


def has_code_column(url: str) -> bool:
    engine = make_engine(url)
    try:
        return "code" in {column["name"] for column in inspect(engine).get_columns("warehouses")}
    finally:
        engine.dispose()


def check_upgrade_keeps_the_site(run_cli, url: str) -> None:
    """Take a demo site at the newest schema back to 0033 (the site as it was), then forward
    again: its data is warehouse WH1, and everything a person reads of it is unchanged."""
    shown = floor_as_the_cli_shows_it(run_cli, url)
    keys = stored_keys(url)
    to_revision(url, "downgrade", "0035_user_warehouses@-1")  # what comes after 0034 first
    to_revision(url, "downgrade", BEFORE)
    assert not has_code_column(url)
    add_a_station(url, "pick-01")  # one that synced before there were several warehouses
    to_revision(url, "upgrade", "heads")
    assert has_code_column(url)
    status, out, err = run_cli("warehouses", "--json", "--database", url)
    assert status == 0, err
    (line,) = [json.loads(x) for x in out.splitlines()]
    assert line["code"] == "WH1" and line["name"] == shown["site"][0]["name"]
    assert line["locations"] > 0 and line["stations"] == 1
    assert floor_as_the_cli_shows_it(run_cli, url) == shown
    assert stored_keys(url) == keys
    receipt_homes, station_homes = warehouse_ids_of_receipts_and_stations(url)
    assert receipt_homes == {1} and station_homes == {1}


def add_a_station(url: str, name: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO stations (name, kind, facts_waiting, facts_pushed) "
                    "VALUES (:name, 'picker', 0, 0)"
                ),
                {"name": name},
            )
    finally:
        engine.dispose()
