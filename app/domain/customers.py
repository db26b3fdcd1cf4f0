"""The CRM's customers and the checks the automatic review makes with them.

Pure data and rules: money is whole cents (`int`), never a float, so a credit limit of
5,000.00 is exceeded by exactly 312.40 and not by 312.39999. The review (app/services/review.py)
asks `customer_problems` why an order of this customer must wait for a lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.fields import FieldProblem, format_cents, shown
from app.messages import Message, message

SHIP_COMPLETE = "ship_complete"
# The terms a customers file may give. Only ship_complete changes what the floor does; the others
# are kept for the people who read them (cash on delivery, paid before shipping, net N days).
KNOWN_TERMS = (SHIP_COMPLETE, "cod", "prepaid")
_NET_DAYS = re.compile(r"net[0-9]{1,3}")
MAX_TERMS = 10


@dataclass(frozen=True)
class Customer:
    customer_id: str
    name: str
    currency: str
    email: str = ""
    phone: str = ""
    credit_limit_cents: int | None = None  # None: no limit
    open_balance_cents: int = 0
    blocked: bool = False
    terms: tuple[str, ...] = ()

    @property
    def ship_complete(self) -> bool:
        return SHIP_COMPLETE in self.terms


def plain_cents(cents: int) -> str:
    """The amount for a machine (`orders --json`): `5312.40`, no grouping."""
    sign = "-" if cents < 0 else ""
    whole, fraction = divmod(abs(cents), 100)
    return f"{sign}{whole}.{fraction:02d}"


def parse_terms(value: object, field: str = "terms") -> tuple[str, ...]:
    """`ship_complete;cod` (CSV) or ["ship_complete", "cod"] (JSON): known words only, so a
    typo such as `ship-complete` is refused instead of silently shipping an order short."""
    if value is None:
        return ()
    words = value if isinstance(value, list) else None
    if isinstance(value, str):
        words = [w.strip().lower() for w in value.split(";") if w.strip()]
    if words is None or len(words) > MAX_TERMS or not all(isinstance(w, str) for w in words):
        raise FieldProblem("not_terms", field=field, value=shown(value), limit=MAX_TERMS)
    accepted = f"{', '.join(KNOWN_TERMS)}, netN (e.g. net30)"
    for word in words:
        if word.strip().lower() not in KNOWN_TERMS and not _NET_DAYS.fullmatch(word.lower()):
            raise FieldProblem("not_one_of", field=field, value=shown(word), accepted=accepted)
    return tuple(dict.fromkeys(w.strip().lower() for w in words))


def customer_problems(
    customer_id: str, customer: Customer | None, value_cents: int | None
) -> list[Message]:
    """Why an order of this customer waits for a lead: an unknown customer id (the credit
    cannot be checked), a blocked customer, or the order's value plus the open balance over
    the credit limit. An order without a value (no line prices) is checked for a block only."""
    if customer is None:
        return [message("hold.customer_unknown", customer=customer_id)]
    if customer.blocked:
        return [message("hold.customer_blocked", customer=customer_id, name=customer.name)]
    limit = customer.credit_limit_cents
    if limit is None or value_cents is None:
        return []
    over = customer.open_balance_cents + value_cents - limit
    if over <= 0:
        return []
    return [
        message(
            "hold.credit_limit",
            customer=customer_id,
            limit=format_cents(limit),
            currency=customer.currency,
            over=format_cents(over),
        )
    ]


def order_value_cents(prices: Sequence[tuple[int, int | None]]) -> int | None:
    """The sum of quantity × unit price over (quantity, unit price in cents) pairs; None when
    no line has a price."""
    if all(price is None for _, price in prices):
        return None
    return sum(quantity * (price or 0) for quantity, price in prices)
