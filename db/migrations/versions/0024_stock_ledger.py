"""stock ledger: every change of on-hand as a movement; pick faces with min and max

Revision ID: 0024_stock_ledger
Revises: 0023_customers

Issue 19 (stock control, docs/stock.md). `stock_movements` is the stock ledger: each change of
a stock row's on-hand (put away, moved, counted, picked, imported) with who, which station,
when it happened on the floor and when central recorded it, and the figure before and after.
`stock.counted_at` is when the row was last counted on the floor, so a pick recorded before
that count and arriving after it is not taken off twice. `pick_faces` names each pick face's
product and its replenishment min and max; every other location is reserve.
"""

import sqlalchemy as sa
from alembic import op

revision = "0024_stock_ledger"
down_revision = "0023_customers"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "stock_movements",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("fact_id", sa.String(36), nullable=True),  # None: a desk change (import)
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("location_id", sa.BigInteger(), nullable=False),
        sa.Column("product_id", sa.BigInteger(), nullable=False),
        sa.Column("lot", sa.String(40), nullable=False, server_default=""),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.Column("on_hand_before", sa.Integer(), nullable=False),
        sa.Column("on_hand_after", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("station", sa.String(60), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name="fk_stock_movements_location_id_locations"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_stock_movements_product_id_products"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_stock_movements"),
    )
    op.create_index(
        "ix_stock_movements_place",
        "stock_movements",
        ["location_id", "product_id", "lot", "occurred_at"],
    )
    op.create_table(
        "pick_faces",
        sa.Column("location_id", sa.BigInteger(), nullable=False),
        sa.Column("product_id", sa.BigInteger(), nullable=False),
        sa.Column("min_qty", sa.Integer(), nullable=False),
        sa.Column("max_qty", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name="fk_pick_faces_location_id_locations"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_pick_faces_product_id_products"
        ),
        sa.PrimaryKeyConstraint("location_id", name="pk_pick_faces"),
    )
    # Plain ADD COLUMN, never a batch (a batch copies the table on SQLite, dropping triggers).
    op.add_column("stock", sa.Column("counted_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("stock", "counted_at")
    op.drop_table("pick_faces")
    op.drop_index("ix_stock_movements_place", table_name="stock_movements")
    op.drop_table("stock_movements")
