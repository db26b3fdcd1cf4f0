"""lead console: planner statistics for the KPI query on events (PostgreSQL)

The KPI query groups a month of events by person, kind and UTC hour. Without statistics on
that expression the planner expects one group per row and will not aggregate in parallel;
with them it expects a few thousand groups and uses partial (parallel) aggregation.
SQLite needs nothing: its planner does not use such statistics.

Revision ID: 0006
Revises: 0002
"""

from alembic import op

revision = "0006"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE STATISTICS IF NOT EXISTS st_events_kpi_hours (ndistinct) "
        "ON user_name, kind, date_trunc('hour', occurred_at AT TIME ZONE 'UTC') FROM events"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP STATISTICS IF EXISTS st_events_kpi_hours")
