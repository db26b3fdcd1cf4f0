"""dispatch: load units, parcels on them, manifests

Revision ID: 0020_dispatch
Revises: 0016

The outbound dock (issue 17, docs/dispatch.md): a load unit is bound to one carrier until the
carrier's collection closes; `parcel_loads` has a row per carton on a unit (taking it off
deletes it: the `dispatch.*` facts keep the history); closing a carrier writes a manifest and
stamps its parcels with it, which is what "shipped" means for a carton. Grown side by side with
other features from 0016 (db.migrate upgrades to every head).
"""

import sqlalchemy as sa
from alembic import op

revision = "0020_dispatch"
down_revision = "0016"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "load_units",
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("carrier", sa.String(60), nullable=True),
        sa.Column("bound_at", WHEN, nullable=True),
        sa.Column("bound_by", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("code", name="pk_load_units"),
    )
    op.create_table(
        "manifests",
        sa.Column("id", Id, autoincrement=True, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("carrier", sa.String(60), nullable=False),
        sa.Column("closed_at", WHEN, nullable=False),
        sa.Column("closed_by", sa.String(100), nullable=False),
        sa.Column("station", sa.String(60), nullable=False),
        sa.Column("parcels", sa.Integer(), nullable=False),
        sa.Column("orders_shipped", sa.Integer(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_manifests"),
        sa.UniqueConstraint("code", name="uq_manifests_code"),
    )
    op.create_index("ix_manifests_carrier", "manifests", ["carrier"])
    op.create_table(
        "parcel_loads",
        sa.Column("package_id", Id, nullable=False),
        sa.Column("order_ref", Id, nullable=False),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("carrier", sa.String(60), nullable=False),
        sa.Column("loaded_at", WHEN, nullable=False),
        sa.Column("loaded_by", sa.String(100), nullable=True),
        sa.Column("station", sa.String(60), nullable=True),
        sa.Column("fact_uuid", sa.String(36), nullable=False),
        sa.Column("manifest_id", Id, nullable=True),
        sa.ForeignKeyConstraint(
            ["package_id"], ["packages.id"], name="fk_parcel_loads_package_id_packages"
        ),
        sa.ForeignKeyConstraint(["order_ref"], ["orders.id"], name="fk_parcel_loads_order_ref_orders"),
        sa.ForeignKeyConstraint(
            ["manifest_id"], ["manifests.id"], name="fk_parcel_loads_manifest_id_manifests"
        ),
        sa.PrimaryKeyConstraint("package_id", name="pk_parcel_loads"),
    )
    op.create_index("ix_parcel_loads_order_ref", "parcel_loads", ["order_ref"])
    op.create_index("ix_parcel_loads_manifest_id", "parcel_loads", ["manifest_id"])


def downgrade() -> None:
    op.drop_table("parcel_loads")
    op.drop_table("manifests")
    op.drop_table("load_units")
