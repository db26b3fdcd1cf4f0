"""No anonymous administration: every CLI write runs as a shift lead (badge + PIN) or as the
site's set-up identity (the database owner), the events say which, and only a lead makes a lead
once the site has one (SQLite central; tests/pg/test_admin_roles.py does PostgreSQL)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import open_central
from db.schema import events, users
from tests.integration.site_files import import_site, order_row, write_orders

OTHER_UID = 65534  # "nobody": an operating-system user who may write the file but owns nothing


@pytest.fixture
def site(tmp_path, sqlite_url, run_cli) -> str:
    """The tiny site, imported by its owner, with its first lead Lea (9001 / 246810)."""
    import_site(run_cli, sqlite_url, tmp_path / "site")
    first = ("migrate", "--first-lead", "Lea", "--badge", "9001", "--pin", "246810")
    status, out, err = run_cli(*first, "--database", sqlite_url)
    assert status == 0, err
    assert "first shift lead: Lea (badge 9001)" in out
    return sqlite_url


def not_the_owner(url: str, monkeypatch) -> None:
    """From now on the command runs as another operating-system user than the file's owner:
    for real when the tests run as root (the file is given away), else by that user's id."""
    path = Path(url.removeprefix("sqlite:///"))
    if os.geteuid() == 0:
        os.chown(path, OTHER_UID, OTHER_UID)
    else:
        monkeypatch.setattr(os, "geteuid", lambda: OTHER_UID)


def saved_users(url: str) -> dict[str, str]:
    with open_central(url).engine.connect() as conn:
        return dict(conn.execute(select(users.c.badge, users.c.role)).all())


def actors(url: str, kind: str) -> list[tuple[str, str]]:
    query = select(events.c.user_name, events.c.station).where(events.c.kind == kind)
    with open_central(url).engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query.order_by(events.c.seq))]


def test_someone_who_is_not_the_owner_cannot_make_themselves_a_lead(
    sqlite_url, run_cli, monkeypatch
):
    open_central(sqlite_url).close()
    not_the_owner(sqlite_url, monkeypatch)
    args = ("add-user", "Mallory", "--role", "lead", "--badge", "6666", "--pin", "666666")
    status, _, err = run_cli(*args, "--database", sqlite_url)
    assert status == 1
    assert "needs a shift lead's --badge and --pin, or the site's set-up identity" in err
    assert "error" not in err and saved_users(sqlite_url) == {}


def test_the_first_lead_is_made_at_set_up_then_only_a_lead_makes_a_lead(site, run_cli):
    assert saved_users(site) == {"9001": "lead"}
    again = ("migrate", "--first-lead", "Eve", "--badge", "6666", "--pin", "666666")
    status, _, err = run_cli(*again, "--database", site)
    assert status == 1 and "creating or changing a lead needs a lead" in err
    owner_adds_lead = ("add-user", "Eve", "--role", "lead", "--badge", "6666", "--pin", "666666")
    status, _, err = run_cli(*owner_adds_lead, "--database", site)
    assert status == 1 and "needs a lead" in err
    demote = ("add-user", "Lea", "--role", "picker", "--badge", "9001")
    assert run_cli(*demote, "--database", site)[0] == 1  # changing a lead is a lead's, too
    by_lea = ("--lead-badge", "9001", "--lead-pin", "246810")
    args = ("add-user", "Max", "--role", "lead", "--badge", "9002", "--pin", "135790", *by_lea)
    status, out, err = run_cli(*args, "--database", site)
    assert status == 0, err
    assert saved_users(site) == {"9001": "lead", "9002": "lead"}
    assert actors(site, "user.saved")[-1] == ("Lea", "cli")


def test_the_owner_adds_pickers_and_the_events_name_the_set_up_identity(site, run_cli):
    args = ("add-user", "Pia", "--role", "picker", "--badge", "1001")
    assert run_cli(*args, "--database", site)[0] == 0
    who, where = actors(site, "user.saved")[-1]
    assert who == "setup" and where.startswith("setup/os:")
    assert all(actor[0] == "setup" for actor in actors(site, "stock.set"))


