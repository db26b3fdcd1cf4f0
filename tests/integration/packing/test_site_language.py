"""The site's language (labels and packing slips): shown by anyone, set only by a lead, kept
in the site's settings, which packing stations copy."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.bootstrap import open_central
from app.services.demo import DEMO_DIR
from app.services.packing_central import current_settings
from db.schema import events


def add_lead(run_cli, url) -> None:
    args = ("add-user", "Lea", "--role", "lead", "--badge", "9001", "--pin", "246810")
    assert run_cli(*args, "--database", url)[0] == 0


def test_a_lead_sets_the_site_language(run_cli, sqlite_url):
    assert run_cli("migrate", "--database", sqlite_url)[0] == 0
    add_lead(run_cli, sqlite_url)
    lead = ("--badge", "9001", "--pin", "246810")
    status, _, err = run_cli("site-language", "zh_CN", *lead, "--database", sqlite_url)
    assert status == 2 and "no settings yet" in err  # the language is one of the settings
    site_file = DEMO_DIR / "site.json"
    assert run_cli("site", "--set", site_file, "--database", sqlite_url)[0] == 0
    assert run_cli("site-language", "--database", sqlite_url)[1] == "en\n"
    status, _, err = run_cli("site-language", "zh_CN", "--database", sqlite_url)
    assert status == 2 and "needs a lead's --badge and --pin" in err
    status, _, err = run_cli(
        "site-language", "zh_CN", "--badge", "9001", "--pin", "1111", "--database", sqlite_url
    )
    assert status != 0 and "do not match a shift lead" in err
    status, out, _ = run_cli(
        "site-language", "zh_CN", "--badge", "9001", "--pin", "246810", "--json",
        "--database", sqlite_url,
    )  # fmt: skip
    assert status == 0 and json.loads(out) == {"language": "zh_CN"}
    central = open_central(sqlite_url)
    try:
        settings = current_settings(central.uow())
        assert settings.language() == "zh_CN"
        assert settings.ship_from()["name"] == "Shipshape Demo DC"  # the rest is as it was
        assert run_cli("site", "--json", "--database", sqlite_url)[1].count('"zh_CN"') == 1
        with central.engine.connect() as conn:
            kinds = conn.execute(select(events.c.kind, events.c.payload)).all()
        assert ("site.language_set", {"from": "en", "to": "zh_CN"}) in [tuple(k) for k in kinds]
    finally:
        central.close()


def test_an_unknown_language_is_refused(run_cli, sqlite_url):
    assert run_cli("migrate", "--database", sqlite_url)[0] == 0
    status, _, err = run_cli("site-language", "fr", "--database", sqlite_url)
    assert status == 2 and "invalid choice" in err
