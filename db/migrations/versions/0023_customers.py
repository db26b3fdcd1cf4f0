"""customers: the CRM's customers, orders that name one, line prices

Revision ID: 0023_customers
Revises: 0022_integration_outbox

Issue 18 ("In: orders and customers", docs/integrations-in.md): `shipshape import-customers`
fills `customers` (created or updated by `customer_id`); an order may name its customer and
price its lines, and the automatic review holds an order of a blocked customer or one over the
credit limit. Money is kept exactly, as whole cents (BigInteger). `orders.ship_complete` records
the customer's `ship_complete` term when the order came in: a lead cannot ship it short.
"""

import sqlalchemy as sa
from alembic import op

revision = "0023_customers"
down_revision = "0022_integration_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("customer_id", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(254), nullable=False, server_default=""),
        sa.Column("phone", sa.String(40), nullable=False, server_default=""),
        sa.Column("credit_limit_cents", sa.BigInteger(), nullable=True),  # NULL: no limit
        sa.Column("open_balance_cents", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name="pk_customers"),
    )
    # Plain ADD COLUMN, never a batch: on SQLite a batch copies the table and drops its
    # triggers (orders_changes_update tells stations of status moves, migration 0008).
    op.add_column("orders", sa.Column("customer_id", sa.String(80), nullable=True))
    op.add_column(
        "orders",
        sa.Column("ship_complete", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("order_lines", sa.Column("unit_price_cents", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    # DROP COLUMN (SQLite 3.35+ and PostgreSQL): no table copy, the triggers stay.
    op.drop_column("order_lines", "unit_price_cents")
    op.drop_column("orders", "ship_complete")
    op.drop_column("orders", "customer_id")
    op.drop_table("customers")
