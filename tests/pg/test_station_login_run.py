"""A station as a site runs it: `shipshape run` logged in with its own station login (a member
of `shipshape_station`, registered with `shipshape station-login`), `shipshape apply-facts`
running with the owner's login, and a picker working by scanner alone (a pty as the scanner).
Everything the picker does reaches central through the narrow door and is applied there."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date

import pytest
from sqlalchemy import select

from app.bootstrap import open_central
from app.domain.events import Actor
from app.services import demo
from app.services.scripted_picking import apply_input, next_input
from app.steps import picking
from app.steps.picking_state import Phase
from db.roles import station_login_url
from db.schema import events, pick_lists, users
from db.uow import SqlUnitOfWork

STATION, LOGIN, BADGE = "p1", "shipshape_test_run_p1", "1001"


def _shipshape(*args: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _eventually(check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    return None


@pytest.fixture
def floor(pg_url, tmp_path):
    central = open_central(pg_url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
    station_url = station_login_url(pg_url, LOGIN, STATION)
    master, slave = os.openpty()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SHIPSHAPE_SCANNERS": os.ttyname(slave),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
    }
    applier = _shipshape("apply-facts", "--database", pg_url, env=env)
    app = _shipshape("run", "--station", STATION, "--no-demo", "--database", station_url, env=env)
    try:
        yield central, master
    finally:
        for process in (app, applier):
            process.terminate()
        for process in (app, applier):
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        if app.returncode not in (0, -15):
            print(app.stdout.read())
        os.close(master), os.close(slave)
        central.close()


def _claimed_list(central) -> int | None:
    """The list central gave the picker signed in at the station (claimed through the door)."""
    query = (
        select(pick_lists.c.id)
        .join(users, users.c.id == pick_lists.c.assignee_id)
        .where(users.c.badge == BADGE)
    )
    with central.engine.connect() as conn:
        return conn.execute(query).scalar()


def _station_facts(central, kind: str) -> list:
    query = select(events.c.user_name).where(events.c.station == STATION, events.c.kind == kind)
    with central.engine.connect() as conn:
        return list(conn.execute(query).scalars())


def test_a_station_login_picks_a_whole_list_by_scanner_and_central_applies_it(floor):
    central, scanner = floor

    def scan(text: str) -> None:
        os.write(scanner, text.encode() + b"\r")
        time.sleep(0.4)  # a picker's pace: the screen answers each scan before the next

    time.sleep(3)  # the app starts: window, sync thread, first pull
    scan(BADGE)
    list_id = _eventually(lambda: _claimed_list(central), 60)
    assert list_id, "the picker signed in but central never handed out a list"
    assert _station_facts(central, "user.signed_in"), "the sign-in never reached central"
    with SqlUnitOfWork(central.engine) as uow:
        view = uow.picking.view(list_id)
    state = picking.start(view, Actor(view.assignee or "", STATION))
    units = 0
    while state.phase is not Phase.DONE:
        given = next_input(state, True, lambda slot: f"E2E-{slot.order_ref}")
        scan(str(given) if isinstance(given, int) else given.raw)
        verdict = apply_input(state, given, date.today().isoformat())
        units += sum(1 for f in verdict.facts if f.kind == "pick.confirmed")
        state = verdict.state
    # The station works through scans it was sent faster than it answers them on a slow,
    # busy machine, then pushes its facts: 60 s was once too short in CI (7 Dec 2026).
    assert _eventually(lambda: _station_facts(central, "picklist.finished"), 180)
    assert len(_station_facts(central, "pick.confirmed")) == units
    with central.engine.connect() as conn:
        status = conn.execute(select(pick_lists.c.status).where(pick_lists.c.id == list_id))
        assert status.scalar_one() == "done"
