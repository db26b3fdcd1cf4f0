"""slotting: move tasks with reason "slotting" share the replenishments table

Revision ID: 0031_slotting
Revises: 0028_returns

Issue 21 (docs/routing.md "Slotting", docs/stock.md). A slotting move is a stock move task like
a replenishment (a product's lot, from, to, quantity), done by the clerk on the same move page
and closed by the same `stock.moved` fact, so it is a row of `replenishments` with reason
"slotting". Two things of 0027's index do not fit it: a product's home moving to a location
that has a replenishment open, and several lots of one product moving to one location. So the
one-open-task-per-face index now covers the other reasons only, and a second partial index
keeps one open slotting task per product lot and source (a plan's tasks created twice add
nothing the second time).
"""

import sqlalchemy as sa
from alembic import op

revision = "0031_slotting"
down_revision = "0028_returns"
branch_labels = None
depends_on = None

OPEN = sa.text("status = 'open'")
OPEN_FACE = sa.text("status = 'open' AND reason <> 'slotting'")
OPEN_SLOTTING = sa.text("status = 'open' AND reason = 'slotting'")


def _face_index(where) -> None:
    op.create_index(
        "ux_replenishments_open_face",
        "replenishments",
        ["to_location_id"],
        unique=True,
        sqlite_where=where,
        postgresql_where=where,
    )


def upgrade() -> None:
    op.drop_index("ux_replenishments_open_face", table_name="replenishments")
    _face_index(OPEN_FACE)
    op.create_index(
        "ux_replenishments_open_slotting",
        "replenishments",
        ["product_id", "lot", "from_location_id"],
        unique=True,
        sqlite_where=OPEN_SLOTTING,
        postgresql_where=OPEN_SLOTTING,
    )


def downgrade() -> None:
    op.execute("UPDATE replenishments SET status = 'cancelled' WHERE reason = 'slotting'")
    op.drop_index("ux_replenishments_open_slotting", table_name="replenishments")
    op.drop_index("ux_replenishments_open_face", table_name="replenishments")
    _face_index(OPEN)
