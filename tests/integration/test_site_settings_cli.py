"""`shipshape site --json | --set FILE` on a real SQLite central database (docs/interfaces.md §10):
every field checked, a bad file refused whole with one line naming the field, counters that
never hand a number out twice, and a warning before a range runs out."""

from __future__ import annotations

import copy
import json

import pytest

from app.bootstrap import open_central
from app.services import site as site_settings
from app.services.demo import DEMO_DIR
from app.services.packing_central import CentralPackingBackend
from tests.integration.site_files import import_site

DEMO_SITE = json.loads((DEMO_DIR / "site.json").read_text(encoding="utf-8"))
LEAD = ("--badge", "9001", "--pin", "246810")


@pytest.fixture
def central_url(tmp_path, sqlite_url, run_cli):
    import_site(run_cli, sqlite_url, tmp_path / "files")
    args = ("add-user", "Lea", "--role", "lead", "--badge", "9001", "--pin", "246810")
    assert run_cli(*args, "--database", sqlite_url)[0] == 0
    return sqlite_url


def write(tmp_path, document, name="site.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def site_json(run_cli, url) -> dict:
    status, out, err = run_cli("site", "--json", "--database", url)
    assert status == 0, err
    return json.loads(out)


def test_a_site_without_settings_says_what_to_set_up(central_url, run_cli):
    status, out, err = run_cli("site", "--json", "--database", central_url)
    assert status == 2 and out == ""
    assert "no settings" in err and "shipshape site --set" in err


def test_set_then_json_gives_the_same_document_back(tmp_path, central_url, run_cli):
    path = write(tmp_path, DEMO_SITE)
    status, out, err = run_cli("site", "--set", path, *LEAD, "--database", central_url)
    assert status == 0, err
    assert "site settings saved" in out and "POSTNL" in out
    assert site_json(run_cli, central_url) == DEMO_SITE


def test_the_set_up_identity_may_set_them_too(tmp_path, central_url, run_cli):
    status, _, err = run_cli("site", "--set", write(tmp_path, DEMO_SITE), "--database", central_url)
    assert status == 0, err


def test_a_wrong_pin_changes_nothing(tmp_path, central_url, run_cli):
    path = write(tmp_path, DEMO_SITE)
    args = ("--badge", "9001", "--pin", "000000")
    status, _, err = run_cli("site", "--set", path, *args, "--database", central_url)
    assert status != 0 and "PIN" in err
    assert run_cli("site", "--json", "--database", central_url)[0] == 2


def _bad(**change):
    document = copy.deepcopy(DEMO_SITE)
    for path, value in change.items():
        target = document
        *parents, last = path.split("__")
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value
    return document


BAD_FILES = {
    "prefix of six digits": (_bad(gs1_company_prefix="871234"), "gs1_company_prefix"),
    "prefix of eleven digits": (_bad(gs1_company_prefix="87123456789"), "gs1_company_prefix"),
    "duplicate carrier code": (_bad(carriers__1__code="SF"), "carriers[1].code"),
    "overlapping tracking range": (
        _bad(carriers__1__tracking={**DEMO_SITE["carriers"][0]["tracking"]}),
        "carriers[1].tracking",
    ),
    "cut-off not a time": (_bad(carriers__0__cutoffs=["25:00"]), "carriers[0].cutoffs[0]"),
    "cut-off in words": (_bad(carriers__2__cutoffs=["4pm"]), "carriers[2].cutoffs[0]"),
    "check digit unknown": (
        _bad(carriers__0__tracking__check="luhn"),
        "carriers[0].tracking.check",
    ),
    "range backwards": (_bad(sscc_serial={"next": 9, "last": 3}), "sscc_serial.last"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_whole_with_one_line(tmp_path, central_url, run_cli, case):
    good = write(tmp_path, DEMO_SITE, "good.json")
    assert run_cli("site", "--set", good, *LEAD, "--database", central_url)[0] == 0
    document, field = BAD_FILES[case]
    path = write(tmp_path, document)
    status, out, err = run_cli("site", "--set", path, *LEAD, "--database", central_url)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and field in err, err
    assert site_json(run_cli, central_url) == DEMO_SITE  # nothing partly applied


def test_not_json_is_refused(tmp_path, central_url, run_cli):
    path = tmp_path / "site.json"
    path.write_text('{"format": "shipshape.site/1",', encoding="utf-8")
    status, _, err = run_cli("site", "--set", path, *LEAD, "--database", central_url)
    assert status == 2 and "JSON" in err


def test_numbers_are_never_handed_out_twice(tmp_path, central_url, run_cli):
    """Cartons took numbers; setting the same file again (next = 1) keeps the counters where
    they are, and a later `next` moves them forward."""
    path = write(tmp_path, DEMO_SITE)
    assert run_cli("site", "--set", path, *LEAD, "--database", central_url)[0] == 0
    central = open_central(central_url)
    try:
        with central.uow() as uow:
            for _ in range(3):
                uow.packing.next_counter("tracking:SF")
                uow.packing.next_counter("sscc")
            uow.commit()
    finally:
        central.close()
    assert run_cli("site", "--set", path, *LEAD, "--database", central_url)[0] == 0
    shown = site_json(run_cli, central_url)
    assert shown["carriers"][0]["tracking"]["next"] == 4
    assert shown["sscc_serial"]["next"] == 4
    later = _bad(carriers__0__tracking__next=5000)
    path = write(tmp_path, later)
    assert run_cli("site", "--set", path, *LEAD, "--database", central_url)[0] == 0
    assert site_json(run_cli, central_url)["carriers"][0]["tracking"]["next"] == 5000


def test_a_range_running_low_is_told(tmp_path, central_url, run_cli):
    small = _bad(carriers__0__tracking__next=1, carriers__0__tracking__last=450)
    path = write(tmp_path, small)
    status, _, err = run_cli("site", "--set", path, *LEAD, "--database", central_url)
    assert status == 0
    assert "warning" in err and "SF numbers run low: 450 left" in err


def test_taking_numbers_into_the_low_end_opens_one_lead_item(tmp_path, central_url, run_cli):
    small = _bad(carriers__0__tracking__next=1, carriers__0__tracking__last=510)
    assert run_cli("site", "--set", write(tmp_path, small), "--database", central_url)[0] == 0
    central = open_central(central_url)
    try:
        site = site_settings.current_site(central.uow())
        saved = site.carriers[0].tracking.range
        for n in (5, 11, 12):  # 505, 499, 498 left: the last two are below 500
            with central.uow() as uow:
                site_settings.warn_if_low(uow, "SF", saved, n)
                uow.commit()
        with central.uow() as uow:
            items = uow.packing.open_exception_details(site_settings.NUMBERS_LOW)
    finally:
        central.close()
    assert items == [{"series": "SF", "left": 499, "last": 510}]


def test_packing_refuses_a_site_without_settings(central_url):
    central = open_central(central_url)
    try:
        settings = CentralPackingBackend(central.uow, "PACK-01").settings()
        with pytest.raises(Exception, match="no settings yet"):
            settings.site()
    finally:
        central.close()
