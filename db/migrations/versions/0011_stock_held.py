"""stock: held quantity

Revision ID: 0011
Revises: 0010

`held`: units at a location that a picker reported empty or not found. They stay on hand (stock
control has not counted them yet) but are never allocated, reallocated or suggested until the
location is counted again (`import-stock` of that location and SKU sets on hand and clears it).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stock") as batch:
        batch.add_column(sa.Column("held", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("stock") as batch:
        batch.drop_column("held")
