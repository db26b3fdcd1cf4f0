"""Which warehouse a command means, and where a warehouse's own settings and counters are kept
(app/domain/warehouses.py)."""

from __future__ import annotations

import pytest

from app.domain.warehouses import Warehouse, choose, is_site_counter, scoped_key, warehouse_code
from app.errors import BadInput

EAST, WEST = Warehouse(1, "WH1", "DC East"), Warehouse(2, "WEST", "DC West")


def test_codes_are_kept_upper_case_and_short():
    assert warehouse_code(" dc-east ") == "DC-EAST"
    for bad in ("", "-X", "DC EAST", "A" * 21, "东"):
        with pytest.raises(BadInput, match="warehouse code"):
            warehouse_code(bad)


def test_without_a_code_the_only_warehouse_or_none_yet():
    assert choose([EAST], None) == EAST
    assert choose([], None) is None
    assert choose([EAST, WEST], "west") == WEST


def test_several_warehouses_need_a_code_and_an_unknown_one_names_the_choices():
    with pytest.raises(BadInput, match=r"2 warehouses \(WH1, WEST\): name one with --warehouse"):
        choose([EAST, WEST], None)
    with pytest.raises(BadInput, match="unknown warehouse NORTH; known: WH1, WEST"):
        choose([EAST, WEST], "north")
    with pytest.raises(BadInput, match="none yet"):
        choose([], "WH1")


def test_the_first_warehouse_keeps_the_plain_keys_a_later_one_its_own():
    assert scoped_key("site", 1, 1) == "site" and scoped_key("sscc", None, None) == "sscc"
    assert scoped_key("tracking:SF", 2, 1) == "tracking:SF@2"
    assert is_site_counter("sscc") and is_site_counter("tracking:1Z")
    assert not is_site_counter("kpi_hours_seq")
