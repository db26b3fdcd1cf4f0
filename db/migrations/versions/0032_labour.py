"""labour standards: find finished pick lists and confirmed lines by time

Revision ID: 0032_labour
Revises: 0028_returns

Issue 21 (docs/lead.md "Labour standards"). Learning a standard reads the pick lists finished in
a range (`pick_lists.finished_at`); the KPI's picker-hours vs standard read the lines confirmed in
a range (`pick_tasks.picked_at`). Without these indexes both scan every list and every task the
site ever had. No new table: the standard is a `settings` row (`labour_standard`).
"""

from alembic import op

revision = "0032_labour"
down_revision = "0028_returns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_pick_lists_finished_at", "pick_lists", ["finished_at"])
    op.create_index("ix_pick_tasks_picked_at", "pick_tasks", ["picked_at"])


def downgrade() -> None:
    op.drop_index("ix_pick_tasks_picked_at", table_name="pick_tasks")
    op.drop_index("ix_pick_lists_finished_at", table_name="pick_lists")
