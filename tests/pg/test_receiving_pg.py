"""Two clerks put away into the same location at the same moment on PostgreSQL, each through
its own connection (its own central, as two stations would be): every unit lands, the stock row
ends exactly right, and the ledger has every movement with figures that follow each other."""

from __future__ import annotations

import threading

from sqlalchemy import select

from app.bootstrap import open_central
from app.services import demo
from app.services.receiving_central import receive_codes
from db.schema import locations, products, stock_movements

CABLE = "8712345000875"  # ELE-10087: the demo has none, orders wait for it
WHERE = "A01-001-L-1"
ROUNDS, UNITS = 12, 3


def clerk(url: str, badge: str, receipt: str, barrier: threading.Barrier, errors: list) -> None:
    central = open_central(url)
    try:
        barrier.wait()
        for _ in range(ROUNDS):
            receive_codes(
                central.uow, badge, receipt, [f"{CABLE}*{UNITS}"], WHERE, f"STOCK-{badge}"
            )
    except Exception as exc:  # noqa: BLE001 - reported to the test's thread
        errors.append(exc)
    finally:
        central.close()


def test_two_clerks_put_away_into_one_location_at_once(pg_url):
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        with central.uow() as uow:
            waiting = uow.orders.waiting_for_stock({"ELE-10087"})
        barrier, errors = threading.Barrier(2), []
        # One clerk on the receipt that announced the cables, the other on the second one
        # (an item it did not announce: received, flagged) — one stock row, two receipts.
        threads = [
            threading.Thread(target=clerk, args=(pg_url, "1015", "PO-4500012001", barrier, errors)),
            threading.Thread(target=clerk, args=(pg_url, "1016", "PO-4500012002", barrier, errors)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not errors, errors
        total = 2 * ROUNDS * UNITS
        with central.uow() as uow:
            row = uow.stock.get(WHERE, "ELE-10087", "")
            assert row.on_hand == total
            assert row.reserved <= row.on_hand
            assert not uow.orders.waiting_for_stock({"ELE-10087"}) or not waiting
            lines = [
                uow.receiving.receipt(r).line("ELE-10087", "")
                for r in ("PO-4500012001", "PO-4500012002")
            ]
        assert [(x.received, x.put_away) for x in lines] == [(ROUNDS * UNITS,) * 2] * 2
        with central.engine.connect() as conn:
            ledger = conn.execute(
                select(
                    stock_movements.c.delta,
                    stock_movements.c.on_hand_before,
                    stock_movements.c.on_hand_after,
                    stock_movements.c.actor,
                    stock_movements.c.fact_id,
                )
                .join(locations, locations.c.id == stock_movements.c.location_id)
                .join(products, products.c.id == stock_movements.c.product_id)
                .where(locations.c.code == WHERE, products.c.sku == "ELE-10087")
                .order_by(stock_movements.c.on_hand_before)
            ).all()
        assert len(ledger) == 2 * ROUNDS and all(m.fact_id for m in ledger)
        assert [m.on_hand_before for m in ledger] == list(range(0, total, UNITS))
        assert all(
            m.on_hand_after == m.on_hand_before + m.delta == m.on_hand_before + UNITS
            for m in ledger
        )
        assert {m.actor for m in ledger} == {"Sanne de Vries", "黄敏"}
    finally:
        central.close()
