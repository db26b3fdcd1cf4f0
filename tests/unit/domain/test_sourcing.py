"""Which warehouse ships an order (app/domain/sourcing.py): the country's preferred one, then
the earliest cut-off that still meets ship_by, then the lowest id."""

from __future__ import annotations

import copy
import json
from datetime import datetime

import pytest

from app.domain.fields import FieldProblem
from app.domain.orders import Address, Order, OrderLine
from app.domain.site import parse_site
from app.domain.sourcing import (
    SourcingRules,
    choose_warehouse,
    closest,
    next_cutoff_today,
    parse_preferred,
)
from app.services.demo import DEMO_DIR

DEMO_SITE = json.loads((DEMO_DIR / "site.json").read_text(encoding="utf-8"))


def site_with_dhl(*cutoffs: str):
    document = copy.deepcopy(DEMO_SITE)
    for carrier in document["carriers"]:
        if carrier["code"] == "DHL":
            carrier["cutoffs"] = list(cutoffs)
    return parse_site(document)


def local(hour: int, minute: int = 0) -> datetime:
    """Today at this local time (cut-offs are site time: the local time)."""
    return datetime(2026, 12, 7, hour, minute).astimezone()


def order(country: str = "DE", ship_by: datetime | None = None, carrier: str = "dhl") -> Order:
    address = Address("Anna", "Hauptstr. 1", "Köln", "50667", country)
    return Order("web", "SO-1", address, [OrderLine("GLUE", 1)], carrier=carrier, ship_by=ship_by)


# WH1 (id 1) collects DHL at 12:00 and 18:00; WEST (id 2) at 14:00.
RULES = SourcingRules({}, {1: site_with_dhl("12:00", "18:00"), 2: site_with_dhl("14:00")})


def test_the_next_cut_off_today_is_the_first_still_ahead():
    assert next_cutoff_today(RULES.sites[1], "DHL", local(9)) == local(12)
    assert next_cutoff_today(RULES.sites[1], "DHL", local(12, 30)) == local(18)
    assert next_cutoff_today(RULES.sites[2], "DHL", local(14, 1)) is None
    assert next_cutoff_today(RULES.sites[2], "Pigeon Post", local(9)) is None
    assert next_cutoff_today(None, "DHL", local(9)) is None


def test_the_earliest_cut_off_ships_it():
    assert choose_warehouse(order(), [1, 2], RULES, local(9)) == 1  # 12:00 before 14:00
    assert choose_warehouse(order(), [1, 2], RULES, local(12, 30)) == 2  # 14:00 before 18:00


def test_a_cut_off_after_ship_by_does_not_count():
    assert choose_warehouse(order(ship_by=local(15)), [1, 2], RULES, local(12, 30)) == 2
    # 14:00 and 18:00 are both after ship_by: neither meets it, so the lowest id
    assert choose_warehouse(order(ship_by=local(13, 30)), [1, 2], RULES, local(12, 30)) == 1
    # WH1's 18:00 is after ship_by; WEST's 14:00 is not: WEST, though 2 > 1
    assert choose_warehouse(order(ship_by=local(17)), [2, 1], RULES, local(12, 30)) == 2


def test_the_countrys_preferred_warehouse_comes_first_when_it_can_ship_complete():
    rules = SourcingRules({"DE": 1, "FR": 3}, RULES.sites)
    assert choose_warehouse(order("de"), [1, 2], rules, local(12, 30)) == 1
    assert choose_warehouse(order("FR"), [1, 2], rules, local(12, 30)) == 2  # 3 cannot
    assert choose_warehouse(order("IT"), [1, 2], rules, local(12, 30)) == 2


def test_no_rules_no_carriers_the_lowest_id():
    assert choose_warehouse(order(carrier=""), [3, 2], SourcingRules(), local(9)) == 2
    assert choose_warehouse(order(), [], SourcingRules(), local(9)) is None


def test_what_an_order_lacks_is_told_for_the_closest_warehouse():
    short_3 = [{"sku": "GLUE", "short": 3, "quantity": 7}]
    short_1 = [{"sku": "GLUE", "short": 1, "quantity": 7}]
    assert closest({1: short_3, 2: short_1, 3: short_1}) is short_1
    assert closest({}) == []


def test_the_country_table_is_checked_entry_by_entry():
    known = ["WH1", "WEST"]
    assert parse_preferred({"de": " west", "FR": "WH1"}, known) == {"DE": "WEST", "FR": "WH1"}
    assert parse_preferred({}, known) == {}
    for bad, words in (
        ({"Germany": "WEST"}, "Germany"),
        ({"DE": "SOUTH"}, "SOUTH"),
        ({"DE": 7}, "7"),
        (["DE", "WEST"], "JSON object"),
    ):
        with pytest.raises(FieldProblem) as refused:
            parse_preferred(bad, known)
        assert "preferred_warehouses" in str(refused.value) and words in str(refused.value)


def test_an_order_bound_to_a_warehouse_ships_from_it_or_waits():
    """A transfer's order (docs/stock.md, "Transfers"): no rule moves it elsewhere."""
    bound = order("DE")
    bound.source_warehouse = 2
    preferring_wh1 = SourcingRules({"DE": 1}, RULES.sites)
    assert choose_warehouse(bound, [1, 2], preferring_wh1, local(9)) == 2
    assert choose_warehouse(bound, [1], preferring_wh1, local(9)) is None
    assert choose_warehouse(bound, [], preferring_wh1, local(9)) is None
