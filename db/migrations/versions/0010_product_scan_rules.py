"""products: scan rules and dimensions

Revision ID: 0010
Revises: 0009

`no_barcode` (the only products a picker may confirm by a typed count), `lot_controlled` (a pick
needs the lot), `serial_required` (a unit is packed only with its serial) and the unit's
length/width/height in cm (the carton suggestion uses real volume where they are known).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

FLAGS = ("no_barcode", "lot_controlled", "serial_required")
DIMENSIONS = ("length_cm", "width_cm", "height_cm")


def upgrade() -> None:
    with op.batch_alter_table("products") as batch:
        for flag in FLAGS:
            batch.add_column(
                sa.Column(flag, sa.Boolean(), nullable=False, server_default=sa.false())
            )
        for dimension in DIMENSIONS:
            batch.add_column(sa.Column(dimension, sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        for column in FLAGS + DIMENSIONS:
            batch.drop_column(column)
