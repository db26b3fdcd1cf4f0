"""Users' home warehouses (docs/setup.md "Several warehouses", docs/interfaces.md §15):
migration 0036 on a copy of the demo database, and the rules once homes are set. Shared by
SQLite (test_user_homes.py) and PostgreSQL (tests/pg/test_warehouses_pg.py)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect

from app.domain.users import Role
from app.errors import NotAllowed
from app.services import users
from app.services.lead.console import LeadConsole
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.integration.warehouses.lead_sites import LeadSites
from tests.integration.warehouses.upgrade import to_revision

BEFORE = "0035_transfers"  # the revision before 0036


def homes(run_cli, url: str, *args: str) -> list[dict]:
    status, out, err = run_cli("user-warehouses", *args, "--json", "--database", url)
    assert status == 0, err
    return [json.loads(line) for line in out.splitlines()]


def check_upgrade_keeps_everyone_everywhere(run_cli, url: str) -> None:
    """Back to 0035 and forward: the table is there and empty, every user works in every
    warehouse (no homes), and `users --json` keeps its keys."""
    status, before, err = run_cli("users", "--json", "--database", url)
    assert status == 0, err
    to_revision(url, "downgrade", BEFORE)
    assert "user_warehouses" not in _tables(url)
    to_revision(url, "upgrade", "heads")
    assert "user_warehouses" in _tables(url)
    status, after, err = run_cli("users", "--json", "--database", url)
    assert (status, after) == (0, before), err
    assert set(json.loads(after.splitlines()[0])) == {"name", "role", "badge"}
    assert all(row["warehouses"] == [] for row in homes(run_cli, url))


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def check_homes_are_set_listed_and_checked(sites: LeadSites) -> None:
    sites.ok("add-user", "Pia", "--role", "picker", "--badge", "B-PIA")
    sites.ok("add-user", "Lena", "--role", "lead", "--badge", "B-LENA", "--pin", "246813")
    (pia,) = homes(sites.run, sites.url, "B-PIA")
    assert pia == {"name": "Pia", "badge": "B-PIA", "warehouses": []}
    sites.ok("user-warehouses", "B-PIA", "--set", "north")
    assert homes(sites.run, sites.url, "B-PIA")[0]["warehouses"] == ["NORTH"]
    err = sites.refused("user-warehouses", "B-PIA", "--set", "NORTH,SOUTH")
    assert "SOUTH" in err and "WH1, WEST, NORTH" in err
    assert homes(sites.run, sites.url, "B-PIA")[0]["warehouses"] == ["NORTH"]  # unchanged
    # a lead's homes are changed by a lead (the set-up identity may not, once there is one)
    status, _, err = sites.cli("user-warehouses", "B-LENA", "--set", "WH1,NORTH")
    assert status == 1, err
    lead = ("--badge", "B-LENA", "--pin", "246813")
    sites.ok("user-warehouses", "B-LENA", "--set", "NORTH,WH1", *lead)
    assert homes(sites.run, sites.url, "B-LENA")[0]["warehouses"] == ["WH1", "NORTH"]
    sites.ok("user-warehouses", "B-PIA", "--all", *lead)
    assert homes(sites.run, sites.url, "B-PIA")[0]["warehouses"] == []


def check_a_station_refuses_someone_of_another_warehouse(sites: LeadSites) -> None:
    sites.ok("add-user", "Pia", "--role", "picker", "--badge", "B-PIA")
    sites.ok("user-warehouses", "B-PIA", "--set", "WEST,NORTH")
    uow = lambda: SqlUnitOfWork(sites.engine)  # noqa: E731
    with pytest.raises(NotAllowed) as refused:
        users.sign_in(uow(), "B-PIA", None, "PICK-E", "WH1")
    text = str(refused.value)
    assert "WEST, NORTH" in text and "WH1" in text, text
    assert users.sign_in(uow(), "B-PIA", None, "PICK-N", "north").name == "Pia"
    assert users.sign_in(uow(), "B-PIA", None, "DESK", None).name == "Pia"  # no home: anyone
    # a station signs people in from its copy of the users: the homes travel with it
    with SqlUnitOfWork(sites.engine) as unit:
        docs = unit.sync.site_documents("user", None)
    assert [d["warehouses"] for d in docs.values() if d["badge"] == "B-PIA"] == [["WEST", "NORTH"]]


def check_a_lead_chooses_among_their_own_warehouses(sites: LeadSites) -> None:
    sites.ok("add-user", "Lena", "--role", "lead", "--badge", "B-LENA", "--pin", "246813")
    lead = ("--badge", "B-LENA", "--pin", "246813")
    sites.ok("user-warehouses", "B-LENA", "--set", "WEST,NORTH", *lead)
    with SqlUnitOfWork(sites.engine) as unit:
        lena = unit.users.by_badge("B-LENA")
    assert lena is not None and lena.role is Role.LEAD
    desk = LeadConsole(sites.uow, lena, "LEAD-1")
    choice = desk.warehouses()
    assert [w.code for w in choice.warehouses] == ["WEST", "NORTH"]
    assert choice.chosen == sites.ids["WEST"]  # LEAD-1 has no home: the first of hers


CHECKS = (
    check_homes_are_set_listed_and_checked,
    check_a_station_refuses_someone_of_another_warehouse,
    check_a_lead_chooses_among_their_own_warehouses,
)
