"""waves remember how they were planned: filter, cart capacity, carrier grouping

Revision ID: 0033_wave_plans
Revises: 0032_labour

Issue 21 (docs/lead.md "Top-up and re-balance"). Orders that arrive after a wave was planned
join its carts when they match what the lead asked for, and a re-balance re-batches carts with
the same capacity and carrier grouping: the wave keeps its plan as a JSON document
(`{"capacity": 8, "group_by_carrier": false, "carrier": null, ...}`). Waves planned before this
revision have none (NULL): their carts' own sizes stand in for the capacity.
"""

import sqlalchemy as sa
from alembic import op

revision = "0033_wave_plans"
down_revision = "0032_labour"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("waves", schema=None) as batch_op:
        batch_op.add_column(sa.Column("plan", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("waves", schema=None) as batch_op:
        batch_op.drop_column("plan")
