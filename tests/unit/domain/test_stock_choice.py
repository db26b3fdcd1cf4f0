"""The one rule for taking stock (allocation, a short's suggestion, the lead's reallocation):
FEFO then FIFO, never an expired lot, never held or reserved units. Pure, no database."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.catalog import StockItem
from app.domain.stock_choice import Take, is_expired, may_take, ranked, ranked_by_sku, take

TODAY = date(2026, 12, 4)


def lot(id, expiry=None, on_hand=5, reserved=0, held=0, received=None, sku="MILK"):
    return StockItem(f"A-{id}", sku, on_hand, reserved, f"L{id}", expiry, id, held, received)


def ids(items):
    return [item.id for item in items]


def test_an_expired_lot_is_never_taken_but_one_expiring_today_is():
    yesterday, expired = TODAY - timedelta(days=1), lot(1, TODAY - timedelta(days=1))
    assert is_expired(expired, TODAY) and not is_expired(lot(2, TODAY), TODAY)
    assert ids(ranked([expired, lot(2, TODAY)], TODAY)) == [2]
    assert take(ranked([lot(1, yesterday, on_hand=50)], TODAY), 3) == ([], 3)


def test_held_and_reserved_units_are_never_taken():
    held_all, part = lot(1, on_hand=5, held=5), lot(2, on_hand=5, reserved=1, held=2)
    assert not may_take(held_all, TODAY) and may_take(part, TODAY)
    assert take(ranked([held_all, part], TODAY), 4) == ([Take(2, 2)], 2)


def test_earliest_expiry_first_and_lots_without_expiry_last():
    stock = [lot(1), lot(2, date(2027, 3, 1)), lot(3, date(2026, 12, 20)), lot(4)]
    assert ids(ranked(stock, TODAY)) == [3, 2, 1, 4]


def test_first_received_first_when_expiry_is_equal():
    early, late = datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 6, 1, tzinfo=UTC)
    stock = [lot(1, received=late), lot(2, received=early), lot(3), lot(4, received=early)]
    # receipt time first, then row id (receipt order) for equal or unknown times
    assert ids(ranked(stock, TODAY)) == [2, 4, 1, 3]
    same_expiry = [lot(7, TODAY, received=late), lot(9, TODAY, received=early)]
    assert ids(ranked(same_expiry, TODAY)) == [9, 7]


def test_takes_cover_the_quantity_best_first_or_say_what_is_missing():
    stock = ranked(
        [lot(1, date(2027, 1, 1), on_hand=4), lot(2, date(2026, 12, 5), on_hand=3)], TODAY
    )
    assert take(stock, 5) == ([Take(2, 3), Take(1, 2)], 0)
    assert take(stock, 9) == ([Take(2, 3), Take(1, 4)], 2)
    assert take(stock, 0) == ([], 0)


def test_units_planned_for_earlier_lines_are_not_free_again():
    stock = ranked([lot(1, on_hand=4), lot(2, on_hand=4)], TODAY)
    assert take(stock, 3, {1: 3}) == ([Take(1, 1), Take(2, 2)], 0)


def test_ranked_by_sku_keeps_each_products_order():
    stock = [
        lot(1, sku="BOLT"),
        lot(2, date(2027, 1, 1)),
        lot(3, date(2026, 12, 9)),
        lot(4, sku="BOLT"),
    ]
    assert {sku: ids(items) for sku, items in ranked_by_sku(stock, TODAY).items()} == {
        "MILK": [3, 2],
        "BOLT": [1, 4],
    }


stock_rows = st.lists(
    st.builds(
        lot,
        st.integers(1, 10_000),
        st.one_of(st.none(), st.dates(TODAY - timedelta(days=30), TODAY + timedelta(days=30))),
        st.integers(0, 20),
        st.integers(0, 20),
        st.integers(0, 20),
    ),
    max_size=8,
    unique_by=lambda item: item.id,
)


@given(stock_rows, st.integers(0, 60))
def test_takes_never_exceed_what_is_free_nor_touch_expired_lots(stock, quantity):
    takes, missing = take(ranked(stock, TODAY), quantity)
    by_id = {item.id: item for item in stock}
    free = sum(item.available for item in stock if not is_expired(item, TODAY))
    assert sum(t.quantity for t in takes) == min(quantity, free)
    assert missing == quantity - min(quantity, free)
    for t in takes:
        assert 0 < t.quantity <= by_id[t.stock_id].available
        assert not is_expired(by_id[t.stock_id], TODAY)
    expiries = [by_id[t.stock_id].expiry or date.max for t in takes]
    assert expiries == sorted(expiries)  # FEFO across the takes
