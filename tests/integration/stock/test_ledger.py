"""The stock ledger primitive: a change of on-hand lands on its row and in the ledger."""

from datetime import UTC, datetime

from sqlalchemy import select

from app.bootstrap import open_central
from app.domain.events import Actor
from app.domain.stock_ledger import Movement, MovementKind
from app.services import demo
from db.schema import stock_movements

CLERK = Actor("Sanne de Vries", "stock-1")
AT = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)


def _central(sqlite_url):
    central = open_central(sqlite_url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _line: None)
    return central


def test_a_change_adds_to_the_row_and_is_written_with_before_and_after(sqlite_url):
    central = _central(sqlite_url)
    with central.uow() as uow:
        item = uow.stock.all()[0]
        move = Movement(MovementKind.MOVE_IN, item.location, item.sku, item.lot, 3, CLERK, AT, "f1")
        recorded = uow.stock.change(move)
        uow.commit()
    assert (recorded.on_hand_before, recorded.on_hand_after) == (item.on_hand, item.on_hand + 3)
    with central.uow() as uow:
        assert uow.stock.get(item.location, item.sku, item.lot).on_hand == item.on_hand + 3
    with central.engine.connect() as conn:
        row = conn.execute(select(stock_movements)).one()
    assert (row.kind, row.delta, row.actor, row.station, row.fact_id) == (
        "move_in",
        3,
        "Sanne de Vries",
        "stock-1",
        "f1",
    )
    assert (row.on_hand_before, row.on_hand_after) == (item.on_hand, item.on_hand + 3)
    central.close()


def test_a_change_at_a_location_without_the_product_makes_its_row(sqlite_url):
    central = _central(sqlite_url)
    with central.uow() as uow:
        item = uow.stock.all()[0]
        other = next(s.location for s in uow.stock.all() if s.sku != item.sku)
        move = Movement(MovementKind.PUT_AWAY, other, item.sku, "L9", 5, CLERK, AT)
        recorded = uow.stock.change(move)
        uow.commit()
    assert (recorded.on_hand_before, recorded.on_hand_after) == (0, 5)
    with central.uow() as uow:
        made = uow.stock.get(other, item.sku, "L9")
    assert (made.on_hand, made.reserved, made.held) == (5, 0, 0)
    central.close()