def every_write(folder: Path, url: str) -> list[tuple]:
    """One invocation of each command that changes users, rules, master data, orders, stock
    or waves (and may do so only as a lead or the set-up identity)."""
    paths = import_site_files(folder)
    rules = folder / "rules.json"
    rules.write_text(json.dumps({"sku_quantity_limits": {"BOLT": 99}}))
    cartons = folder / "cartons.csv"
    cartons.write_text("code,name,length_cm,width_cm,height_cm,tare_kg\nS,Small,20,15,10,0.1\n")
    orders = write_orders(folder / "o.csv", order_row("SO-9", "BOLT", "1"))
    return [
        ("import-layout", paths["layout.json"]),
        ("import-products", paths["products.csv"]),
        ("import-stock", paths["stock.csv"]),
        ("import-orders", orders),
        ("allocate",),
        ("review-rules", "--set", rules),
        ("package-types", "--set", cartons),
        ("plan-waves", "--capacity", "4"),
        ("release-wave", "1"),
        ("add-user", "Pia", "--role", "picker", "--badge", "1001"),
    ]


def import_site_files(folder: Path) -> dict[str, Path]:
    from tests.integration.site_files import write_site

    return write_site(folder)


def test_without_a_leads_badge_a_stranger_changes_nothing(site, run_cli, tmp_path, monkeypatch):
    commands = every_write(tmp_path / "files", site)
    with open_central(site).engine.connect() as conn:
        before = conn.execute(select(events.c.seq).order_by(events.c.seq.desc())).first()
    not_the_owner(site, monkeypatch)
    for command in commands:
        status, _, err = run_cli(*command, "--database", site)
        assert status == 1, (command, err)
        assert "set-up identity" in err, command
    with open_central(site).engine.connect() as conn:
        after = conn.execute(select(events.c.seq).order_by(events.c.seq.desc())).first()
    assert after == before  # not one event: nothing was written


def test_a_stranger_with_a_leads_badge_and_pin_does_it_as_that_lead(
    site, run_cli, tmp_path, monkeypatch
):
    not_the_owner(site, monkeypatch)
    lead = ("--badge", "9001", "--pin", "246810")
    as_lead = ("--lead-badge", "9001", "--lead-pin", "246810")  # add-user's --badge is the user's
    for command in every_write(tmp_path / "files", site):
        options = as_lead if command[0] == "add-user" else lead
        status, _, err = run_cli(*command, *options, "--database", site)
        assert status == 0, (command, err)
    for kind in (
        "stock.set",
        "order.allocated",
        "wave.released",
        "settings.review_rules_saved",
        "package_types.saved",
        "user.saved",
    ):
        assert actors(site, kind)[-1:] == [("Lea", "cli")], kind


def test_wrong_pins_on_the_command_line_lock_the_badge(site, run_cli):
    lead = ("--badge", "9001", "--database", site)
    for _ in range(5):
        status, _, err = run_cli("allocate", *lead, "--pin", "0000")
        assert status == 1
    status, _, err = run_cli("allocate", *lead, "--pin", "246810")  # right, but locked
    assert status == 1 and "PIN locked" in err and "try again in 1 min" in err
    assert len(actors(site, "user.pin_refused")) == 6
    assert actors(site, "user.pin_locked") == [("Lea", "cli")]


def test_the_demo_is_seeded_by_the_owner_once_and_its_first_lead_adds_the_second(
    sqlite_url, run_cli
):
    status, _, err = run_cli("demo", "--database", sqlite_url)
    assert status == 0, err
    saved = actors(sqlite_url, "user.saved")
    by_owner = [who for who, _where in saved].index("Maria Jansen")  # up to the first lead
    assert {who for who, _where in saved[:by_owner]} == {"setup"}
    # 周伟, the second lead, the loaders, the stock clerks and the returns clerks after the leads:
    # added by the first lead.
    assert set(saved[by_owner:]) == {("Maria Jansen", "demo")} and len(saved) - by_owner == 7
    status, _, err = run_cli("demo", "--database", sqlite_url)
    assert status == 1 and "the demo seeds a new site only" in err
