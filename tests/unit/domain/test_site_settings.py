"""Site settings documents (shipshape.site/1): every field checked, the first bad one named,
the document read back unchanged; tracking numbers per scheme (mod 10, UPU S10, none)."""

from __future__ import annotations

import copy

import pytest

from app.domain.fields import FieldProblem
from app.domain.site import check_character, parse_site, tracking_overlap

GOOD = {
    "format": "shipshape.site/1",
    "name": "Shipshape DC East",
    "ship_from": {
        "name": "Shipshape DC East",
        "street1": "1 Dock Rd",
        "city": "Ningbo",
        "postal_code": "315000",
        "country": "CN",
    },
    "gs1_company_prefix": "6901234",
    "sscc_serial": {"next": 1, "last": 999999999},
    "language": "zh_CN",
    "carriers": [
        {
            "code": "SF",
            "name": "SF Express",
            "services": ["Standard", "Express"],
            "cutoffs": ["16:30"],
            "tracking": {
                "prefix": "SF",
                "digits": 12,
                "check": "mod10",
                "suffix": "",
                "next": 1,
                "last": 999999999999,
            },
        },
        {
            "code": "EMS",
            "name": "China Post EMS",
            "services": ["Standard"],
            "cutoffs": ["17:00", "11:00"],
            "tracking": {
                "prefix": "EE",
                "digits": 8,
                "check": "s10",
                "suffix": "CN",
                "next": 1,
                "last": 99999999,
            },
        },
    ],
}


def changed(path: str, value):
    """GOOD with one field set (a.b[0].c), or removed when value is ...; a deep copy."""
    doc = copy.deepcopy(GOOD)
    *parents, last = path.replace("]", "").replace("[", ".").split(".")
    target = doc
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    if value is ...:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return doc


def test_a_good_document_reads_back_the_same():
    site = parse_site(GOOD)
    assert site.document() == GOOD | {
        "carriers": [
            GOOD["carriers"][0],
            changed("carriers.1.cutoffs", ["11:00", "17:00"])["carriers"][1],
        ]
    }
    assert parse_site(site.document()) == site
    assert (
        site.carrier("sf express") is site.carriers[0] and site.carrier("ems") is site.carriers[1]
    )
    assert site.carrier("DHL") is None


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("format", "shipshape.site/2", "format"),
        ("gs1_company_prefix", "123456", "gs1_company_prefix"),  # 6 digits: too short
        ("gs1_company_prefix", "12345678901", "gs1_company_prefix"),  # 11: too long
        ("gs1_company_prefix", "69O1234", "gs1_company_prefix"),  # a letter O
        ("sscc_serial.last", 10**9, "sscc_serial.last"),  # 7-digit prefix leaves 9 digits
        ("sscc_serial.next", 0, "sscc_serial.next"),
        ("sscc_serial", {"next": 5, "last": 4}, "sscc_serial.last"),
        ("language", "fr", "language"),
        ("name", "", "name"),
        ("ship_from.country", "China", "ship_from.country"),
        ("ship_from.city", ..., "ship_from.city"),
        ("ship_from.colour", "blue", "ship_from.colour"),
        ("carriers", [], "carriers"),
        ("carriers.1.code", "SF", "carriers[1].code"),  # duplicate carrier codes
        ("carriers.1.name", "sf  express", "carriers[1].name"),  # the same name
        ("carriers.0.code", "S F", "carriers[0].code"),
        ("carriers.0.cutoffs", ["4pm"], "carriers[0].cutoffs[0]"),
        ("carriers.0.cutoffs", ["24:00"], "carriers[0].cutoffs[0]"),
        ("carriers.0.cutoffs", [], "carriers[0].cutoffs"),
        ("carriers.0.services", ["Standard", "Standard"], "carriers[0].services[1]"),
        ("carriers.0.tracking.check", "luhn", "carriers[0].tracking.check"),
        ("carriers.0.tracking.digits", 3, "carriers[0].tracking.digits"),
        ("carriers.0.tracking.last", 10**12, "carriers[0].tracking.last"),
        ("carriers.0.tracking.prefix", "SF-", "carriers[0].tracking.prefix"),
        ("carriers.1.tracking.digits", 9, "carriers[1].tracking.digits"),  # S10 has 8
        ("carriers.1.tracking.suffix", "", "carriers[1].tracking.suffix"),  # S10 needs a country
    ],
)
def test_a_bad_field_is_refused_by_its_name(path, value, field):
    with pytest.raises(FieldProblem) as refused:
        parse_site(changed(path, value))
    assert refused.value.params["field"] == field, str(refused.value)
    assert field in str(refused.value)


def test_tracking_ranges_that_overlap_another_carriers_are_refused():
    doc = changed("carriers.1.tracking", dict(GOOD["carriers"][0]["tracking"]))
    with pytest.raises(FieldProblem, match=r"carriers\[1\].tracking can make the same"):
        parse_site(doc)
    # SF + 12 digits and SF1 + 11 digits read alike: SF1 00000000005 is SF 100000000005.
    longer = {"prefix": "SF1", "digits": 11, "check": "mod10", "suffix": "", "next": 1, "last": 10}
    with pytest.raises(FieldProblem, match="range_overlap|can make the same"):
        parse_site(changed("carriers.1.tracking", longer))
    apart = changed("carriers.0.tracking.last", 99999999999)  # SF's range ends before SF1…
    assert parse_site(
        changed("carriers.1.tracking", longer)
        | {"carriers": [apart["carriers"][0], {**GOOD["carriers"][1], "tracking": longer}]}
    )


def test_tracking_numbers_per_scheme():
    site = parse_site(GOOD)
    sf, ems = (carrier.tracking for carrier in site.carriers)
    assert sf.number(1) == "SF0000000000017" and len(sf.number(1)) == sf.length
    # The UPU S10 worked example: serial 47312482, S = 200, C = 11 - 200 mod 11 = 9.
    assert ems.number(47312482) == "EE473124829CN"
    assert check_character("s10", "00000000") == "5"  # 11 - 0 = 11 → 5
    assert check_character("none", "1234") == ""
    assert not tracking_overlap(sf, ems)
