"""stock: held quantity; orders already waiting for stock get their queue item

Revision ID: 0011
Revises: 0010

`held`: units at a location that a picker reported empty or not found. They stay on hand (stock
control has not counted them yet) but are never allocated, reallocated or suggested until the
location is counted again (`import-stock` of that location and SKU sets on hand and clears it).

Orders an earlier `allocate` left in `exception` ("cannot allocate: SKU: short N of M; ...")
were in nobody's queue and never retried: each gets an open `waiting_for_stock` row with what
it lacks, so the lead sees it and the next `allocate` / `import-stock` retries it.
"""

import re
from datetime import UTC, datetime


import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


LACK = re.compile(r"([^:;]+): short (\d+) of (\d+)")


def upgrade() -> None:
    with op.batch_alter_table("stock") as batch:
        batch.add_column(sa.Column("held", sa.Integer(), nullable=False, server_default="0"))
    _queue_waiting_orders()


def _queue_waiting_orders() -> None:
    orders = sa.table("orders", sa.column("id"), sa.column("status"), sa.column("reason"))
    exceptions = sa.table(
        "exceptions", sa.column("kind"), sa.column("status"), sa.column("order_ref"),
        sa.column("details", sa.JSON), sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("note"),
    )
    conn = op.get_bind()
    waiting = conn.execute(
        sa.select(orders.c.id, orders.c.reason).where(
            orders.c.status == "exception", orders.c.reason.like("cannot allocate:%")
        )
    ).all()
    now = datetime.now(UTC)
    for order_ref, reason in waiting:
        lacks = [
            {"sku": sku.strip(), "short": int(short), "quantity": int(quantity)}
            for sku, short, quantity in LACK.findall(reason.removeprefix("cannot allocate:"))
        ]
        conn.execute(
            sa.insert(exceptions).values(
                kind="waiting_for_stock", status="open", order_ref=order_ref,
                details={"lines": lacks}, created_at=now, note="",
            )
        )


def downgrade() -> None:
    op.execute("DELETE FROM exceptions WHERE kind = 'waiting_for_stock'")
    with op.batch_alter_table("stock") as batch:
        batch.drop_column("held")
