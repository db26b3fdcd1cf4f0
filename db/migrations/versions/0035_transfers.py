"""transfers: an order may be bound to its source warehouse; a receipt may be a transfer's

Revision ID: 0035_transfers
Revises: 0034_warehouses

Issue 22, transfers between warehouses (docs/stock.md, "Transfers"). A transfer from A to B is
an order (channel `transfer`) that only A may ship, and an expected receipt at B linked to it:

- `orders.source_warehouse_id`: the one warehouse allocation may take the order's stock from
  (NULL: any, chosen by the sourcing rules).
- `receipts.transfer_order_id`: the transfer order this receipt receives (NULL: a supplier's).

Both are plain nullable columns (no foreign key, as 0034 on SQLite); existing rows stay NULL.
"""

import sqlalchemy as sa
from alembic import op

revision = "0035_transfers"
down_revision = "0034_warehouses"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("orders", sa.Column("source_warehouse_id", Id, nullable=True))
    op.add_column("receipts", sa.Column("transfer_order_id", Id, nullable=True))
    op.create_index("ix_receipts_transfer_order_id", "receipts", ["transfer_order_id"])


def downgrade() -> None:
    op.drop_index("ix_receipts_transfer_order_id", table_name="receipts")
    op.drop_column("receipts", "transfer_order_id")
    op.drop_column("orders", "source_warehouse_id")
