"""The automatic order review: configurable rules that put an order on hold instead of
allocating it. A lead then releases (the order is not reviewed again) or cancels it.

Rules live in the central database's settings as one JSON document (`shipshape review-rules`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.orders import Order
from app.errors import BadInput
from app.messages import Message, encode, message


@dataclass(frozen=True)
class ReviewRules:
    # Countries we ship to (ISO 3166 alpha-2); empty means any.
    ship_to_countries: frozenset[str] = frozenset()
    # Postal code shapes per country; an address that does not match is undeliverable.
    postal_code_patterns: dict[str, str] = field(default_factory=dict)
    # Customers we do not ship to: matched on e-mail, phone or name (case-insensitive).
    blocked_customers: tuple[dict, ...] = ()
    # Most units of a SKU one order may have.
    sku_quantity_limits: dict[str, int] = field(default_factory=dict)
    # SKUs that need special handling (hazmat, cold chain, ...): sku -> what.
    special_handling: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> ReviewRules:
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise BadInput(f"review rules: unknown key(s) {', '.join(sorted(unknown))}")
        try:
            rules = cls(
                ship_to_countries=frozenset(c.upper() for c in data.get("ship_to_countries", [])),
                postal_code_patterns=dict(data.get("postal_code_patterns", {})),
                blocked_customers=tuple(data.get("blocked_customers", [])),
                sku_quantity_limits={
                    k: int(v) for k, v in data.get("sku_quantity_limits", {}).items()
                },
                special_handling=dict(data.get("special_handling", {})),
            )
            for pattern in rules.postal_code_patterns.values():
                re.compile(pattern)
        except (TypeError, ValueError, re.error) as exc:
            raise BadInput(f"review rules: {exc}") from exc
        return rules

    def as_dict(self) -> dict:
        return {
            "ship_to_countries": sorted(self.ship_to_countries),
            "postal_code_patterns": self.postal_code_patterns,
            "blocked_customers": list(self.blocked_customers),
            "sku_quantity_limits": self.sku_quantity_limits,
            "special_handling": self.special_handling,
        }


DEFAULT_RULES = ReviewRules(
    postal_code_patterns={
        "CN": r"^\d{6}$",
        "DE": r"^\d{5}$",
        "US": r"^\d{5}(-\d{4})?$",
        "NL": r"^\d{4} ?[A-Z]{2}$",
        "GB": r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$",
        "RU": r"^\d{6}$",
    }
)


def review(order: Order, rules: ReviewRules) -> str | None:
    """Why this order must be held, as the stored text of an order's reason (app.messages
    `encode`: ids and parameters, read in each reader's language), or None when it may be
    allocated."""
    return encode(review_problems(order, rules)) or None


def review_problems(order: Order, rules: ReviewRules) -> list[Message]:
    reasons = _address_problems(order, rules) + _customer_problems(order, rules)
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
