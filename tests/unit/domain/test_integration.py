"""Which events become integration messages, the back-off, and the endpoints file's checks."""

from __future__ import annotations

import random

import pytest

from app.domain.events import Actor, Event
from app.domain.fields import FieldProblem
from app.domain.integration import message_kind, retry_delay, signature, status_data
from app.domain.integration_endpoints import parse_endpoints


def kind_of(kind: str, moved_from: str = "received", order_ref: int | None = 1) -> str | None:
    return message_kind(Event(kind, {"from": moved_from}, order_ref=order_ref))


def test_order_events_map_to_message_kinds_and_leaving_a_hold_is_a_release():
    assert kind_of("order.on_hold") == "order.held"
    assert kind_of("order.received", "on_hold") == "order.released"
    assert kind_of("order.packed", "on_hold") == "order.released"  # back to the dock
    assert kind_of("order.packed", "picked") == "order.packed"
    assert kind_of("order.released", "allocated") is None  # a wave release: not the shop's
    assert kind_of("order.received") is None and kind_of("pack.item") is None
    assert kind_of("order.shipped", order_ref=None) is None


def test_back_off_doubles_with_jitter_up_to_its_ceiling():
    rng = random.Random(1)
    delays = [retry_delay(n, 2.0, 60.0, rng) for n in (1, 2, 3, 10)]
    assert 1.0 <= delays[0] <= 2.0 and 2.0 <= delays[1] <= 4.0 and 4.0 <= delays[2] <= 8.0
    assert 30.0 <= delays[3] <= 60.0


def test_signature_is_the_hex_hmac_of_the_body():
    # RFC 2104 HMAC-SHA256 of b"body" with key b"key" (computed independently with hmac).
    expected = "515aae133b435d4000956731f68ae5cf5eb85d4f0dc6a546d2bfcd3595ec1ae1"
    assert signature("key", b"body") == f"sha256={expected}"
    assert signature("key", b"body") != signature("key", b"body ")


@pytest.mark.parametrize(
    ("endpoint", "field"),
    [
        ({"name": "a", "kind": "ftp"}, "endpoints[0].kind"),
        (
            {"name": "a", "kind": "webhook", "url": "ftp://x/", "secret": "x" * 20},
            "endpoints[0].url",
        ),
        (
            {"name": "a", "kind": "webhook", "url": "https://x/", "secret": "short"},
            "endpoints[0].secret",
        ),
        (
            {"name": "a", "kind": "file", "folder": "/x", "kinds": ["order.lost"]},
            "endpoints[0].kinds[0]",
        ),
        ({"name": "a", "kind": "file", "folder": "/x", "max_tries": 0}, "endpoints[0].max_tries"),
        ({"name": "a", "kind": "file", "folder": "/x", "url": "http://x/"}, "endpoints[0].url"),
        ({"name": "a", "kind": "file", "folder": "/x", "format": "xml"}, "endpoints[0].format"),
        ({"name": "a", "kind": "file", "folder": "/x", "format": 1}, "endpoints[0].format"),
        (
            {
                "name": "a",
                "kind": "webhook",
                "url": "https://x/",
                "secret": "x" * 20,
                "format": "daily_csv",
            },
            "endpoints[0].format",
        ),  # fmt: skip
        (
            {
                "name": "a",
                "kind": "file",
                "folder": "/x",
                "format": "daily_csv",
                "kinds": ["order.shipped", "order.held"],
            },
            "endpoints[0].kinds[1]",
        ),  # fmt: skip
    ],
)
def test_a_bad_endpoint_names_its_field(endpoint, field):
    with pytest.raises(FieldProblem) as refused:
        parse_endpoints({"endpoints": [endpoint]})
    assert field in str(refused.value)


def test_a_file_endpoint_is_json_unless_it_asks_for_the_daily_csv_of_shipments_only():
    plain, daily, explicit = parse_endpoints(
        {"endpoints": [
            {"name": "a", "kind": "file", "folder": "/x"},
            {"name": "b", "kind": "file", "folder": "/y", "format": "daily_csv"},
            {"name": "c", "kind": "file", "folder": "/z", "format": "daily_csv",
             "kinds": ["order.shipped"], "channels": ["webshop"]},
        ]}
    )  # fmt: skip
    assert (plain.format, plain.kinds) == ("json", ())
    assert (daily.format, daily.kinds) == ("daily_csv", ("order.shipped",))
    assert not daily.wants("order.held", "webshop") and daily.wants("order.shipped", "webshop")
    assert explicit.kinds == ("order.shipped",) and explicit.channels == ("webshop",)
    assert daily.document()["format"] == "daily_csv" and plain.document()["format"] == "json"
    assert parse_endpoints({"endpoints": [daily.document()]}) == [daily]  # --json reads back


def test_a_bad_format_is_told_in_the_readers_words():
    with pytest.raises(FieldProblem) as refused:
        parse_endpoints(
            {"endpoints": [{"name": "a", "kind": "file", "folder": "/x", "format": "csv"}]}
        )
    assert refused.value.code == "not_one_of"
    assert str(refused.value) == "endpoints[0].format 'csv' is not one of json, daily_csv"


def test_two_endpoints_may_not_share_a_name():
    same = {"name": "a", "kind": "file", "folder": "/x"}
    with pytest.raises(FieldProblem, match=r"endpoints\[1\].name"):
        parse_endpoints({"endpoints": [same, same]})


def test_an_order_at_risk_is_told_with_its_prediction():
    prediction = {
        "ship_by": "2026-12-04T16:30:00+00:00",
        "predicted_ship": "2026-12-05T16:30:00+00:00",
        "predicted_packed": "2026-12-04T16:41:12+00:00",
        "carrier": "SF Express",
    }
    event = Event("order.at_risk", prediction, Actor("Maria Jansen", "LEAD-01"), 7)
    assert message_kind(event) == "order.at_risk"
    assert status_data(event) == prediction


def test_an_endpoint_may_ask_for_every_kind_an_event_makes_at_risk_included():
    document = {
        "endpoints": [
            {
                "name": "crm",
                "kind": "webhook",
                "url": "https://crm.example/hook",
                "secret": "s" * 32,
                "kinds": ["order.at_risk", "order.released"],
            }
        ]
    }
    (endpoint,) = parse_endpoints(document)
    assert endpoint.kinds == ("order.at_risk", "order.released")
