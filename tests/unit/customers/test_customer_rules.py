"""The customer's rules without a database: money in cents, terms, and the review's holds."""

from __future__ import annotations

import pytest

from app.domain.customers import Customer, customer_problems, parse_terms
from app.domain.fields import FieldProblem, format_cents, money_cents
from app.domain.orders import Address, Order, OrderLine
from app.domain.review_rules import ReviewRules
from app.services.customers import customer_from
from app.services.review import review_problems


@pytest.mark.parametrize(
    ("value", "cents"),
    [("1250", 125000), ("1250.5", 125050), ("1250.50", 125050), (1250.5, 125050), (7, 700),
     ("", None), (None, None), ("0.01", 1)],
)  # fmt: skip
def test_amounts_are_read_exactly_as_cents(value, cents):
    assert money_cents(value, "credit_limit") == cents


@pytest.mark.parametrize(
    "value", ["1,250.50", "1e3", "12.345", "inf", "nan", True, "٣", "-5", "1000000000000", [1]]
)
def test_amounts_that_are_not_plain_are_refused_naming_the_field(value):
    with pytest.raises(FieldProblem) as refused:
        money_cents(value, "credit_limit")
    assert "credit_limit" in str(refused.value)


def test_an_open_balance_may_be_negative_a_limit_may_not():
    assert money_cents("-12.50", "open_balance", negative=True) == -1250
    assert format_cents(-1250) == "-12.50" and format_cents(500000) == "5,000.00"


def test_terms_are_known_words_only():
    assert parse_terms("ship_complete; COD ;net30") == ("ship_complete", "cod", "net30")
    assert parse_terms(["prepaid"]) == ("prepaid",)
    assert parse_terms("") == ()
    with pytest.raises(FieldProblem) as refused:
        parse_terms("ship-complete")
    assert "'ship-complete'" in str(refused.value) and "ship_complete" in str(refused.value)


def customer(**overrides) -> Customer:
    values = {"customer_id": "C1", "name": "Acme", "currency": "EUR"} | overrides
    return Customer(**values)


def test_the_credit_limit_reason_says_by_how_much():
    acme = customer(credit_limit_cents=500000, open_balance_cents=450000)
    (reason,) = customer_problems("C1", acme, 81240)
    assert reason.english() == "customer C1: credit limit 5,000.00 EUR exceeded by 312.40"
    assert customer_problems("C1", acme, 50000) == []  # exactly at the limit: fine
    assert customer_problems("C1", acme, None) == []  # no prices: no credit check
    assert customer_problems("C1", customer(), 10**9) == []  # no limit


def test_blocked_and_unknown_customers_are_held():
    (blocked,) = customer_problems("C1", customer(blocked=True), 100)
    assert blocked.english() == "customer C1 (Acme) is blocked"
    (unknown,) = customer_problems("C9", None, 100)
    assert unknown.id == "hold.customer_unknown" and "C9" in unknown.english()


def order(customer_id: str | None, *prices: int | None) -> Order:
    address = Address("Anna", "Hauptstr. 1", "Köln", "50667", "DE")
    lines = [OrderLine("MILK", 2, unit_price_cents=p) for p in prices]
    return Order("web", "SO-1", address, lines, customer_id=customer_id)


def test_the_review_checks_the_customer_only_when_the_order_names_one():
    rules = ReviewRules()
    acme = customer(credit_limit_cents=1000)
    assert order(None, 900).value_cents == 1800
    assert review_problems(order(None, 900), rules, {"C1": acme}) == []
    (held,) = review_problems(order("C1", 900), rules, {"C1": acme})
    assert held.id == "hold.credit_limit" and held.params["over"] == "8.00"
    assert review_problems(order("C1", 400), rules, {"C1": acme}) == []


def test_a_customer_row_is_checked_field_by_field():
    good = customer_from(
        {"customer_id": "C1", "name": "Acme", "credit_limit": "5000", "currency": "eur",
         "blocked": "yes", "terms": "ship_complete", "email": "", "phone": "",
         "open_balance": ""}
    )  # fmt: skip
    assert (good.currency, good.blocked, good.ship_complete) == ("EUR", True, True)
    assert good.credit_limit_cents == 500000 and good.open_balance_cents == 0
    for bad, field in (
        ({"name": "Acme", "currency": "EUR"}, "customer_id"),
        ({"customer_id": "C1", "name": "Acme", "currency": "EURO"}, "currency"),
        ({"customer_id": "C1", "name": "Acme", "currency": "EUR", "blocked": "maybe"}, "blocked"),
        ({"customer_id": "C1", "name": "A\x00", "currency": "EUR"}, "name"),
    ):
        with pytest.raises(FieldProblem) as refused:
            customer_from(bad)
        assert field in str(refused.value)
