"""replenishments: tasks to bring a pick face back up to its max from reserve stock

Revision ID: 0027_replenishments
Revises: 0024_stock_ledger

Issue 19 (stock control, docs/stock.md "Moves and replenishment"). A pick face that falls below
its min (by picks, counts, moves or a released wave's allocations) gets one open task: move
`quantity` of a product's lot from a reserve location to the pick face. The clerk does it as a
move (`stock.moved` with the task's id), which closes it. At most one open task per pick face:
a partial unique index, so two transactions that both find a face low add one task, not two.
"""

import sqlalchemy as sa
from alembic import op

revision = "0027_replenishments"
down_revision = "0024_stock_ledger"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
OPEN = sa.text("status = 'open'")


def upgrade() -> None:
    op.create_table(
        "replenishments",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("product_id", sa.BigInteger(), nullable=False),
        sa.Column("lot", sa.String(40), nullable=False, server_default=""),
        sa.Column("from_location_id", sa.BigInteger(), nullable=False),
        sa.Column("to_location_id", sa.BigInteger(), nullable=False),  # the pick face
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="open"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),  # pick / count / move / wave
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(100), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_replenishments_product_id_products"
        ),
        sa.ForeignKeyConstraint(
            ["from_location_id"],
            ["locations.id"],
            name="fk_replenishments_from_location_id_locations",
        ),
        sa.ForeignKeyConstraint(
            ["to_location_id"], ["locations.id"], name="fk_replenishments_to_location_id_locations"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_replenishments"),
    )
    op.create_index(
        "ux_replenishments_open_face",
        "replenishments",
        ["to_location_id"],
        unique=True,
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )


def downgrade() -> None:
    op.drop_index("ux_replenishments_open_face", table_name="replenishments")
    op.drop_table("replenishments")
