"""packing: find a shipped serial number quickly (the packing station refuses it)

Revision ID: 0005
Revises: 0002
"""

from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_package_items_serial", "package_items", ["serial"])


def downgrade() -> None:
    op.drop_index("ix_package_items_serial", table_name="package_items")
