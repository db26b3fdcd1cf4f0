"""cycle counts: count tasks, their first and second counts and the lead's approval

Revision ID: 0026_counts
Revises: 0024_stock_ledger

Issue 19 (stock control, docs/stock.md "Counting"). A `count_tasks` row asks for one location to
be counted (reason: range, short, abc, lead, unplanned) and follows it through open → recount →
approval → done (or cancelled). The counts themselves are `stock.counted` facts; the task keeps
the first and second count (lines, who, when) so a lead can compare them with the expected
quantity. The tolerance lives in the settings table under `count_tolerance`.
"""

import sqlalchemy as sa
from alembic import op

revision = "0026_counts"
down_revision = "0024_stock_ledger"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "count_tasks",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("location_id", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="open"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("first_count", sa.JSON(), nullable=True),
        sa.Column("second_count", sa.JSON(), nullable=True),
        sa.Column("counted_by", sa.String(100), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.String(100), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name="fk_count_tasks_location_id_locations"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_count_tasks"),
    )
    op.create_index("ix_count_tasks_status", "count_tasks", ["status", "location_id"])


def downgrade() -> None:
    op.drop_index("ix_count_tasks_status", table_name="count_tasks")
    op.drop_table("count_tasks")
