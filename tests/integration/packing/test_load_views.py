"""The views of many orders loaded at once equal those loaded one by one (SQLite)."""

from tests.integration.packing.varied_views import check_views_equal_one_by_one


def test_views_loaded_together_equal_views_loaded_one_by_one(central):
    check_views_equal_one_by_one(central)
