"""The automatic order review's rules: what a site ships to, whom it does not, and which lines
need a person first. Pure data and its parsing from the JSON document stored in the central
database's settings (`shipshape review-rules`); app/services/review.py applies them to orders.

The parsing errors are English lines: only `shipshape review-rules --set FILE` shows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain import fields
from app.errors import BadInput


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
    def from_dict(cls, data: object) -> ReviewRules:
        """Rules from their JSON document; BadInput names the first field that is wrong."""
        if not isinstance(data, dict):
            raise BadInput("review rules: expected a JSON object")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise BadInput(f"review rules: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        try:
            return cls(
                ship_to_countries=frozenset(
                    _text(c, "ship_to_countries[]", 60).upper()
                    for c in _list(data, "ship_to_countries")
                ),
                postal_code_patterns={
                    _text(k, "postal_code_patterns key", 60).upper(): _pattern(k, v)
                    for k, v in _mapping(data, "postal_code_patterns").items()
                },
                blocked_customers=tuple(
                    _customer(entry, n) for n, entry in enumerate(_list(data, "blocked_customers"))
                ),
                sku_quantity_limits={
                    _text(k, "sku_quantity_limits key", 60): fields.whole_number(
                        v, f"sku_quantity_limits[{k!r}]", 0, fields.INT32_MAX
                    )
                    for k, v in _mapping(data, "sku_quantity_limits").items()
                },
                special_handling={
                    _text(k, "special_handling key", 60): _text(v, f"special_handling[{k!r}]", 200)
                    for k, v in _mapping(data, "special_handling").items()
                },
            )
        except BadInput as exc:
            raise BadInput(f"review rules: {exc}") from None

    def as_dict(self) -> dict:
        return {
            "ship_to_countries": sorted(self.ship_to_countries),
            "postal_code_patterns": self.postal_code_patterns,
            "blocked_customers": list(self.blocked_customers),
            "sku_quantity_limits": self.sku_quantity_limits,
            "special_handling": self.special_handling,
        }


def _text(value: object, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise BadInput(f"{what} must be text, found {fields.shown(value)}")
    return fields.text(value, what, limit, required=True)


def _list(data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise BadInput(f"{key} must be a list")
    return value


def _mapping(data: dict, key: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise BadInput(f"{key} must be an object")
    return value


def _pattern(country: object, pattern: object) -> str:
    what = f"postal_code_patterns[{country!r}]"
    pattern = _text(pattern, what, 200)
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        raise BadInput(f"{what} is not a regular expression ({exc})") from None
    return pattern


CUSTOMER_KEYS = {"email": 254, "phone": 40, "name": 200, "reason": 200}


def _customer(entry: object, n: int) -> dict:
    what = f"blocked_customers[{n}]"
    if not isinstance(entry, dict) or not set(entry) <= set(CUSTOMER_KEYS):
        raise BadInput(f"{what} must be an object with email, phone, name and/or reason")
    return {k: _text(v, f"{what}.{k}", CUSTOMER_KEYS[k]) for k, v in entry.items()}


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
