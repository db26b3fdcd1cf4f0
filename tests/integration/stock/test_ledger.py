"""The stock ledger primitive: a change of on-hand lands on its row and in the ledger."""

from datetime import UTC, datetime

from sqlalchemy import select

from app.bootstrap import open_central
from app.domain.events import Actor
from app.domain.stock_ledger import Movement, MovementKind
from app.services import demo, master_data
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
        row = conn.execute(select(stock_movements).where(stock_movements.c.fact_id == "f1")).one()
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


def test_import_stock_writes_each_change_to_the_ledger(sqlite_url, tmp_path):
    central = _central(sqlite_url)
    with central.uow() as uow:
        item = uow.stock.all()[0]
    sheet = tmp_path / "count.csv"
    sheet.write_text(
        f"location,sku,quantity,lot,expiry\n{item.location},{item.sku},{item.on_hand + 2},"
        f"{item.lot},{item.expiry or ''}\n"
    )
    with central.engine.connect() as conn:
        already = conn.execute(select(stock_movements.c.id)).all()
    report = master_data.import_stock(central.uow(), sheet, CLERK)
    assert not report.rejected
    with central.engine.connect() as conn:
        rows = conn.execute(select(stock_movements).order_by(stock_movements.c.id)).all()
    new = rows[len(already) :]
    assert [(r.kind, r.delta, r.on_hand_before, r.on_hand_after, r.actor) for r in new] == [
        ("import", 2, item.on_hand, item.on_hand + 2, "Sanne de Vries")
    ]
    master_data.import_stock(central.uow(), sheet, CLERK)  # the same figure again: no change
    with central.engine.connect() as conn:
        assert len(conn.execute(select(stock_movements.c.id)).all()) == len(rows)
    central.close()
