"""A carrier's label source in the site settings: "own" by default, or "api" with where the API
is and where its key is read (never the key itself)."""

from __future__ import annotations

import copy

import pytest

from app.domain.fields import FieldProblem
from app.domain.site import parse_site
from tests.unit.domain.test_site_settings import GOOD

API = {
    "base_url": "https://api.example-carrier.test/v2",
    "api_key_env": "SHIPSHAPE_CARRIER_SF_KEY",
    "api_key_file": "/etc/shipshape/sf.key",
    "carrier_accounts": ["ca_1"],
    "timeout_s": 4,
}


def with_carrier(**keys):
    document = copy.deepcopy(GOOD)
    document["carriers"][0].update(keys)
    return document


def test_own_is_the_default_and_the_document_names_no_label_source():
    site = parse_site(GOOD)
    assert site.carriers[0].label_source == "own" and site.carriers[0].api is None
    assert "label_source" not in site.document()["carriers"][0]
    assert "api" not in site.document()["carriers"][0]


def test_an_api_carrier_reads_back_unchanged():
    site = parse_site(with_carrier(label_source="api", api=API))
    carrier = site.carriers[0]
    assert carrier.label_source == "api"
    assert carrier.api.base_url == API["base_url"] and carrier.api.carrier_accounts == ("ca_1",)
    assert carrier.api.timeout_s == 4.0
    assert site.document()["carriers"][0]["api"] == API
    assert parse_site(site.document()) == site


def test_only_the_keys_set_come_back():
    site = parse_site(with_carrier(label_source="api", api={"base_url": "http://127.0.0.1:9/v2",
                                                            "api_key_env": "KEY"}))  # fmt: skip
    assert site.document()["carriers"][0]["api"] == {
        "base_url": "http://127.0.0.1:9/v2",
        "api_key_env": "KEY",
    }


@pytest.mark.parametrize(
    ("keys", "field"),
    [
        ({"label_source": "carrier"}, "carriers[0].label_source"),
        ({"label_source": "api"}, "carriers[0].api"),
        (
            {"label_source": "api", "api": {"base_url": "ftp://x", "api_key_env": "K"}},
            "carriers[0].api.base_url",
        ),  # fmt: skip
        (
            {"label_source": "api", "api": {"base_url": "https://x.test"}},
            "carriers[0].api.api_key_env",
        ),  # fmt: skip
        (
            {"label_source": "api", "api": {"base_url": "https://x.test", "api_key": "secret"}},
            "carriers[0].api.api_key",
        ),  # fmt: skip  -- the key itself is never a setting
        ({"label_source": "api", "api": API | {"timeout_s": 0}}, "carriers[0].api.timeout_s"),
    ],
)
def test_a_bad_api_setting_is_named(keys, field):
    with pytest.raises(FieldProblem) as problem:
        parse_site(with_carrier(**keys))
    assert problem.value.params["field"] == field
