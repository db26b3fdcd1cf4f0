"""integration outbox: endpoints, messages and their per-endpoint deliveries

Revision ID: 0022_integration_outbox
Revises: 0021_site_counters

Issue 18 (docs/integrations.md): every change of state other systems hear about writes a
message in the transaction of the change; `shipshape integrate` delivers each to the endpoints
that want it, at least once, with the same id every time. All delivery state lives here, so a
dispatcher killed at any point loses nothing.
"""

import sqlalchemy as sa
from alembic import op

revision = "0022_integration_outbox"
down_revision = "0021_site_counters"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "integration_endpoints",
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("secret", sa.Text(), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("policy", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_integration_endpoints"),
    )
    op.create_table(
        "integration_messages",
        sa.Column("seq", Id, autoincrement=True, nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("order_ref", Id, nullable=True),
        sa.Column("occurred_at", WHEN, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_ref"], ["orders.id"], name="fk_integration_messages_order_ref_orders"
        ),
        sa.PrimaryKeyConstraint("seq", name="pk_integration_messages"),
        sa.UniqueConstraint("id", name="uq_integration_messages_id"),
    )
    op.create_table(
        "integration_deliveries",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("message_seq", Id, nullable=False),
        sa.Column("endpoint", sa.String(60), nullable=False),
        sa.Column("order_ref", Id, nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("due_at", WHEN, nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["message_seq"],
            ["integration_messages.seq"],
            name="fk_integration_deliveries_message_seq_integration_messages",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_integration_deliveries"),
        sa.UniqueConstraint(
            "message_seq", "endpoint", name="uq_integration_deliveries_message_seq"
        ),
    )
    op.create_index(
        "ix_integration_deliveries_state_due", "integration_deliveries", ["state", "due_at"]
    )
    op.create_index(
        "ix_integration_deliveries_order",
        "integration_deliveries",
        ["endpoint", "order_ref", "message_seq"],
    )


def downgrade() -> None:
    op.drop_table("integration_deliveries")
    op.drop_table("integration_messages")
    op.drop_table("integration_endpoints")
