"""receipts: expected deliveries (ASN / purchase orders) and what was received and put away

Revision ID: 0025_receipts
Revises: 0024_stock_ledger

Issue 19 (receiving, docs/stock.md). `receipts` are the deliveries announced by
`shipshape import-receipts` (with the supplier's SSCC pallet label when known), open until a
clerk closes them. `receipt_lines` hold per product and lot what was expected, received and put
away; an item nobody announced gets a line with `expected` 0. Units received but not put away
live only here (received − put_away): they are not stock and never allocated.
"""

import sqlalchemy as sa
from alembic import op

revision = "0025_receipts"
down_revision = "0024_stock_ledger"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "receipts",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("receipt_id", sa.String(80), nullable=False),
        sa.Column("supplier", sa.String(200), nullable=False),
        sa.Column("sscc", sa.String(18), nullable=True),
        sa.Column("status", sa.String(10), nullable=False, server_default="open"),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_receipts"),
        sa.UniqueConstraint("receipt_id", name="uq_receipts_receipt_id"),
    )
    op.create_index("ix_receipts_sscc", "receipts", ["sscc"])
    op.create_table(
        "receipt_lines",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("receipt_ref", sa.BigInteger(), nullable=False),
        sa.Column("product_id", sa.BigInteger(), nullable=False),
        sa.Column("lot", sa.String(40), nullable=False, server_default=""),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("expected", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("received", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("put_away", sa.Integer(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(
            ["receipt_ref"], ["receipts.id"], name="fk_receipt_lines_receipt_ref_receipts"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_receipt_lines_product_id_products"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_receipt_lines"),
        sa.UniqueConstraint(
            "receipt_ref", "product_id", "lot", name="uq_receipt_lines_receipt_ref"
        ),
    )


def downgrade() -> None:
    op.drop_table("receipt_lines")
    op.drop_index("ix_receipts_sscc", table_name="receipts")
    op.drop_table("receipts")
