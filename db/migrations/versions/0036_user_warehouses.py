"""user warehouses: a user's home warehouses (none recorded: every warehouse, as before)

Revision ID: 0036_user_warehouses
Revises: 0035_transfers

Issue 22 (docs/setup.md "Several warehouses", docs/interfaces.md §15). One row per user and
warehouse they belong to (`shipshape user-warehouses BADGE --set CODE[,CODE]`); a lead may
cover several. A user with no row works in every warehouse, so an upgraded database changes
nothing until homes are set. A station started for a warehouse refuses to sign in someone
whose homes do not include it. Both references are foreign keys (on SQLite too: a new table).
"""

import sqlalchemy as sa
from alembic import op

revision = "0036_user_warehouses"
down_revision = "0035_transfers"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "user_warehouses",
        sa.Column("user_id", Id, sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("warehouse_id", Id, sa.ForeignKey("warehouses.id"), primary_key=True),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Stations sign people in from their copy of the users (db/roles.sql grants the same).
        op.execute(
            "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'shipshape_station') "
            "THEN GRANT SELECT ON user_warehouses TO shipshape_station; END IF; "
            "IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'shipshape_lead') "
            "THEN GRANT SELECT ON user_warehouses TO shipshape_lead; END IF; END $$"
        )


def downgrade() -> None:
    op.drop_table("user_warehouses")
