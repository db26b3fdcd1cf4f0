from app.domain.orders import Address, Order, OrderLine
from app.domain.review_rules import DEFAULT_RULES, ReviewRules
from app.messages import decode, english
from app.services import review as reviewing


def review(order: Order, rules: ReviewRules) -> str | None:
    """The hold reason as the CLI shows it (stored as message ids, read in English)."""
    stored = reviewing.review(order, rules)
    return None if stored is None else english(stored)


def order(**address) -> Order:
    fields = dict(
        name="Anna", street1="Hauptstr. 1", city="Köln", postal_code="50667", country="DE"
    )
    fields.update(address)
    return Order("web", "SO-1", Address(**fields), [OrderLine("GLUE", 3)])


def test_a_good_order_passes():
    assert review(order(), DEFAULT_RULES) is None


def test_incomplete_and_undeliverable_addresses_are_held():
    assert "street1 is empty" in review(order(street1=" "), DEFAULT_RULES)
    assert "postal code '5066' is not valid for DE" in review(
        order(postal_code="5066"), DEFAULT_RULES
    )
    rules = ReviewRules.from_dict({"ship_to_countries": ["DE", "NL"]})
    assert "we do not ship to US" in review(order(country="US", postal_code="1"), rules)


def test_blocked_customer_by_email_or_phone():
    rules = ReviewRules.from_dict(
        {
            "blocked_customers": [
                {"email": "ANNA@example.com", "reason": "chargebacks"},
                {"phone": "+49 221 555"},
            ]
        }
    )
    assert "blocked customer (email ANNA@example.com): chargebacks" in review(
        order(email="anna@example.com"), rules
    )
    assert "blocked customer (phone" in review(order(phone="+49-221-555"), rules)
    assert review(order(email="other@example.com"), rules) is None


def test_quantity_limit_and_special_handling():
    rules = ReviewRules.from_dict(
        {"sku_quantity_limits": {"GLUE": 2}, "special_handling": {"GLUE": "flammable"}}
    )
    reason = review(order(), rules)
    assert "quantity 3 of GLUE is above the limit of 2" in reason
    assert "GLUE needs special handling: flammable" in reason


def test_a_hold_reason_is_stored_as_message_ids_a_reader_translates():
    stored = reviewing.review(order(street1=" ", postal_code="5066"), DEFAULT_RULES)
    messages = decode(stored)
    assert [m.id for m in messages] == ["hold.address_incomplete", "hold.postal_code_invalid"]
    assert messages[1].params == {"postal_code": "5066", "country": "DE"}
