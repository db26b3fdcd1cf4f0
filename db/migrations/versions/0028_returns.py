"""returns: RMAs, received returns, their lines, quarantine, and order_lines.returned

Revision ID: 0028_returns
Revises: 0025_receipts, 0026_counts, 0027_replenishments

Issue 20 (docs/returns.md). Joins the three stock-control heads into one. An RMA announces what a
shipped order sends back; a return is one parcel received at the returns station (its UUID made
there); each return line is a group of units with its condition and where it went. Units in
quarantine are not stock: a table of their own, so no allocation query can ever see them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0028_returns"
down_revision = ("0025_receipts", "0026_counts", "0027_replenishments")
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}"
    )


def upgrade() -> None:
    with op.batch_alter_table("order_lines") as batch:
        batch.add_column(sa.Column("returned", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "rmas",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("rma_id", sa.String(80), nullable=False),
        sa.Column("order_ref", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(12), nullable=False, server_default="open"),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        _fk("rmas", "order_ref", "orders"),
        sa.PrimaryKeyConstraint("id", name="pk_rmas"),
        sa.UniqueConstraint("rma_id", name="uq_rmas_rma_id"),
    )
    op.create_index("ix_rmas_order_ref", "rmas", ["order_ref"])
    op.create_table(
        "rma_lines",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("rma_ref", sa.BigInteger(), nullable=False),
        sa.Column("product_id", sa.BigInteger(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        _fk("rma_lines", "rma_ref", "rmas"),
        _fk("rma_lines", "product_id", "products"),
        sa.PrimaryKeyConstraint("id", name="pk_rma_lines"),
    )
    op.create_index("ix_rma_lines_rma_ref", "rma_lines", ["rma_ref"])
    op.create_table(
        "returns",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("return_id", sa.String(36), nullable=False),
        sa.Column("order_ref", sa.BigInteger(), nullable=False),
        sa.Column("rma_ref", sa.BigInteger(), nullable=True),
        sa.Column("parcel", sa.String(80), nullable=False, server_default=""),
        sa.Column("status", sa.String(10), nullable=False, server_default="open"),
        sa.Column("station", sa.String(100), nullable=True),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=True),
        _fk("returns", "order_ref", "orders"),
        _fk("returns", "rma_ref", "rmas"),
        sa.PrimaryKeyConstraint("id", name="pk_returns"),
        sa.UniqueConstraint("return_id", name="uq_returns_return_id"),
    )
    op.create_index("ix_returns_order_ref", "returns", ["order_ref"])
    op.create_table(
        "return_lines",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("return_ref", sa.BigInteger(), nullable=False),
        sa.Column("order_line_id", sa.BigInteger(), nullable=True),
        sa.Column("product_id", sa.BigInteger(), nullable=False),
        sa.Column("lot", sa.String(40), nullable=False, server_default=""),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("serial", sa.String(60), nullable=False, server_default=""),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("condition", sa.String(12), nullable=False),
        sa.Column("destination", sa.String(12), nullable=False),
        sa.Column("location", sa.String(60), nullable=False, server_default=""),
        sa.Column("flag", sa.String(30), nullable=False, server_default=""),
        sa.Column("fact_id", sa.String(36), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_by", sa.String(100), nullable=True),
        _fk("return_lines", "return_ref", "returns"),
        _fk("return_lines", "order_line_id", "order_lines"),
        _fk("return_lines", "product_id", "products"),
        sa.PrimaryKeyConstraint("id", name="pk_return_lines"),
    )
    op.create_index("ix_return_lines_return_ref", "return_lines", ["return_ref"])
    op.create_table(
        "quarantine",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("return_line_id", sa.BigInteger(), nullable=True),
        sa.Column("product_id", sa.BigInteger(), nullable=False),
        sa.Column("lot", sa.String(40), nullable=False, server_default=""),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("serial", sa.String(60), nullable=False, server_default=""),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(12), nullable=False),
        sa.Column("status", sa.String(24), nullable=False, server_default="open"),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(100), nullable=True),
        sa.Column("restocked_to", sa.String(60), nullable=True),
        _fk("quarantine", "return_line_id", "return_lines"),
        _fk("quarantine", "product_id", "products"),
        sa.PrimaryKeyConstraint("id", name="pk_quarantine"),
    )


def downgrade() -> None:
    op.drop_table("quarantine")
    op.drop_index("ix_return_lines_return_ref", table_name="return_lines")
    op.drop_table("return_lines")
    op.drop_index("ix_returns_order_ref", table_name="returns")
    op.drop_table("returns")
    op.drop_index("ix_rma_lines_rma_ref", table_name="rma_lines")
    op.drop_table("rma_lines")
    op.drop_index("ix_rmas_order_ref", table_name="rmas")
    op.drop_table("rmas")
    with op.batch_alter_table("order_lines") as batch:
        batch.drop_column("returned")
