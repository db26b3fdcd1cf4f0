"""A tiny site with one shipped order and a parcel of it received back, for the lead's returns
desk tests (SQLite here, PostgreSQL in tests/pg). Rows are written as central's appliers write
them; tests/integration/returns/test_desk_flow.py drives the real returns flow end to end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, update

from app.domain.events import SYSTEM
from app.domain.users import Role, User
from app.services import intake
from app.services.order_files import read_order_file
from db.schema import (
    events,
    order_lines,
    orders,
    products,
    quarantine,
    return_lines,
    returns,
    rma_lines,
    rmas,
)
from tests.integration.site_files import order_row, write_orders
from tests.integration.stock.moves_site import FACE, tiny_site

LEAD = User("Maria Jansen", Role.LEAD, "1011")
NOW = datetime.now(UTC)
ARRIVED = NOW - timedelta(hours=5)


@dataclass
class DeskSite:
    central: object
    quarantine_ids: dict[str, int]  # "bolt" damaged, "milk" damaged, "expired" milk

    def rows(self, query):
        with self.central.engine.connect() as conn:
            return conn.execute(query).all()


def desk_site(url: str, folder: Path) -> DeskSite:
    """SO-1 shipped 3 BOLT and 2 MILK; one parcel came back unannounced: 1 BOLT resold to the
    pick face, 1 BOLT damaged, 1 MILK damaged, and an expired MILK; SO-2 has an open RMA."""
    central = tiny_site(url, folder)
    path = write_orders(
        folder / "o.csv",
        order_row("SO-1", "BOLT", "3"),
        order_row("SO-1", "MILK", "2"),
        order_row("SO-2", "BOLT", "1"),
    )
    intake.import_orders(central.uow(), read_order_file(path), SYSTEM)
    with central.engine.begin() as conn:
        ids = dict(conn.execute(select(products.c.sku, products.c.id)).all())
        order_refs = dict(conn.execute(select(orders.c.order_id, orders.c.id)).all())
        _ship(conn, order_refs["SO-1"])
        _ship(conn, order_refs["SO-2"])
        line_of = dict(
            conn.execute(
                select(order_lines.c.product_id, order_lines.c.id).where(
                    order_lines.c.order_id == order_refs["SO-1"]
                )
            ).all()
        )
        back = conn.execute(
            insert(returns).values(
                return_id="00000000-0000-4000-8000-000000000001",
                order_ref=order_refs["SO-1"],
                parcel="SO-1",
                status="closed",
                station="RET-01",
                arrived_at=ARRIVED,
                closed_at=ARRIVED + timedelta(minutes=20),
                closed_by="Sam Returns",
            )
        ).inserted_primary_key[0]
        lines = [
            ("BOLT", 1, "resell", "stock", FACE, "", None),
            ("BOLT", 1, "damaged", "quarantine", "QUARANTINE", "", None),
            ("MILK", 1, "damaged", "quarantine", "QUARANTINE", "L3", datetime(2027, 3, 1).date()),
            ("MILK", 1, "resell", "quarantine", "QUARANTINE", "L0", datetime(2020, 1, 1).date()),
        ]
        q_ids = {}
        for n, (sku, qty, condition, dest, loc, lot, expiry) in enumerate(lines):
            line_id = conn.execute(
                insert(return_lines).values(
                    return_ref=back,
                    order_line_id=line_of[ids[sku]],
                    product_id=ids[sku],
                    lot=lot,
                    expiry=expiry,
                    quantity=qty,
                    condition=condition,
                    destination=dest,
                    location=loc,
                    received_at=ARRIVED + timedelta(minutes=2 * n + 1),
                    received_by="Sam Returns",
                )
            ).inserted_primary_key[0]
            if dest == "quarantine":
                reason = condition if condition != "resell" else "expired"
                q_ids[
                    {"BOLT": "bolt", "MILK": "milk"}[sku] if reason != "expired" else "expired"
                ] = conn.execute(
                    insert(quarantine).values(
                        return_line_id=line_id,
                        product_id=ids[sku],
                        lot=lot,
                        expiry=expiry,
                        quantity=qty,
                        reason=reason,
                        entered_at=ARRIVED + timedelta(minutes=2 * n + 1),
                    )
                ).inserted_primary_key[0]
        conn.execute(
            update(order_lines)
            .where(order_lines.c.id.in_(list(line_of.values())))
            .values(returned=2)  # each line: two units back
        )
        rma = conn.execute(
            insert(rmas).values(
                rma_id="RMA-77", order_ref=order_refs["SO-2"], reason="too small", imported_at=NOW
            )
        ).inserted_primary_key[0]
        conn.execute(insert(rma_lines).values(rma_ref=rma, product_id=ids["BOLT"], quantity=1))
    return DeskSite(central, q_ids)


def _ship(conn, order_ref: int) -> None:
    conn.execute(update(orders).where(orders.c.id == order_ref).values(status="shipped"))
    conn.execute(
        update(order_lines)
        .where(order_lines.c.order_id == order_ref)
        .values(allocated=order_lines.c.quantity, picked=order_lines.c.quantity)
        .values(packed=order_lines.c.quantity)
    )
    conn.execute(
        insert(events).values(
            uuid=f"00000000-0000-4000-9000-{order_ref:012d}",
            kind="order.shipped",
            occurred_at=NOW - timedelta(days=1),
            user_name="Lou Loader",
            station="DOCK-01",
            order_ref=order_ref,
            payload={"from": "packed", "to": "shipped"},
        )
    )
