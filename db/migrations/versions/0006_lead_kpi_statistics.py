"""lead console: hourly KPI roll-up table, and planner statistics for the hourly grouping

`kpi_hours` holds work per UTC hour, person and kind, summed from events up to a watermark on
`events.seq` (kept in `counters` as "kpi_hours_seq"): a month's report reads ~30,000 such rows
instead of ~1,000,000 events. On PostgreSQL, extended statistics on the grouping expression let
the planner expect a few thousand groups (not one per row) and aggregate in parallel when the
roll-up is built.

Revision ID: 0006
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kpi_hours",
        sa.Column("hour", sa.DateTime(timezone=False), nullable=False),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("lines", sa.BigInteger(), nullable=False),
        sa.Column("units", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("hour", "user_name", "kind", name=op.f("pk_kpi_hours")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE STATISTICS IF NOT EXISTS st_events_kpi_hours (ndistinct) "
            "ON user_name, kind, date_trunc('hour', occurred_at AT TIME ZONE 'UTC') FROM events"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP STATISTICS IF EXISTS st_events_kpi_hours")
    op.drop_table("kpi_hours")
