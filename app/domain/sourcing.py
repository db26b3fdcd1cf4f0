"""Which warehouse ships an order, when a central database holds several (docs/interfaces.md §8,
issue 22). Pure: no I/O.

An order ships from one warehouse, complete: orders carry no "partial shipments allowed" term,
so an order is never split across warehouses. Among the warehouses that can ship it complete
from their own available stock (allocation's stock rule, app/domain/stock_choice):

1. the preferred warehouse for its ship-to country (the site's table `preferred_warehouses`,
   country code → warehouse code, set with `shipshape site --set FILE`), when it is one of them;
2. else the one whose next cut-off today for the order's carrier comes first, among cut-offs
   still ahead (site time: the local time, as dispatch reads them) that are not after the
   order's ship_by; those with no such cut-off come after;
3. then the lowest warehouse id (the first made).

An order bound to a warehouse (a transfer's `source_warehouse`: docs/stock.md, "Transfers")
ships from that one or waits; no rule moves it elsewhere.

No warehouse can ship it complete: the order waits for stock, with what it lacks in the
warehouse that comes closest (fewest units short, then the lowest id).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.domain.fields import FieldProblem, shown
from app.domain.orders import Order
from app.domain.site import SiteSettings

PREFERRED_KEY = "preferred_warehouses"  # the site's table (a company-wide settings document)
_COUNTRY = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class SourcingRules:
    """The site's rules, with warehouses by id."""

    preferred: Mapping[str, int] = field(default_factory=dict)  # country code → warehouse id
    sites: Mapping[int, SiteSettings] = field(default_factory=dict)  # each one's carriers


def choose_warehouse(
    order: Order, complete: Sequence[int], rules: SourcingRules, now: datetime
) -> int | None:
    """The warehouse that ships `order`, of those that can ship it complete (None: none can)."""
    if order.source_warehouse is not None:
        return order.source_warehouse if order.source_warehouse in complete else None
    if not complete:
        return None
    preferred = rules.preferred.get(order.ship_to.country.strip().upper())
    if preferred in complete:
        return preferred
    return min(complete, key=lambda w: (_cutoff_rank(rules.sites.get(w), order, now), w))


def _cutoff_rank(site: SiteSettings | None, order: Order, now: datetime) -> tuple:
    """(0, when) for the warehouse's next cut-off today that still meets ship_by; (1,) for
    none."""
    found = next_cutoff_today(site, order.carrier, now)
    if found is None or (order.ship_by is not None and found > _aware(order.ship_by)):
        return (1,)
    return (0, found)


def next_cutoff_today(site: SiteSettings | None, carrier: str, now: datetime) -> datetime | None:
    """The first of the carrier's daily cut-offs ("HH:MM", local time) at or after `now`, today;
    None when it has none left today (or the warehouse does not know the carrier)."""
    known = site.carrier(carrier) if site is not None else None
    if known is None:
        return None
    local = _aware(now).astimezone()
    for cutoff in sorted(known.cutoffs):
        moment = local.replace(hour=int(cutoff[:2]), minute=int(cutoff[3:]), second=0)
        moment = moment.replace(microsecond=0)
        if moment >= local:
            return moment
    return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def closest(shortfalls: Mapping[int, list[dict]]) -> list[dict]:
    """What an order lacks in the warehouse that comes closest to shipping it: fewest units
    short, then the lowest id ([] when there are no warehouses)."""
    if not shortfalls:
        return []
    best = min(shortfalls, key=lambda w: (sum(x["short"] for x in shortfalls[w]), w))
    return shortfalls[best]


def parse_preferred(value: Any, known_codes: Sequence[str]) -> dict[str, str]:
    """The `preferred_warehouses` table as set: {"DE": "WEST", …}; country codes are two letters
    (kept upper-case), warehouse codes must be known. The first bad entry raises FieldProblem."""
    if not isinstance(value, dict):
        found = type(value).__name__
        raise FieldProblem("not_object", field=PREFERRED_KEY, found=found)
    table: dict[str, str] = {}
    for country, code in value.items():
        where = f"{PREFERRED_KEY}.{country}"
        wanted = str(country).strip().upper()
        if not _COUNTRY.fullmatch(wanted):
            raise FieldProblem("not_country", field=PREFERRED_KEY, value=shown(country))
        if not isinstance(code, str) or code.strip().upper() not in known_codes:
            accepted = ", ".join(known_codes) or "none yet"
            raise FieldProblem("not_one_of", field=where, value=shown(code), accepted=accepted)
        table[wanted] = code.strip().upper()
    return table
