"""users: when a lead last unlocked the badge's PIN

Revision ID: 0012
Revises: 0010

A badge's PIN locks after repeated wrong PINs (app/domain/pins.py); a lead's unlock is kept on
the user's row, so it reaches every station with the users they cache (offline sign-in applies
the same rule) and central forgets the wrong PINs before it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("pin_unlocked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("pin_unlocked_at")
