from datetime import date

from app.domain.catalog import StockItem
from app.domain.orders import Address, Order, OrderLine
from app.domain.stock_choice import ranked_by_sku
from app.messages import english
from app.services.allocation import apply_plan, plan_order

TODAY = date(2026, 11, 29)
ADDRESS = Address(name="A", street1="1 Rd", city="X", postal_code="1", country="NL")


def order(*lines: tuple[str, int]) -> Order:
    return Order(
        "web", "SO-1", ADDRESS, [OrderLine(sku, qty, id=n) for n, (sku, qty) in enumerate(lines)]
    )


def test_fefo_takes_the_earliest_expiry_and_never_an_expired_lot():
    stock = [
        StockItem("A-1", "MILK", 5, lot="L3", expiry=date(2027, 3, 1), id=1),
        StockItem("A-2", "MILK", 5, lot="L1", expiry=date(2026, 12, 5), id=2),
        StockItem("A-3", "MILK", 9, lot="L0", expiry=date(2026, 11, 1), id=3),  # expired
        StockItem("A-4", "MILK", 9, lot="", expiry=None, id=4),
    ]
    planned, shortfall = plan_order(order(("MILK", 7)), ranked_by_sku(stock, TODAY))
    assert shortfall == ""
    assert [(r.stock_id, r.quantity) for r in planned] == [(2, 5), (1, 2)]


def test_fifo_by_receipt_when_nothing_expires():
    stock = [StockItem("B", "BOLT", 3, id=7), StockItem("A", "BOLT", 3, id=5)]
    planned, _ = plan_order(order(("BOLT", 4)), ranked_by_sku(stock, TODAY))
    assert [(r.stock_id, r.quantity) for r in planned] == [(5, 3), (7, 1)]


def test_reserved_stock_is_not_available_and_shortfall_reserves_nothing():
    stock = [StockItem("A", "BOLT", 5, reserved=4, id=1)]
    candidates = ranked_by_sku(stock, TODAY)
    planned, shortfall = plan_order(order(("BOLT", 2)), candidates)
    assert planned == [] and english(shortfall) == "cannot allocate: BOLT: short 1 of 2"
    assert stock[0].reserved == 4


def test_two_lines_of_one_sku_share_stock_without_overbooking():
    stock = [StockItem("A", "BOLT", 3, id=1)]
    the_order = order(("BOLT", 2), ("BOLT", 2))
    planned, shortfall = plan_order(the_order, ranked_by_sku(stock, TODAY))
    assert planned == [] and "short 1 of 2" in english(shortfall)


def test_apply_plan_reserves_and_marks_lines():
    stock = [StockItem("A", "BOLT", 3, id=1)]
    candidates = ranked_by_sku(stock, TODAY)
    the_order = order(("BOLT", 2))
    planned, _ = plan_order(the_order, candidates)
    apply_plan(the_order, planned, {s.id: s for s in stock})
    assert stock[0].reserved == 2 and the_order.lines[0].allocated == 2
