"""The automatic review of imported orders on the in-memory unit of work: allocation holds what
the site's rules (settings, app/domain/review_rules.py) say a person must see first, with the
reasons as message ids, and never reviews an order twice. The rules one by one, without any
unit of work: tests/unit/services/test_review.py."""

from __future__ import annotations

import json

import pytest

from app.domain.catalog import StockItem
from app.domain.orders import Address, OrderStatus
from app.domain.review_rules import ReviewRules
from app.errors import BadInput
from app.messages import decode
from app.services import allocation, holds
from app.services.review import read_review_rules
from tests.fakes.site import ADDRESS, LEAD, add_orders, add_stock, kinds, order, stored
from tests.fakes.uow import FakeUnitOfWork


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    add_stock(uow, "GLUE", 100)
    add_stock(uow, "ACID", 100)
    return uow


def use_rules(uow: FakeUnitOfWork, document: dict) -> None:
    with uow:
        uow.settings.save_review_rules(ReviewRules.from_dict(document))
        uow.commit()


def reasons(uow: FakeUnitOfWork, ref: int) -> list[tuple[str, dict]]:
    return [(m.id, dict(m.params)) for m in decode(stored(uow, ref).reason)]


def acid(uow: FakeUnitOfWork) -> StockItem:
    """ACID's stock row as committed (each commit stores a new copy)."""
    return next(item for item in uow.state.stock.values() if item.sku == "ACID")


def address(**changes: str) -> Address:
    return Address(**(ADDRESS.__dict__ | changes))


def test_the_sites_rules_hold_an_order_with_every_reason_and_reserve_nothing_for_it(uow):
    use_rules(uow, {"sku_quantity_limits": {"ACID": 2}, "special_handling": {"ACID": "corrosive"}})
    held, fine = add_orders(
        uow, order("SO-1", ("GLUE", 1), ("ACID", 3)), order("SO-2", ("GLUE", 1))
    )
    report = allocation.allocate(uow)
    assert report.allocated == ["web/SO-2"]
    assert report.held == [
        "web/SO-1: quantity 3 of ACID is above the limit of 2; ACID needs special handling: corrosive"
    ]
    assert stored(uow, held).status is OrderStatus.ON_HOLD
    assert reasons(uow, held) == [
        ("hold.quantity_above_limit", {"quantity": 3, "sku": "ACID", "limit": 2}),
        ("hold.special_handling", {"sku": "ACID", "what": "corrosive"}),
    ]
    assert [line.allocated for line in stored(uow, held).lines] == [0, 0]
    assert [a["quantity"] for a in uow.state.allocations] == [1]  # SO-2's GLUE only
    on_hold = [e for e in uow.state.events if e.kind == "order.on_hold"]
    assert [(e.order_ref, e.payload["reason"]) for e in on_hold] == [
        (held, stored(uow, held).reason)
    ]
    assert stored(uow, fine).status is OrderStatus.ALLOCATED


@pytest.mark.parametrize(
    "ship_to, expected",
    [
        (
            address(postal_code="123"),
            [("hold.postal_code_invalid", {"postal_code": "123", "country": "DE"})],
        ),
        (
            address(street1=" ", city=""),
            [
                ("hold.address_incomplete", {"field": "street1"}),
                ("hold.address_incomplete", {"field": "city"}),
            ],
        ),
        (address(country="nl", postal_code="1012 ab"), []),  # the pattern is matched upper-case
    ],
)
def test_the_default_rules_hold_incomplete_and_undeliverable_addresses(uow, ship_to, expected):
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 1), ship_to=ship_to))
    allocation.allocate(uow)
    assert reasons(uow, ref) == expected
    assert stored(uow, ref).status is (OrderStatus.ON_HOLD if expected else OrderStatus.ALLOCATED)


def test_countries_not_served_and_blocked_customers_are_held(uow):
    use_rules(
        uow,
        {
            "ship_to_countries": ["DE"],
            "blocked_customers": [{"email": "FRAUD@example.com", "reason": "chargebacks"}],
        },
    )
    abroad, blocked, fine = add_orders(
        uow,
        order("SO-1", ("GLUE", 1), ship_to=address(country="US", postal_code="10001")),
        order("SO-2", ("GLUE", 1), ship_to=address(email=" fraud@example.com")),
        order("SO-3", ("GLUE", 1), ship_to=address(email="anna@example.com")),
    )
    allocation.allocate(uow)
    assert reasons(uow, abroad) == [("hold.country_not_served", {"country": "US"})]
    assert reasons(uow, blocked) == [
        (
            "hold.blocked_customer_why",
            {"key": "email", "value": "FRAUD@example.com", "why": "chargebacks"},
        ),
    ]
    assert stored(uow, fine).status is OrderStatus.ALLOCATED


def test_new_rules_apply_from_the_next_allocation_on(uow):
    (first,) = add_orders(uow, order("SO-1", ("ACID", 5)))
    allocation.allocate(uow)
    use_rules(uow, {"sku_quantity_limits": {"ACID": 2}})
    (second,) = add_orders(uow, order("SO-2", ("ACID", 5)))
    allocation.allocate(uow)
    assert stored(uow, first).status is OrderStatus.ALLOCATED  # allocated: never reviewed again
    assert stored(uow, second).status is OrderStatus.ON_HOLD


def test_an_order_a_lead_released_is_not_reviewed_again_even_under_stricter_rules(uow):
    use_rules(uow, {"sku_quantity_limits": {"ACID": 2}})
    (ref,) = add_orders(uow, order("SO-1", ("ACID", 3)))
    allocation.allocate(uow)
    holds.release_hold(uow, LEAD, "web/SO-1", "customer is a lab", "desk")
    use_rules(uow, {"sku_quantity_limits": {"ACID": 1}, "special_handling": {"ACID": "acid"}})
    report = allocation.allocate(uow)
    assert (report.allocated, report.held) == (["web/SO-1"], [])
    assert stored(uow, ref).status is OrderStatus.ALLOCATED
    assert kinds(uow) == ["order.on_hold", "order.received", "order.allocated"]


def test_an_order_waiting_for_stock_was_reviewed_when_it_came_and_is_not_held_on_retry(uow):
    acid(uow).on_hand = 1
    (ref,) = add_orders(uow, order("SO-1", ("ACID", 3)))
    allocation.allocate(uow)
    assert stored(uow, ref).status is OrderStatus.EXCEPTION
    use_rules(uow, {"sku_quantity_limits": {"ACID": 2}})
    acid(uow).on_hand = 10
    assert allocation.allocate(uow).allocated == ["web/SO-1"]


def test_the_rules_file_is_read_whole_or_refused_naming_the_file(tmp_path):
    good = tmp_path / "rules.json"
    good.write_text(json.dumps({"ship_to_countries": ["de", "nl"]}))
    assert read_review_rules(good).ship_to_countries == frozenset({"DE", "NL"})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"ship_to_countries": ["DE"], "blocked": []}))
    with pytest.raises(BadInput, match=r"bad\.json: review rules: unknown key\(s\) blocked"):
        read_review_rules(bad)
