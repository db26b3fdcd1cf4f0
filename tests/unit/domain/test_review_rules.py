"""The review rules' JSON document: pure parsing, no database."""

import pytest

from app.domain.review_rules import ReviewRules
from app.errors import BadInput


def test_rules_with_unknown_keys_or_bad_patterns_are_refused():
    with pytest.raises(BadInput, match="unknown key"):
        ReviewRules.from_dict({"blocked": []})
    with pytest.raises(BadInput):
        ReviewRules.from_dict({"postal_code_patterns": {"DE": "("}})


def test_rules_read_back_from_their_document():
    rules = ReviewRules.from_dict(
        {"ship_to_countries": ["de"], "blocked_customers": [{"email": "x@example.com"}]}
    )
    assert rules.ship_to_countries == frozenset({"DE"})
    assert ReviewRules.from_dict(rules.as_dict()) == rules
