"""Use cases: the rules that say which warehouse ships an order (app/domain/sourcing.py), read
for allocation, and the site's table of preferred warehouses per ship-to country, set with
`shipshape site --set FILE` (key `preferred_warehouses`; docs/interfaces.md §8, §15)."""

from __future__ import annotations

from typing import Any

from app.domain.events import Actor, Event
from app.domain.site import SiteSettings, parse_site
from app.domain.sourcing import PREFERRED_KEY, SourcingRules, parse_preferred
from app.errors import BadInput
from app.services.ports import UnitOfWork

SITE_KEY = "site"  # each warehouse's settings document (app/services/site.py)


def sourcing_rules(uow: UnitOfWork) -> SourcingRules:
    """Call inside `with uow:`. The country table (warehouse codes as ids; a code that is gone
    is left out) and each warehouse's carriers and cut-offs."""
    ids = {w.code: w.id for w in uow.warehouses.all()}
    table = preferred_table(uow)
    preferred = {country: ids[code] for country, code in table.items() if code in ids}
    sites: dict[int, SiteSettings] = {}
    for warehouse_id, document in uow.settings.each_warehouse(SITE_KEY).items():
        try:
            sites[warehouse_id] = parse_site(document)
        except BadInput:  # stored only after the same check; never stop allocation for it
            continue
    return SourcingRules(preferred, sites)


def preferred_table(uow: UnitOfWork) -> dict[str, str]:
    """Call inside `with uow:`. Country code → warehouse code, as set ({} when never set)."""
    return dict(uow.settings.value(PREFERRED_KEY) or {})


def checked_preferred(uow: UnitOfWork, value: Any) -> dict[str, str]:
    """The table as `save_preferred` would save it; FieldProblem for the first bad entry."""
    with uow:
        return parse_preferred(value, [w.code for w in uow.warehouses.all()])


def current_preferred(uow: UnitOfWork) -> dict[str, str]:
    with uow:
        return preferred_table(uow)


def save_preferred(uow: UnitOfWork, value: Any, actor: Actor) -> dict[str, str]:
    """Replace the table whole (the caller has checked who `actor` is). Every country must be
    two letters and every warehouse a known code: the first bad entry is refused, nothing
    saved."""
    with uow:
        table = parse_preferred(value, [w.code for w in uow.warehouses.all()])
        uow.settings.save_value(PREFERRED_KEY, table)
        payload = {"preferred_warehouses": table}  # one of the site's settings
        uow.events.add_all([Event("site.settings_set", payload, actor)])
        uow.commit()
    return table
