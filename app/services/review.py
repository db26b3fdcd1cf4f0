"""The automatic order review: configurable rules that put an order on hold instead of
allocating it. A lead then releases (the order is not reviewed again) or cancels it.

Rules live in the central database's settings as one JSON document (`shipshape review-rules`);
the rules themselves, and their parsing, are domain data (app/domain/review_rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from app.domain import fields
from app.domain.customers import Customer, customer_problems
from app.domain.orders import Order
from app.domain.review_rules import ReviewRules
from app.errors import BadInput
from app.messages import Message, encode, message
from app.services.order_files import read_text_file


def read_review_rules(path: Path) -> ReviewRules:
    """`shipshape review-rules --set FILE`: the whole document or nothing."""
    try:
        return ReviewRules.from_dict(fields.parse_json(read_text_file(path)))
    except BadInput as exc:
        raise BadInput(f"{path}: {exc}") from None


def review(
    order: Order, rules: ReviewRules, customers: Mapping[str, Customer] | None = None
) -> str | None:
    """Why this order must be held, as the stored text of an order's reason (app.messages
    `encode`: ids and parameters, read in each reader's language), or None when it may be
    allocated. `customers`: the CRM's customers the order may name (by customer_id)."""
    return encode(review_problems(order, rules, customers or {})) or None


def review_problems(
    order: Order, rules: ReviewRules, customers: Mapping[str, Customer] | None = None
) -> list[Message]:
    reasons = _address_problems(order, rules) + _customer_problems(order, rules)
    if order.customer_id:  # the CRM's checks: unknown, blocked, over the credit limit
        customer = (customers or {}).get(order.customer_id)
        reasons += customer_problems(order.customer_id, customer, order.value_cents)
    return reasons + _line_problems(order, rules)


def _address_problems(order: Order, rules: ReviewRules) -> list[Message]:
    address = order.ship_to
    problems = [message("hold.address_incomplete", field=name) for name in address.missing_fields()]
    country = address.country.strip().upper()
    if rules.ship_to_countries and country not in rules.ship_to_countries:
        problems.append(message("hold.country_not_served", country=country or "?"))
    pattern = rules.postal_code_patterns.get(country)
    if pattern and not re.match(pattern, address.postal_code.strip().upper()):
        problems.append(
            message("hold.postal_code_invalid", postal_code=address.postal_code, country=country)
        )
    return problems


def _customer_problems(order: Order, rules: ReviewRules) -> list[Message]:
    address = order.ship_to
    mine = {
        "email": address.email.strip().lower(),
        "phone": re.sub(r"\D", "", address.phone),
        "name": address.name.strip().lower(),
    }
    for entry in rules.blocked_customers:
        for key, value in entry.items():
            if key not in mine or not value or not mine[key]:
                continue
            theirs = re.sub(r"\D", "", value) if key == "phone" else str(value).strip().lower()
            if theirs == mine[key]:
                why = entry.get("reason", "")
                if why:
                    return [message("hold.blocked_customer_why", key=key, value=value, why=why)]
                return [message("hold.blocked_customer", key=key, value=value)]
    return []


def _line_problems(order: Order, rules: ReviewRules) -> list[Message]:
    problems = []
    for line in order.lines:
        limit = rules.sku_quantity_limits.get(line.sku)
        if limit is not None and line.quantity > limit:
            problems.append(
                message(
                    "hold.quantity_above_limit", quantity=line.quantity, sku=line.sku, limit=limit
                )
            )
        if line.sku in rules.special_handling:
            what = rules.special_handling[line.sku]
            problems.append(message("hold.special_handling", sku=line.sku, what=what))
    return problems
